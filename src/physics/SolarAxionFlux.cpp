#include "alpscan/physics/SolarAxionFlux.hpp"

#include <cmath>

#include "alpscan/core/Units.hpp"

namespace alpscan::physics {

double solar_primakoff_flux_conventional(double E_keV) {
  if (!(E_keV > 0)) return 0.0;
  return kSolarFluxNorm_per_cm2_s_keV * std::pow(E_keV, kSolarFluxIndex) * std::exp(-E_keV / kSolarFluxE0_keV);
}

double solar_flux_mass_factor(double E, double m) {
  if (!(m < E)) return 0.0;
  return std::sqrt((E - m) * (E + m)) / E;
}

double solar_primakoff_flux(double E, double m, double g) {
  const double r = g / 1e-10;
  // cm^-2 s^-1 keV^-1 -> GeV^2: 1/cm^2 = 1/units::cm^2, 1/s = 1/kSecond, 1/keV = 1/units::keV.
  constexpr double to_natural = 1.0 / (units::cm * units::cm * kSecond * units::keV);
  return r * r * solar_primakoff_flux_conventional(E / units::keV) * solar_flux_mass_factor(E, m) * to_natural;
}

double solar_primakoff_total_flux_conventional() {
  const double a = 1.0 + kSolarFluxIndex;
  return kSolarFluxNorm_per_cm2_s_keV * std::tgamma(a) * std::pow(kSolarFluxE0_keV, a);
}

}  // namespace alpscan::physics
