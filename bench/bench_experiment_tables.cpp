// Every experiment of the catalogue (data/experiments/*.json) prepared as the global job prepares it
// (jobs/global.json: 331 log-spaced masses from 1e-12 eV to 10 GeV, passed as PrepareContext the way
// scan/Scheduler fills it), one at a time: prepare seconds, the memory of its prepared tables (what
// save_prepared() returns, i.e. what a rank holds beyond the configuration and what
// checkpoint/prepared/ stores; "-" where the experiment does not expose them, e.g. published curves and
// analytic bounds) and the cost of a point over a 60 x 60 log grid on the global job's plane (m_a
// 1e-12 eV .. 10 GeV, the experiment's first coupling axis 1e-14 .. 1; most of that plane lies outside
// any one experiment's reach, so this is the cost as the global job pays it, not the in-range cost
// bench_floor and the family benchmarks time). The model-consistency conditions of the bandpass model
// (family bandpass_uv_completion) are left out: they need that model's axes, not this plane (as in the
// catalogue's group "all"). Figures only, nothing asserted.
#include <cstdio>
#include <exception>
#include <string>

#include "BenchGrid.hpp"
#include "alpscan/core/Units.hpp"

using namespace alpscan;

int main() {
  const double m_lo = 1e-12 * units::eV, m_hi = 1e10 * units::eV, g_lo = 1e-14, g_hi = 1.0;
  const int n_masses = 331, n = 60;
  const ExperimentCatalog catalog(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments");
  std::printf("every experiment prepared for jobs/global.json's %d masses (1e-12 eV .. 10 GeV); ns/point over a %d x %d\n"
              "log grid of that plane (m_a x its first coupling axis in 1e-14 .. 1)\n",
              n_masses, n, n);
  std::printf("%-28s %-22s %12s %12s %12s\n", "experiment", "family", "prepare [s]", "tables [MB]", "ns/point");
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
      const double ns = bench::time_grid(*e, {m_lo, m_hi, g_axis, g_lo, g_hi, n}, checksum) * 1e3;
      prep_total += prep;
      mb_total += mb;
      char tables[32] = "-";
      if (mb > 0) std::snprintf(tables, sizeof tables, "%.3f", mb);
      std::printf("%-28s %-22s %12.3f %12s %12.1f   (axis %s, checksum %.3e)\n", c.name.c_str(), c.family.c_str(), prep,
                  tables, ns, std::string(axis_name(g_axis)).c_str(), checksum);
    } catch (const InputError& err) {
      std::printf("%-28s %-22s skipped: %s", c.name.c_str(), c.family.c_str(), err.diagnostics().format().c_str());
    } catch (const std::exception& err) {
      std::printf("%-28s %-22s skipped: %s\n", c.name.c_str(), c.family.c_str(), err.what());
    }
  }
  std::printf("%-28s %-22s %12.3f %12.3f\n", "total", "", prep_total, mb_total);
  return 0;
}
