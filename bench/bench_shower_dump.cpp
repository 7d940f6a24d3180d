// Shower-dump benchmark (miniboone_dump, argoneut): the prepare() time (the shower flux) and the mean
// cost of one evaluation over a 200 x 200 log grid m_a in [0.1, 100] MeV x g in [1e-10, 1e-2], g fastest
// (the scan order), for g_agg (g_ae = 0) and for g_ae (g_agg = 0). The cost includes the per-mass
// tables (production spectra, detector response), built once per mass and amortised over the 200
// couplings of that mass, as in a scan. Target: <= 10 us per point.
#include <cstdio>

#include "BenchGrid.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ShowerDumpExperiment.hpp"

using namespace alpscan;

int main() {
  const char* names[] = {"miniboone_dump", "argoneut"};
  const int n = 200;
  const double m_lo = 0.1 * units::MeV, m_hi = 100 * units::MeV;
  std::printf("%-16s %12s %17s %17s\n", "exp", "prepare [s]", "us/point (g_agg)", "us/point (g_ae)");
  for (const char* name : names) {
    ExperimentPtr e = bench::load_experiment(name);
    if (!e) return 1;
    const double prep = bench::timed_prepare(*e, m_lo, m_hi, n);
    double per[2], checksum = 0.0;
    for (int axis = 0; axis < 2; ++axis) {
      const Axis a = axis == 0 ? Axis::g_agg : Axis::g_ae;
      per[axis] = bench::time_grid(*e, bench::LogGrid{m_lo, m_hi, a, 1e-10, 1e-2, n}, checksum);
    }
    std::printf("%-16s %12.3f %17.3f %17.3f   (checksum %.6e)\n", name, prep, per[0], per[1], checksum);
  }
  return 0;
}
