// Helioscope rate R(m_a) = integral dE dPhi/dE P (physics/HelioscopeRate) against independent
// calculations: the closed-form plateau, a brute-force quadrature point by point, and the incoherent
// high-mass limit 2 B^2 E^2 / m^4 (spec fips_astro_and_helioscopes.md F11; seed 002 F9).
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/AlpConversion.hpp"
#include "alpscan/physics/HelioscopeRate.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "alpscan/physics/SolarAxionFlux.hpp"

using namespace alpscan;
using namespace alpscan::physics;
using Catch::Detail::Approx;

namespace {
HelioscopeMagnet cast_magnet() {
  HelioscopeMagnet m;
  m.B = 9.0 * units::tesla;
  m.L = 9.26 * units::meter;
  m.E_min = 2.0 * units::keV;
  m.E_max = 7.0 * units::keV;
  return m;
}
// Brute force in E: panels of at most 0.25 rad of phase (and at least 400), 8-point Gauss-Legendre.
double brute(double m_a, const HelioscopeMagnet& mag) {
  GaussLegendre gl(8);
  const double k = 0.25 * m_a * m_a * mag.L;  // phase = k / E
  const double span = k / mag.E_min - k / mag.E_max;
  const int n = std::max(400, static_cast<int>(span / 0.25) + 1);
  const double dE = (mag.E_max - mag.E_min) / n;
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += gl.integrate([&](double E) { return solar_primakoff_flux(E, m_a, 1.0) * conversion_probability_medium(E, m_a, 0.0, 1.0, mag.B, mag.L); },
                      mag.E_min + i * dE, mag.E_min + (i + 1) * dE);
  return s;
}
double flux_moment(const HelioscopeMagnet& mag, int power) {  // integral flux(g=1) E^power over the window
  GaussLegendre gl(16);
  double s = 0;
  const int n = 200;
  const double dE = (mag.E_max - mag.E_min) / n;
  for (int i = 0; i < n; ++i)
    s += gl.integrate([&](double E) { return solar_primakoff_flux(E, 0.0, 1.0) * std::pow(E, power); }, mag.E_min + i * dE, mag.E_min + (i + 1) * dE);
  return s;
}
}  // namespace

TEST_CASE("Helioscope rate: low-mass plateau (gBL/2)^2 x the flux in the window", "[physics][helioscope]") {
  const HelioscopeMagnet mag = cast_magnet();
  const double plateau = std::pow(0.5 * mag.B * mag.L, 2) * flux_moment(mag, 0);
  CHECK(helioscope_rate_per_g4(1e-9 * units::eV, mag) == Approx(plateau).epsilon(1e-8));
  // Nearly flat at m_a = 6 meV for CAST: qL/2 = m^2 L/4E = 0.21 rad at 2 keV (sinc^2 = 0.985), less above.
  CHECK(helioscope_rate_per_g4(0.006 * units::eV, mag) / plateau > 0.985);
  CHECK(helioscope_rate_per_g4(0.006 * units::eV, mag) / plateau < 0.999);
}

TEST_CASE("Helioscope rate: segment-averaged quadrature against a brute-force integral", "[physics][helioscope]") {
  const HelioscopeMagnet mag = cast_magnet();
  // Across the coherence edge and deep into the oscillating regime (up to 11k rad of phase at 1 eV).
  // Tolerance 0.3%: the averaged steps are exact for a smooth factor constant on a step; it varies by
  // < 0.4% over one, and its linear part cancels to first order in the mean.
  for (double m_eV : {0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.2, 0.5, 1.0}) {
    const double m = m_eV * units::eV;
    INFO("m_a = " << m_eV << " eV");
    CHECK(helioscope_rate_per_g4(m, mag) == Approx(brute(m, mag)).epsilon(3e-3));
  }
}

TEST_CASE("Helioscope rate: incoherent high-mass limit 2 B^2 E^2 / m^4", "[physics][helioscope]") {
  const HelioscopeMagnet mag = cast_magnet();
  // <sin^2> = 1/2 over many oscillations: P -> 2 g^2 B^2 E^2 / m_a^4 (spec passat.md s1.6), so
  // R -> 2 B^2 / m^4 integral flux E^2. At 3 eV (~1e5 rad of phase) the limit holds to 1e-3.
  for (double m_eV : {3.0, 10.0, 30.0}) {
    const double m = m_eV * units::eV;
    const double limit = 2.0 * mag.B * mag.B / std::pow(m, 4) * flux_moment(mag, 2);
    CHECK(helioscope_rate_per_g4(m, mag) == Approx(limit).epsilon(1e-3));
  }
}
