// Electron-dump benchmark: per experiment (e137, e141), the prepare() time for the
// jobs/fips_electron.json mass range (1 keV - 10 GeV) and the mean cost of one expected_signal() call
// over a 200 x 200 log grid m_a x g_ae in [1e-9, 1e-2] (g_agg = 0), g fastest (the scan order); and the
// same on m_a x g_agg in [1e-9, 1e-1] GeV^-1 (g_ae = 0).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/io/ElectronDumpConfigIO.hpp"
#include "alpscan/io/ExperimentFile.hpp"

using namespace alpscan;

int main() {
  const char* names[] = {"e137", "e141"};
  const int n = 200;
  const double m_lo = 1e3 * units::eV, m_hi = 10.0;
  std::printf("%-8s %12s %16s %16s\n", "exp", "prepare [s]", "us/point (g_ae)", "us/point (g_agg)");
  for (const char* name : names) {
    Diagnostics diags;
    ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json",
                     nlohmann::json::object(), diags);
    ExperimentPtr e = make_electron_dump_experiment(f);
    f.finish();
    if (!diags.empty() || !e) {
      std::fprintf(stderr, "%s", diags.format().c_str());
      return 1;
    }
    PrepareContext ctx;
    ctx.m_a_min = m_lo;
    ctx.m_a_max = m_hi;
    auto t0 = std::chrono::steady_clock::now();
    e->prepare(ctx);
    auto t1 = std::chrono::steady_clock::now();
    double per[2], checksum = 0.0;
    for (int axis = 0; axis < 2; ++axis) {
      const Axis a = axis == 0 ? Axis::g_ae : Axis::g_agg;
      const double g_lo = 1e-9, g_hi = axis == 0 ? 1e-2 : 1e-1;
      auto s0 = std::chrono::steady_clock::now();
      AlpPoint pt;
      for (int i = 0; i < n; ++i) {
        pt[Axis::m_a] = m_lo * std::pow(m_hi / m_lo, i / (n - 1.0));
        for (int j = 0; j < n; ++j) {
          pt[a] = g_lo * std::pow(g_hi / g_lo, j / (n - 1.0));
          checksum += e->expected_signal(pt);
        }
      }
      per[axis] = std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count() / (n * n) * 1e6;
    }
    std::printf("%-8s %12.3f %16.3f %16.3f   (checksum %.6e)\n", name,
                std::chrono::duration<double>(t1 - t0).count(), per[0], per[1], checksum);
  }
  return 0;
}
