#include "alpscan/physics/SmearedPrimakoffCone.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "alpscan/physics/ConeConvolution.hpp"
#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kXLoFrac = 1e-2;  // x_lo / theta_c
constexpr double kXHi = 1.0;       // rad
}  // namespace

PhotonSmearedCone::PhotonSmearedCone(std::vector<double> V, double theta_c, int per_decade)
    : V_(std::move(V)), theta_c_(theta_c) {
  if (!(theta_c > 0) || per_decade < 1) throw std::invalid_argument("PhotonSmearedCone: theta_c > 0 required");
  const double x0 = kXLoFrac * theta_c;
  lnx0_ = std::log(x0);
  dlnx_ = std::log(10.0) / per_decade;
  nx_ = static_cast<int>(std::ceil((std::log(kXHi) - lnx0_) / dlnx_)) + 1;
  Q_.assign(V_.size() * nx_, 0.0);
  const ConeConvolutionRule rule{8, 2.0};
  for (std::size_t i = 0; i < V_.size(); ++i) {
    const double Vi = V_[i], s = std::sqrt(Vi);
    auto rho = [&](double t) { return std::exp(-t * t / Vi) / (kPi * Vi); };
    for (int k = 0; k < nx_; ++k) {
      const double x = std::exp(lnx0_ + k * dlnx_);
      // f_acc has square-root edges where the ring of radius x about the photon touches the cone.
      Q_[i * nx_ + k] = cone_convolution(rho, [&](double t) { return acceptance_fraction(x, t, theta_c); },
                                         {0.5 * s, s, std::abs(theta_c - x), theta_c + x}, theta_c + x + 8.0 * s, rule);
    }
  }
}

std::vector<double> PhotonSmearedCone::acceptance(const std::vector<double>& w) const {
  if (w.size() != V_.size()) throw std::invalid_argument("PhotonSmearedCone::acceptance: one weight per variance");
  std::vector<double> C(nx_, 0.0);
  for (std::size_t i = 0; i < V_.size(); ++i)
    if (w[i] != 0.0)
      for (int k = 0; k < nx_; ++k) C[k] += w[i] * Q_[i * nx_ + k];
  return C;
}

double PhotonSmearedCone::at(const std::vector<double>& C, double x) const {
  if (!(x > 0)) return C.front();
  const double s = (std::log(x) - lnx0_) / dlnx_;
  if (s <= 0) return C.front();
  if (s >= nx_ - 1) return 0.0;
  const int k = static_cast<int>(s);
  const double t = s - k;
  return C[k] + t * (C[k + 1] - C[k]);
}

double primakoff_J_smeared(const PrimakoffTarget& target, double tau, double K, const std::function<double(double)>& C) {
  const double qc = target.helm.q_cut();
  const double t_max = qc * qc;
  if (!(tau < t_max)) return 0.0;
  const double Dc = std::sqrt(t_max - tau);
  const bool scr = target.screening == Screening::tsai;
  const double qs = scr ? target.screening_q : 0.0;
  auto f = [&](double Delta) {  // integrand in u = ln Delta
    const double d2 = Delta * Delta, t = tau + d2, r = d2 / t;
    double v = r * r * target.helm.squared(t) * C(Delta);
    if (scr) {
      const double x = t / (qs * qs);
      const double sc = x / (1.0 + x);
      v *= sc * sc;
    }
    return v;
  };
  // Lower end: screened, the integrand is below 1e-12 of its plateau under 1e-3 max(sqrt tau, q_s);
  // unscreened, C and F^2 are constant (to 1e-7) below Delta_a = min(1e-4 q_cut, K x_lo/theta_c) and that
  // stretch is the closed kernel int Delta^3/(tau + Delta^2)^2 (primakoff_kernel_integral).
  double lo, closed = 0.0;
  if (scr) {
    lo = 1e-3 * std::max(std::sqrt(tau), qs);
  } else {
    lo = std::min(1e-4 * qc, kXLoFrac * K);
    closed = C(0.5 * lo) * primakoff_kernel_integral(tau, 0.0, lo);
  }
  if (!(lo < Dc)) return closed;
  std::vector<double> bp{std::log(lo), std::log(Dc)};
  for (double b : {std::sqrt(tau), qs, K})
    if (b > lo && b < Dc) bp.push_back(std::log(b));
  std::sort(bp.begin(), bp.end());
  static const GaussLegendre gl(8);
  double s = 0.0;
  for (std::size_t i = 0; i + 1 < bp.size(); ++i) {
    const int n = std::max(1, static_cast<int>(std::ceil((bp[i + 1] - bp[i]) / 0.5)));
    const double h = (bp[i + 1] - bp[i]) / n;
    for (int k = 0; k < n; ++k)
      s += gl.integrate([&](double u) { return f(std::exp(u)); }, bp[i] + k * h, bp[i] + (k + 1) * h);
  }
  return closed + s;
}

}  // namespace alpscan::physics
