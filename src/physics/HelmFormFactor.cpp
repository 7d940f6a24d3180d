#include "alpscan/physics/HelmFormFactor.hpp"

#include <cmath>

namespace alpscan::physics {

double spherical_j1(double x) {
  const double ax = std::fabs(x);
  if (ax < 1e-3) {
    const double x2 = x * x;
    return x * (1.0 / 3.0 - x2 * (1.0 / 30.0 - x2 / 840.0));
  }
  return std::sin(x) / (x * x) - std::cos(x) / x;
}

double lewin_smith_r1(double A, double c1, double c0, double c2) {
  const double a = c1 * std::cbrt(A) - c0;
  return std::sqrt(a * a + c2);
}

double HelmFormFactor::operator()(double t_abs) const {
  if (t_abs <= 0.0) return 1.0;
  const double q = std::sqrt(t_abs);
  const double x = q * R1;
  if (x > x_cut) return 0.0;
  // 3 j1(x)/x -> 1 as x -> 0; the series branch of spherical_j1 keeps this accurate.
  const double core = (x < 1e-3) ? 1.0 - x * x / 10.0 : 3.0 * spherical_j1(x) / x;
  return core * std::exp(-0.5 * t_abs * s * s);
}

}  // namespace alpscan::physics
