// E137 validation (issue 12, "Validation targets"): alpscan's m_a <gamma_a> of the accepted ALPs at small
// mass by the seed's own Eq. 42 (seed 003 L361, corrected form spec invisible_alps.md s3.4) from alpscan's
// own edges, against the seed's ~15 GeV; and the review's factor-by-factor table (printed; each factor
// checked to be a loss, 0 < f <= 1, since every fix removes an overestimate). Nothing is tuned.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ElectronDumpExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "electron_dump_test_util.hpp"

using namespace alpscan;
using namespace electron_dump_test;

namespace {

struct Loaded {
  ExperimentInfo info;
  ElectronDumpConfig cfg;
};
Loaded read_e137(const nlohmann::json& options = nlohmann::json::object()) {
  Diagnostics d;
  ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/e137.json", options, d);
  ElectronDumpConfig c = read_electron_dump_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  return {f.info(), c};
}
std::unique_ptr<ElectronDumpExperiment> build(const Loaded& l) {
  auto e = std::make_unique<ElectronDumpExperiment>(l.info, l.cfg);
  PrepareContext ctx;
  ctx.m_a_min = 1e-4;
  ctx.m_a_max = 1.0;
  e->prepare(ctx);
  return e;
}
// Principal Lambert W for x > 0 (Newton on w e^w = x).
double lambert_w0(double x) {
  double w = std::log1p(x);
  for (int i = 0; i < 60; ++i) w -= (w * std::exp(w) - x) / (std::exp(w) * (1 + w));
  return w;
}
// Eq. 42 (corrected): <gamma> = D Gamma_gg(g_u) / W(g_u^4 D/(g_d^4 L)), natural units (lengths in GeV^-1).
double m_gamma(double m, double gd, double gu) {
  const double D = 179 * units::meter, L = 204 * units::meter;
  const double Gamma = gu * gu * m * m * m / (64 * units::pi);
  return m * D * Gamma / lambert_w0(std::pow(gu / gd, 4) * D / L);
}

}  // namespace

TEST_CASE("e137 validation: m_a <gamma_a> of the accepted ALPs against the seed's ~15 GeV", "[electron_dump][e137_validation]") {
  // Seed 003 L361: "For small ALP masses, we found m_a <gamma_a> ~ 15 GeV" (Eq. 42 on Dolan et al.'s edges).
  // Tolerance +-30%, fixed before computing: the seed quotes one significant figure ("~15"), and its own
  // input, the digitised Dolan et al. contour (data/reference/dolan2017_e137_*), gives 12.2-13.0 GeV by
  // the same formula (-19%); a value outside 10.5-19.5 GeV would mean a different energy spectrum of the
  // accepted ALPs (the shower photon track length ~1/k^2 above the 2 GeV threshold of a 20 GeV beam).
  // Both normalisations (option efficiency): the README quotes both (15.5 / 15.0 GeV calibrated, 15.7 / 15.2
  // physical at 3 / 10 MeV).
  for (const char* mode : {"calibrated", "physical"}) {
    auto e = build(read_e137(nlohmann::json{{"efficiency", mode}}));
    for (double m : {0.003, 0.01}) {
      const auto [lo, hi] = edges(*e, m, true);
      REQUIRE(std::isfinite(lo));
      const double mg = m_gamma(m, lo, hi);
      WARN("E137 (" << mode << ") m = " << m * 1e3 << " MeV: g_d = " << lo << ", g_u = " << hi
                    << " GeV^-1 -> m <gamma> = " << mg << " GeV (seed ~15)");
      CHECK(mg > 10.5);
      CHECK(mg < 19.5);
    }
  }
}

TEST_CASE("e137 validation: the review's factor-by-factor table", "[electron_dump][e137_validation][.factors]") {
  // N at fixed g in the long-lived regime (g = 1e-7 GeV^-1, N ~ g^4) after each fix, cumulatively from
  // the model before issue 12 (1 GeV threshold, collinear photons, the ALP's line of flight in the
  // equal-area disc). Hidden ([.factors]): run with "[.factors]" to print the table.
  // The physical normalisation throughout (option efficiency): the table is about the model, and "before"
  // means before issue 12, which had no calibration.
  const nlohmann::json phys = {{"efficiency", "physical"}};
  Loaded l0 = read_e137(nlohmann::json{{"photon_angles", "collinear"}, {"decay_acceptance", "disc"}, {"efficiency", "physical"}});
  l0.cfg.E_min = 1.0;
  Loaded l1 = l0;
  l1.cfg.E_min = 2.0;
  Loaded l2 = read_e137(nlohmann::json{{"decay_acceptance", "disc"}, {"efficiency", "physical"}});
  Loaded l3 = read_e137(phys);  // both runs: face
  l3.cfg.run_fraction = {1.0};
  l3.cfg.face_half_x = {1.5 * units::meter};
  l3.cfg.face_half_y = {1.5 * units::meter};
  const Loaded l4 = read_e137(phys);
  auto e0 = build(l0), e1 = build(l1), e2 = build(l2), e3 = build(l3), e4 = build(l4);
  for (double m : {0.01, 0.1}) {
    const double g = 1e-7;
    const double n0 = e0->signal(m, g, 0), n1 = e1->signal(m, g, 0), n2 = e2->signal(m, g, 0), n3 = e3->signal(m, g, 0),
                 n4 = e4->signal(m, g, 0);
    std::printf("E137 m = %g MeV: N(g = 1e-7) before %.4g; threshold 1 -> 2 GeV x%.3f; photon angles x%.3f; "
                "decay products on a 3 m x 3 m face x%.3f; the two runs (1/3 on 2 m x 3 m) x%.3f; total x%.3f "
                "(lower edge x%.3f)\n",
                m * 1e3, n0, n1 / n0, n2 / n1, n3 / n2, n4 / n3, n4 / n0, std::pow(n0 / n4, 0.25));
    for (double f : {n1 / n0, n2 / n1, n3 / n2, n4 / n3}) {
      CHECK(f > 0);
      CHECK(f <= 1.0 + 1e-9);
    }
  }
  // Mass reach: the largest mass with an excluded interval (bisection on m), before and after.
  for (auto* e : {e0.get(), e4.get()}) {
    double a = 0.2, b = 1.0;
    for (int i = 0; i < 25; ++i) {
      const double c = std::sqrt(a * b);
      (std::isfinite(edges(*e, c, true).first) ? a : b) = c;
    }
    std::printf("E137 mass reach %s: %.4g GeV (Dolan et al. tip 0.516 GeV)\n", e == e0.get() ? "before" : "now", a);
  }
}
