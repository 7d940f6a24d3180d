// Helm nuclear form factor (seed 000 Eq. 11).
// References: seed 000 = ../shared/seeds/000_1c1e6b540ff0680d.txt, spec = ../shared/spec/passat.md.
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/physics/AlpConversion.hpp"
#include "alpscan/physics/HelmFormFactor.hpp"
#include "alpscan/physics/MesonPhotonSpectrum.hpp"
#include "alpscan/physics/Quadrature.hpp"

using namespace alpscan;
using namespace alpscan::physics;
using Catch::Detail::Approx;

TEST_CASE("Helm form factor: limits and Lewin-Smith radii (seed 000 Eq. 11, L241-L261; spec V14)", "[physics][helm]") {
  const double c1 = 1.23 * units::fm, c0 = 0.6 * units::fm, c2 = 2.18 * units::fm * units::fm;
  CHECK(lewin_smith_r1(9.012, c1, c0, c2) / units::fm == Approx(2.453).epsilon(4e-4));
  CHECK(lewin_smith_r1(95.95, c1, c0, c2) / units::fm == Approx(5.244).epsilon(4e-4));
  HelmFormFactor F{lewin_smith_r1(95.95, c1, c0, c2), 0.9 * units::fm, 4.49};
  CHECK(F(0.0) == 1.0);
  // small q: F = 1 - q^2 (R1^2/10 + s^2/2) + O(q^4)
  const double q = 1e-3;
  CHECK(1.0 - F(q * q) == Approx(q * q * (F.R1 * F.R1 / 10 + F.s * F.s / 2)).epsilon(1e-4));
  // zero beyond the cut, non-zero just below it
  const double qc = F.q_cut();
  CHECK(F(std::pow(qc * 1.0001, 2)) == 0.0);
  CHECK(F(std::pow(qc * 0.99, 2)) > 0.0);
  // j1 series and closed form agree at the switch; first zero at 4.4934
  CHECK(spherical_j1(0.999e-3) == Approx(std::sin(0.999e-3) / std::pow(0.999e-3, 2) - std::cos(0.999e-3) / 0.999e-3).epsilon(1e-6));
  CHECK(std::fabs(spherical_j1(4.49341)) < 1e-5);
}
