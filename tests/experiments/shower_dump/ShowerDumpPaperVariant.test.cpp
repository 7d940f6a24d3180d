// Seed 004's photon-coupling statements against the physical default (miniboone_dump) and the paper
// variant (miniboone_dump_paper: alplib's massless Primakoff cross-section along the photon, no 5 deg
// collinearity cut, a single 10 m chord; issue 12 "Validation targets"). Each test names the seed line
// it checks. The seed's Fig. 7 reach (~180 MeV) is NOT reproduced by either (variant: ~110 MeV, a flat
// factor ~10 in N short; README), so it has no test here.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ShowerDumpExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/physics/CollinearityAcceptance.hpp"
#include "alpscan/stats/BinnedPoissonLikelihood.hpp"

using namespace alpscan;

namespace {

std::unique_ptr<ShowerDumpExperiment> load(const std::string& name) {
  Diagnostics d;
  ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json", nlohmann::json::object(), d);
  ShowerDumpConfig c = read_shower_dump_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  auto e = std::make_unique<ShowerDumpExperiment>(f.info(), c);
  e->prepare(PrepareContext{});
  return e;
}

// Largest -2 Delta ln L against background only over a log scan of g_agg (1e-9 .. 1e-2 GeV^-1) at m.
double best_q(ShowerDumpExperiment& e, double m) {
  const BinnedData& bd = stats::binned_data(*e.info().likelihood);
  double best = 0;
  std::vector<double> s(7);
  for (int k = 0; k <= 280; ++k) {
    e.signal_bins(m, 1e-9 * std::pow(10.0, 7.0 * k / 280), 0, -1, -1, s.data());
    best = std::max(best, 2 * (stats::binned_log_likelihood_null(bd) - stats::binned_log_likelihood(bd, s.data())));
  }
  return best;
}

constexpr double MeV = units::MeV;
constexpr double kCritical = 6.18;  // the data file's 2 sigma, 2 dof (seed L163)

}  // namespace

TEST_CASE("MiniBooNE paper variant: the file makes the paper's three choices and only those", "[shower_dump]") {
  auto d = load("miniboone_dump"), p = load("miniboone_dump_paper");
  CHECK(d->config().production.primakoff_production == PrimakoffProduction::physical);
  CHECK(p->config().production.primakoff_production == PrimakoffProduction::paper);
  CHECK(d->config().collinearity_cut);
  CHECK_FALSE(p->config().collinearity_cut);
  CHECK(d->config().sphere_mode == physics::SphereDecayMode::chord_averaged);
  CHECK(p->config().sphere_mode == physics::SphereDecayMode::paper);
  // Everything else the same: source, dump, detector, selection.
  CHECK(p->config().N_POT == d->config().N_POT);
  CHECK(p->theta_det() == d->theta_det());
  CHECK(p->config().E_edges == d->config().E_edges);
  CHECK(p->config().dump.atten_mu == d->config().dump.atten_mu);
  CHECK(p->info().title.find("PAPER VARIANT") != std::string::npos);
}

TEST_CASE("MiniBooNE g_agg: limits in the 10-100 MeV range with the paper's choices (seed L19, L189)", "[shower_dump]") {
  // Abstract (L19) and outlook (L189): the dump-mode data constrain photon-coupled ALPs at 10-100 MeV.
  // The paper variant excludes at both ends and in the middle; the physical default only up to ~35 MeV
  // (next test).
  auto p = load("miniboone_dump_paper");
  for (double m : {10 * MeV, 30 * MeV, 100 * MeV}) {
    INFO("m_a = " << m / MeV << " MeV");
    CHECK(best_q(*p, m) >= kCritical);
  }
}

TEST_CASE("MiniBooNE g_agg physical default: no region above ~40 MeV, where a -> gamma gamma fails the 5 deg cut (seed L136)", "[shower_dump]") {
  // The single-ring selection (seed L102, L136) keeps a -> gamma gamma only if the photons are within
  // 5 deg or one is softer than 10 MeV. The smallest opening angle is 2 arcsin(m/E) ~ 2m/E, so for
  // E <= 850 MeV both-hard pairs pass only below m = 850 MeV / 22.93 = 37.1 MeV (spec s4.2), and above
  // it only the soft-partner tail is left (f_coll ~ 0.02-0.04, computed here).
  physics::CollinearityCut cut;
  cut.psi0 = 5 * units::pi / 180;
  cut.E_thr = 10 * MeV;
  CHECK(physics::collinearity_acceptance(0.85, 50 * MeV, cut) < 0.05);
  auto d = load("miniboone_dump"), p = load("miniboone_dump_paper");
  CHECK(best_q(*d, 20 * MeV) >= kCritical);  // inside the default's region (also the V10 test)
  CHECK(best_q(*d, 50 * MeV) < kCritical);
  CHECK(best_q(*p, 50 * MeV) >= kCritical);
}

TEST_CASE("MiniBooNE g_agg: limits below 100 keV (seed L165)", "[shower_dump]") {
  // Results (L165): "new laboratory limits ... for masses below 100 keV or so". Both files exclude a
  // band of g_agg there (inverse Primakoff and decays in the oil).
  auto d = load("miniboone_dump"), p = load("miniboone_dump_paper");
  for (double m : {0.01 * MeV, 0.05 * MeV}) {
    INFO("m_a = " << m / MeV << " MeV");
    CHECK(best_q(*d, m) >= kCritical);
    CHECK(best_q(*p, m) >= kCritical);
  }
}
