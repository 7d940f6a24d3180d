#include "alpscan/physics/AlpBremsstrahlung.hpp"

#include <algorithm>
#include <cmath>

#include "alpscan/core/Units.hpp"

namespace alpscan::physics {

double brems_h(double f) {
  // The closed form cancels as 1/(3f) - 1/(3f); below 1e-3 the series error is O(f^2) < 1e-6.
  if (f < 1e-3) return -0.5 + 17.0 * f / 18.0;
  const double fp = 1.0 + f;
  return fp * std::log1p(f) / (3.0 * f * f) - (1.0 + 4.0 * f + 2.0 * f * f) / (3.0 * f * fp * fp);
}

double alp_brems_dsigma_dx(double E, double x, double m, double Z) {
  const double me = units::m_electron;
  if (!(x > 0) || x < m / E || x > 1.0 - me / E) return 0.0;
  const double f = m * m * (1.0 - x) / (me * me * x * x);
  const double chi = Z * Z * std::log(184.0 * std::pow(Z, -1.0 / 3.0)) + Z * std::log(1194.0 * std::pow(Z, -2.0 / 3.0));
  const double pre = units::alpha_em * units::alpha_em / (2.0 * units::pi * me * me);
  const double v = x * (1.0 + 2.0 * f / 3.0) / ((1.0 + f) * (1.0 + f)) * chi + x * (Z * Z + Z) * brems_h(f);
  return std::max(0.0, pre * v);
}

double alp_brems_acceptance(double E, double x, double m, double theta_max) {
  const double me = units::m_electron;
  const double U0 = m * m * (1.0 - x) / x + me * me * x;
  const double w = x * E * E * theta_max * theta_max;
  return w / (U0 + w);
}

double alp_brems_min_momentum_transfer(double E, double x, double m) {
  const double me = units::m_electron, Ea = x * E;
  return m * m / (2.0 * Ea) + me * me * Ea / (2.0 * E * (E - Ea));
}

double nuclear_coherence_momentum(double A) { return std::sqrt(0.164 * std::pow(A, -2.0 / 3.0)); }

}  // namespace alpscan::physics
