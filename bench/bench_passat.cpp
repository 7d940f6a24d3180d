// PASSAT benchmark: per experiment, the prepare() time and the mean cost of one expected_signal()
// call over a 200 x 200 log grid m_a in [1e-3 eV, 10 MeV] x g in [1e-7, 1e-2] GeV^-1, g fastest
// (the scan order: m constant for runs of 200 points). Also prints which evaluation path served
// the points.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/PassatExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/io/PassatConfigIO.hpp"

using namespace alpscan;

int main() {
  const char* names[] = {"passat_nomad", "passat_cast_bdf", "passat_babyiaxo_bdf", "passat_cast_bdf_20t",
                         "passat_babyiaxo_bdf_20t"};
  const int n = 200;
  const double m_lo = 1e-3 * units::eV, m_hi = 10 * units::MeV, g_lo = 1e-7, g_hi = 1e-2;
  std::printf("%-26s %12s %12s   paths (closed/poly/decay/full/zero)\n", "experiment", "prepare [s]", "us/point");
  for (const char* name : names) {
    Diagnostics diags;
    ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json",
                     nlohmann::json::object(), diags);
    ExperimentPtr e = make_passat_experiment(f);
    f.finish();
    if (!diags.empty() || !e) {
      std::fprintf(stderr, "%s", diags.format().c_str());
      return 1;
    }
    auto* p = dynamic_cast<PassatExperiment*>(e.get());
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
    const double prep = std::chrono::duration<double>(t1 - t0).count();
    const double per = std::chrono::duration<double>(t2 - t1).count() / (n * n) * 1e6;
    const auto& c = p->path_counts();
    std::printf("%-26s %12.3f %12.3f   %llu/%llu/%llu/%llu/%llu   (checksum %.6e)\n", name, prep, per,
                (unsigned long long)c.closed, (unsigned long long)c.poly, (unsigned long long)c.decay,
                (unsigned long long)c.full, (unsigned long long)c.zero, checksum);
  }
  return 0;
}
