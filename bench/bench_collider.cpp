// Collider benchmark: per experiment (belle2_3gamma, belle2_3gamma_50ab, lep_opal_3gamma), the mean
// cost of one expected_signal() call over a 200 x 200 log grid m_a in [1 keV, 10 GeV] x g_agg in
// [1e-9, 1e-1] GeV^-1 (g fastest, the scan order), and the excluded lower edge in g at a few masses.
#include <cmath>
#include <cstdio>

#include "BenchGrid.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ColliderExperiment.hpp"
#include "alpscan/stats/PoissonLikelihood.hpp"
#include "alpscan/stats/CountingLikelihood.hpp"

using namespace alpscan;

int main() {
  const char* names[] = {"belle2_3gamma", "belle2_3gamma_50ab", "lep_opal_3gamma"};
  const int n = 200;
  const double m_lo = 1e3 * units::eV, m_hi = 10.0, g_lo = 1e-9, g_hi = 1e-1;
  std::printf("%-20s %10s %10s   lower edge g [GeV^-1] at m_a = 0.3, 1, 5, 20, 80 GeV\n", "experiment", "us/point", "s_up");
  const bench::LogGrid grid{m_lo, m_hi, Axis::g_agg, g_lo, g_hi, n};
  for (const char* name : names) {
    ExperimentPtr e = bench::load_experiment(name);
    if (!e) return 1;
    bench::timed_prepare(*e, m_lo, m_hi);
    double checksum = 0.0;
    const int reps = 5;
    const double per = bench::time_grid(*e, grid, checksum, AlpPoint{}, reps);
    const double S = stats::signal_upper_limit(alpscan::stats::counting_data(*e->info().likelihood), e->info().default_cl);
    std::printf("%-20s %10.4f %10.3f  ", name, per, S);
    auto* c = dynamic_cast<ColliderExperiment*>(e.get());
    for (double m : {0.3, 1.0, 5.0, 20.0, 80.0}) {
      double a = std::log(1e-7), b = std::log(1.0);
      if (c->signal(m, 1.0) < S) {
        std::printf(" %10s", "-");
        continue;
      }
      for (int k = 0; k < 100; ++k) {
        const double mid = 0.5 * (a + b);
        (c->signal(m, std::exp(mid)) >= S ? b : a) = mid;
      }
      std::printf(" %10.3e", std::exp(0.5 * (a + b)));
    }
    std::printf("   (checksum %.6e)\n", checksum);
  }
  return 0;
}
