// Collider benchmark: per experiment (belle2_3gamma, belle2_3gamma_50ab, lep_opal_3gamma), the mean
// cost of one expected_signal() call over a 200 x 200 log grid m_a in [1 keV, 10 GeV] x g_agg in
// [1e-9, 1e-1] GeV^-1 (g fastest, the scan order), and the excluded lower edge in g at a few masses.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ColliderExperiment.hpp"
#include "alpscan/io/ColliderConfigIO.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/stats/PoissonLikelihood.hpp"

using namespace alpscan;

int main() {
  const char* names[] = {"belle2_3gamma", "belle2_3gamma_50ab", "lep_opal_3gamma"};
  const int n = 200;
  const double m_lo = 1e3 * units::eV, m_hi = 10.0, g_lo = 1e-9, g_hi = 1e-1;
  std::printf("%-20s %10s %10s   lower edge g [GeV^-1] at m_a = 0.3, 1, 5, 20, 80 GeV\n", "experiment", "us/point", "s_up");
  for (const char* name : names) {
    Diagnostics diags;
    ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json",
                     nlohmann::json::object(), diags);
    ExperimentPtr e = make_collider_experiment(f);
    f.finish();
    if (!diags.empty() || !e) {
      std::fprintf(stderr, "%s", diags.format().c_str());
      return 1;
    }
    PrepareContext ctx{m_lo, m_hi};
    e->prepare(ctx);
    double checksum = 0.0;
    AlpPoint pt;
    const int reps = 5;
    auto t1 = std::chrono::steady_clock::now();
    for (int r = 0; r < reps; ++r)
      for (int i = 0; i < n; ++i) {
        pt[Axis::m_a] = m_lo * std::pow(m_hi / m_lo, i / (n - 1.0));
        for (int j = 0; j < n; ++j) {
          pt[Axis::g_agg] = g_lo * std::pow(g_hi / g_lo, j / (n - 1.0));
          checksum += e->expected_signal(pt);
        }
      }
    auto t2 = std::chrono::steady_clock::now();
    const double per = std::chrono::duration<double>(t2 - t1).count() / (reps * n * n) * 1e6;
    const double S = stats::signal_upper_limit(e->info().data, e->info().default_cl);
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
