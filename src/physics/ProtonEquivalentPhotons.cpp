#include "alpscan/physics/ProtonEquivalentPhotons.hpp"

#include "alpscan/core/Units.hpp"

namespace alpscan::physics {

double proton_photon_virtuality(double x, double qt2) {
  return (qt2 + x * x * kProtonMass * kProtonMass) / (1.0 - x);
}

double proton_photon_flux(double x, double qt2, const ProtonFormFactors& ff) {
  if (!(x > 0.0 && x < 1.0) || !(qt2 >= 0.0)) return 0.0;
  const double m2 = kProtonMass * kProtonMass;
  const double e2 = qt2 + x * x * m2;  // q_t^2 + x^2 m_p^2
  const double Q2 = e2 / (1.0 - x);
  const double gd = 1.0 / ((1.0 + Q2 / ff.dipole_q2) * (1.0 + Q2 / ff.dipole_q2));
  const double GE2 = gd * gd, GM2 = ff.mu_p * ff.mu_p * gd * gd;
  const double C = GM2;
  const double D = (4.0 * m2 * GE2 + Q2 * GM2) / (4.0 * m2 + Q2);
  return units::alpha_em / units::pi * ((1.0 - x) * qt2 * D / e2 + 0.5 * x * x * C) / (x * e2);
}

}  // namespace alpscan::physics
