#include "alpscan/physics/VacuumBirefringence.hpp"

#include "alpscan/physics/AlpConversion.hpp"

namespace alpscan::physics {

double alp_rotation(double m, double g, double B, double L, double omega, double passes) {
  return 0.25 * passes * conversion_probability(omega, m, g, B, L);
}

double alp_ellipticity(double m, double g, double B, double L, double omega, double passes) {
  const double a = 0.5 * g * B * L;
  const double y = m * m * L / (2.0 * omega);
  // (1 - sinc y)/y -> y/6 at small y, without cancellation (one_minus_sinc has its series).
  const double shape = y > 0 ? one_minus_sinc(y) / y : 0.0;
  return 0.5 * passes * a * a * shape;
}

double alp_dichroism_index(double m, double g, double B, double L, double omega) {
  return 2.0 * alp_rotation(m, g, B, L, omega, 1.0) / (omega * L);
}

double alp_birefringence_index(double m, double g, double B, double L, double omega) {
  return 2.0 * alp_ellipticity(m, g, B, L, omega, 1.0) / (omega * L);
}

}  // namespace alpscan::physics
