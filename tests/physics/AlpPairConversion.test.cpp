// ALP pair conversion a Z -> e+ e- Z (physics/AlpPairConversion), spec miniboone_argoneut.md s1.4 D5, A17:
// Born amplitude in the static screened Coulomb field, traces with explicit Dirac matrices, fixed
// Gauss-Legendre product rule. Normalisation through the photon mode (Bethe-Heitler): the Ward identity, the
// complete-screening closed form at high energy and the spec's sigma(gamma C, 1 GeV) = 0.279 b.
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/AlpPairConversion.hpp"

using namespace alpscan;
using namespace alpscan::physics;
using Catch::Detail::Approx;

namespace {
constexpr double me = units::m_electron;
constexpr double barn = 1e3 * units::millibarn;
// Complete-screening Bethe-Heitler (Tsai, Rev. Mod. Phys. 46 (1974) 815, elastic Z^2 term, phi_2 = phi_1 - 2/3):
//   dsigma/dx = 4 alpha r_e^2 Z^2 {[x^2 + (1-x)^2 + (2/3) x (1-x)] L - x(1-x)/9},
// with L = phi_1(0)/4 = 1 + int_0^{m_e} dq/q (a^2q^2/(1 + a^2q^2))^2 = ln(a m_e) + 1/2 for the spec's G
// (a = 111 Z^{-1/3}/m_e: L = ln(183 Z^{-1/3}), the "184.15 e^{-1/2}" remark of spec P1).
double bh_complete_screening(double Z, double a, double x) {
  const double re = units::alpha_em / me, L = std::log(a * me) + 0.5;
  return 4 * units::alpha_em * re * re * Z * Z *
         ((x * x + (1 - x) * (1 - x) + 2.0 / 3.0 * x * (1 - x)) * L - x * (1 - x) / 9);
}
}  // namespace

TEST_CASE("pair conversion: photon-mode Ward identity (amplitude vanishes for eps -> k)", "[pair_conversion]") {
  // Replacing epsslash by kslash/E the two diagrams cancel exactly for on-shell spinors; the residual measures
  // the round-off of the explicit-matrix trace down to q_T = 1e-7 GeV. Tolerance 1e-8 relative.
  const AlpPairConversion c(6, 12.011);
  for (double q : {1e-7, 1e-5, 1e-3})
    for (double x : {0.1, 0.5})
      for (double phi : {0.3, 2.0}) CHECK(c.ward_residual(1.0, x, me, q, phi) < 1e-8);
}

TEST_CASE("pair conversion: photon mode equals complete-screening Bethe-Heitler at 100 GeV", "[pair_conversion]") {
  // At 100 GeV the screening parameter 100 m_e E/(E+ E- Z^{1/3}) is ~1e-3 (complete screening) and the nuclear
  // dipole enters at q ~ 0.18 GeV >> m_e. Tolerance 0.3% (quadrature 5e-4, asymptotic corrections ~1e-3).
  const AlpPairConversion c(6, 12.011);
  for (double x : {0.5, 0.2}) {
    INFO("x = " << x);
    CHECK(c.dsigma_dx(PairProbe::photon, 100.0, 0.0, x) == Approx(bh_complete_screening(6, c.screening_radius(), x)).epsilon(3e-3));
  }
}

TEST_CASE("pair conversion: sigma(gamma C -> e+e- C) = 0.279 b at 1 GeV (spec D5 normalisation check)", "[pair_conversion]") {
  // Spec D5: the author's MC of the same amplitude gives 0.279 +- 0.005 b (XCOM nuclear-field pair: ~0.29 b).
  // This rule gives 0.2802 b (converged to 5e-4). Margin: the spec's 0.005 + 0.001.
  const AlpPairConversion c(6, 12.011);
  const double s = c.sigma(PairProbe::photon, 1.0, 0.0) / barn;
  CHECK(s == Approx(0.279).margin(0.006));
  // Below the asymptotic value 4 alpha r_e^2 Z^2 [(7/9) L - 1/54] = 0.298 b (incomplete screening at 1 GeV).
  const double re = units::alpha_em / me, L = std::log(c.screening_radius() * me) + 0.5;
  const double asym = 4 * units::alpha_em * re * re * 36 * (7.0 / 9.0 * L - 1.0 / 54.0) / barn;
  CHECK(s < asym);
  CHECK(s > 0.9 * asym);
}

TEST_CASE("pair conversion: ALP mode, C symmetry and the spec D5 table", "[pair_conversion]") {
  const AlpPairConversion c(6, 12.011);
  // dsigma/dx(x) = dsigma/dx(1 - x) (the rule is not symmetric in p+ and p-, so equality to quadrature accuracy).
  for (double x : {0.1, 0.3})
    CHECK(c.dsigma_dx(PairProbe::alp, 0.1, 0.9e-3, x) == Approx(c.dsigma_dx(PairProbe::alp, 0.1, 0.9e-3, 1 - x)).epsilon(2e-3));
  // Spec D5 table (author's MC, +-2-3%), sigma at g_ae = 1 in MeV^-2: C (0.1 MeV, 1 GeV) 1.01e-2; C (0.9 MeV,
  // 100 MeV) 3.78e-2. This rule: 1.028e-2 (x1.017) and 3.648e-2 (x0.965). Tolerance 5% (the MC's 3% plus margin).
  CHECK(c.sigma(PairProbe::alp, 1.0, 0.1e-3) * 1e-6 == Approx(1.01e-2).epsilon(0.05));
  CHECK(c.sigma(PairProbe::alp, 0.1, 0.9e-3) * 1e-6 == Approx(3.78e-2).epsilon(0.05));
  // Above the pair threshold the process is a decay, not handled here.
  CHECK(c.sigma(PairProbe::alp, 1.0, 1.1e-3) == 0.0);
}
