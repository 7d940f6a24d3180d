// e+ e- -> a (spec miniboone_argoneut.md s1.3 P3, seed L51-55) and e+ e- -> a gamma (s1.3 P4),
// physics/AlpPositronAnnihilation. Spec values are in MeV units; converted here.
#include <catch2/catch.hpp>

#include <cmath>
#include <initializer_list>
#include <string>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/AlpCompton.hpp"
#include "alpscan/physics/AlpPositronAnnihilation.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "alp_xs_test_util.hpp"

using namespace alpscan;
using namespace alpscan::physics;

using namespace alp_xs_test;

namespace {

constexpr double MeV = units::MeV;
constexpr double me = units::m_electron;


}  // namespace

TEST_CASE("Resonant e+e- -> a: resonance energy and convention", "[alp_annihilation]") {
  // Seed L53-55 / spec V4: E_a = m_a^2/(2 m_e) = 97.8 MeV at m_a = 10 MeV (3 digits); the delta function
  // sits at the TOTAL positron energy E_R = m_a^2/(2 m_e) - m_e (seed Eq. (2)), where s = m_a^2.
  CHECK(matches_quoted(alp_resonance_alp_energy(10 * MeV) / MeV, 97.8, 3));
  CHECK(alp_resonance_alp_energy(10 * MeV) / MeV == Approx(100.0 / (2 * 0.51099895)).epsilon(1e-12));
  for (double m : {1.5, 5.0, 10.0, 20.0, 29.47}) {
    const double ER = alp_resonance_positron_energy(m * MeV);
    CHECK(ER == Approx(alp_resonance_alp_energy(m * MeV) - me).epsilon(1e-14));
    CHECK(2 * me * me + 2 * me * ER == Approx(m * m * MeV * MeV).epsilon(1e-14));  // s = m_a^2
  }
  // Spec P3 bin table: E_a = 75 MeV at m_a = 8.75 MeV and 850 MeV at 29.47 MeV (m_a quoted to 3-4 digits).
  CHECK(std::sqrt(2 * me * 75 * MeV) / MeV == Approx(8.75).margin(0.005));
  CHECK(std::sqrt(2 * me * 850 * MeV) / MeV == Approx(29.47).margin(0.005));
  // Threshold m_a > 2 m_e (E_R > m_e).
  CHECK(alp_resonance_beta_e(2 * me) == 0.0);
  CHECK(alp_resonance_coefficient(2 * me) == 0.0);
  CHECK(alp_resonance_coefficient(0.9 * MeV, ResonanceNorm::paper) == 0.0);
  CHECK(alp_resonance_coefficient(1.03 * MeV) > 0.0);
}

TEST_CASE("Resonant e+e- -> a: C_res in both normalisations", "[alp_annihilation]") {
  // Spec s4.2 "Resonance coefficients", C_res/g^2 in MeV^-1 (4 digits derived, 3-4 digits seed).
  // No alpha involved; tolerance 0.6 unit of the last quoted digit.
  struct Ref { double m_a, derived, paper; int paper_digits; };
  for (const Ref& r : {Ref{1.5, 2.100, 1.950, 4}, Ref{5, 1.570, 0.1312, 4}, Ref{10, 1.545, 0.0323, 3},
                       Ref{20, 1.539, 0.00804, 3}}) {
    const double d = alp_resonance_coefficient(r.m_a * MeV) * MeV;  // GeV^-1 -> MeV^-1
    const double p = alp_resonance_coefficient(r.m_a * MeV, ResonanceNorm::paper) * MeV;
    INFO("m_a = " << r.m_a << " MeV: derived " << d << ", paper " << p << " MeV^-1");
    CHECK(matches_quoted(d, r.derived, 4));
    CHECK(matches_quoted(p, r.paper, r.paper_digits));
    // Spec P3 / s5 A1: derived/paper = m_a^2/(8 m_e^2) exactly.
    CHECK(d / p == Approx(r.m_a * r.m_a / (8 * 0.51099895 * 0.51099895)).epsilon(1e-13));
  }
  // Spec P3 ratio table: 1.08, 12.0, 47.9, 93.8, 191, 417 at m_a = 1.5, 5, 10, 14, 20, 29.5 MeV.
  struct Ratio { double m_a, r; int digits; };
  for (const Ratio& q : {Ratio{1.5, 1.08, 3}, Ratio{5, 12.0, 3}, Ratio{10, 47.9, 3}, Ratio{14, 93.8, 3},
                         Ratio{20, 191, 3}, Ratio{29.5, 417, 3}})
    CHECK(matches_quoted(alp_resonance_coefficient(q.m_a * MeV) / alp_resonance_coefficient(q.m_a * MeV, ResonanceNorm::paper),
                         q.r, q.digits));
  // Derived C_res by the second route of spec P3: narrow Breit-Wigner with spin factor 1/4,
  // sigma = (4 pi/k^2)(1/4)(pi Gamma_ee/2) delta(sqrt(s) - m_a), k = m_a beta/2, Gamma_ee = g^2 m_a beta/(8 pi)
  // (spec s1.2), delta(sqrt(s) - m_a) = (m_a/m_e) delta(E_+ - E_R). Rounding only: 1e-13.
  for (double m : {1.1, 1.5, 5.0, 10.0, 20.0, 100.0}) {
    const double ma = m * MeV, beta = std::sqrt(1 - 4 * me * me / (ma * ma)), k = ma * beta / 2;
    const double Gee = ma * beta / (8 * units::pi);
    CHECK(alp_resonance_coefficient(ma) == Approx(4 * units::pi / (k * k) * 0.25 * units::pi * Gee / 2 * ma / me).epsilon(1e-13));
  }
  // The option names.
  CHECK(parse_resonance_norm("derived") == ResonanceNorm::derived);
  CHECK(parse_resonance_norm("paper") == ResonanceNorm::paper);
  CHECK(!parse_resonance_norm("alplib").has_value());
  CHECK(std::string(to_string(ResonanceNorm::paper)) == "paper");
  CHECK(std::string(to_string(ResonanceNorm::derived)) == "derived");
}

TEST_CASE("Associated e+e- -> a gamma |M|^2 matches an explicit Dirac trace and crossing", "[alp_annihilation]") {
  // Spec s1.3 P4 / s4.2: reference values from a numerical Dirac trace done for this test (4x4 gamma
  // matrices, -g_munu photon sum, 1/4 spin average, alpha = 1/137.035999084); invariants in MeV^2.
  // Tolerance 1e-12 (two double-precision evaluations).
  struct Ref { double s, T, U, m_a, m2; };
  for (const Ref& r : {Ref{204.92181985380219, -26.297388240322029, -78.624431613480169, 10, 2.293616047191100e+00},
                       Ref{1022.5201398538022, -606.80607405347109, -15.714065800331174, 20, 1.151202601054208e+01},
                       Ref{5.6322293538022041, -2.107079321092002, -2.5251500327102026, 1, 5.276598481651338e-01}}) {
    const double u2 = MeV * MeV;
    CHECK(alp_assoc_m2(r.s * u2, r.T * u2, r.U * u2, r.m_a * MeV) == Approx(r.m2).epsilon(1e-12));
    // Crossing of P2 (spec P4): s_P2 = T + m_e^2, t_P2 = s, sign -1 for the crossed fermion.
    CHECK(alp_assoc_m2(r.s * u2, r.T * u2, r.U * u2, r.m_a * MeV) ==
          Approx(-alp_compton_m2(r.T * u2 + me * me, r.s * u2, r.m_a * MeV)).epsilon(1e-12));
  }
}

TEST_CASE("Associated e+e- -> a gamma: dsigma/dE_a integrates to the closed-form total", "[alp_annihilation]") {
  // Full-range closed form derived here (a, b = -U, -T run over (D/2)(1 -+ beta)):
  //   sigma = alpha/(4 s^2 beta^2 D) [2 (D^2 + 2 m^2 s - 4 m_e^2 m^2) ln((1+beta)/(1-beta)) - 4 m^2 beta s].
  // Numerical check: fixed Gauss-Legendre in ln(a) on the lower half of the E_a range and ln(b) = ln(2 m_e
  // E_gamma) on the upper half (the u- and t-channel poles sit at the two ends). Tolerance 1e-10.
  struct Pt { double Ep, m_a; };
  for (const Pt& p : {Pt{200, 10}, Pt{1000, 20}, Pt{5, 1}, Pt{98, 10}, Pt{500, 0.0}, Pt{3, 0.5}, Pt{850, 29.47}}) {
    const double Ep = p.Ep * MeV, m = p.m_a * MeV, Etot = Ep + me;
    const AlpEnergyInterval r = alp_assoc_energy_range(Ep, m);
    REQUIRE(!r.empty());
    const double s = 2 * me * Etot, D = s - m * m, beta = std::sqrt(1 - 4 * me * me / s);
    const double L = std::log((1 + beta) / (1 - beta));
    const double closed = units::alpha_em / (4 * s * s * beta * beta * D) *
                          (2 * (D * D + 2 * m * m * s - 4 * me * me * m * m) * L - 4 * m * m * beta * s);
    const double Emid = (m * m + D / 2) / (2 * me);
    const auto f = [&](double Ea) { return alp_assoc_dsigma_dea(Ep, Ea, m); };
    const double lower = integrate_log(f, r.lo, Emid, m * m / (2 * me));
    const double upper = integrate_log([&](double Eg) { return f(Etot - Eg); }, Etot - r.hi, Etot - Emid, 0.0);
    INFO("E_+ = " << p.Ep << " MeV, m_a = " << p.m_a << " MeV");
    CHECK(alp_assoc_sigma(Ep, m) == Approx(closed).epsilon(1e-10));
    CHECK(lower + upper == Approx(alp_assoc_sigma(Ep, m)).epsilon(1e-10));
    CHECK(alp_assoc_sigma_ea_range(Ep, m, 0.0, Emid) == Approx(lower).epsilon(1e-10));
    CHECK(alp_assoc_sigma_ea_range(Ep, m, Emid, 1e9) == Approx(upper).epsilon(1e-10));
  }
  // Closed below threshold s = m_a^2 (E_+ = E_R) and for E_+ <= m_e.
  const double ER = alp_resonance_positron_energy(10 * MeV);
  CHECK(alp_assoc_sigma(0.999 * ER, 10 * MeV) == 0.0);
  CHECK(alp_assoc_sigma(1.001 * ER, 10 * MeV) > 0.0);
  CHECK(alp_assoc_sigma(me, 0.1 * MeV) == 0.0);
  // The spec's soft-photon cut s > m_a^2 (1 + delta): threshold energy helper.
  CHECK(alp_assoc_threshold_energy(10 * MeV) == Approx(ER).epsilon(1e-14));
  const double E3 = alp_assoc_threshold_energy(10 * MeV, 1e-3);
  CHECK(2 * me * me + 2 * me * E3 == Approx(1.001 * 100 * MeV * MeV).epsilon(1e-14));
  CHECK(alp_assoc_threshold_energy(0.5 * MeV, 1e-3) == me);
}

TEST_CASE("Associated e+e- -> a gamma kinematics: E_a range and ALP angle", "[alp_annihilation]") {
  struct Pt { double Ep, m_a; };
  for (const Pt& p : {Pt{200, 10}, Pt{1000, 20}, Pt{5, 1}, Pt{98, 10}, Pt{500, 0.0}}) {
    const double Ep = p.Ep * MeV, m = p.m_a * MeV, Etot = Ep + me;
    const AlpEnergyInterval r = alp_assoc_energy_range(Ep, m);
    INFO("E_+ = " << p.Ep << " MeV, m_a = " << p.m_a << " MeV");
    // Endpoints against the generic 2->2 range (independent formula: CM energies and a boost).
    const AlpEnergyInterval g = two_body_lab_energy_range(Ep, me, me, m, 0.0);
    CHECK(r.lo == Approx(g.lo).epsilon(1e-11));
    CHECK(r.hi == Approx(g.hi).epsilon(1e-13));
    // The photon's own range is the complement: E_gamma = E_+ + m_e - E_a (loose tolerances: E_+ = 98 MeV
    // sits 0.7 % above threshold, where s - m_a^2 and E_tot - E_a cancel by ~1e-3 each).
    const AlpEnergyInterval gg = two_body_lab_energy_range(Ep, me, me, 0.0, m);
    CHECK(Etot - r.hi == Approx(gg.lo).epsilon(1e-8));
    CHECK(Etot - r.lo == Approx(gg.hi).epsilon(1e-11));
    // ALP angle to the positron: 0 at E_a,max (tolerance 1e-6 rad, acos of a cos rounded to 1e-16),
    // collinear at E_a,min.
    CHECK(alp_assoc_theta(Ep, r.hi, m) < 1e-6);
    CHECK(std::abs(alp_assoc_cos_theta(Ep, r.lo, m)) == Approx(1.0).epsilon(1e-9));
    // Interior: explicit boost of the CM momenta (ALP at CM angle acos(c) to the positron).
    const double s = 2 * me * Etot, rs = std::sqrt(s);
    const double Eas = (s + m * m) / (2 * rs), pas = (s - m * m) / (2 * rs);
    const double gam = Etot / rs, bg = std::sqrt(Ep * Ep - me * me) / rs;
    for (double c : {-0.9, -0.2, 0.4, 0.95}) {
      const double Ea = gam * Eas + bg * pas * c, pz = gam * pas * c + bg * Eas, pt = pas * std::sqrt(1 - c * c);
      CHECK(alp_assoc_cos_theta(Ep, Ea, m) == Approx(pz / std::sqrt(pz * pz + pt * pt)).epsilon(1e-11));
      CHECK(alp_assoc_dsigma_dea(Ep, Ea, m) > 0.0);
    }
    CHECK(alp_assoc_dsigma_dea(Ep, 0.999 * r.lo, m) == 0.0);
    CHECK(alp_assoc_dsigma_dea(Ep, 1.001 * r.hi, m) == 0.0);
  }
}
