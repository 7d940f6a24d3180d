// Planes of a higher-dimensional scan: a slice fixes the other axes; a profile excludes a plane
// point only if it is excluded for every value of the profiled axes. Union and combined layers.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include <unistd.h>

#include "alpscan/io/JobSpecIO.hpp"
#include "alpscan/maps/PlaneMap.hpp"
#include "alpscan/stats/CountingLikelihood.hpp"
#include "alpscan/stats/GaussianMeasurement.hpp"

using namespace alpscan;

namespace {
JobSpec three_axis_job(Diagnostics& d) {
  const std::string path = "/tmp/alpscan_unit_plane_job_" + std::to_string(::getpid()) + ".json";
  std::ofstream(path) << R"({"format": "alpscan-job/1",
    "parameters": {"m_a": {"values": [1, 10]}, "g_agg": {"values": [1e-6, 1e-5, 1e-4]},
                   "g_ae": {"values": [0, 1e-6]}},
    "experiments": ["passat_nomad"]})";
  JobSpec job = read_job(path, d);
  std::remove(path.c_str());
  return job;
}
ExperimentResult synthetic(const ParameterSpace& s, const std::string& name, std::vector<double> signal) {
  ExperimentResult x;
  x.info.name = name;
  x.info.kind = name == "a" ? "limit" : "projection";
  x.grid = s.subgrid({Axis::m_a, Axis::g_agg, Axis::g_ae});
  x.info.likelihood = std::make_shared<stats::CountingLikelihood>(CountingData{});
  x.calibration.threshold = 1.0;  // s_up
  x.signal = std::move(signal);
  for (double v : x.signal) {
    x.excluded.push_back(v >= x.calibration.threshold);
    x.test_statistic.push_back(stats::test_statistic(CountingData{}, v));
  }
  return x;
}
// "g": a Gaussian measurement 1 +- 0.5 judged at 95% CL (preferred where |x - 1| <= 0.98), whose
// predictions are `x`; with_bands also gives it its 1 sigma / 2 sigma bands.
ExperimentResult gaussian_result(const ParameterSpace& s, std::vector<double> x, bool with_bands) {
  ExperimentResult g;
  g.info.name = "g";
  g.info.kind = "limit";
  g.info.likelihood = std::make_shared<stats::GaussianMeasurement>(stats::GaussianData{1.0, 0.5, "x", "test"});
  g.grid = s.subgrid({Axis::m_a, Axis::g_agg, Axis::g_ae});
  g.calibration = g.info.likelihood->calibrate(0.95, nullptr, 0);
  g.signal = std::move(x);
  for (std::size_t i = 0; i < g.signal.size(); ++i) {
    g.test_statistic.push_back(g.info.likelihood->test_statistic(&g.signal[i], g.calibration));
    g.excluded.push_back(g.info.likelihood->in_region(&g.signal[i], g.test_statistic[i], g.calibration));
  }
  if (with_bands) g.bands = g.info.likelihood->bands();
  return g;
}
}  // namespace

TEST_CASE("profile = excluded for every profiled value; slice = the chosen value", "[maps]") {
  Diagnostics d;
  const JobSpec job = three_axis_job(d);
  REQUIRE(d.empty());
  const ParameterSpace s(job);
  REQUIRE(s.full().size == 12);
  // index = (im * 3 + ig) * 2 + ie. Excluded (signal >= 1) pattern chosen so profile and slice differ.
  MergedResult r;
  r.combined_critical = stats::combined_critical_value(0.9);
  r.experiments.push_back(synthetic(s, "a", {0, 0, 2, 0, 2, 2, /* m=10: */ 0, 2, 2, 2, 5, 5}));
  r.experiments.push_back(synthetic(s, "b", {0, 0, 0, 3, 0, 0, /* m=10: */ 3, 0, 0, 0, 0, 0}));
  r.excluded_any.assign(12, 0);
  r.combined_q.assign(12, 0);
  for (std::size_t i = 0; i < 12; ++i)
    for (const auto& x : r.experiments) r.excluded_any[i] |= x.excluded[i], r.combined_q[i] += x.test_statistic[i];

  const PlaneMap prof = make_plane_map(PlaneSpec{}, s, r);
  REQUIRE(prof.profiled == std::vector<std::string>{"g_ae"});
  REQUIRE(prof.layers.size() == 5);
  CHECK(prof.layers[0].excluded() == std::vector<std::uint8_t>{0, 0, 1, 0, 1, 1});  // a: both g_ae values
  CHECK(prof.layers[1].excluded() == std::vector<std::uint8_t>{0, 0, 0, 0, 0, 0});  // b: never both
  // union: (m=1,g=1e-5): a at g_ae=0 (2), b at g_ae=1e-6 (3) -> excluded for every g_ae by someone
  CHECK(prof.layers[2].name == "union");
  CHECK(prof.layers[2].excluded() == std::vector<std::uint8_t>{0, 1, 1, 1, 1, 1});
  CHECK(prof.layers[3].name == "union_limits");  // only "a" has data
  CHECK(prof.layers[3].excluded() == prof.layers[0].excluded());

  PlaneSpec sl;
  sl.slice_at[Axis::g_ae] = 1e-6;
  const PlaneMap slice = make_plane_map(sl, s, r);
  CHECK(slice.profiled.empty());
  CHECK(slice.layers[0].excluded() == std::vector<std::uint8_t>{0, 0, 1, 1, 1, 1});
  CHECK(slice.layers[1].excluded() == std::vector<std::uint8_t>{0, 1, 0, 0, 0, 0});
  // combined at n = b = 0: q = 2s per experiment; excluded where 2 (s_a + s_b) >= 1.2816^2
  CHECK(slice.layers[4].name == "combined");
  CHECK(slice.layers[4].excluded() == std::vector<std::uint8_t>{0, 1, 1, 1, 1, 1});
}

TEST_CASE("a preferred region (Gaussian g-2) is in no union and is profiled as 'preferred for some value'", "[maps]") {
  Diagnostics d;
  const JobSpec job = three_axis_job(d);
  REQUIRE(d.empty());
  const ParameterSpace s(job);
  MergedResult r;
  r.combined_critical = stats::combined_critical_value(0.9);
  r.experiments.push_back(synthetic(s, "a", {0, 0, 2, 0, 2, 2, /* m=10: */ 0, 2, 2, 2, 5, 5}));
  r.experiments.push_back(gaussian_result(s, {1, 0, 0, 0, 5, 5, /* m=10: */ 0, 0, 0, 0, 1.5, 3}, false));
  r.excluded_any.assign(12, 0);
  r.combined_q.assign(12, 0);
  for (std::size_t i = 0; i < 12; ++i)
    r.excluded_any[i] |= r.experiments[0].excluded[i], r.combined_q[i] += r.experiments[0].test_statistic[i];
  const PlaneMap prof = make_plane_map(PlaneSpec{}, s, r);
  REQUIRE(prof.layers.size() == 5);
  CHECK(prof.layers[1].name == "g");
  // preferred where some g_ae value is preferred: (m=1, g=1e-6) by g_ae = 0, (m=10, g=1e-4) by g_ae = 0
  CHECK(prof.layers[1].excluded() == std::vector<std::uint8_t>{1, 0, 0, 0, 0, 1});
  CHECK(prof.layers[2].name == "union");  // only "a": the preferred region excludes nothing
  CHECK(prof.layers[2].excluded() == prof.layers[0].excluded());
  CHECK(prof.layers[3].excluded() == prof.layers[0].excluded());
}

TEST_CASE("bands of a preferred region (1 sigma, 2 sigma) are layers of their own, profiled like it", "[maps][g2]") {
  Diagnostics d;
  const JobSpec job = three_axis_job(d);
  REQUIRE(d.empty());
  const ParameterSpace s(job);
  MergedResult r;
  r.combined_critical = stats::combined_critical_value(0.9);
  r.experiments.push_back(synthetic(s, "a", {0, 0, 2, 0, 2, 2, /* m=10: */ 0, 2, 2, 2, 5, 5}));
  // g: 1 sigma: |x - 1| <= 0.5; 2 sigma: |x - 1| <= 1 (edges included: chi^2 <= n^2).
  r.experiments.push_back(gaussian_result(s, {1, 0, 0, 0, 5, 5, /* m=10: */ 0, 0, 0, 0, 1.5, 3}, true));
  r.excluded_any = r.experiments[0].excluded;
  r.combined_q = r.experiments[0].test_statistic;
  const PlaneMap prof = make_plane_map(PlaneSpec{}, s, r);
  REQUIRE(prof.layers.size() == 7);
  CHECK(prof.layers[5].name == "g_1sigma");
  CHECK(prof.layers[6].name == "g_2sigma");
  CHECK(prof.layers[5].experiment == 1);
  CHECK(prof.layers[6].band == 1);
  // Profiled over g_ae: in the band where some g_ae value is. Cells (m, g_agg) in order
  // (1,1e-6) (1,1e-5) (1,1e-4) (10,1e-6) (10,1e-5) (10,1e-4); values per cell (g_ae = 0, 1e-6):
  // (1,0) (0,0) (5,5) (0,0) (0,0) (1.5,3).
  CHECK(prof.layers[5].excluded() == std::vector<std::uint8_t>{1, 0, 0, 0, 0, 1});
  CHECK(prof.layers[6].excluded() == std::vector<std::uint8_t>{1, 1, 0, 1, 1, 1});
  // The bands change no other layer: union and combined are those of "a" alone.
  CHECK(prof.layers[2].excluded() == prof.layers[0].excluded());
  // An experiment's layer named like a band layer is refused (job validation reserves the names too).
  r.experiments[0].info.name = "g_2sigma";
  CHECK_THROWS_AS(make_plane_map(PlaneSpec{}, s, r), std::invalid_argument);
}
