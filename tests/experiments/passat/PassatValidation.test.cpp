// PASSAT physics validation against the paper's statements (seed 000) with the lead's statistics
// (stats::signal_upper_limit). Tolerances reflect the paper's "~": within a factor 1.5-2 of its
// statements; precise comparisons only against closed forms.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "alpscan/core/Units.hpp"
#include "passat_test_util.hpp"

using namespace alpscan;
using Catch::Detail::Approx;

namespace {
const char* kNames[] = {"passat_nomad", "passat_cast_bdf", "passat_babyiaxo_bdf", "passat_cast_bdf_20t",
                        "passat_babyiaxo_bdf_20t"};
struct Setup {
  std::map<std::string, std::unique_ptr<PassatExperiment>> e;
  std::map<std::string, double> S;
  Setup() {
    for (const char* n : kNames) {
      e[n] = passat_test::load(n);
      passat_test::prepare(*e[n]);
      S[n] = passat_test::s_up(*e[n]);
    }
  }
  double glow(const std::string& n, double m) { return passat_test::edges(*e[n], m, S[n]).low; }
};
Setup& setup() {
  static Setup s;
  return s;
}
constexpr double eV = units::eV, keV = units::keV, MeV = units::MeV;
}  // namespace

TEST_CASE("Counting inputs give the expected upper limits (spec s1.9)", "[physics][passat][validation]") {
  auto& s = setup();
  CHECK(s.S["passat_cast_bdf"] == Approx(2.303).epsilon(1e-3));      // b = 0
  CHECK(s.S["passat_babyiaxo_bdf"] == Approx(5.41).epsilon(2e-3));   // n = b = 10
  CHECK(s.S["passat_babyiaxo_bdf_20t"] == Approx(5.41).epsilon(2e-3));
  // NOMAD 272 +- 18 with n = b: between the +-18-only (23) and sqrt(b + 18^2) (40) recipes
  CHECK(s.S["passat_nomad"] > 20.0);
  CHECK(s.S["passat_nomad"] < 41.0);
}

TEST_CASE("V1: NOMAD excludes g >~ 1e-4 for m_a <~ 100 eV (seed 000 L7-L8, L526-L527)", "[physics][passat][validation]") {
  auto& s = setup();
  for (double m : {1e-3 * eV, 1 * eV, 10 * eV, 100 * eV}) {
    const double g = s.glow("passat_nomad", m);
    INFO("m = " << m / eV << " eV, g_low = " << g);
    CHECK(g > 0.5e-4);
    CHECK(g < 2e-4);
  }
}

TEST_CASE("V3: best BDF option (BabyIAXO 20 T) reaches ~4e-6 for m_a <~ 100 eV (seed 000 L11-L12)", "[physics][passat][validation]") {
  auto& s = setup();
  const double g100 = s.glow("passat_babyiaxo_bdf_20t", 100 * eV);
  CHECK(g100 > 4e-6 / 2);
  CHECK(g100 < 4e-6 * 2);
  double best = 1;
  for (const char* n : kNames) best = std::min(best, s.glow(n, 1 * eV));
  CHECK(best == s.glow("passat_babyiaxo_bdf_20t", 1 * eV));
  CHECK(best > 4e-6 / 2);
  CHECK(best < 4e-6 * 1.5);
}

TEST_CASE("V4: coherence loss above ~0.1 keV, then g_low proportional to m_a (seed 000 L605-L607)", "[physics][passat][validation]") {
  auto& s = setup();
  for (const char* n : kNames) {
    INFO(n);
    const double g10 = s.glow(n, 10 * eV), g1k = s.glow(n, 1 * keV), g10k = s.glow(n, 10 * keV);
    // plateau: ln-slow rise only (spec s3.2: +5-7% per 3 decades)
    CHECK(s.glow(n, 10 * eV) / s.glow(n, 1e-3 * eV) < 1.15);
    CHECK(s.glow(n, 10 * eV) / s.glow(n, 1e-3 * eV) > 1.0);
    // turn-up between 10 eV and 1 keV: far more than the plateau drift
    CHECK(g1k / g10 > 5);
    // incoherent: slope 1 in log-log (g_low^4 ~ 1/<P> ~ m^4)
    CHECK(g10k / g1k == Approx(10.0).epsilon(0.1));
  }
  // The incoherent regime depends on B, not L (spec s1.6): CAST (8.4 T) beats BabyIAXO (2 T).
  CHECK(s.glow("passat_cast_bdf", 10 * keV) < s.glow("passat_babyiaxo_bdf", 10 * keV));
}

TEST_CASE("V5: decay closes the region at ~0.3-2 MeV (seed 000 L607-L618)", "[physics][passat][validation]") {
  auto& s = setup();
  auto excluded_somewhere = [&](const std::string& n, double m) {
    return passat_test::edges(*s.e[n], m, s.S[n], 1e-6, 10.0).found;
  };
  // NOMAD (L_tilde = 842.5 m): open at 316 keV with an upper edge below 10 GeV^-1, closed by 1 MeV
  auto r = passat_test::edges(*s.e["passat_nomad"], 316 * keV, s.S["passat_nomad"], 1e-6, 10.0);
  REQUIRE(r.found);
  CHECK(std::isfinite(r.high));
  CHECK(r.high > r.low);
  CHECK_FALSE(excluded_somewhere("passat_nomad", 1 * MeV));
  // BDF (L_tilde ~ 60 m): open at 300 keV, closed by 3 MeV
  for (const char* n : {"passat_cast_bdf", "passat_babyiaxo_bdf_20t"}) {
    INFO(n);
    CHECK(excluded_somewhere(n, 300 * keV));
    CHECK_FALSE(excluded_somewhere(n, 3 * MeV));
  }
  // closure mass: largest m on a 10^0.05 grid with an excluded g
  for (const char* n : kNames) {
    double m_close = 0;
    for (double m = 50 * keV; m < 5 * MeV; m *= std::pow(10.0, 0.05))
      if (excluded_somewhere(n, m)) m_close = m;
    INFO(n << " closes at " << m_close / MeV << " MeV");
    CHECK(m_close > 0.3 * MeV / 1.5);
    CHECK(m_close < 2 * MeV * 1.5);
  }
}

TEST_CASE("V6/V7: 20 T scalings g ~ B^-1/2 on the plateau; CAST and BabyIAXO equally good", "[physics][passat][validation]") {
  auto& s = setup();
  const double m = 1 * eV;
  // closed form: coherent N = g^4 N_POT (BL/2)^2 int Y, same S -> g_low ratio (B/B')^(1/2)
  CHECK(s.glow("passat_babyiaxo_bdf_20t", m) / s.glow("passat_babyiaxo_bdf", m) == Approx(std::sqrt(2.0 / 20.0)).epsilon(1e-4));
  CHECK(s.glow("passat_cast_bdf_20t", m) / s.glow("passat_cast_bdf", m) == Approx(std::sqrt(8.4 / 20.0)).epsilon(1e-4));
  const double r = s.glow("passat_cast_bdf", m) / s.glow("passat_babyiaxo_bdf", m);
  // "equally good" (seed 000 L600-L604): within the factor 2 allowed for the paper's "~"
  CHECK(r > 1 / 2.0);
  CHECK(r < 2.0);
}

TEST_CASE("Ordering of the curves (spec s3.2)", "[physics][passat][validation]") {
  auto& s = setup();
  auto g = [&](const char* n, double m) { return s.glow(n, m); };
  const double m = 1 * eV;  // plateau: BabyIAXO-20T < CAST-20T < CAST < BabyIAXO << NOMAD
  CHECK(g("passat_babyiaxo_bdf_20t", m) < g("passat_cast_bdf_20t", m));
  CHECK(g("passat_cast_bdf_20t", m) < g("passat_cast_bdf", m));
  CHECK(g("passat_cast_bdf", m) < g("passat_babyiaxo_bdf", m));
  CHECK(g("passat_babyiaxo_bdf", m) * 5 < g("passat_nomad", m));
  const double mh = 10 * keV;  // incoherent: 20 T variants < CAST < BabyIAXO < NOMAD
  CHECK(std::max(g("passat_babyiaxo_bdf_20t", mh), g("passat_cast_bdf_20t", mh)) < g("passat_cast_bdf", mh));
  CHECK(g("passat_cast_bdf", mh) < g("passat_babyiaxo_bdf", mh));
  CHECK(g("passat_babyiaxo_bdf", mh) < g("passat_nomad", mh));
}

TEST_CASE("Options: phi_norm physical scales N by 1/pi; Tsai screening weakens the plateau (spec A1, A3)", "[physics][passat][validation]") {
  auto lit = passat_test::load("passat_nomad");
  auto phys = passat_test::load("passat_nomad", {{"phi_norm", "physical"}});
  auto tsai = passat_test::load("passat_nomad", {{"screening", "tsai"}});
  for (auto* e : {lit.get(), phys.get(), tsai.get()}) passat_test::prepare(*e, 1e-12, 1e-6);
  CHECK(phys->c4(1e-9) / lit->c4(1e-9) == Approx(1 / units::pi).epsilon(1e-12));
  // spec A3 (prototype): at E = 100 GeV, m = 1 eV the Be yield drops by ~x4.9 with screening
  CHECK(lit->yield_direct(100, 1e-9) / tsai->yield_direct(100, 1e-9) == Approx(4.9).epsilon(0.1));
  // and the screened plateau is flat
  CHECK(tsai->c4(1e-15) / tsai->c4(1e-9) == Approx(1.0).epsilon(1e-6));
}

TEST_CASE("C_4(1 eV) and Y(100 GeV) against the independent prototype of spec s3.4", "[physics][passat][validation]") {
  // spec s3.4 numbers come from a separate implementation of the same model (not the paper);
  // printed to 3 digits -> tolerance 1%.
  auto& s = setup();
  CHECK(s.e["passat_nomad"]->c4(1 * eV) == Approx(2.69e17).epsilon(0.01));
  CHECK(s.e["passat_cast_bdf"]->c4(1 * eV) == Approx(9.24e20).epsilon(0.01));
  CHECK(s.e["passat_babyiaxo_bdf"]->c4(1 * eV) == Approx(4.18e20).epsilon(0.01));
  CHECK(s.e["passat_cast_bdf_20t"]->c4(1 * eV) == Approx(5.24e21).epsilon(0.01));
  CHECK(s.e["passat_babyiaxo_bdf_20t"]->c4(1 * eV) == Approx(4.18e22).epsilon(0.01));
  CHECK(s.e["passat_nomad"]->yield_direct(100, 1e-6 * eV) == Approx(2.029e-4).epsilon(0.01));
  CHECK(s.e["passat_cast_bdf"]->yield_direct(100, 1 * keV) == Approx(1.71e-5).epsilon(0.01));
  CHECK(s.e["passat_babyiaxo_bdf"]->yield_direct(100, 1 * eV) == Approx(1.76e-4).epsilon(0.01));
}
