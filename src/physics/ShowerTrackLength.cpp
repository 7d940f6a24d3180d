#include "alpscan/physics/ShowerTrackLength.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <gsl/gsl_sf_gamma.h>

#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

namespace {
constexpr double kPair = 7.0 / 9.0;  // photon pair-conversion probability per X0 (complete screening)
constexpr double kB = 4.0 / 3.0;     // electron b of the Bethe-Heitler straggling with dsigma/dk ~ (4/3)/k

// (1 - e^{-beta T})/beta, T may be +inf.
double f_int(double beta, double T) {
  if (std::isinf(T)) return 1.0 / beta;
  return -std::expm1(-beta * T) / beta;
}
// d/dbeta of f_int.
double f_int_prime(double beta, double T) {
  if (std::isinf(T)) return -1.0 / (beta * beta);
  const double e = std::exp(-beta * T);
  return (T * e * beta + std::expm1(-beta * T)) / (beta * beta);
}
}  // namespace

double electron_depth_spectrum(double E0, double E, double t) {
  if (!(E > 0 && E < E0 && t > 0)) return 0.0;
  const double u = std::log(E0 / E), k = kB * t;
  return std::exp((k - 1.0) * std::log(u) - gsl_sf_lngamma(k)) / E0;
}

double photon_depth_spectrum(double E0, double k, double t) {
  if (!(k > 0 && k < E0 && t >= 0)) return 0.0;
  const double L = std::log1p(-k / E0);  // ln(1 - y) < 0
  const double b = -kB * L;
  if (std::abs(kPair - b) < 1e-8) return t * std::exp(-kPair * t) / k;  // the 0/0 limit
  return (std::exp(-b * t) - std::exp(-kPair * t)) / (kPair - b) / k;
}

double photon_track_length(double E0, double k, double T) {
  if (!(k > 0 && k < E0 && T > 0)) return 0.0;
  const double b = -kB * std::log1p(-k / E0);
  if (std::isinf(T)) return 9.0 / (7.0 * b) / k;
  // Near b = 7/9 the difference quotient loses digits (~1e-16/delta): use -f'(midpoint), whose
  // error is O(delta^2) < 1e-12.
  if (std::abs(kPair - b) < 1e-6) return -f_int_prime(0.5 * (b + kPair), T) / k;
  return (f_int(b, T) - f_int(kPair, T)) / (kPair - b) / k;
}

double electron_depth_cap(double E0, double E_lo, double T) {
  const double umax = std::log(E0 / E_lo);
  // Gamma(k) has mean k and sd sqrt(k): k - 8 sqrt(k) > umax  <=  k > umax + 8 sqrt(umax + 16) + 16.
  const double kcap = umax + 8.0 * std::sqrt(umax + 16.0) + 16.0;
  return std::min(T, kcap / kB);
}

double electron_track_length(double E0, double E, double T) {
  if (!(E > 0 && E < E0 && T > 0)) return 0.0;
  const double tc = electron_depth_cap(E0, E, T);
  // The t-integrand u^{4t/3-1}/Gamma(4t/3) is peaked at small t when u is small: panels graded
  // geometrically from t = 0.
  static const GaussLegendre gl(16);
  double s = 0.0, a = 0.0, h = std::min(1e-3, tc);
  while (a < tc) {
    const double b = std::min(tc, a + h);
    s += gl.integrate([&](double t) { return electron_depth_spectrum(E0, E, t); }, a, b);
    a = b;
    h = std::min(2.0 * h, 1.0);
  }
  return s;
}

double electron_track_length_above(double E0, double E_lo, double T) {
  if (!(E_lo < E0 && T > 0)) return 0.0;
  if (E_lo <= 0) return std::isinf(T) ? std::numeric_limits<double>::infinity() : T;
  return electron_track_length_within(std::log(E0 / E_lo), T);
}

double electron_track_length_within(double umax, double T) {
  if (!(umax > 0 && T > 0)) return 0.0;
  const double tc = electron_depth_cap(1.0, std::exp(-umax), T);
  static const GaussLegendre gl(16);
  double s = 0.0, a = 0.0, h = std::min(1e-3, tc);
  while (a < tc) {
    const double b = std::min(tc, a + h);
    s += gl.integrate([&](double t) { return t > 0 ? gsl_sf_gamma_inc_P(kB * t, umax) : 1.0; }, a, b);
    a = b;
    h = std::min(2.0 * h, 1.0);
  }
  return s;
}

}  // namespace alpscan::physics
