// The per-point floor and each table-driven family against it, in one run (issue 17 item 2): the
// floor is the least a table-driven point can cost -- a bilinear look-up in (ln m, ln x) of a 200 x 200
// table, the analytic coupling rescaling N = g^2 exp(y(m, x = g^2 m^3)) and a Poisson test N >= s_up --
// timed over the same n x n log grid (g fastest) the family benchmarks use. The table prints each
// experiment's ns/point and its ratio to the floor beside the targets (<= 4x the floor for
// table-driven families, <= 2 us for MiniBooNE). Figures only, nothing asserted (machines are noisy;
// the ratio is what carries over).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include "BenchGrid.hpp"
#include "alpscan/core/Units.hpp"

using namespace alpscan;

namespace {

// A log-space table y(ln m, ln x) on a regular grid, looked up bilinearly (clamped at the edges).
struct FloorTable {
  int n = 200;
  double lm0, dlm, lx0, dlx;
  std::vector<double> y;
  FloorTable(double m_lo, double m_hi, double x_lo, double x_hi) {
    lm0 = std::log(m_lo), dlm = (std::log(m_hi) - lm0) / (n - 1);
    lx0 = std::log(x_lo), dlx = (std::log(x_hi) - lx0) / (n - 1);
    y.resize(n * n);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) y[i * n + j] = -0.01 * i - 0.02 * j + std::sin(0.1 * i * j);  // any smooth data
  }
  double at(double m, double x) const {
    double u = (std::log(m) - lm0) / dlm, v = (std::log(x) - lx0) / dlx;
    u = std::fmin(std::fmax(u, 0.0), n - 1.000001);
    v = std::fmin(std::fmax(v, 0.0), n - 1.000001);
    const int i = static_cast<int>(u), j = static_cast<int>(v);
    const double a = u - i, b = v - j;
    const double* r = &y[i * n + j];
    return (1 - a) * ((1 - b) * r[0] + b * r[1]) + a * ((1 - b) * r[n] + b * r[n + 1]);
  }
};

// ns per point of the floor over an n x n grid (reps passes).
double floor_ns(int n, int reps, long& excluded) {
  const double m_lo = 1e-3, m_hi = 1.0, g_lo = 1e-9, g_hi = 1e-1, s_up = 2.303;
  const FloorTable t(m_lo, m_hi, g_lo * g_lo * m_lo * m_lo * m_lo, g_hi * g_hi * m_hi * m_hi * m_hi);
  const auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; ++r)
    for (int i = 0; i < n; ++i) {
      const double m = bench::grid_mass(m_lo, m_hi, i, n);
      for (int j = 0; j < n; ++j) {
        const double g = g_lo * std::pow(g_hi / g_lo, j / (n - 1.0));
        const double N = g * g * 1e20 * std::exp(t.at(m, g * g * m * m * m));
        excluded += N >= s_up;
      }
    }
  const auto t1 = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(t1 - t0).count() / (double(reps) * n * n) * 1e9;
}

struct Case {
  const char* name;
  double m_lo, m_hi;  // [GeV]
  Axis g_axis;
  double g_lo, g_hi;
  double target_ns;   // the target: 4x the floor (0: computed from the floor), or a fixed bound
};

}  // namespace

int main() {
  const int n = 200;
  long excluded = 0;
  const double floor = floor_ns(n, 5, excluded);
  const double eV = units::eV;
  const Case cases[] = {
      {"charm", 1e3 * eV, 10.0, Axis::g_agg, 1e-9, 1e-1, 0},
      {"e137", 1e3 * eV, 10.0, Axis::g_agg, 1e-9, 1e-1, 0},
      {"belle2_3gamma", 1e6 * eV, 10.0, Axis::g_agg, 1e-6, 1.0, 0},
      {"passat_nomad", 1e-3 * eV, 1e-2, Axis::g_agg, 1e-7, 1e-2, 0},
      {"cast_2017", 1e-6 * eV, 10 * eV, Axis::g_agg, 1e-12, 1e-8, 0},
      {"osqar", 1e-6 * eV, 1e-2 * eV, Axis::g_agg, 1e-9, 1e-5, 0},
      {"mwd_polarisation", 1e-12 * eV, 1e-5 * eV, Axis::g_agg, 1e-13, 1e-9, 0},
      {"miniboone_dump", 1e3 * eV, 0.2, Axis::g_agg, 1e-7, 1e-1, 2000.0},
  };
  std::printf("floor (200 x 200 bilinear log table + g^2 rescaling + Poisson test): %.1f ns/point  (%ld excluded)\n\n",
              floor, excluded);
  std::printf("%-18s %12s %12s %10s %12s %s\n", "experiment", "prepare [s]", "ns/point", "/ floor", "target [ns]", "");
  for (const Case& c : cases) {
    ExperimentPtr e = bench::load_experiment(c.name);
    if (!e) return 1;
    const int nm = n;  // the prepare sees the grid's masses, as in a scan (families tabulate the job's masses)
    const double prep = bench::timed_prepare(*e, c.m_lo, c.m_hi, nm);
    double checksum = 0.0;
    const bench::LogGrid grid{c.m_lo, c.m_hi, c.g_axis, c.g_lo, c.g_hi, n};
    const double ns = bench::time_grid(*e, grid, checksum) * 1e3;
    const double target = c.target_ns > 0 ? c.target_ns : 4 * floor;
    std::printf("%-18s %12.3f %12.1f %10.1f %12.1f %s   (checksum %.3e)\n", c.name, prep, ns, ns / floor, target,
                ns <= target ? "meets" : "ABOVE", checksum);
  }
  return 0;
}
