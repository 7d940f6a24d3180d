// Shared helpers of the electron-dump physics tests (E137E141.test.cpp, Na64.test.cpp, the invisible-width
// tests): an experiment read from its data file and prepared, the experiment's event limit, N along one
// coupling, and the excluded interval in g at a mass.
#pragma once

#include <cmath>
#include <memory>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/experiments/ElectronDumpExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/stats/CountingLikelihood.hpp"

namespace electron_dump_test {

using alpscan::ElectronDumpExperiment;

// data/experiments/<name>.json with the option overrides, prepared for masses in [m_min, m_max] GeV.
inline std::unique_ptr<ElectronDumpExperiment> load_prepared(const std::string& name, double m_min, double m_max,
                                                             const nlohmann::json& options = nlohmann::json::object()) {
  alpscan::Diagnostics d;
  alpscan::ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json", options, d);
  alpscan::ElectronDumpConfig c = alpscan::read_electron_dump_config(f);
  f.finish();
  if (!d.empty()) throw alpscan::InputError(d);
  auto e = std::make_unique<ElectronDumpExperiment>(f.info(), c);
  alpscan::PrepareContext ctx;
  ctx.m_a_min = m_min;
  ctx.m_a_max = m_max;
  e->prepare(ctx);
  return e;
}

inline double s_up(const ElectronDumpExperiment& e) { return alpscan::stats::signal_upper_limit(alpscan::stats::counting_data(*e.info().likelihood), e.info().default_cl); }

// N(m, g) along one coupling (photon: g_agg = g, g_ae = 0; electron: g_ae = g, g_agg = 0), at br_inv.
inline double N(ElectronDumpExperiment& e, double m, double g, bool photon, double br_inv = 0.0) {
  return photon ? e.signal(m, g, 0.0, br_inv) : e.signal(m, 0.0, g, br_inv);
}

// Excluded interval [lo, hi] in g at mass m (and br_inv) on a fine log scan (1e-10..1) refined by bisection; NAN if none.
inline std::pair<double, double> edges(ElectronDumpExperiment& e, double m, bool photon, double br_inv = 0.0) {
  const double S = s_up(e);
  const int n = 1000;
  auto g_at = [](int k) { return 1e-10 * std::pow(10.0, 10.0 * k / 1000.0); };
  int first = -1, last = -1;
  for (int k = 0; k <= n; ++k)
    if (N(e, m, g_at(k), photon, br_inv) >= S) {
      if (first < 0) first = k;
      last = k;
    }
  if (first < 0) return {NAN, NAN};
  auto bisect = [&](double a, double b, bool rising) {  // ln g; N crosses S between a and b
    for (int i = 0; i < 60; ++i) {
      const double c = 0.5 * (a + b);
      ((N(e, m, std::exp(c), photon, br_inv) >= S) == rising ? b : a) = c;
    }
    return std::exp(0.5 * (a + b));
  };
  const double lo = first > 0 ? bisect(std::log(g_at(first - 1)), std::log(g_at(first)), true) : g_at(0);
  const double hi = last < n ? bisect(std::log(g_at(last)), std::log(g_at(last + 1)), false) : g_at(n);
  return {lo, hi};
}

}  // namespace electron_dump_test
