#include "alpscan/physics/PrimakoffMeasure.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace alpscan::physics {

PrimakoffMeasure::PrimakoffMeasure(const PrimakoffJ& J, int n_gl, double panel_width)
    : J_(&J), n_(n_gl), h_(panel_width) {
  if (n_ < 2 || !(h_ > 0)) throw std::invalid_argument("PrimakoffMeasure: n_gl >= 2 and panel_width > 0");
  const GaussLegendre gl(n_);
  x_ = gl.nodes();
  lambda_.assign(n_, 1.0);
  for (int k = 0; k < n_; ++k)
    for (int j = 0; j < n_; ++j)
      if (j != k) lambda_[k] /= (x_[k] - x_[j]);
}

void PrimakoffMeasure::clear() {
  closed_c_.clear(), closed_d_.clear(), u_raw_.clear(), w_raw_.clear();
  d2_.clear(), W_.clear(), used_.clear();
  n_panels_ = 0;
}

void PrimakoffMeasure::add(const PrimakoffJ& J, double coef, double pT, double K) {
  if (coef == 0.0) return;
  const PrimakoffJ::Parts p = J.parts(0.0, pT, K, &scratch_);
  if (p.f0 != 0.0 && p.delta_a > 0) closed_c_.push_back(coef * p.f0), closed_d_.push_back(p.delta_a);
  if (!scratch_.valid) return;
  for (std::size_t i = 0; i < scratch_.acc.size(); ++i) {
    if (scratch_.acc[i] == 0.0) continue;
    u_raw_.push_back(0.5 * std::log(scratch_.d2[i]));
    w_raw_.push_back(coef * scratch_.acc[i]);
  }
}

void PrimakoffMeasure::finish() {
  d2_.clear(), W_.clear(), used_.clear();
  n_panels_ = 0;
  if (u_raw_.empty()) return;
  const auto [lo, hi] = std::minmax_element(u_raw_.begin(), u_raw_.end());
  u0_ = *lo;
  n_panels_ = std::max(1, static_cast<int>(std::ceil((*hi - u0_) / h_ * (1.0 + 1e-12))));
  d2_.resize(static_cast<std::size_t>(n_panels_) * n_);
  W_.assign(d2_.size(), 0.0);
  used_.assign(n_panels_, 0);
  for (int p = 0; p < n_panels_; ++p)
    for (int k = 0; k < n_; ++k) d2_[p * n_ + k] = std::exp(2.0 * (u0_ + h_ * (p + 0.5 * (1.0 + x_[k]))));
  std::vector<double> L(n_);
  raw_start_.assign(n_panels_ + 1, 0);
  auto panel_of = [&](double u) { return std::clamp(static_cast<int>((u - u0_) / h_), 0, n_panels_ - 1); };
  for (std::size_t i = 0; i < u_raw_.size(); ++i) {
    const double s = (u_raw_[i] - u0_) / h_;
    const int p = panel_of(u_raw_[i]);
    const double t = 2.0 * (s - p) - 1.0;  // in [-1, 1] (slightly beyond at the clamped ends: extrapolation)
    // Barycentric Lagrange basis at t.
    int exact = -1;
    double den = 0.0;
    for (int k = 0; k < n_; ++k) {
      if (t == x_[k]) { exact = k; break; }
      L[k] = lambda_[k] / (t - x_[k]);
      den += L[k];
    }
    ++raw_start_[p + 1];
    double* w = &W_[p * n_];
    if (exact >= 0) w[exact] += w_raw_[i];
    else
      for (int k = 0; k < n_; ++k) w[k] += w_raw_[i] * L[k] / den;
    used_[p] = 1;
  }
  // The points themselves, grouped by panel (counting sort), for the panel of the cutoff.
  for (int p = 0; p < n_panels_; ++p) raw_start_[p + 1] += raw_start_[p];
  raw_d2_.resize(u_raw_.size());
  raw_w_.resize(u_raw_.size());
  std::vector<std::size_t> fill(raw_start_.begin(), raw_start_.end() - 1);
  for (std::size_t i = 0; i < u_raw_.size(); ++i) {
    const std::size_t j = fill[panel_of(u_raw_[i])]++;
    raw_d2_[j] = std::exp(2.0 * u_raw_[i]);
    raw_w_[j] = w_raw_[i];
  }
}

double PrimakoffMeasure::operator()(double tau) const {
  const PrimakoffTarget& tg = J_->target();
  double s = 0.0;
  if (!closed_c_.empty()) {
    const double F2 = tg.helm.squared(tau);
    if (F2 > 0) {
      double c = 0.0;
      for (std::size_t i = 0; i < closed_c_.size(); ++i) c += closed_c_[i] * primakoff_kernel_integral(tau, 0.0, closed_d_[i]);
      s += F2 * c;
    }
  }
  // The panel where tau + Delta^2 reaches the form-factor cutoff (F^2: a double zero, then 0) is
  // summed over the collected points themselves (their tau = 0 rules, as PrimakoffJ::from_nodes).
  int pc = -1;
  const double qc = tg.helm.q_cut(), dc2 = qc * qc - tau;
  if (dc2 > 0) {
    const double s = (0.5 * std::log(dc2) - u0_) / h_;
    if (s >= 0 && s < n_panels_) pc = static_cast<int>(s);
  }
  for (int p = 0; p < n_panels_; ++p) {
    if (!used_[p]) continue;
    if (p == pc) {
      for (std::size_t i = raw_start_[p]; i < raw_start_[p + 1]; ++i) s += raw_w_[i] * J_->mass_factor(tau, raw_d2_[i]);
      continue;
    }
    for (int k = 0; k < n_; ++k) {
      const std::size_t i = static_cast<std::size_t>(p) * n_ + k;
      s += W_[i] * J_->mass_factor(tau, d2_[i]);
    }
  }
  return s;
}

}  // namespace alpscan::physics
