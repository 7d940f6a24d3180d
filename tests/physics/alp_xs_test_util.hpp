// Shared helpers of the ALP-electron cross-section tests (AlpCompton.test.cpp,
// AlpPositronAnnihilation.test.cpp): comparison with a number quoted to a given number of digits, and a
// fixed-rule integral in ln(x - c) that resolves 1/U poles at the low end.
#pragma once

#include <cmath>

#include "alpscan/physics/Quadrature.hpp"

namespace alp_xs_test {

// |value - ref| <= 0.6 units of the last of `digits` significant digits of ref (0.5 rounding + margin).
inline bool matches_quoted(double value, double ref, int digits) {
  const double ulp = std::pow(10.0, std::floor(std::log10(std::abs(ref))) - (digits - 1));
  return std::abs(value - ref) <= 0.6 * ulp;
}

// Composite fixed Gauss-Legendre (panels x 32 nodes) of f(x) dx over [a, b] in y = ln(x - c).
template <class F>
double integrate_log(F&& f, double a, double b, double c, int panels = 16) {
  static const alpscan::physics::GaussLegendre gl(32);
  const double y0 = std::log(a - c), y1 = std::log(b - c), h = (y1 - y0) / panels;
  double sum = 0.0;
  for (int i = 0; i < panels; ++i)
    sum += gl.integrate([&](double y) { const double x = c + std::exp(y); return f(x) * (x - c); },
                        y0 + i * h, y0 + (i + 1) * h);
  return sum;
}

}  // namespace alp_xs_test
