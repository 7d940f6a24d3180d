// E137 with an invisible width (issue 13 item 3; seed 003 L337-L367, L485-L513; spec invisible_alps.md
// s3.4). alpscan has ONE mechanism for every decay mode: the invisible width (br_inv, or g_achi and m_chi)
// is part of Gamma_tot in the decay-in-volume factor exp(-x_d)(1 - exp(-x_v)) Gamma_vis/Gamma_tot of each
// ALP energy (ElectronDumpExperiment::expected_signal). The seed instead recasts the visible limit with a
// single mean boost (its "P-ratio" method, Eqs. (39)-(42)).
//
// What is independent here: the seed's closed forms (Eqs. (39)-(42), the Lambert-W solution of spec s3.4,
// the general point test of spec s3.4) are coded in this file from the formulas, with an own Lambert W
// (alpscan has none); they take from alpscan only its own visible-decay edges g_d, g_u (br_inv = 0), as the
// seed took Dolan et al.'s. alpscan's edges at br_inv > 0 come from its full signal (tables, spectrum,
// face acceptance), nothing of which enters the closed forms.
//
// Conventions: the seed's BR_vis = Gamma_vis/Gamma_inv (L491; spec s1.3, s6.1 item 9), alpscan's
// br_inv = Gamma_inv/Gamma_tot, so br_inv = 1/(1 + BR_vis^seed). The seed's g_ae [GeV^-1] = alpscan's
// dimensionless g_ae / m_e.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ElectronDumpExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "electron_dump_test_util.hpp"

using namespace alpscan;
using namespace electron_dump_test;

namespace {

std::unique_ptr<ElectronDumpExperiment> load_e137(const nlohmann::json& options = nlohmann::json::object()) {
  return load_prepared("e137", 1e-3, 0.1, options);
}

double br_inv_of_seed_br_vis(double br_vis) { return 1.0 / (1.0 + br_vis); }

// Lambert W on the principal (W_0, x >= -1/e) or lower (W_{-1}, -1/e <= x < 0) branch: Halley's
// iteration from the branch-point series near -1/e, else from the log asymptotics.
double lambert_w(double x, bool lower) {
  const double e = std::exp(1.0);
  const double p = std::sqrt(std::max(0.0, 2.0 * (1.0 + e * x)));
  double w;
  if (lower)
    w = x < -0.25 ? -1.0 - p + p * p / 3.0 : std::log(-x) - std::log(-std::log(-x));
  else
    w = x < -0.25 ? -1.0 + p - p * p / 3.0 : std::log1p(x);
  for (int i = 0; i < 100; ++i) {
    const double ew = std::exp(w), f = w * ew - x;
    if (f == 0.0 || w == -1.0) break;
    const double step = f / (ew * (w + 1.0) - (w + 2.0) * f / (2.0 * w + 2.0));
    w -= step;
    if (std::abs(step) < 1e-15 * (1.0 + std::abs(w))) break;
  }
  return w;
}

// The seed's recast, in the seed's units: lengths in metres, widths in GeV, hbar c in GeV m (a length
// unit can be changed by passing D, L and hbar c in it). Photon coupling only: Gamma_vis = k g^2.
struct SeedRecast {
  double D = 179.0, L = 204.0;          // m (seed L339)
  double hbarc = 1.973269804e-16;       // GeV m
  static double k(double m) { return m * m * m / (64.0 * units::pi); }  // Gamma_gg per g^2 (Eq. (3))
  // Eq. (42), corrected form of spec s3.4: <gamma> = D Gamma_gg(g_u) / (hbar c W(g_u^4 D/(g_d^4 L))).
  double gamma_eq42(double m, double gd, double gu) const {
    return D * k(m) * gu * gu / (hbarc * lambert_w(std::pow(gu / gd, 4) * D / L, false));
  }
  // Eq. (41): P_old at the upper (short-lived) and lower (long-lived) edge, br_vis = 1.
  double P_old_upper(double m, double g, double gam) const { return std::exp(-D * k(m) * g * g / (hbarc * gam)); }
  double P_old_lower(double m, double g, double gam) const { return L * k(m) * g * g / (hbarc * gam); }
  // Eq. (40) with Gamma_inv = Gamma_vis / BR_vis (seed L491).
  double P_new(double m, double g, double br_vis, double gam) const {
    const double Gv = k(m) * g * g, Gi = Gv / br_vis;
    return std::exp(-(L + D) * Gi / (hbarc * gam)) * L * Gv / (hbarc * gam);
  }
  // The exact decay factor at one boost (spec s3.4 "Recommended option"): decays anywhere in the region.
  double P_exact(double m, double g, double br_vis, double gam) const {
    const double Gv = k(m) * g * g, Gt = Gv * (1.0 + 1.0 / br_vis);
    const double y = Gt / (hbarc * gam);
    return std::exp(-D * y) * -std::expm1(-L * y) * Gv / Gt;
  }
  // Spec s3.4 closed form: u_d = (L+D) k g_d^2/(BR_vis hbar c <gamma>), g^2 = -2 W(-u_d/2) BR_vis hbar c
  // <gamma>/((L+D) k), W_0 for the lower and W_{-1} for the upper edge; NAN if u_d/2 > 1/e (no band).
  std::pair<double, double> edges(double m, double gd, double br_vis, double gam) const {
    const double c = br_vis * hbarc * gam / ((L + D) * k(m));
    const double ud = gd * gd / c;
    if (ud / 2.0 > std::exp(-1.0)) return {NAN, NAN};
    return {std::sqrt(-2.0 * lambert_w(-ud / 2.0, false) * c), std::sqrt(-2.0 * lambert_w(-ud / 2.0, true) * c)};
  }
  // Upper edge with the exact factor at one boost: g^2 P_exact(g) = g_d^2 P_old_lower(g_d), on the falling
  // side (log scan from g_d up, then bisection); NAN if none.
  double upper_exact(double m, double gd, double br_vis, double gam) const {
    const double Nref = gd * gd * P_old_lower(m, gd, gam);
    auto f = [&](double lg) { const double g = std::exp(lg); return g * g * P_exact(m, g, br_vis, gam) - Nref; };
    double a = std::log(gd), last_in = NAN;
    for (int i = 0; i <= 4000; ++i) {
      const double lg = a + i * 1e-3 * std::log(10.0);
      if (f(lg) >= 0) last_in = lg;
    }
    if (std::isnan(last_in)) return NAN;
    double lo = last_in, hi = last_in + 1e-3 * std::log(10.0);
    for (int i = 0; i < 80; ++i) (f(0.5 * (lo + hi)) >= 0 ? lo : hi) = 0.5 * (lo + hi);
    return std::exp(0.5 * (lo + hi));
  }
};

}  // namespace

TEST_CASE("e137 invisible: Lambert W of this file (both branches)", "[electron_dump][e137_invisible]") {
  for (double x : {-0.3678, -0.3, -0.1, -1e-3, -1e-8})
    for (bool lower : {false, true}) {
      const double w = lambert_w(x, lower);
      CHECK(w * std::exp(w) == Approx(x).epsilon(1e-12));
      CHECK((lower ? w <= -1.0 : w >= -1.0));
    }
  CHECK(lambert_w(1.0, false) == Approx(0.5671432904097838).epsilon(1e-14));  // omega constant
  CHECK(lambert_w(100.0, false) * std::exp(lambert_w(100.0, false)) == Approx(100.0).epsilon(1e-13));
}

TEST_CASE("e137 invisible: seed Eq. (42) (corrected form) -- dimensions and substitution", "[electron_dump][e137_invisible]") {
  // Issue 13 item 5. Spec s3.4/s6.1 item 5: <gamma> = D Gamma_gg(g_u) / (hbar c W(g_u^4 D/(g_d^4 L))).
  // Inputs: Dolan et al.'s E137 edges at 10 MeV as the README quotes them (g_d = 1.4e-6, g_u = 2.7e-3 GeV^-1).
  const double m = 0.01, gd = 1.4e-6, gu = 2.7e-3;
  SeedRecast s;
  const double gam = s.gamma_eq42(m, gd, gu);
  // (1) Dimensions: <gamma> is a pure number, the same whatever the length unit (metres, centimetres,
  // natural units GeV^-1 with hbar c = 1). A form with hbar c moved to the numerator (hbar c D Gamma/W)
  // changes by (100)^2 between m and cm: that reading is not a boost factor.
  SeedRecast cm_ = s;
  cm_.D *= 100, cm_.L *= 100, cm_.hbarc *= 100;
  SeedRecast nat = s;
  nat.D = 179 * units::meter, nat.L = 204 * units::meter, nat.hbarc = 1.0;
  CHECK(cm_.gamma_eq42(m, gd, gu) == Approx(gam).epsilon(1e-12));
  CHECK(nat.gamma_eq42(m, gd, gu) == Approx(gam).epsilon(1e-9));
  auto wrong = [&](const SeedRecast& r, double mm) {  // hbar c in the numerator
    return r.hbarc * r.D * SeedRecast::k(mm) * gu * gu / lambert_w(std::pow(gu / gd, 4) * r.D / r.L, false);
  };
  CHECK(wrong(cm_, m) / wrong(s, m) == Approx(1e4).epsilon(1e-9));
  // (2) Substitution: with this <gamma> the visible yields at the two published edges are equal,
  // g_u^2 P_old,upper(g_u) = g_d^2 P_old,lower(g_d) (Eqs. (39), (41): both are the same event limit).
  CHECK(gu * gu * s.P_old_upper(m, gu, gam) == Approx(gd * gd * s.P_old_lower(m, gd, gam)).epsilon(1e-12));
  // Seed L361: m_a <gamma_a> ~ 15 GeV at small masses; on these (Dolan) inputs 12-13 GeV (spec s3.4; the
  // same +-30% window as E137Validation.test.cpp).
  INFO("m <gamma> from Eq. (42) on Dolan et al.'s edges at 10 MeV: " << m * gam << " GeV");
  CHECK(m * gam > 10.5);
  CHECK(m * gam < 19.5);
  // (3) The closed form of spec s3.4 solves Eq. (39) with Eq. (40): N(g_low) = N(g_up) = N_ref.
  for (double br : {1e-2, 1e-4}) {
    const auto [lo, up] = s.edges(m, gd, br, gam);
    REQUIRE(std::isfinite(up));
    const double Nref = gd * gd * s.P_old_lower(m, gd, gam);
    CHECK(lo * lo * s.P_new(m, lo, br, gam) == Approx(Nref).epsilon(1e-10));
    CHECK(up * up * s.P_new(m, up, br, gam) == Approx(Nref).epsilon(1e-10));
    // The lower edge moves up by u_d/4 to first order (-W_0(-x) = x + x^2 + ...): (g_low/g_d)^2 = 1 + u_d/2 + ...
    const double ud = (s.L + s.D) * SeedRecast::k(m) * gd * gd / (br * s.hbarc * gam);
    CHECK(lo > gd);
    CHECK(lo / gd - 1.0 == Approx(ud / 4.0).epsilon(0.25));
    CHECK(up > lo);
  }
  // (4) No band once u_d/2 > 1/e (the invisible decay length is shorter than L + D already at g_d).
  const double br_close = (s.L + s.D) * SeedRecast::k(m) * gd * gd / (s.hbarc * gam) * std::exp(1.0) / 2.0;
  CHECK(std::isfinite(s.edges(m, gd, 1.01 * br_close, gam).second));
  CHECK(std::isnan(s.edges(m, gd, 0.99 * br_close, gam).second));
}

TEST_CASE("e137 invisible: the fast signal agrees with the direct reference at br_inv > 0", "[electron_dump][e137_invisible]") {
  // The same 1% as the br_inv = 0 comparison (E137E141.test.cpp), now where the invisible width sets the
  // exponent (near the new upper edges).
  auto e = load_e137();
  for (double br : {1e-2, 1e-4})
    for (double g : {3e-6, 1e-5, 3e-5}) {
      const double bi = br_inv_of_seed_br_vis(br);
      const double n = e->signal(0.01, g, 0.0, bi);
      INFO("BR_vis = " << br << ", g = " << g << ": N = " << n);
      if (n > 1e-2) CHECK(n == Approx(e->signal_reference(0.01, g, 0.0, bi, 64)).epsilon(0.01));
    }
}

TEST_CASE("e137 invisible: alpscan's full signal against the seed's P-ratio recast (Lambert W)", "[electron_dump][e137_invisible]") {
  // Seed Fig. 11 (L491, L497): E137 for BR_vis = 1e-2 and 1e-4 stays relevant at low mass. alpscan's
  // g_d, g_u at br_inv = 0 feed the seed's Eq. (42) (<gamma>) and the closed form; alpscan's own edges at
  // br_inv = 1/(1 + BR_vis) are compared with it.
  // Lower edge (seed L363: "not modified"): the closed form's W_0 branch moves it by u_d/4; alpscan's by
  // less (its exponent is x_d + x_v/2 at long lifetime, not x_d + x_v): both within 1% of g_d, tested.
  // Lower edge, rigorous bracket: g_d <= g_low, and since (1 - e^{-x})/x >= e^{-x/2} every ALP keeps at
  // least e^{-(L+D) y} of its long-lived visible decays, y at the SLOWEST ALP (gamma_min = E_min/m): with
  // N ~ g^4 at g_d, g_low <= g_d (1 + d), (1 + d)^4 exp(-u_min (1 + d)^2) = 1. The seed's closed form
  // (one mean boost) shifts it less: the long-lived yield is carried by slow ALPs (track length ~1/k^2,
  // decay probability ~1/E), whose boost is far below Eq. (42)'s <gamma> (an upper-edge quantity).
  // Upper edge: two differences of opposite sign.
  //  (a) Eq. (40) requires the ALP to survive the invisible width over L + D and then decay visibly
  //      (e^{-(L+D) y} L y BR); a decay anywhere in the region counts, e^{-D y}(1 - e^{-L y}) BR. At the
  //      upper edge L y >> 1, so the exponent runs over D, not L + D: g_up^2 larger by ~(L+D)/D = 2.14
  //      up to logarithms. Computed here independently at one boost ("exact, one gamma"): 1.39-1.40 in g.
  //  (b) alpscan's signal at br_inv is EXACTLY its visible one at a higher level (next test case):
  //      N_br(g) = (1 - br)^2 N_0(g/sqrt(1 - br)), so the new upper edge sits on the br = 0 curve where
  //      N_0 = s_up/(1 - br)^2 ~ s_up/BR_vis^2, nearer its peak, where slower ALPs still contribute: the
  //      effective boost there is lower than Eq. (42)'s <gamma>, fitted where only the fastest survive
  //      (seed footnote 7, L365). So alpscan lies between the seed's edge and the exact one-boost edge.
  // Both normalisations (option efficiency), each with its own g_d, g_u. "(a) outweighs (b)" holds in every
  // case but one: at the calibrated normalisation (N x 0.16), 10 MeV and BR_vis = 1e-4, the edge sits lower
  // on the yield curve, where (b) is stronger, and alpscan's upper edge is 0.92x the closed form's (alpscan/
  // closed form upper 1.33, 1.16, 1.29, 0.92 calibrated; 1.34, 1.21, 1.31, 1.05 physical): that case is
  // pinned to > 0.88 (a known shift, README). The rigorous bracket of the lower edge exists only while
  // u_min <= 2/e (the maximum of 4 ln(1 + d) - u_min (1 + d)^2 is 2 ln(2/u_min) - 2): at the calibrated 10 MeV,
  // BR_vis = 1e-4 point u_min > 2/e and there is no such bound (asserted, and said in the README).
  for (const bool physical : {true, false}) {
  auto e = load_e137(nlohmann::json{{"efficiency", physical ? "physical" : "calibrated"}});
  SeedRecast s;
  for (double m : {0.003, 0.01}) {
    const auto [gd, gu] = edges(*e, m, true);
    REQUIRE(std::isfinite(gd));
    const double gam = s.gamma_eq42(m, gd, gu);
    for (double br : {1e-2, 1e-4}) {
      const double bi = br_inv_of_seed_br_vis(br);
      const auto [lo, hi] = edges(*e, m, true, bi);
      const auto [slo, shi] = s.edges(m, gd, br, gam);
      const auto [slo15, shi15] = s.edges(m, gd, br, 15.0 / m);  // the seed's m <gamma> ~ 15 GeV (L361)
      const double x1 = s.upper_exact(m, gd, br, gam), xmax = s.upper_exact(m, gd, br, 20.0 / m);
      std::printf("[%s] E137 m = %g MeV, BR_vis(seed) = %g (br_inv = %.8f): alpscan g_agg %.3e - %.3e; seed closed form "
                  "(alpscan g_d = %.3e, m<gamma> = %.2f GeV) %.3e - %.3e [with m<gamma> = 15 GeV: upper %.3e]; exact "
                  "one-gamma upper %.3e (gamma_max: %.3e); alpscan/seed upper %.3f, exact-one-gamma/seed %.3f\n",
                  physical ? "physical" : "calibrated", m * 1e3, br, bi, lo, hi, gd, m * gam, slo, shi, shi15, x1, xmax,
                  hi / shi, x1 / shi);
      REQUIRE(std::isfinite(lo));
      REQUIRE(std::isfinite(shi));
      const double u_min = (s.L + s.D) * SeedRecast::k(m) * gd * gd * (1.0 + 1.0 / br) / (s.hbarc * e->config().E_min / m);
      // (1 + d)^4 exp(-u_min (1 + d)^2) = 1 on the rising side, d in (0, sqrt(2/u_min) - 1]; no root if u_min > 2/e
      const bool bounded = u_min <= 2.0 / std::exp(1.0);
      double d0 = 0.0, d1 = bounded ? std::sqrt(2.0 / u_min) - 1.0 : NAN;
      for (int i = 0; i < 200 && bounded; ++i) {
        const double d = 0.5 * (d0 + d1);
        (4.0 * std::log1p(d) - u_min * (1 + d) * (1 + d) < 0 ? d0 : d1) = d;
      }
      std::printf("  lower edge: alpscan/g_d = %.4f, seed closed form/g_d = %.4f, rigorous bound <= %.4f (u_min = %.3f)\n",
                  lo / gd, slo / gd, 1 + d1, u_min);
      CHECK(lo >= gd * (1 - 1e-3));
      if (bounded) CHECK(lo <= gd * (1 + d1) * 1.002);
      else {  // the README's 13.5% (known, pinned two-sided)
        CHECK(lo / gd > 1.10);
        CHECK(lo / gd < 1.17);
      }
      CHECK(bounded == (physical || m < 0.005 || br > 1e-3));  // the one unbounded case, see above
      CHECK(slo >= gd);
      CHECK(x1 > 1.3 * shi);  // (a)
      if (physical || m < 0.005 || br > 1e-3) CHECK(hi > shi);  // (a) outweighs (b)
      else {  // the README's 0.92 (known, pinned two-sided)
        CHECK(hi > 0.88 * shi);
        CHECK(hi < 0.96 * shi);
      }
      CHECK(hi < 1.02 * x1);   // (b)
    }
  }
  }
}

TEST_CASE("e137 invisible: at 10 MeV and BR_vis = 1e-4 the band ends near g_ae^seed ~ 1e-4 GeV^-1", "[electron_dump][e137_invisible]") {
  // Seed L511 (Fig. 13, m_a = 10 MeV, BR_vis = 1e-4): production by Primakoff only (g_agg^2), visible decays
  // through both couplings, Gamma_inv = Gamma_vis/BR_vis; the band "stops around g_ae ~ 1e-4" [GeV^-1]
  // where the invisible decay length falls far below the shield. Independent closed form: the spec s3.4
  // general point test N/N_ref = (g^2/g_d^2) exp(-(L+D) Gamma_inv/(hbar c <gamma>)) Gamma_vis/Gamma_gg(g_d),
  // maximised over g_agg; its end point in g_ae. alpscan: the largest g_ae for which some g_agg is
  // excluded at br_inv = 1/(1 + 1e-4), with production as the seed (Primakoff only) and the default
  // (with ALP bremsstrahlung). Tolerance: the seed's "~1e-4" is one figure read off a log plot: a
  // factor 2 either way. The closed form is expected ~(L+D)/D in Gamma_ee below alpscan (cause (a) above).
  //
  // Both normalisations (option efficiency). Physical: all four numbers within the factor 2 of the seed's
  // ~1e-4. Calibrated (N x 0.16, g_d on the collaboration's limit, i.e. the seed's own input): the closed
  // forms stay within it (6.1e-5); alpscan's full signal ends lower, OUTSIDE it (4.5e-5: 0.45x the seed,
  // a known disagreement pinned to 0.40-0.50e-4; 0.74x its closed form against
  // 0.93x at the physical normalisation): with 6x less signal the band ends at a smaller invisible-decay
  // exponent, where the slow ALPs still carry much of the yield and die faster than Eq. (42)'s one mean
  // boost (fitted where only the fastest survive) says -- checked against its closed form within the same
  // factor 2, reported in the README beside the seed's ~1e-4 (0.45x).
  const double m = 0.01, br = 1e-4, bi = br_inv_of_seed_br_vis(br), me = units::m_electron;
  for (const bool physical : {true, false}) {
  const char* mode = physical ? "physical" : "calibrated";
  SeedRecast s;
  auto e = load_e137(nlohmann::json{{"production", "primakoff"}, {"efficiency", mode}});
  const auto [gd, gu] = edges(*e, m, true);
  REQUIRE(std::isfinite(gd));
  // Closed form with <gamma> from alpscan's edges and with the seed's m <gamma> = 15 GeV.
  auto closed_end = [&](double gam) {
    const double c = (s.L + s.D) / (br * s.hbarc * gam), ud = c * SeedRecast::k(m) * gd * gd;
    auto fmax = [&](double eps) {  // max over x = c k g^2 of (x/ud) ((x + eps)/ud) e^{-(x + eps)}
      const double x = 0.5 * (2.0 - eps + std::sqrt(eps * eps + 4.0));
      return x * (x + eps) * std::exp(-(x + eps)) / (ud * ud);
    };
    double a = 0.0, b = 200.0;  // eps = c Gamma_ee
    for (int i = 0; i < 200; ++i) (fmax(0.5 * (a + b)) >= 1.0 ? a : b) = 0.5 * (a + b);
    const double Gee = 0.5 * (a + b) / c;
    const double beta = std::sqrt(1.0 - 4.0 * me * me / (m * m));
    return std::sqrt(Gee * 8.0 * units::pi / (m * beta));  // dimensionless g_ae (Gamma_ee = g^2 m beta/(8 pi))
  };
  const double ce = closed_end(s.gamma_eq42(m, gd, gu)), ce15 = closed_end(15.0 / m);
  // alpscan: is some g_agg excluded at this g_ae? (log scan of g_agg, the peak refined).
  auto excluded_somewhere = [&](ElectronDumpExperiment& x, double gae) {
    const double S = s_up(x);
    for (int i = 0; i <= 300; ++i) {
      const double g = 1e-8 * std::pow(10.0, 5.0 * i / 300.0);
      if (x.signal(m, g, gae, bi) >= S) return true;
    }
    return false;
  };
  auto alp_end = [&](ElectronDumpExperiment& x) {
    double a = std::log(1e-10), b = std::log(1e-5);
    REQUIRE(excluded_somewhere(x, std::exp(a)));
    REQUIRE(!excluded_somewhere(x, std::exp(b)));
    for (int i = 0; i < 30; ++i) (excluded_somewhere(x, std::exp(0.5 * (a + b))) ? a : b) = 0.5 * (a + b);
    return std::exp(0.5 * (a + b));
  };
  const double ap = alp_end(*e);
  auto d = load_e137(nlohmann::json{{"efficiency", mode}});
  const double ad = alp_end(*d);
  std::printf("[%s] E137 m = 10 MeV, BR_vis = 1e-4: band ends at g_ae = %.3e (g_ae^seed = %.3e GeV^-1) alpscan Primakoff only, "
              "%.3e (%.3e) with bremsstrahlung; closed form %.3e (%.3e) with alpscan's <gamma>, %.3e (%.3e) with the seed's "
              "15 GeV; seed L511: ~1e-4 GeV^-1. alpscan/closed %.3f\n",
              mode, ap, ap / me, ad, ad / me, ce, ce / me, ce15, ce15 / me, ap / ce);
  for (double v : {ce, ce15}) {
    CHECK(v / me > 0.5e-4);
    CHECK(v / me < 2e-4);
  }
  for (double v : {ap, ad}) {
    if (physical) {
      CHECK(v / me > 0.5e-4);
      CHECK(v / me < 2e-4);
    } else {
      // A known disagreement: 0.45x the seed's ~1e-4, outside the factor 2 fixed for a figure reading
      // (README); pinned so that a change that moves it must update the README.
      CHECK(v / me > 0.40e-4);
      CHECK(v / me < 0.50e-4);
      CHECK(v / ce > 0.5);
      CHECK(v / ce < 2.0);
    }
  }
  // alpscan ends slightly below the closed form (0.93): causes (a) and (b) of the previous test case
  // nearly cancel at the tip of the band (the peak of N, where (b) is strongest). Both productions agree
  // to 1%: ALP bremsstrahlung at g_ae ~ 3.5e-8 is negligible beside Primakoff at g_agg ~ 1e-5.
  CHECK(ad == Approx(ap).epsilon(0.01));
  }
}

TEST_CASE("e137 invisible: one mechanism -- N at br_inv is the visible N at a rescaled coupling", "[electron_dump][e137_invisible]") {
  // Photon coupling only: Gamma_tot = k g^2/(1 - br) and Gamma_vis/Gamma_tot = 1 - br, so with G = g/sqrt(1 - br)
  // N_br(g) = g^2 (1 - br) sum_j W_j P_j(Gamma_tot) = (1 - br)^2 N_0(G): exact, whatever the spectrum, the
  // slices and the face acceptance (the width enters only through Gamma_tot and the visible fraction).
  auto e = load_e137();
  for (double m : {0.003, 0.01, 0.03})
    for (double br : {0.5, br_inv_of_seed_br_vis(1e-2), br_inv_of_seed_br_vis(1e-4)})
      for (double g : {1e-6, 1e-5, 1e-4}) {
        const double n0 = e->signal(m, g / std::sqrt(1.0 - br), 0.0, 0.0);
        if (!(n0 > 1e-30)) continue;
        INFO("m = " << m << ", br_inv = " << br << ", g = " << g);
        CHECK(e->signal(m, g, 0.0, br) == Approx((1.0 - br) * (1.0 - br) * n0).epsilon(1e-6));
      }
}
