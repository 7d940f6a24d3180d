// Every experiment of the catalogue (data/experiments/*.json) prepared as the global job prepares it
// (jobs/global.json: 331 log-spaced masses from 1e-12 eV to 10 GeV, passed as PrepareContext the way
// scan/Scheduler fills it), one at a time: prepare seconds, the memory of its prepared tables (what
// save_prepared() returns, i.e. what a rank holds beyond the configuration and what
// checkpoint/prepared/ stores; "-" where the experiment does not expose them, e.g. published curves and
// analytic bounds) and the cost of a point over every 5th of those masses (67) x 60 log-spaced values of
// the experiment's first coupling axis in 1e-14 .. 1 (the global job's g_agg range), coupling fastest as in
// a scan. Masses the prepare saw, because families that tabulate exactly the job's masses (helioscopes,
// shower dumps) compute any other mass from scratch. Most of that plane lies outside any one experiment's
// reach, so this is the cost as the global job pays it, not the in-range cost bench_floor and the family
// benchmarks time. The model-consistency conditions of the bandpass model
// (family bandpass_uv_completion) are left out: they need that model's axes, not this plane (as in the
// catalogue's group "all"). Figures only, nothing asserted.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <string>

#include "BenchGrid.hpp"
#include "alpscan/core/Units.hpp"

using namespace alpscan;

namespace {

const double m_lo = 1e-12 * units::eV, m_hi = 1e10 * units::eV, g_lo = 1e-14, g_hi = 1.0;
const int n_masses = 331, mass_stride = 5, n = 60;

// ns per point over every mass_stride-th job mass x n couplings (coupling fastest), summed into checksum.
double time_on_job_masses(Experiment& e, Axis g_axis, double& checksum) {
  AlpPoint pt;
  long points = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < n_masses; i += mass_stride) {
    pt[Axis::m_a] = bench::grid_mass(m_lo, m_hi, i, n_masses);  // as timed_prepare() passed it
    for (int j = 0; j < n; ++j, ++points) {
      pt[g_axis] = g_lo * std::pow(g_hi / g_lo, j / (n - 1.0));
      checksum += e.expected_signal(pt);
    }
  }
  const auto t1 = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(t1 - t0).count() / points * 1e9;
}

}  // namespace

int main() {
  const ExperimentCatalog catalog(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments");
  std::printf("every experiment prepared for jobs/global.json's %d masses (1e-12 eV .. 10 GeV); ns/point over every %dth\n"
              "of them x %d values of its first coupling axis in 1e-14 .. 1\n",
              n_masses, mass_stride, n);
  std::printf("%-28s %-22s %12s %12s %12s %12s\n", "experiment", "family", "prepare [s]", "tables [MB]", "ns/point",
              "first pass");
  double prep_total = 0, mb_total = 0;
  for (const CatalogEntry& c : catalog.entries()) {
    if (c.family == "bandpass_uv_completion") continue;
    try {
      ExperimentPtr e = make_experiment({c.name, c.file, "{}"});
      Axis g_axis = Axis::g_agg;
      for (Axis a : e->info().axes)
        if (a != Axis::m_a) {
          g_axis = a;
          break;
        }
      const double prep = bench::timed_prepare(*e, m_lo, m_hi, n_masses);
      const double mb = e->save_prepared().size() * sizeof(double) / 1e6;
      double checksum = 0.0;
      // Twice: the first pass includes whatever an experiment builds on its first evaluations (lazily,
      // outside prepare()); the second is the steady cost of a point.
      const double first_ns = time_on_job_masses(*e, g_axis, checksum);
      const double ns = time_on_job_masses(*e, g_axis, checksum);
      prep_total += prep;
      mb_total += mb;
      char tables[32] = "-";
      if (mb > 0) std::snprintf(tables, sizeof tables, "%.3f", mb);
      std::printf("%-28s %-22s %12.3f %12s %12.1f %12.1f   (axis %s, checksum %.3e)\n", c.name.c_str(),
                  c.family.c_str(), prep, tables, ns, first_ns, std::string(axis_name(g_axis)).c_str(), checksum);
    } catch (const InputError& err) {
      std::printf("%-28s %-22s skipped: %s", c.name.c_str(), c.family.c_str(), err.diagnostics().format().c_str());
    } catch (const std::exception& err) {
      std::printf("%-28s %-22s skipped: %s\n", c.name.c_str(), c.family.c_str(), err.what());
    }
  }
  std::printf("%-28s %-22s %12.3f %12.3f\n", "total", "", prep_total, mb_total);
  return 0;
}
