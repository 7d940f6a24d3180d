// PASSAT benchmark: per experiment, the prepare() time and the mean cost of one expected_signal()
// call over a 200 x 200 log grid m_a in [1e-3 eV, 10 MeV] x g in [1e-7, 1e-2] GeV^-1, g fastest
// (the scan order: m constant for runs of 200 points). Also prints which evaluation path served
// the points.
#include <cstdio>

#include "BenchGrid.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/PassatExperiment.hpp"

using namespace alpscan;

int main() {
  const char* names[] = {"passat_nomad", "passat_cast_bdf", "passat_babyiaxo_bdf", "passat_cast_bdf_20t",
                         "passat_babyiaxo_bdf_20t"};
  const int n = 200;
  const double m_lo = 1e-3 * units::eV, m_hi = 10 * units::MeV, g_lo = 1e-7, g_hi = 1e-2;
  std::printf("%-26s %12s %12s   paths (closed/poly/decay/full/zero)\n", "experiment", "prepare [s]", "us/point");
  const bench::LogGrid grid{m_lo, m_hi, Axis::g_agg, g_lo, g_hi, n};
  for (const char* name : names) {
    ExperimentPtr e = bench::load_experiment(name);
    if (!e) return 1;
    auto* p = dynamic_cast<PassatExperiment*>(e.get());
    const double prep = bench::timed_prepare(*e, m_lo, m_hi);
    double checksum = 0.0;
    const double per = bench::time_grid(*e, grid, checksum);
    const auto& c = p->path_counts();
    std::printf("%-26s %12.3f %12.3f   %llu/%llu/%llu/%llu/%llu   (checksum %.6e)\n", name, prep, per,
                (unsigned long long)c.closed, (unsigned long long)c.poly, (unsigned long long)c.decay,
                (unsigned long long)c.full, (unsigned long long)c.zero, checksum);
  }
  return 0;
}
