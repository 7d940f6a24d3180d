#include "alpscan/physics/CascadeAngles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace alpscan::physics {

namespace {
constexpr double kPi = 3.14159265358979323846;
}

CascadeAngularMoments cascade_angular_moments(const EmCascade& cascade, const std::vector<double>& photon_source,
                                              const std::vector<double>& lepton_source, double scattering_energy) {
  if (!(scattering_energy > 0)) throw std::invalid_argument("cascade_angular_moments: scattering energy must be > 0");
  const double inf = std::numeric_limits<double>::infinity();
  const int n = cascade.groups();
  const std::vector<double>& e = cascade.edges();
  // <1/E^2> of a lepton flat in ln E inside group g: (1/a^2 - 1/b^2)/(2 ln(b/a)).
  std::vector<double> D(n);
  for (int g = 0; g < n; ++g) {
    const double a = e[g], b = e[g + 1];
    D[g] = scattering_energy * scattering_energy * (1.0 / (a * a) - 1.0 / (b * b)) / (2.0 * std::log(b / a));
  }
  const CascadeResult L = cascade.solve(photon_source, lepton_source, inf, 0.0, 0.0);
  const std::vector<double> zero(n, 0.0);
  std::vector<double> s(n);
  for (int g = 0; g < n; ++g) s[g] = D[g] * L.lepton_track[g];
  const CascadeResult M2 = cascade.solve(zero, s, inf, 0.0, 0.0);
  for (int g = 0; g < n; ++g) s[g] = 4.0 * D[g] * M2.lepton_track[g];
  const CascadeResult M4 = cascade.solve(zero, s, inf, 0.0, 0.0);

  CascadeAngularMoments r;
  r.edges = L.edges;
  r.photon_track = L.photon_track;
  r.lepton_track = L.lepton_track;
  r.photon_theta2.assign(n, 0.0), r.photon_theta4.assign(n, 0.0);
  r.lepton_theta2.assign(n, 0.0), r.lepton_theta4.assign(n, 0.0);
  for (int g = 0; g < n; ++g) {
    if (L.photon_track[g] > 0) {
      r.photon_theta2[g] = M2.photon_track[g] / L.photon_track[g];
      r.photon_theta4[g] = M4.photon_track[g] / L.photon_track[g];
    }
    if (L.lepton_track[g] > 0) {
      r.lepton_theta2[g] = M2.lepton_track[g] / L.lepton_track[g];
      r.lepton_theta4[g] = M4.lepton_track[g] / L.lepton_track[g];
    }
  }
  return r;
}

MomentMatchedAngles::MomentMatchedAngles(double mean_theta2, double mean_theta4) : m2_(mean_theta2) {
  if (!(mean_theta2 > 0) || !(mean_theta4 > 0)) throw std::invalid_argument("MomentMatchedAngles: moments must be > 0");
  const double R = mean_theta4 / (mean_theta2 * mean_theta2);
  gauss_ = !(R > 2.0 + 1e-6);
  if (!gauss_) {
    a_ = 2.0 * (R - 1.0) / (R - 2.0);
    beta_ = mean_theta2 * (a_ - 1.0);
  } else {
    a_ = std::numeric_limits<double>::infinity();
  }
}

double MomentMatchedAngles::density(double theta) const {
  const double w = theta * theta;
  if (gauss_) return std::exp(-w / m2_) / (kPi * m2_);
  return a_ / (kPi * beta_) * std::pow(1.0 + w / beta_, -a_ - 1.0);
}

double MomentMatchedAngles::cdf(double theta) const {
  const double w = theta * theta;
  if (gauss_) return -std::expm1(-w / m2_);
  return 1.0 - std::pow(1.0 + w / beta_, -a_);
}

double MomentMatchedAngles::quantile(double p) const {
  if (!(p >= 0) || !(p < 1)) throw std::invalid_argument("MomentMatchedAngles::quantile: 0 <= p < 1");
  if (gauss_) return std::sqrt(-m2_ * std::log1p(-p));
  return std::sqrt(beta_ * std::expm1(-std::log1p(-p) / a_));
}

namespace {
// Gaver-Stehfest coefficients V_j, j = 1..N (N even): f(t) ~ (ln 2/t) sum_j V_j F(j ln 2/t).
std::vector<double> stehfest(int N) {
  std::vector<double> c(N + 1, 0.0);
  auto fact = [](int n) {
    long double f = 1;
    for (int i = 2; i <= n; ++i) f *= i;
    return f;
  };
  const int h = N / 2;
  for (int j = 1; j <= N; ++j) {
    long double s = 0;
    for (int k = (j + 1) / 2; k <= std::min(j, h); ++k)
      s += std::pow(static_cast<long double>(k), h) * fact(2 * k) /
           (fact(h - k) * fact(k) * fact(k - 1) * fact(j - k) * fact(2 * k - j));
    c[j] = static_cast<double>(((j + h) % 2 == 0 ? 1 : -1) * s);
  }
  return c;
}
}  // namespace

CascadeVarianceMixture::CascadeVarianceMixture(const EmCascade& cascade, const std::vector<double>& photon_source,
                                               const std::vector<double>& lepton_source, double scattering_energy,
                                               const VarianceGrid& grid)
    : n_(cascade.groups()), edges_(cascade.edges()) {
  if (!(scattering_energy > 0) || !(grid.v_min > 0) || !(grid.v_max > grid.v_min) || grid.per_decade < 1)
    throw std::invalid_argument("CascadeVarianceMixture: bad scattering energy or variance grid");
  // Lepton diffusion rate D_g = E_s^2 <1/E^2>_g (flat in ln E inside the group).
  std::vector<double> D(n_);
  for (int g = 0; g < n_; ++g) {
    const double a = edges_[g], b = edges_[g + 1];
    D[g] = scattering_energy * scattering_energy * (1.0 / (a * a) - 1.0 / (b * b)) / (2.0 * std::log(b / a));
  }
  const std::vector<double> none(n_, 0.0);
  const std::vector<double> L0 = cascade.solve_thick_lepton_absorption(photon_source, lepton_source, none).photon_track;
  // Grid of v and the CDF per group at each v by Gaver-Stehfest: F(v) = sum_j c_j Ltilde(j ln2/v)/j.
  const int nv = static_cast<int>(std::ceil(std::log10(grid.v_max / grid.v_min) * grid.per_decade - 1e-9)) + 1;
  std::vector<double> v(nv);
  for (int i = 0; i < nv; ++i) v[i] = grid.v_min * std::pow(10.0, double(i) / grid.per_decade);
  const int N = 12;
  const std::vector<double> c = stehfest(N);
  std::vector<double> F(static_cast<std::size_t>(nv) * n_, 0.0);  // [i][g]
  std::vector<double> a(n_);
  for (int i = 0; i < nv; ++i)
    for (int j = 1; j <= N; ++j) {
      const double s = j * std::log(2.0) / v[i];
      for (int g = 0; g < n_; ++g) a[g] = s * D[g];
      const std::vector<double> Ls = cascade.solve_thick_lepton_absorption(photon_source, lepton_source, a).photon_track;
      for (int g = 0; g < n_; ++g)
        if (L0[g] > 0) F[static_cast<std::size_t>(i) * n_ + g] += c[j] * (Ls[g] / L0[g]) / j;
    }
  // Bins [0, v_0], [v_{i-1}, v_i], [v_last, inf): representatives v_0/2, the mean of a flat-in-ln V
  // (b - a)/ln(b/a), 2 v_last.
  V_.push_back(0.5 * v[0]);
  for (int i = 1; i < nv; ++i) V_.push_back((v[i] - v[i - 1]) / std::log(v[i] / v[i - 1]));
  V_.push_back(2.0 * v[nv - 1]);
  const std::size_t nb = V_.size();
  w_.assign(nb * n_, 0.0);
  for (int g = 0; g < n_; ++g) {
    if (!(L0[g] > 0)) continue;
    double prev = 0.0;  // the CDF made monotone and clamped to [0, 1] (Stehfest's ripples)
    for (int i = 0; i < nv; ++i) {
      const double f = std::clamp(F[static_cast<std::size_t>(i) * n_ + g], prev, 1.0);
      w_[g * nb + i] = f - prev;
      prev = f;
    }
    w_[g * nb + nv] = 1.0 - prev;
  }
}

std::vector<double> CascadeVarianceMixture::photon_weights(int g) const {
  const std::size_t nb = V_.size();
  return std::vector<double>(w_.begin() + g * nb, w_.begin() + (g + 1) * nb);
}

GaussianMixtureAngles::GaussianMixtureAngles(std::vector<double> V, std::vector<double> w) : V_(std::move(V)), w_(std::move(w)) {
  if (V_.size() != w_.size()) throw std::invalid_argument("GaussianMixtureAngles: one weight per variance");
}

double GaussianMixtureAngles::mean_theta2() const {
  double s = 0.0;
  for (std::size_t i = 0; i < V_.size(); ++i) s += w_[i] * V_[i];
  return s;
}

double GaussianMixtureAngles::density(double theta) const {
  const double t2 = theta * theta;
  double s = 0.0;
  for (std::size_t i = 0; i < V_.size(); ++i)
    if (w_[i] > 0) s += w_[i] * std::exp(-t2 / V_[i]) / (kPi * V_[i]);
  return s;
}

double GaussianMixtureAngles::cdf(double theta) const {
  const double t2 = theta * theta;
  double s = 0.0;
  for (std::size_t i = 0; i < V_.size(); ++i)
    if (w_[i] > 0) s += w_[i] * -std::expm1(-t2 / V_[i]);
  return s;
}

double GaussianMixtureAngles::quantile(double p) const {
  double lo = 0.0, hi = 1.0;
  for (double v : V_) hi = std::max(hi, 100.0 * std::sqrt(v));
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    (cdf(mid) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace alpscan::physics
