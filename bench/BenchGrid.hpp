// Shared pieces of the per-experiment benchmarks (bench/bench_*.cpp): load an experiment from its data
// file, time prepare() over a mass range, and time expected_signal() over an n x n log grid m_a x g,
// g fastest (the scan order: m constant for runs of n points). Header-only because bench/CMakeLists.txt
// builds every bench/*.cpp into its own executable.
#pragma once

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "alpscan/core/Error.hpp"
#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/io/ExperimentCatalog.hpp"

namespace alpscan::bench {

// Builds data/experiments/<name>.json through its registered family (as a job does); on any problem
// prints the diagnostics to stderr and returns nullptr.
inline ExperimentPtr load_experiment(const char* name) {
  try {
    return make_experiment({name, std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json", "{}"});
  } catch (const InputError& e) {
    std::fprintf(stderr, "%s", e.diagnostics().format().c_str());
    return nullptr;
  }
}

// The i-th of n log-spaced masses in [m_lo, m_hi] (the grid of time_grid()).
inline double grid_mass(double m_lo, double m_hi, int i, int n) { return m_lo * std::pow(m_hi / m_lo, i / (n - 1.0)); }

// prepare() over [m_lo, m_hi] (and the n masses of a time_grid() over it, as a scan passes them);
// returns its wall time [s].
inline double timed_prepare(Experiment& e, double m_lo, double m_hi, int n = 200) {
  PrepareContext ctx;
  ctx.m_a_min = m_lo;
  ctx.m_a_max = m_hi;
  for (int i = 0; i < n; ++i) ctx.m_a_values.push_back(grid_mass(m_lo, m_hi, i, n));
  auto t0 = std::chrono::steady_clock::now();
  e.prepare(ctx);
  auto t1 = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(t1 - t0).count();
}

// The n x n log grid m_a in [m_lo, m_hi] x g_axis in [g_lo, g_hi].
struct LogGrid {
  double m_lo, m_hi;
  Axis g_axis;
  double g_lo, g_hi;
  int n = 200;
};

// Evaluates expected_signal() reps times over the grid, starting from base (the axes not on the grid
// keep its values), adding each value to checksum in scan order; returns the mean cost [us/point].
inline double time_grid(Experiment& e, const LogGrid& g, double& checksum, AlpPoint base = {}, int reps = 1) {
  const int n = g.n;
  AlpPoint pt = base;
  auto t1 = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; ++r)
    for (int i = 0; i < n; ++i) {
      pt[Axis::m_a] = grid_mass(g.m_lo, g.m_hi, i, n);
      for (int j = 0; j < n; ++j) {
        pt[g.g_axis] = g.g_lo * std::pow(g.g_hi / g.g_lo, j / (n - 1.0));
        checksum += e.expected_signal(pt);
      }
    }
  auto t2 = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(t2 - t1).count() / (reps * n * n) * 1e6;
}

}  // namespace alpscan::bench
