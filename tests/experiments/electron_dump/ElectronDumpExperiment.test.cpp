// The per-point paths of ElectronDumpExperiment::expected_signal (issue 17 item 2: the power series in
// Gamma b_max, the vectorised bin sum with physics/ExpNeg, the cut of the short-lifetime tail) against the
// plain bin-by-bin sum of the same tables with libm's exp/expm1 (signal_summed_bins, the implementation
// before those paths), and the per-mass cache against a scan in mass order when masses alternate.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "alpscan/core/Error.hpp"
#include "alpscan/experiments/ElectronDumpExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"

#include <nlohmann/json.hpp>

using namespace alpscan;

namespace {

// data/experiments/<name>.json prepared at the given masses, with the long-lifetime closed form (a 1e-9
// approximation by design) switched off so that every point takes one of the paths under test.
std::unique_ptr<ElectronDumpExperiment> load(const std::string& name, const std::vector<double>& masses) {
  Diagnostics d;
  ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json", nlohmann::json::object(), d);
  ElectronDumpConfig c = read_electron_dump_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  c.fast_tol = 0.0;
  auto e = std::make_unique<ElectronDumpExperiment>(f.info(), c);
  PrepareContext ctx;
  ctx.m_a_min = masses.front();
  ctx.m_a_max = masses.back();
  ctx.m_a_values = masses;
  e->prepare(ctx);
  return e;
}

// g from 1e-10 to 1 in 120 log steps: long lifetimes (series), the crossover (bin sum) and short
// lifetimes (tail cut, then underflow).
double g_at(int k) { return 1e-10 * std::pow(10.0, 10.0 * k / 120.0); }

}  // namespace

TEST_CASE("electron dump: the fast per-point paths equal the bin-by-bin libm sum to 1e-13", "[electron_dump]") {
  // e137: face acceptance, 4 decay slices; e141: disc, one slice; na64_visible: its own geometry.
  for (const char* name : {"e137", "e141", "na64_visible"}) {
    const std::vector<double> masses = {2e-3, 0.02, 0.2};
    auto e = load(name, masses);
    double worst = 0.0;
    int nonzero = 0;
    for (double m : masses)
      for (int k = 0; k <= 120; ++k)
        for (bool photon : {true, false}) {
          const model::AlpModel a = model::AlpModel::from_couplings(m, photon ? g_at(k) : 0.0, photon ? 0.0 : g_at(k));
          const double fast = e->expected_signal(a), ref = e->signal_summed_bins(a);
          if (ref == 0.0) {
            CHECK(fast == 0.0);
            continue;
          }
          ++nonzero;
          worst = std::fmax(worst, std::fabs(fast - ref) / ref);
        }
    INFO(name << ": " << nonzero << " nonzero points");
    CHECK(nonzero > 200);
    CHECK(worst <= 1e-13);
  }
}

TEST_CASE("electron dump: alternating masses give the values of a scan in mass order (per-mass cache)",
          "[electron_dump]") {
  const std::vector<double> masses = {5e-3, 0.05};
  auto in_order = load("e137", masses);
  auto alternating = load("e137", masses);
  std::vector<double> a[2], b[2];
  for (int i = 0; i < 2; ++i)
    for (int k = 0; k <= 120; ++k) a[i].push_back(in_order->signal(masses[i], g_at(k), 0.0));
  for (int k = 0; k <= 120; ++k)
    for (int i = 0; i < 2; ++i) b[i].push_back(alternating->signal(masses[(i + k) % 2 == 0 ? 0 : 1], g_at(k), 0.0));
  for (int k = 0; k <= 120; ++k)
    for (int i = 0; i < 2; ++i) CHECK(b[i][k] == a[(i + k) % 2][k]);  // bit for bit
}
