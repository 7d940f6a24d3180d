// alplib's massless screened Primakoff cross-section (physics/PrimakoffMasslessScreened, the paper
// variant of the shower dumps): its two limits in closed form, written here from the formula
//   sigma/g^2 = (alpha Z^2/2) [ (2 eta^2 + 1)/(4 eta^2) ln(1 + 4 eta^2) - 1 ],  eta = r0 E:
//   eta >> 1: ln(2 eta) - 1 + O(ln(eta)/eta^2);   eta << 1: (4/3) eta^4 (1 + O(eta^2)).
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/PrimakoffMasslessScreened.hpp"

using namespace alpscan;

TEST_CASE("massless screened Primakoff: limits and threshold", "[physics]") {
  const double Z = 26, pref = 0.5 * units::alpha_em * Z * Z;
  const double r0 = 2.2e-10 * units::meter;  // alplib's default screening radius
  // eta = r0 E ~ 5.6e5 at 0.5 GeV: the logarithmic regime.
  const double E = 0.5, eta = r0 * E;
  CHECK(physics::primakoff_sigma_massless_screened(E, 1e-3, Z, r0) == Approx(pref * (std::log(2 * eta) - 1)).epsilon(1e-9));
  // Small eta (r0 chosen so that eta = 1e-2 at 0.5 GeV).
  const double r_small = 1e-2 / E;
  CHECK(physics::primakoff_sigma_massless_screened(E, 1e-3, Z, r_small) == Approx(pref * 4.0 / 3.0 * 1e-8).epsilon(1e-3));
  // The mass enters only as the threshold (no |t|_min).
  CHECK(physics::primakoff_sigma_massless_screened(E, 0.4, Z, r0) == physics::primakoff_sigma_massless_screened(E, 1e-3, Z, r0));
  CHECK(physics::primakoff_sigma_massless_screened(E, 0.5, Z, r0) == 0.0);
}
