// Beam-dump benchmark: per experiment (charm, nucal, na62_dump, ship_bdf), the prepare() time for the
// jobs/fips_bc9.json mass range (1 keV - 10 GeV) and the mean cost of one expected_signal() call over
// a 200 x 200 log grid m_a x g_agg in [1e-9, 1e-1] GeV^-1, g fastest (the scan order), at g_ae = 0
// and at g_ae = 1e-7 (total width and branching ratios evaluated per point). With --edges it also
// prints the excluded g interval (s >= 2.303) at a few masses.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/BeamDumpExperiment.hpp"
#include "alpscan/io/BeamDumpConfigIO.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/stats/PoissonLikelihood.hpp"

using namespace alpscan;

int main(int argc, char** argv) {
  const bool edges = argc > 1 && std::strcmp(argv[1], "--edges") == 0;
  const char* names[] = {"charm", "nucal", "na62_dump", "ship_bdf"};
  const int n = 200;
  const double m_lo = 1e3 * units::eV, m_hi = 10.0, g_lo = 1e-9, g_hi = 1e-1;
  std::printf("%-12s %12s %12s %16s\n", "experiment", "prepare [s]", "us/point", "us/point g_ae>0");
  for (const char* name : names) {
    Diagnostics diags;
    ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json",
                     nlohmann::json::object(), diags);
    ExperimentPtr e = make_beam_dump_experiment(f);
    f.finish();
    if (!diags.empty() || !e) {
      std::fprintf(stderr, "%s", diags.format().c_str());
      return 1;
    }
    auto* b = dynamic_cast<BeamDumpExperiment*>(e.get());
    PrepareContext ctx;
    ctx.m_a_min = m_lo;
    ctx.m_a_max = m_hi;
    auto t0 = std::chrono::steady_clock::now();
    e->prepare(ctx);
    auto t1 = std::chrono::steady_clock::now();
    double checksum = 0.0;
    AlpPoint pt;
    for (int i = 0; i < n; ++i) {
      pt[Axis::m_a] = m_lo * std::pow(m_hi / m_lo, i / (n - 1.0));
      for (int j = 0; j < n; ++j) {
        pt[Axis::g_agg] = g_lo * std::pow(g_hi / g_lo, j / (n - 1.0));
        checksum += e->expected_signal(pt);
      }
    }
    auto t2 = std::chrono::steady_clock::now();
    pt[Axis::g_ae] = 1e-7;
    for (int i = 0; i < n; ++i) {
      pt[Axis::m_a] = m_lo * std::pow(m_hi / m_lo, i / (n - 1.0));
      for (int j = 0; j < n; ++j) {
        pt[Axis::g_agg] = g_lo * std::pow(g_hi / g_lo, j / (n - 1.0));
        checksum += e->expected_signal(pt);
      }
    }
    pt[Axis::g_ae] = 0.0;
    auto t3 = std::chrono::steady_clock::now();
    const double prep = std::chrono::duration<double>(t1 - t0).count();
    const double per = std::chrono::duration<double>(t2 - t1).count() / (n * n) * 1e6;
    const double per_ae = std::chrono::duration<double>(t3 - t2).count() / (n * n) * 1e6;
    std::printf("%-12s %12.3f %12.3f %16.3f   (checksum %.6e)\n", name, prep, per, per_ae, checksum);
    if (!edges) continue;
    const double S = stats::signal_upper_limit(e->info().data, e->info().default_cl);
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
