// NA64 in the electron-dump family (ElectronDumpExperiment; data/experiments/na64_alp.json and
// na64_visible.json). Two publications, two data sets:
//  * na64_alp: PRL 125 (2020) 081801, 2.84e11 EOT on the active Pb ECAL, the ALP passes the first HCAL
//    module and decays visibly in the rest of the HCAL or escapes (missing energy): an OPEN decay
//    region, N ~ g^2 at long lifetime (flat lower edge);
//  * na64_visible: PRD 104 (2021) L111102 (visible mode, W calorimeter WCAL, 8.4e10 EOT), a -> e+ e-
//    in a finite region behind the WCAL: N ~ g^4 at long lifetime.
// Checks: table vs direct reference, the g^2 / g^4 scalings at the lower edge, the upper edge bracketed
// by the lifetime closed forms, and numbers from the publications (mass reach, couplings), with the
// ratios printed (WARN) and nothing tuned to them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ElectronDumpExperiment.hpp"
#include "alpscan/experiments/ElectronDumpExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/stats/PoissonLikelihood.hpp"
#include "electron_dump_test_util.hpp"

using namespace alpscan;
using namespace electron_dump_test;

namespace {

struct Loaded {
  ExperimentInfo info;
  ElectronDumpConfig cfg;
};

Loaded read(const std::string& name) {
  Diagnostics d;
  ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json", nlohmann::json::object(), d);
  ElectronDumpConfig c = read_electron_dump_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  return {f.info(), c};
}

std::unique_ptr<ElectronDumpExperiment> build(const Loaded& l, double m_lo = 1e-4, double m_hi = 1.0) {
  auto e = std::make_unique<ElectronDumpExperiment>(l.info, l.cfg);
  PrepareContext ctx;
  ctx.m_a_min = m_lo;
  ctx.m_a_max = m_hi;
  e->prepare(ctx);
  return e;
}

std::unique_ptr<ElectronDumpExperiment> load(const std::string& name) { return build(read(name)); }


// max_g N(m, g) and the g where it is reached: coarse log scan, then golden section in ln g.
std::pair<double, double> peak(ElectronDumpExperiment& e, double m, bool photon) {
  int kbest = 0;
  double best = -1.0;
  auto g_at = [](int k) { return 1e-10 * std::pow(10.0, 10.0 * k / 400.0); };
  for (int k = 0; k <= 400; ++k) {
    const double v = N(e, m, g_at(k), photon);
    if (v > best) best = v, kbest = k;
  }
  double a = std::log(g_at(std::max(kbest - 1, 0))), b = std::log(g_at(std::min(kbest + 1, 400)));
  const double r = 0.5 * (std::sqrt(5.0) - 1.0);
  for (int i = 0; i < 60; ++i) {
    const double c = b - r * (b - a), d = a + r * (b - a);
    if (N(e, m, std::exp(c), photon) > N(e, m, std::exp(d), photon))
      b = d;
    else
      a = c;
  }
  const double g = std::exp(0.5 * (a + b));
  return {N(e, m, g, photon), g};
}

// The largest mass with an excluded coupling (the tip of the region), by bisection on ln m between a
// mass inside the region (m_in) and one beyond it (m_out); also the coupling at the tip.
std::pair<double, double> mass_reach(ElectronDumpExperiment& e, bool photon, double m_in, double m_out) {
  const double S = s_up(e);
  REQUIRE(peak(e, m_in, photon).first >= S);
  REQUIRE(peak(e, m_out, photon).first < S);
  double a = std::log(m_in), b = std::log(m_out);
  for (int i = 0; i < 40; ++i) {
    const double c = 0.5 * (a + b);
    (peak(e, std::exp(c), photon).first >= S ? a : b) = c;
  }
  const double m = std::exp(a);
  return {m, peak(e, m, photon).second};
}

// Rigorous bracket of the upper (lifetime) edge for one coupling g (the other 0): every ALP energy lies
// in [E_min, E0], so with S = N_long/g^2 (production, from the long-lifetime signal) and
// k(E) = L_d m Gamma(g = 1)/p(E), the edge g_hi solves sum_j W_j exp(-k_j g^2) = s_up and lies between
// the solutions of S g^2 exp(-k g^2) = s_up for k = k(E_min) (lower) and k = k(E0) (upper). (For a
// finite region the factor 1 - exp(-x_v) -> 1 at the upper edge.) Solved on the decreasing branch.
double closed_upper_edge(double S, double s, double k, double g_start) {
  double g2 = g_start * g_start;
  for (int i = 0; i < 200; ++i) g2 = std::log(S * g2 / s) / k;  // contraction on the upper branch
  return std::sqrt(g2);
}

constexpr double kE = 0.302822120872;  // e = sqrt(4 pi alpha): NA64's eps = g_ae / e (see na64_visible.json notes)

}  // namespace

TEST_CASE("na64: tables and bin sum agree with the direct reference (open and finite regions)", "[na64]") {
  // Reference: direct yields by quadrature on 64 panels x 8 GL nodes with the exact decay factor (for
  // the open region exp(-L_d/lambda) + BR_inv (1 - exp(-L_d/lambda))). Tolerance 1% as for E137: ln Y
  // interpolation between mass nodes (8/decade) and the midpoint rule on the 96 energy bins. Points
  // deep in the exponential (N << s_up) are left out.
  auto a = load("na64_alp");
  REQUIRE(a->open_region());
  for (double m : {0.003, 0.02, 0.05})
    for (double g : {1e-4, 1e-3}) {
      INFO("na64_alp m = " << m << " g_agg = " << g);
      if (N(*a, m, g, true) > 1e-2) CHECK(a->signal(m, g, 0.0) == Approx(a->signal_reference(m, g, 0.0, 0.0, 64)).epsilon(0.01));
      const double ge = g * 1e-1;
      if (N(*a, m, ge, false) > 1e-2) CHECK(a->signal(m, 0.0, ge) == Approx(a->signal_reference(m, 0.0, ge, 0.0, 64)).epsilon(0.01));
    }
  // The invisible branch of the open region: at short lifetime only invisible decays before L_d remain.
  CHECK(a->signal(0.02, 1e-2, 0.0, 0.3) == Approx(a->signal_reference(0.02, 1e-2, 0.0, 0.3, 64)).epsilon(0.01));
  // A stable ALP (g_ae only, m < 2 m_e: Gamma = 0) always escapes: a signal ~ g^2, not 0.
  CHECK(a->signal(0.0008, 0.0, 1e-4) > 0);
  CHECK(a->signal(0.0008, 0.0, 1e-4) == Approx(a->signal_reference(0.0008, 0.0, 1e-4, 0.0, 64)).epsilon(0.01));
  CHECK(a->signal(0.0008, 0.0, 1e-3) / a->signal(0.0008, 0.0, 1e-4) == Approx(100.0).epsilon(1e-9));
  auto v = load("na64_visible");
  REQUIRE(!v->open_region());
  for (double m : {0.002, 0.01})
    for (double g : {3e-5, 1e-4}) {
      INFO("na64_visible m = " << m << " g_ae = " << g);
      CHECK(v->signal(m, 0.0, g) == Approx(v->signal_reference(m, 0.0, g, 0.0, 64)).epsilon(0.01));
    }
}

TEST_CASE("na64: numbers from the publications and the seeds", "[na64]") {
  // PRL 125 (2020) 081801 abstract and seed 003 L369-L377: 100 GeV, 2.84e11 EOT, 40 X0 of Pb, E_a > 50 GeV,
  // efficiency ~50%, 0 events on 0.19 +- 0.07 background.
  auto a = load("na64_alp");
  const auto& c = a->config();
  CHECK(c.E0 == Approx(100.0));
  CHECK(c.N_EOT == Approx(2.84e11));
  CHECK(c.Z == 82);
  CHECK(c.thickness_X0 == Approx(40.0));
  CHECK(c.E_min == Approx(50.0));
  CHECK(c.efficiency == Approx(0.5));
  CHECK(std::isinf(c.L_v));
  // n = 0, b = 0.19 +- 0.07: the Cousins-Highland s_up is 2.303 - 0.19 = 2.11 up to the smearing of b.
  CHECK(s_up(*a) == Approx(2.303 - 0.19).epsilon(0.01));
  // PRD 104 (2021) L111102 abstract: 8.4e10 EOT in the visible mode; no candidates (seed 002 L11197-L11198).
  auto v = load("na64_visible");
  CHECK(v->config().N_EOT == Approx(8.4e10));
  CHECK(v->config().Z == 74);
  CHECK(v->config().detect_ee);
  CHECK(!v->config().detect_gg);
  CHECK(s_up(*v) == Approx(2.303).epsilon(1e-3));
}

TEST_CASE("na64: N ~ g^4 at the lower edge of the visible mode, N ~ g^2 for the open region", "[na64]") {
  // Finite region (na64_visible): production ~ g^2, P ~ L_v Gamma m/p ~ g^2 -> N ~ g^4. Far below the
  // edge (g = 1e-8 -> 1e-7, x < 1e-6): x10 in g -> x1e4 in N to 1e-5. AT the lower edge (m = 2 MeV, lambda ~ 50 m against
  // L_d + L_v = 1.8 m) the local slope d ln N / d ln g = 4 - 2 (x_d + x_v/2) + ... = 3.9-4.0: tested in
  // [3.85, 4.0].
  auto v = load("na64_visible");
  const double m = 0.002;
  CHECK(N(*v, m, 1e-8, false) > 0);
  CHECK(N(*v, m, 1e-7, false) / N(*v, m, 1e-8, false) == Approx(1e4).epsilon(1e-5));
  const auto [lo, hi] = edges(*v, m, false);
  REQUIRE(std::isfinite(lo));
  const double slope = std::log(N(*v, m, lo * 1.01, false) / N(*v, m, lo / 1.01, false)) / std::log(1.01 * 1.01);
  INFO("na64_visible m = 2 MeV: lower edge g_ae = " << lo << ", d ln N/d ln g there = " << slope);
  CHECK(slope > 3.85);
  CHECK(slope <= 4.0);
  // Open region (na64_alp): every ALP passing the shield counts, P -> 1: N ~ g^2 (the flat lower edge
  // of the published g_agg limit). At the lower edge (10 MeV, lambda ~ 10 km against L_d = 2.2 m) the
  // slope is 2 to < 1e-3.
  auto a = load("na64_alp");
  CHECK(N(*a, 0.01, 1e-5, true) / N(*a, 0.01, 1e-6, true) == Approx(100.0).epsilon(1e-6));
  const auto [alo, ahi] = edges(*a, 0.01, true);
  REQUIRE(std::isfinite(alo));
  const double aslope = std::log(N(*a, 0.01, alo * 1.01, true) / N(*a, 0.01, alo / 1.01, true)) / std::log(1.01 * 1.01);
  CHECK(aslope == Approx(2.0).epsilon(1e-3));
  // The same data set read as visible decays in HCAL modules 2-4 only (a finite region of 3 modules,
  // ~4.4 m, behind the same shield): N ~ g^4 again, and fewer events than the open region.
  Loaded l = read("na64_alp");
  l.cfg.L_v = 4.4 * units::meter;
  auto fin = build(l);
  REQUIRE(!fin->open_region());
  CHECK(N(*fin, 0.01, 1e-5, true) / N(*fin, 0.01, 1e-6, true) == Approx(1e4).epsilon(1e-5));
  CHECK(N(*fin, 0.01, 1e-3, true) < N(*a, 0.01, 1e-3, true));
}

TEST_CASE("na64: the upper edge is set by the lifetime (gamma beta c tau ~ L_d)", "[na64]") {
  // The edge found by the scan must lie inside the closed-form bracket built from the production
  // S = N_long/g^2 and the decay exponent at E_min (lower end) and E0 (upper end); tolerance 2% on each
  // side for the binning and the mass interpolation.
  struct Case {
    const char* name;
    bool photon;
    double m;
  };
  for (const Case& k : {Case{"na64_alp", true, 0.02}, Case{"na64_alp", true, 0.04}, Case{"na64_visible", false, 0.002},
                        Case{"na64_visible", false, 0.005}}) {
    auto e = load(k.name);
    const auto& c = e->config();
    const auto [lo, hi] = edges(*e, k.m, k.photon);
    REQUIRE(std::isfinite(hi));
    // Production per g^2 (every ALP in the acceptance, no decay factor): the long-lifetime signal of
    // the open region; for a finite region that of the same file read as open, with the same angular
    // acceptance h/(L_d + L_v).
    Loaded l = read(k.name);
    if (!e->open_region()) {
      l.cfg.half_size *= l.cfg.L_d / (l.cfg.L_d + l.cfg.L_v);
      l.cfg.L_v = std::numeric_limits<double>::infinity();
    }
    auto o = build(l);
    const double g_small = 1e-9;
    const double Sprod = N(*o, k.m, g_small, k.photon) / (g_small * g_small);
    const model::AlpWidths w1 = k.photon ? model::widths(k.m, 1.0, 0.0) : model::widths(k.m, 0.0, 1.0);
    auto kk = [&](double E) { return c.L_d * k.m * w1.total() / std::sqrt(E * E - k.m * k.m); };
    const double g_a = closed_upper_edge(Sprod, s_up(*e), kk(c.E_min), hi);
    const double g_b = closed_upper_edge(Sprod, s_up(*e), kk(c.E0), hi);
    INFO(k.name << " m = " << k.m << ": upper edge " << hi << " in the lifetime bracket [" << g_a << ", " << g_b << "]");
    CHECK(hi > 0.98 * g_a);
    CHECK(hi < 1.02 * g_b);
  }
}

TEST_CASE("na64: photon coupling vs PRL 125 (2020) 081801: mass reach and flat lower edge", "[na64]") {
  // Publication (abstract): limits 'for a(s) masses below 55 MeV'. Our region closes at m_tip; the tip
  // mass moves only as ~(yield/L_d)^(1/4), so the assumed 2.2 m shield (+-10%) and the efficiency (~50%)
  // move it by a few %: tolerance m_tip/55 MeV in [0.9, 1.1]. Found: 1.01.
  auto a = load("na64_alp");
  const auto [m_tip, g_tip] = mass_reach(*a, true, 0.04, 0.08);
  INFO("na64_alp g_agg region closes at m = " << m_tip * 1e3 << " MeV (g = " << g_tip << "); publication: 55 MeV; ratio "
                                               << m_tip / 0.055);
  CHECK(m_tip / 0.055 > 0.9);
  CHECK(m_tip / 0.055 < 1.1);
  // Flat lower edge. The publication's Fig. (digitised, AxionLimits NA64.txt, as quoted in spec
  // invisible_alps.md s3.5): 2.56e-4 GeV^-1 at 1 MeV, 2.2-2.4e-4 for 5-50 MeV (at 10 MeV: 2.35e-4 by
  // log interpolation of the digitised points 2.389e-4 at 5.28 MeV and 2.313e-4 at 16.6 MeV). Seed 003
  // L377 says a MadGraph recast matches the collaboration within 5%, and the spec's analytic chain
  // (the same Tsai-Whitis + Primakoff ingredients as here) is 5-16% below (stronger than) it; our s_up =
  // 2.11 (b = 0.19 subtracted) against NA64's 2.3 makes us another 4% stronger. Expected ratio
  // 0.80-0.95 with the Tsai-Whitis photon track length, ~10% higher with the whole shower (the default);
  // tested in [0.75, 1.05]. Found: 0.95 at 10 MeV, 0.87 at 1 MeV (Tsai-Whitis: 0.88, 0.80).
  const auto [lo10, hi10] = edges(*a, 0.01, true);
  const auto [lo1, hi1] = edges(*a, 0.001, true);
  INFO("na64_alp lower edge: " << lo10 << " at 10 MeV (publication 2.35e-4, ratio " << lo10 / 2.35e-4 << "), " << lo1
                               << " at 1 MeV (publication 2.56e-4, ratio " << lo1 / 2.56e-4 << ")");
  CHECK(lo10 / 2.35e-4 > 0.75);
  CHECK(lo10 / 2.35e-4 < 1.05);
  CHECK(lo1 / 2.56e-4 > 0.75);
  CHECK(lo1 / 2.56e-4 < 1.05);
  // Independent cross-check: spec invisible_alps.md s3.5 analytic chain (Tsai-Whitis photon track length +
  // Primakoff), 2.14e-4 at 10 MeV with N = 2.3: ours with the same track length (option tsai_whitis),
  // rescaled to s_up = 2.3 (N ~ g^2), agrees within 5% (quadrature and screening details). The default
  // whole-shower track length has 0.76-0.96x fewer photons at y = k/E0 = 0.5-0.9: 1.10x higher there.
  Loaded tw = read("na64_alp");
  tw.cfg.photon_track_cascade = false;
  auto at = build(tw);
  const double lo10_23 = edges(*at, 0.01, true).first * std::sqrt(2.3 / s_up(*at));
  INFO("na64_alp lower edge at 10 MeV rescaled to s_up = 2.3: " << lo10_23 << " (spec s3.5: 2.14e-4, ratio " << lo10_23 / 2.14e-4 << ")");
  CHECK(lo10_23 == Approx(2.14e-4).epsilon(0.05));
}

TEST_CASE("na64: visible mode vs PRD 104 (2021) L111102: mass reach and the coupling at the tip", "[na64]") {
  // Publication (abstract): m_a = 1-17.1 MeV excluded; at 16.7 MeV 2.1e-4 < eps < 3.2e-4 (g_ae = eps e).
  // Our inputs are conservative where assumed (all EOT at 100 GeV although part was at 150 GeV,
  // efficiency 0.5, a 0.3 m WCAL, first-generation shower electrons only), each lowering the yield; the
  // tip mass moves as ~(yield)^(1/4) (a factor 2 in yield is 0.84 in mass). Tolerance m_tip/17.1 MeV in
  // [0.75, 1.05]. Found: 0.83 (14.1 MeV).
  auto v = load("na64_visible");
  const auto [m_tip, g_tip] = mass_reach(*v, false, 0.01, 0.02);
  INFO("na64_visible region closes at m = " << m_tip * 1e3 << " MeV (publication 17.1 MeV, ratio " << m_tip / 0.0171
                                             << "); coupling at the tip g_ae = " << g_tip << ", eps = " << g_tip / kE);
  CHECK(m_tip / 0.0171 > 0.75);
  CHECK(m_tip / 0.0171 < 1.05);
  // The coupling at the tip is where the decay length ~ the WCAL length and the production is just
  // enough; it depends on the yield only logarithmically. It must lie inside the published excluded
  // interval near the tip, eps in [2.1e-4, 3.2e-4] at 16.7 MeV. Found: eps = 2.6e-4.
  CHECK(g_tip / kE > 2.1e-4);
  CHECK(g_tip / kE < 3.2e-4);
  // Lower end of the mass range: the a -> e+ e- threshold 2 m_e = 1.02 MeV (publication: 'from 1 MeV').
  CHECK(std::isnan(edges(*v, 0.00101, false).first));
  CHECK(std::isfinite(edges(*v, 0.0011, false).first));
}
