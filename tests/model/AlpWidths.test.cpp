// Partial widths a -> gamma gamma and a -> e+ e-, total width and branching ratios.
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

TEST_CASE("Gamma(a->gamma gamma) = g^2 m^3 / 64 pi (seed 000 Eq. 7, L181-L187; spec s1.7)", "[physics][widths]") {
  // spec s1.7 check value: g = 1e-4 GeV^-1, m = 1 MeV -> 4.974e-20 GeV, c tau = 3967 m.
  const double G = model::width_a_to_gg(1e-4, 1e-3);
  CHECK(G == Approx(4.974e-20).epsilon(2e-4));
  CHECK(units::hbarc_GeV_m / G == Approx(3967.0).epsilon(5e-4));  // c tau in m
  // scaling g^2 m^3
  CHECK(model::width_a_to_gg(2e-4, 2e-3) / G == Approx(32.0).epsilon(1e-14));
}

TEST_CASE("Gamma(a->ee) = g_ae^2 m/(8 pi) beta, threshold, total width and branching ratios", "[physics][widths]") {
  using namespace alpscan;
  const double m = 10 * units::MeV, g = 1e-5;
  const double beta = std::sqrt(1 - 4 * units::m_electron * units::m_electron / (m * m));
  CHECK(model::width_a_to_ee(g, m) == Approx(g * g * m / (8 * units::pi) * beta).epsilon(1e-14));
  // 10 MeV, g_ae = 1e-5: 1e-10 * 1e-2 / 25.133 * sqrt(1 - 0.010445) = 3.979e-14 * 0.99476 = 3.958e-14 GeV
  CHECK(model::width_a_to_ee(g, m) == Approx(3.958e-14).epsilon(1e-3));
  CHECK(model::width_a_to_ee(g, 1.0 * units::MeV) == 0.0);  // below 2 m_e
  const auto w = model::widths(m, 1e-4, g, 0.5);
  CHECK(w.total() == Approx(2 * (w.gg + w.ee)).epsilon(1e-14));  // br_inv = 0.5: inv = visible
  CHECK(w.br_gg() + w.br_ee() == Approx(0.5).epsilon(1e-14));
}
