// ALP bremsstrahlung kinematics (physics/AlpBremsstrahlung): the minimum momentum transfer against the
// exact collinear kinematics, and the nuclear coherence momentum of seed 003 Eq. (21).
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/AlpBremsstrahlung.hpp"

using namespace alpscan;

TEST_CASE("brems q_min is the exact collinear momentum mismatch for E >> m", "[physics][brems]") {
  const double me = units::m_electron;
  // Exact: the atom absorbs p_e - p_e' - p_a when all three are collinear (the smallest |q|).
  auto exact = [&](double E, double Ea, double m) {
    const double Ep = E - Ea;
    return std::sqrt(E * E - me * me) - std::sqrt(Ep * Ep - me * me) - std::sqrt(Ea * Ea - m * m);
  };
  for (double E : {20.0, 100.0})
    for (double x : {0.5, 0.9, 0.99})
      for (double m : {1e-3, 0.1, 1.0, 5.0}) {
        const double q = physics::alp_brems_min_momentum_transfer(E, x, m);
        // Leading order in m^2/E_a^2 and m_e^2/(E - E_a)^2: relative error of that order.
        const double Ea = x * E, eps = std::max(m * m / (Ea * Ea), me * me / ((E - Ea) * (E - Ea)));
        INFO("E = " << E << ", x = " << x << ", m = " << m);
        CHECK(q == Approx(exact(E, Ea, m)).epsilon(std::max(1e-6, 2 * eps)));
      }
}

TEST_CASE("nuclear coherence momentum sqrt(0.164 GeV^2 A^-2/3)", "[physics][brems]") {
  // Pb: d = 0.164 / 207.2^(2/3) = 4.675e-3 GeV^2 (seed 003 Eq. (21), L211): sqrt = 0.06838 GeV.
  CHECK(physics::nuclear_coherence_momentum(207.2) == Approx(std::sqrt(0.164 / std::pow(207.2, 2.0 / 3.0))).epsilon(1e-14));
  CHECK(physics::nuclear_coherence_momentum(207.2) == Approx(0.06838).epsilon(1e-3));
}
