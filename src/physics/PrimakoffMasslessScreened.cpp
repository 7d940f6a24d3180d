#include "alpscan/physics/PrimakoffMasslessScreened.hpp"

#include <cmath>

#include "alpscan/core/Units.hpp"

namespace alpscan::physics {

double primakoff_sigma_massless_screened(double E, double m, double Z, double r0) {
  if (!(E > m) || !(r0 > 0)) return 0.0;
  const double eta2 = (r0 * E) * (r0 * E);
  // For eta >> 1 the bracket is ln(2 eta) - 1 + O(ln(eta)/eta^2), for eta << 1 (4/3) eta^4 (log1p keeps it).
  const double bracket = (2.0 * eta2 + 1.0) / (4.0 * eta2) * std::log1p(4.0 * eta2) - 1.0;
  return 0.5 * units::alpha_em * Z * Z * bracket;
}

}  // namespace alpscan::physics
