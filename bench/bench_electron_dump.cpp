// Electron-dump benchmark: per experiment (e137, e141), the prepare() time for the
// jobs/fips_electron.json mass range (1 keV - 10 GeV) and the mean cost of one expected_signal() call
// over a 200 x 200 log grid m_a x g_ae in [1e-9, 1e-2] (g_agg = 0), g fastest (the scan order); and the
// same on m_a x g_agg in [1e-9, 1e-1] GeV^-1 (g_ae = 0).
#include <cstdio>

#include "BenchGrid.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ElectronDumpExperiment.hpp"

using namespace alpscan;

int main() {
  const char* names[] = {"e137", "e141"};
  const int n = 200;
  const double m_lo = 1e3 * units::eV, m_hi = 10.0;
  std::printf("%-8s %12s %16s %16s\n", "exp", "prepare [s]", "us/point (g_ae)", "us/point (g_agg)");
  for (const char* name : names) {
    ExperimentPtr e = bench::load_experiment(name);
    if (!e) return 1;
    const double prep = bench::timed_prepare(*e, m_lo, m_hi);
    double per[2], checksum = 0.0;
    for (int axis = 0; axis < 2; ++axis) {
      const Axis a = axis == 0 ? Axis::g_ae : Axis::g_agg;
      const double g_lo = 1e-9, g_hi = axis == 0 ? 1e-2 : 1e-1;
      per[axis] = bench::time_grid(*e, bench::LogGrid{m_lo, m_hi, a, g_lo, g_hi, n}, checksum);
    }
    std::printf("%-8s %12.3f %16.3f %16.3f   (checksum %.6e)\n", name, prep, per[0], per[1], checksum);
  }
  return 0;
}
