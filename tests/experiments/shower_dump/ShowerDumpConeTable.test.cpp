// The shower dump's Primakoff production with the tabulated cone convolution (physics/PrimakoffConeTable,
// ShowerProductionConfig::cone_table_nodes_per_decade, the default) against the exact convolution at
// every photon energy (cone_table_nodes_per_decade = 0): the whole signal (all channels, every
// detection channel) and its Primakoff x decay part, MiniBooNE and ArgoNeuT, at masses off the table's
// lattice (12 per decade) and couplings from the long-lifetime region to the lifetime-set edge.
// Tolerance 1% (the physics test of the table: tests/physics/PrimakoffConeTable.test.cpp).
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <numeric>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ShowerDumpExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"

using namespace alpscan;

namespace {

std::unique_ptr<ShowerDumpExperiment> load(const std::string& name, int nodes_per_decade) {
  Diagnostics d;
  ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json", nlohmann::json::object(), d);
  ShowerDumpConfig c = read_shower_dump_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  c.production.cone_table_nodes_per_decade = nodes_per_decade;
  auto e = std::make_unique<ShowerDumpExperiment>(f.info(), c);
  e->prepare(PrepareContext{});
  return e;
}

double total(ShowerDumpExperiment& e, double m, double g_agg, int prod, int det) {
  std::vector<double> s(8, 0.0);
  e.signal_bins(m, g_agg, 0.0, prod, det, s.data());
  return std::accumulate(s.begin(), s.end(), 0.0);
}

void compare(const std::string& name) {
  auto fast = load(name, 12), exact = load(name, 0);
  const int primakoff = static_cast<int>(ProductionChannel::primakoff);
  for (double m_MeV : {0.23, 1.7, 7.3, 19.0, 41.0, 87.0})
    for (double g : {1e-8, 1e-6, 1e-5, 1e-4}) {
      const double m = m_MeV * units::MeV;
      const double a = total(*exact, m, g, -1, -1);
      if (!(a > 1e-3)) continue;  // nothing to compare (beyond the lifetime edge)
      INFO(name << ": m = " << m_MeV << " MeV, g_agg = " << g);
      CHECK(total(*fast, m, g, -1, -1) == Approx(a).epsilon(0.01));
      CHECK(total(*fast, m, g, primakoff, 0) == Approx(total(*exact, m, g, primakoff, 0)).epsilon(0.01));
    }
}

}  // namespace

TEST_CASE("shower dump: the tabulated Primakoff cone convolution gives the exact signal within 1%", "[shower_dump]") {
  SECTION("MiniBooNE") { compare("miniboone_dump"); }
  SECTION("ArgoNeuT") { compare("argoneut"); }
}
