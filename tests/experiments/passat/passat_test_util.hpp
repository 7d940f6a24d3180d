// Shared helpers for the PASSAT physics tests: load an experiment from its data file (optionally
// with option overrides or a modified config) and find exclusion edges.
#pragma once

#include <cmath>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/experiments/PassatExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/experiments/PassatExperiment.hpp"
#include "alpscan/stats/PoissonLikelihood.hpp"
#include "alpscan/stats/CountingLikelihood.hpp"

namespace passat_test {

inline std::string data_file(const std::string& name) {
  return std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json";
}

// Load, with a hook to edit the config (e.g. fast_tol = 0 forces the full loop).
template <class Edit>
std::unique_ptr<alpscan::PassatExperiment> load(const std::string& name, Edit edit,
                                                const nlohmann::json& options = nlohmann::json::object()) {
  alpscan::Diagnostics d;
  alpscan::ExperimentFile f(data_file(name), options, d);
  alpscan::PassatConfig c = alpscan::read_passat_config(f);
  f.finish();
  if (!d.empty()) throw alpscan::InputError(d);
  edit(c);
  return std::make_unique<alpscan::PassatExperiment>(f.info(), c);
}
inline std::unique_ptr<alpscan::PassatExperiment> load(const std::string& name,
                                                       const nlohmann::json& options = nlohmann::json::object()) {
  return load(name, [](alpscan::PassatConfig&) {}, options);
}

inline void prepare(alpscan::PassatExperiment& e, double m_lo = 1e-12, double m_hi = 1e-2) {
  alpscan::PrepareContext ctx;
  ctx.m_a_min = m_lo;
  ctx.m_a_max = m_hi;
  e.prepare(ctx);
}

inline double s_up(const alpscan::PassatExperiment& e) {
  return alpscan::stats::signal_upper_limit(alpscan::stats::counting_data(*e.info().likelihood), e.info().default_cl);
}

struct Edges {
  double low = NAN, high = NAN;  // excluded for low <= g <= high (first excluded interval)
  bool found = false;
};

// First excluded interval in g on [g_min, g_max]: coarse log scan (step 10^0.02, spec s5.5) then
// bisection in ln g on each crossing.
inline Edges edges(alpscan::PassatExperiment& e, double m, double S, double g_min = 1e-8, double g_max = 10.0) {
  Edges r;
  auto ex = [&](double g) { return e.signal(m, g) >= S; };
  auto bisect = [&](double a, double b) {  // ex(a) != ex(b)
    const bool ea = ex(a);
    for (int i = 0; i < 50; ++i) {
      const double c = std::sqrt(a * b);
      (ex(c) == ea ? a : b) = c;
    }
    return std::sqrt(a * b);
  };
  const double step = std::pow(10.0, 0.02);
  double g = g_min;
  bool prev = ex(g);
  if (prev) r.low = g_min, r.found = true;
  for (; g < g_max; g *= step) {
    const bool now = ex(g * step);
    if (now && !prev && !r.found) r.low = bisect(g, g * step), r.found = true;
    if (!now && prev && r.found) {
      r.high = bisect(g, g * step);
      return r;
    }
    prev = now;
  }
  return r;
}

}  // namespace passat_test
