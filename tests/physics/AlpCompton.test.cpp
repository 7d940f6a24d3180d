// gamma e- -> a e- (spec miniboone_argoneut.md s1.3 P2) and a e- -> gamma e- (s1.3 D4), physics/AlpCompton.
// Spec values are in MeV units and were evaluated with alpha = 1/137 (alplib's constant, spec s0); the
// library uses CODATA alpha = 1/137.035999. Every spec total is compared after rescaling alpha, to within
// 0.6 unit of its last quoted digit (0.5 for the rounding, 0.1 for m_e = 0.511 vs 0.51099895 and the
// "m_a ~ 0" convention); unscaled the library is lower by the factor 137/137.036 = 0.99974.
#include <catch2/catch.hpp>

#include <cmath>
#include <initializer_list>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/AlpCompton.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "alp_xs_test_util.hpp"

using namespace alpscan;
using namespace alpscan::physics;

using namespace alp_xs_test;

namespace {

constexpr double MeV = units::MeV;
constexpr double me = units::m_electron;
// alpha_spec / alpha_library for the spec's alpha = 1/137.
constexpr double kAlphaSpec = 137.035999084 / 137.0;
constexpr double kPerMeV2 = 1.0 / (MeV * MeV);  // 1 MeV^-2 in GeV^-2
constexpr double kPerMeV3 = kPerMeV2 / MeV;     // 1 MeV^-3 in GeV^-3


// 2->2 on a target at rest, built independently by an explicit boost of the CM momenta: beam mass m1,
// energy E1 along z, target m2; particle 3 (m3) at CM angle cos_cm. Returns the lab energy and cos(angle to z).
struct Lab3 { double E, cos; };
Lab3 boost_particle3(double E1, double m1, double m2, double m3, double m4, double cos_cm) {
  const double s = m1 * m1 + m2 * m2 + 2 * m2 * E1, rs = std::sqrt(s);
  const double lam = (s - (m3 + m4) * (m3 + m4)) * (s - (m3 - m4) * (m3 - m4));
  const double E3 = (s + m3 * m3 - m4 * m4) / (2 * rs), p3 = std::sqrt(lam) / (2 * rs);
  const double gam = (E1 + m2) / rs, bg = std::sqrt(E1 * E1 - m1 * m1) / rs;
  const double pz = gam * p3 * cos_cm + bg * E3, pt = p3 * std::sqrt(1 - cos_cm * cos_cm);
  return {gam * E3 + bg * p3 * cos_cm, pz / std::sqrt(pz * pz + pt * pt)};
}

}  // namespace

TEST_CASE("ALP Compton |M|^2 matches an explicit Dirac trace", "[alp_compton]") {
  // Spec s1.3 P2 / s4.2: reference values from a numerical Dirac trace done for this test (4x4 gamma
  // matrices, sum over -g_munu photon polarisations, 1/4 spin average, alpha = 1/137.035999084), at
  // invariants in MeV^2 (|M|^2 is dimensionless). Tolerance 1e-12: two double-precision evaluations.
  struct Ref { double s, t, m_a, m2; };
  for (const Ref& r : {Ref{102.4609099269011, -26.912685645749491, 5.0, 2.419762392419622e-02},
                       Ref{306.8604899269011, -175.2864858120538, 10.0, 3.929340681889463e-01},
                       Ref{20.7010779269011, -1.0091065391736065, 1e-3, 2.351134241765055e-04}}) {
    CHECK(alp_compton_m2(r.s * MeV * MeV, r.t * MeV * MeV, r.m_a * MeV) == Approx(r.m2).epsilon(1e-12));
  }
}

TEST_CASE("ALP Compton production totals reproduce spec s4.2", "[alp_compton]") {
  // Spec s4.2 "Compton-production totals (g = 1, per e-)", MeV^-2, 4 significant digits (tolerance: header).
  struct Ref { double Eg, m_a, sigma; };
  for (const Ref& r : {Ref{100, 0.0, 7.994e-5}, Ref{100, 1, 7.839e-5}, Ref{100, 5, 5.208e-5},
                       Ref{300, 10, 1.948e-5}, Ref{3000, 50, 2.638e-6}}) {
    const double sigma = alp_compton_sigma(r.Eg * MeV, r.m_a * MeV) / kPerMeV2;  // MeV^-2
    INFO("E_gamma = " << r.Eg << " MeV, m_a = " << r.m_a << " MeV: sigma = " << sigma << " MeV^-2");
    CHECK(matches_quoted(sigma * kAlphaSpec, r.sigma, 4));
    CHECK(sigma / r.sigma == Approx(1.0 / kAlphaSpec).epsilon(4e-4));  // unscaled: 0.99974 within rounding
  }
  // Spec P2: 4.00e-4 MeV^-2 at E_gamma = 10 MeV, m_a ~ 0 (3 digits).
  CHECK(matches_quoted(alp_compton_sigma(10 * MeV, 0.0) / kPerMeV2 * kAlphaSpec, 4.00e-4, 3));
  // m_a = 1 eV is the m_a -> 0 limit (relative 1e-9).
  CHECK(alp_compton_sigma(100 * MeV, 1e-9) == Approx(alp_compton_sigma(100 * MeV, 0.0)).epsilon(1e-9));
  // Linear in nothing else: per unit g^2, per electron; closed below threshold.
  CHECK(alp_compton_sigma(107.0 * MeV, 10 * MeV) == 0.0);
  CHECK(alp_compton_sigma(0.0, 0.0) == 0.0);
}

TEST_CASE("ALP Compton dsigma/dE_a integrates to the closed-form total", "[alp_compton]") {
  // Spec s4.2 "int dsigma/dE_a (P2) equals the numerical t-integral". Fixed composite Gauss-Legendre
  // (16 x 32 nodes in ln(-U)); the integrand is smooth there, tolerance 1e-10 (quadrature error ~1e-13).
  struct Pt { double Eg, m_a; };
  for (const Pt& p : {Pt{100, 0.0}, Pt{100, 1}, Pt{100, 5}, Pt{300, 10}, Pt{3000, 50}, Pt{108.5, 10}, Pt{1e5, 1e-3}}) {
    const double Eg = p.Eg * MeV, m = p.m_a * MeV;
    const AlpEnergyInterval r = alp_compton_energy_range(Eg, m);
    REQUIRE(!r.empty());
    const double c = m * m / (2 * me);  // -U = 2 m_e (E_a - c)
    const double num = integrate_log([&](double Ea) { return alp_compton_dsigma_dea(Eg, Ea, m); }, r.lo, r.hi, c);
    INFO("E_gamma = " << p.Eg << " MeV, m_a = " << p.m_a << " MeV");
    CHECK(num == Approx(alp_compton_sigma(Eg, m)).epsilon(1e-10));
    // Sub-range (a visible-energy bin) and additivity.
    const double mid = 0.5 * (r.lo + r.hi);
    const double part = integrate_log([&](double Ea) { return alp_compton_dsigma_dea(Eg, Ea, m); }, mid, r.hi, c);
    CHECK(alp_compton_sigma_ea_range(Eg, m, mid, 10 * r.hi) == Approx(part).epsilon(1e-10));
    CHECK(alp_compton_sigma_ea_range(Eg, m, 0.0, mid) + alp_compton_sigma_ea_range(Eg, m, mid, r.hi) ==
          Approx(alp_compton_sigma(Eg, m)).epsilon(1e-12));
  }
}

TEST_CASE("ALP Compton dsigma/dE_a shape", "[alp_compton]") {
  // m_a = 0: |M|^2 = 4 pi alpha (S/|U| + |U|/S - 2), |U| = 2 m_e E_a, S = 2 m_e E_gamma (from the header
  // formula, written out independently): dsigma/dE_a = alpha m_e/(2 S^2) (S/|U| + |U|/S - 2).
  const double Eg = 100 * MeV, S = 2 * me * Eg;
  for (double Ea : {1.0, 10.0, 50.0, 90.0, 99.0}) {
    const double U = 2 * me * Ea * MeV;
    CHECK(alp_compton_dsigma_dea(Eg, Ea * MeV, 0.0) ==
          Approx(units::alpha_em * me / (2 * S * S) * (S / U + U / S - 2)).epsilon(1e-12));
  }
  // Spec P2 shape check (m_a ~ 0, E_gamma = 100 MeV, MeV^-3, 2 digits): 8.9e-8 at E_a = 50 and 2.0e-9 at
  // 90 MeV are reproduced. The spec's 1.41e-6 at E_a = 10 MeV is NOT: the exact value is 1.446e-6
  // (ratio 1.025; the Dirac-trace-checked |M|^2 above and the reproduced totals fix it). Asserted here
  // at the derived value.
  const auto d = [&](double Ea) { return alp_compton_dsigma_dea(Eg, Ea * MeV, 0.0) / kPerMeV3 * kAlphaSpec; };
  CHECK(matches_quoted(d(50), 8.9e-8, 2));
  CHECK(matches_quoted(d(90), 2.0e-9, 2));
  CHECK(matches_quoted(d(10), 1.446e-6, 4));
  // Peaks at low E_a (u-channel pole), spec P2.
  CHECK(d(10) > d(50));
  CHECK(d(50) > d(90));
}

TEST_CASE("ALP Compton kinematics: threshold, E_a range, emission angle", "[alp_compton]") {
  // Spec P2: threshold E_gamma = m_a (m_a + 2 m_e)/(2 m_e): 107.8 MeV at m_a = 10 MeV, 2.5 GeV at 50 MeV.
  CHECK(alp_compton_threshold(10 * MeV) / MeV == Approx(107.8).margin(0.05));
  CHECK(alp_compton_threshold(50 * MeV) == Approx(2.5).margin(0.005));
  CHECK(alp_compton_energy_range(107.8 * MeV, 10 * MeV).empty());
  CHECK(!alp_compton_energy_range(107.9 * MeV, 10 * MeV).empty());
  CHECK(alp_compton_dsigma_dea(107.8 * MeV, 50 * MeV, 10 * MeV) == 0.0);

  // m_a = 0: the ALP energy runs from the backscatter Compton edge E/(1 + 2E/m_e) to E (exact).
  const AlpEnergyInterval r0 = alp_compton_energy_range(100 * MeV, 0.0);
  CHECK(r0.lo == Approx(100 * MeV / (1 + 200 * MeV / me)).epsilon(1e-13));
  CHECK(r0.hi == Approx(100 * MeV).epsilon(1e-14));

  struct Pt { double Eg, m_a; };
  for (const Pt& p : {Pt{100, 1}, Pt{100, 5}, Pt{300, 10}, Pt{3000, 50}, Pt{110, 10}}) {
    const double Eg = p.Eg * MeV, m = p.m_a * MeV;
    const AlpEnergyInterval r = alp_compton_energy_range(Eg, m);
    INFO("E_gamma = " << p.Eg << " MeV, m_a = " << p.m_a << " MeV");
    // Endpoints: the generic 2->2 range and the t-limits t = m^2 - 2 k*(E_a* -+ p_a*), E_a = E_gamma + t/(2 m_e).
    const AlpEnergyInterval g = two_body_lab_energy_range(Eg, 0.0, me, m, me);
    CHECK(r.lo == Approx(g.lo).epsilon(1e-11));
    CHECK(r.hi == Approx(g.hi).epsilon(1e-13));
    const double s = me * me + 2 * me * Eg, rs = std::sqrt(s), k = (s - me * me) / (2 * rs);
    const double Eas = (s + m * m - me * me) / (2 * rs), pas = std::sqrt(Eas * Eas - m * m);
    CHECK(Eg + (m * m - 2 * k * (Eas - pas)) / (2 * me) == Approx(r.hi).epsilon(1e-12));
    CHECK(Eg + (m * m - 2 * k * (Eas + pas)) / (2 * me) == Approx(r.lo).epsilon(1e-9));
    // Angle: 0 at the forward endpoint (tolerance 1e-6 rad: acos near 1 amplifies the 1e-16 rounding of
    // cos to ~1e-8), collinear (|cos| = 1) at the backward endpoint.
    CHECK(alp_compton_theta(Eg, r.hi, m) < 1e-6);
    CHECK(std::abs(alp_compton_cos_theta(Eg, r.lo, m)) == Approx(1.0).epsilon(1e-9));
    // Interior: against an explicit boost of the CM momenta (photon beam, electron target).
    for (double c : {-0.9, -0.3, 0.2, 0.8, 0.99}) {
      const Lab3 a = boost_particle3(Eg, 0.0, me, m, me, c);
      CHECK(a.E > r.lo);
      CHECK(a.E < r.hi);
      CHECK(alp_compton_cos_theta(Eg, a.E, m) == Approx(a.cos).epsilon(1e-11));
    }
    CHECK(alp_compton_dsigma_dea(Eg, 0.999 * r.lo, m) == 0.0);
    CHECK(alp_compton_dsigma_dea(Eg, 1.001 * r.hi, m) == 0.0);
    CHECK(alp_compton_dsigma_dea(Eg, r.lo, m) > 0.0);
    CHECK(alp_compton_dsigma_dea(Eg, r.hi, m) > 0.0);
  }
}

namespace {
// Spec s1.3 D4: alplib icompton_sigma (Borexino 2008 eq. 14, newest version), per g^2, per electron.
double icompton_sigma_borexino(double Ea, double ma) {
  const double pa = std::sqrt(Ea * Ea - ma * ma), y = 2 * me * Ea + ma * ma, me2 = me * me;
  return units::alpha_em / (8 * me2 * pa) *
         (2 * me2 * (me + Ea) * y / ((me2 + y) * (me2 + y)) +
          4 * me * (std::pow(ma, 4) + 2 * ma * ma * me2 - 4 * me2 * Ea * Ea) / (y * (me2 + y)) +
          std::log((me + Ea + pa) / (me + Ea - pa)) * (4 * me2 * pa * pa + std::pow(ma, 4)) / (pa * y));
}
}  // namespace

TEST_CASE("Inverse Compton totals reproduce spec s4.2 and the Borexino closed form", "[alp_compton]") {
  // Spec s4.2: 1.599e-4 (E_a = 100, m_a ~ 0), 6.276e-5 (300, 5), 4.553e-5 (500, 20) MeV^-2, g = 1, per e-
  // (tolerance: header); spec D4: 2.4e-5 MeV^-2 at 1 GeV (2 digits).
  struct Ref { double Ea, m_a, sigma; int digits; };
  for (const Ref& r : {Ref{100, 0.0, 1.599e-4, 4}, Ref{300, 5, 6.276e-5, 4}, Ref{500, 20, 4.553e-5, 4},
                       Ref{1000, 0.0, 2.4e-5, 2}}) {
    const double sigma = alp_inverse_compton_sigma(r.Ea * MeV, r.m_a * MeV) / kPerMeV2;
    INFO("E_a = " << r.Ea << " MeV, m_a = " << r.m_a << " MeV: sigma = " << sigma << " MeV^-2");
    CHECK(matches_quoted(sigma * kAlphaSpec, r.sigma, r.digits));
  }
  // Spec D4: equal to the Borexino/alplib closed form (an independent expression): 1e-11, rounding only.
  for (double Ea : {1.0, 3.0, 30.0, 100.0, 300.0, 500.0, 5000.0})
    for (double ma : {0.0, 0.1, 1.0, 5.0, 20.0}) {
      if (Ea <= ma) continue;
      INFO("E_a = " << Ea << " MeV, m_a = " << ma << " MeV");
      CHECK(alp_inverse_compton_sigma(Ea * MeV, ma * MeV) == Approx(icompton_sigma_borexino(Ea * MeV, ma * MeV)).epsilon(1e-11));
    }
  // Spec D4 high-energy limit sigma ~ alpha/(4 m_e E_a) (ln(2 E_a/m_e) - 3/2): corrections O(m_e/E), 1e-4 at 100 GeV.
  const double E = 100.0;
  CHECK(alp_inverse_compton_sigma(E, 0.0) == Approx(units::alpha_em / (4 * me * E) * (std::log(2 * E / me) - 1.5)).epsilon(1e-4));
  // No alplib cut E_a > m_a sqrt(2 m_e^2 + m_a^2)/(2 m_e) (392 MeV at m_a = 20 MeV): open just above m_a.
  CHECK(alp_inverse_compton_sigma(100 * MeV, 20 * MeV) > 0.0);
  CHECK(alp_inverse_compton_sigma(20 * MeV, 20 * MeV) == 0.0);
}

TEST_CASE("Inverse Compton dsigma/dT integrates to the total, T > 75 MeV fractions", "[alp_compton]") {
  // Spec s4.2 "int dsigma/dT (D4) equals the icompton_sigma closed form". Fixed Gauss-Legendre in
  // ln(E_gamma) = ln(E_a - T); tolerance 1e-10 (quadrature error ~1e-13).
  struct Pt { double Ea, m_a; };
  for (const Pt& p : {Pt{100, 0.0}, Pt{300, 5}, Pt{500, 20}, Pt{25, 20}, Pt{1e5, 1}}) {
    const double Ea = p.Ea * MeV, m = p.m_a * MeV;
    const AlpEnergyInterval r = alp_inverse_compton_recoil_range(Ea, m);
    REQUIRE(!r.empty());
    // x = E_gamma = E_a - T from E_a - T_hi to E_a - T_lo.
    const double num = integrate_log([&](double Eg) { return alp_inverse_compton_dsigma_degamma(Ea, Eg, m); },
                                     Ea - r.hi, Ea - r.lo, 0.0);
    INFO("E_a = " << p.Ea << " MeV, m_a = " << p.m_a << " MeV");
    CHECK(num == Approx(alp_inverse_compton_sigma(Ea, m)).epsilon(1e-10));
    const double T = r.lo + 0.3 * (r.hi - r.lo);
    CHECK(alp_inverse_compton_dsigma_degamma(Ea, Ea - T, m) == Approx(alp_inverse_compton_dsigma_dT(Ea, T, m)).epsilon(1e-12));
  }
  // Spec D4: fraction of sigma with T > 75 MeV: 92 % (E_a = 100, m_a ~ 0), 99.9 % (300, 5), 99.1 % (500, 20).
  // Quoted to 2-3 digits; ratios do not depend on alpha.
  const auto frac = [](double Ea, double m) {
    return alp_inverse_compton_sigma_T_range(Ea * MeV, m * MeV, 75 * MeV, 1e9) / alp_inverse_compton_sigma(Ea * MeV, m * MeV);
  };
  CHECK(matches_quoted(100 * frac(100, 0), 92, 2));
  CHECK(matches_quoted(100 * frac(300, 5), 99.9, 3));
  CHECK(matches_quoted(100 * frac(500, 20), 99.1, 3));
}

TEST_CASE("Inverse Compton kinematics: recoil range and angles", "[alp_compton]") {
  // m_a = 0: T from 0 to the Compton edge 2 E^2/(m_e + 2 E).
  const AlpEnergyInterval r0 = alp_inverse_compton_recoil_range(100 * MeV, 0.0);
  CHECK(r0.lo == Approx(0.0).margin(1e-15));
  CHECK(r0.hi == Approx(2 * 0.01 / (me + 0.2)).epsilon(1e-12));
  CHECK(alp_inverse_compton_recoil_range(5 * MeV, 5 * MeV).empty());

  struct Pt { double Ea, m_a; };
  for (const Pt& p : {Pt{100, 0.0}, Pt{300, 5}, Pt{500, 20}, Pt{25, 20}}) {
    const double Ea = p.Ea * MeV, m = p.m_a * MeV;
    const AlpEnergyInterval r = alp_inverse_compton_recoil_range(Ea, m);
    INFO("E_a = " << p.Ea << " MeV, m_a = " << p.m_a << " MeV");
    // The electron's own 2->2 range (particle 3 = electron): T = E_e - m_e.
    const AlpEnergyInterval e = two_body_lab_energy_range(Ea, m, me, me, 0.0);
    CHECK(r.lo == Approx(e.lo - me).margin(1e-14));
    CHECK(r.hi == Approx(e.hi - me).epsilon(1e-12));
    // Forward photon at T_min (theta_gamma = 0), forward electron at T_max (theta_e = 0); tolerance 1e-6 rad.
    CHECK(alp_inverse_compton_theta_gamma(Ea, r.lo, m) < 1e-6);
    CHECK(alp_inverse_compton_theta_e(Ea, r.hi, m) < 1e-6);
    // Interior: explicit boost of the CM momenta, for the electron and for the photon.
    for (double c : {-0.95, -0.4, 0.1, 0.7, 0.98}) {
      const Lab3 el = boost_particle3(Ea, m, me, me, 0.0, c);
      const Lab3 ph = boost_particle3(Ea, m, me, 0.0, me, -c);  // the photon is back to back in the CM
      CHECK(el.E - me + ph.E == Approx(Ea).epsilon(1e-13));
      CHECK(alp_inverse_compton_cos_theta_e(Ea, el.E - me, m) == Approx(el.cos).epsilon(1e-10));
      CHECK(alp_inverse_compton_cos_theta_gamma(Ea, el.E - me, m) == Approx(ph.cos).epsilon(1e-10));
    }
    CHECK(alp_inverse_compton_dsigma_dT(Ea, 1.001 * r.hi, m) == 0.0);
  }
}
