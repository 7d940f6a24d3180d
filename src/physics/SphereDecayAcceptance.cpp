#include "alpscan/physics/SphereDecayAcceptance.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "alpscan/core/Units.hpp"

namespace alpscan::physics {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// g(x) = 3 (x cosh x - sinh x)/x^3 = 1 + sum_{n>=2} 3 (2n) x^{2n-2}/(2n+1)!  and
// q(x) = sinh(x)/x = sum_{k>=0} x^{2k}/(2k+1)!, for |x| < 1 (terms < 1e-17 beyond n = 10).
void series(double x, double& g, double& q) {
  const double x2 = x * x;
  g = 1.0;
  q = 1.0;
  double term = 1.0;  // x^{2k}/(2k+1)!
  for (int k = 1; k <= 10; ++k) {
    // g, q >= 1 and the terms decrease: once one is below half an ulp of 1 (1.1e-16), adding it and
    // every later one leaves g and q unchanged, so stopping there gives the same bits (small x: the
    // long-lifetime limit, where the scans evaluate this most).
    if (term < 1e-17) break;
    term *= x2 / ((2.0 * k) * (2.0 * k + 1.0));
    q += term;
    // g's coefficient of x^{2k} (n = k + 1): 3 (2k+2)/(2k+3)! = 3 term/(2k+3)
    g += 3.0 * term / (2.0 * k + 3.0);
  }
}

}  // namespace

double detector_half_angle(double area, double distance) {
  if (!(area >= 0) || !(distance > 0)) throw std::invalid_argument("detector_half_angle: area >= 0, distance > 0");
  return std::atan(std::sqrt(area / units::pi) / distance);
}

double cone_solid_angle(double half_angle) {
  const double s = std::sin(0.5 * half_angle);
  return 4.0 * units::pi * s * s;
}

double sphere_mean_chord(double R) { return 4.0 * R / 3.0; }

double sphere_log_reduced_decay(double x, SphereDecayMode mode) {
  if (!(x > 0)) return -kInf;
  if (mode == SphereDecayMode::paper) {  // ln(1 - e^{-2x})
    return x < 0.35 ? std::log(-std::expm1(-2.0 * x)) : std::log1p(-std::exp(-2.0 * x));
  }
  if (x < 1.0) {
    double g, q;
    series(x, g, q);
    return std::log(4.0 * x / 3.0) + std::log(g) - x;
  }
  const double e = std::exp(-2.0 * x);
  return std::log(2.0 * ((x - 1.0) + (x + 1.0) * e)) - 2.0 * std::log(x);
}

double sphere_log_reduced_decay_slope(double x, SphereDecayMode mode) {
  if (!(x > 0)) return 1.0;  // H ~ 4x/3 (chord-averaged) or 2x (paper)
  if (mode == SphereDecayMode::paper) {
    // d/dlnx ln(1 - e^{-2x}) = 2x e^{-2x}/(1 - e^{-2x}) = 2x / expm1(2x)
    return x > 350.0 ? 0.0 : 2.0 * x / std::expm1(2.0 * x);
  }
  // ln H = ln 4 - 2 ln x + ln S(x) - x, S = x cosh x - sinh x, S' = x sinh x:
  //   d ln H / d ln x = -2 - x + x^2 sinh(x)/S(x)
  if (x < 1.0) {
    double g, q;
    series(x, g, q);
    return -2.0 - x + 3.0 * q / g;  // x^2 sinh x / S = 3 (sinh x / x) / g
  }
  const double e = std::exp(-2.0 * x);
  return -2.0 - x + x * x * (1.0 - e) / ((x - 1.0) + (x + 1.0) * e);
}

double sphere_log_decay_probability(double lambda, double R, double L, SphereDecayMode mode) {
  if (!(R > 0) || !(L >= R)) throw std::invalid_argument("sphere decay: need R > 0 and L >= R");
  if (!(lambda > 0) || std::isinf(lambda)) return -kInf;
  return -(L - R) / lambda + sphere_log_reduced_decay(R / lambda, mode);
}

double sphere_decay_probability(double lambda, double R, double L, SphereDecayMode mode) {
  return std::exp(sphere_log_decay_probability(lambda, R, L, mode));
}

double sphere_attenuated_path(double lambda, double R, double L) {
  if (!(R > 0) || !(L >= R)) throw std::invalid_argument("sphere decay: need R > 0 and L >= R");
  if (!(lambda > 0)) return 0.0;
  if (std::isinf(lambda)) return sphere_mean_chord(R);
  return std::exp(std::log(lambda) + sphere_log_decay_probability(lambda, R, L));
}

SphereDecayTable::SphereDecayTable(double R, double L, SphereDecayMode mode, SphereDecayGrid grid)
    : R_(R), L_(L), mode_(mode) {
  if (!(R > 0) || !(L >= R)) throw std::invalid_argument("SphereDecayTable: need R > 0 and L >= R");
  if (!(grid.x_min > 0) || !(grid.x_max > grid.x_min) || grid.nodes_per_decade < 1)
    throw std::invalid_argument("SphereDecayTable: bad grid");
  const double ya = std::log(grid.x_min), yb = std::log(grid.x_max);
  const int n = std::max(2, static_cast<int>(std::ceil((yb - ya) / std::log(10.0) * grid.nodes_per_decade)));
  y0_ = ya;
  dy_ = (yb - ya) / n;
  x_outside_lo_ = 0.99 * grid.x_min;
  x_outside_hi_ = 1.01 * grid.x_max;
  f_.resize(n + 1);
  df_.resize(n + 1);
  for (int i = 0; i <= n; ++i) {
    const double x = std::exp(y0_ + i * dy_);
    f_[i] = sphere_log_reduced_decay(x, mode_);
    df_[i] = sphere_log_reduced_decay_slope(x, mode_);
  }
}

double SphereDecayTable::log_reduced(double x) const {
  // Well outside the grid (x_min/x_max by 1%, far beyond the rounding of ln) the closed form is used
  // below whatever ln x rounds to: decided without computing it.
  if (x < x_outside_lo_ || x > x_outside_hi_) return sphere_log_reduced_decay(x, mode_);
  const double y = std::log(x);
  const double s = (y - y0_) / dy_;
  const int n = static_cast<int>(f_.size()) - 1;
  if (!(s >= 0.0) || !(s <= n)) return sphere_log_reduced_decay(x, mode_);  // outside: closed form
  int i = static_cast<int>(s);
  if (i >= n) i = n - 1;
  const double t = s - i, t2 = t * t, t3 = t2 * t;
  const double h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2;
  return h00 * f_[i] + h10 * dy_ * df_[i] + h01 * f_[i + 1] + h11 * dy_ * df_[i + 1];
}

double SphereDecayTable::log_probability(double lambda) const {
  if (!(lambda > 0) || std::isinf(lambda)) return -kInf;
  return -(L_ - R_) / lambda + log_reduced(R_ / lambda);
}

double SphereDecayTable::operator()(double lambda) const {
  // ln H <= 0 (H is a probability), so below -kSureUnderflow the exponent is below exp's underflow
  // threshold (-745.1) whatever ln H is: P is exactly the 0.0 std::exp would return, without the
  // interpolation and the slow underflow path of exp (short lifetimes: most of a scan's upper region).
  constexpr double kSureUnderflow = 800.0;
  if (lambda > 0 && (L_ - R_) / lambda > kSureUnderflow) return 0.0;
  return std::exp(log_probability(lambda));
}

}  // namespace alpscan::physics
