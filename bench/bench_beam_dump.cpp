// Beam-dump benchmark: per experiment (charm, nucal, na62_dump, ship_bdf), the prepare() time for the
// jobs/fips_bc9.json mass range (1 keV - 10 GeV) and the mean cost of one expected_signal() call over
// a 200 x 200 log grid m_a x g_agg in [1e-9, 1e-1] GeV^-1, g fastest (the scan order), at g_ae = 0
// and at g_ae = 1e-7 (total width and branching ratios evaluated per point). With --edges it also
// prints the excluded g interval (s >= 2.303) at a few masses; with --scaling, the prepare() time of
// charm and na62_dump for 50, 200 and 1000 job masses (the yield table's nodes are the job's masses).
#include <cmath>
#include <cstdio>
#include <cstring>

#include "BenchGrid.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/BeamDumpExperiment.hpp"
#include "alpscan/stats/PoissonLikelihood.hpp"
#include "alpscan/stats/CountingLikelihood.hpp"

using namespace alpscan;

int main(int argc, char** argv) {
  const bool edges = argc > 1 && std::strcmp(argv[1], "--edges") == 0;
  if (argc > 1 && std::strcmp(argv[1], "--scaling") == 0) {
    std::printf("%-12s %8s %12s\n", "experiment", "masses", "prepare [s]");
    for (const char* name : {"charm", "na62_dump"})
      for (int n : {50, 200, 1000}) {
        ExperimentPtr e = bench::load_experiment(name);
        if (!e) return 1;
        std::printf("%-12s %8d %12.3f\n", name, n, bench::timed_prepare(*e, 1e3 * units::eV, 10.0, n));
      }
    return 0;
  }
  const char* names[] = {"charm", "nucal", "na62_dump", "ship_bdf"};
  const int n = 200;
  const double m_lo = 1e3 * units::eV, m_hi = 10.0, g_lo = 1e-9, g_hi = 1e-1;
  std::printf("%-12s %12s %12s %16s\n", "experiment", "prepare [s]", "us/point", "us/point g_ae>0");
  const bench::LogGrid grid{m_lo, m_hi, Axis::g_agg, g_lo, g_hi, n};
  for (const char* name : names) {
    ExperimentPtr e = bench::load_experiment(name);
    if (!e) return 1;
    auto* b = dynamic_cast<BeamDumpExperiment*>(e.get());
    const double prep = bench::timed_prepare(*e, m_lo, m_hi);
    double checksum = 0.0;
    const double per = bench::time_grid(*e, grid, checksum);
    AlpPoint with_ae;
    with_ae[Axis::g_ae] = 1e-7;
    const double per_ae = bench::time_grid(*e, grid, checksum, with_ae);
    std::printf("%-12s %12.3f %12.3f %16.3f   (checksum %.6e)\n", name, prep, per, per_ae, checksum);
    if (!edges) continue;
    const double S = stats::signal_upper_limit(alpscan::stats::counting_data(*e->info().likelihood), e->info().default_cl);
    for (double m : {1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 0.5, 1.0, 2.0}) {
      double lo = NAN, hi = NAN, gmax = 0, nmax = 0;
      for (int k = 0; k <= 800; ++k) {
        const double g = 1e-9 * std::pow(1e8, k / 800.0);
        const double s = b->signal(m, g);
        if (s > nmax) nmax = s, gmax = g;
        if (s >= S && std::isnan(lo)) lo = g;
        if (s >= S) hi = g;
      }
      std::printf("   m = %7.4f GeV: excluded g in [%.3g, %.3g] GeV^-1  (max N %.3g at g = %.3g)\n", m, lo, hi, nmax,
                  gmax);
    }
  }
  return 0;
}
