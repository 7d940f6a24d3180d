// Kind "significance" (stats/SignificanceLikelihood): S >= Z sqrt(B) with a per-point background, checked by
// hand, and read from a data file with io/ExperimentFile (section "significance", option significance_z).
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/stats/SignificanceLikelihood.hpp"

using namespace alpscan;

TEST_CASE("significance likelihood: S >= Z sqrt(B) per point, q = S^2/B", "[likelihood][significance]") {
  const stats::SignificanceLikelihood l(stats::SignificanceData{1.64, "test"});
  CHECK(l.kind() == "significance");
  CHECK(l.values_per_point() == 2);
  CHECK(l.role() == stats::Role::exclusion);
  const stats::Calibration c = l.calibrate(0.9, nullptr, 0);
  CHECK(c.threshold == 1.64);  // the data file's Z, whatever the job's CL
  CHECK(l.calibrate(0.95, nullptr, 0).threshold == 1.64);
  // B = 1e4: boundary at S = 164
  const double at[2] = {164.0, 1e4}, below[2] = {163.9, 1e4}, above[2] = {164.1, 1e4};
  CHECK(l.test_statistic(at, c) == Approx(1.64 * 1.64).epsilon(1e-12));
  CHECK(l.in_region(at, l.test_statistic(at, c), c));
  CHECK_FALSE(l.in_region(below, l.test_statistic(below, c), c));
  CHECK(l.in_region(above, l.test_statistic(above, c), c));
  CHECK(l.margin(at, 0, c) == Approx(0.0).margin(1e-12));
  CHECK(l.margin(above, 0, c) == Approx(std::log(164.1 / 164.0)).epsilon(1e-9));
  // the background moves the boundary: B = 4e4 needs twice the signal
  const double b4[2] = {300.0, 4e4}, b4b[2] = {330.0, 4e4};
  CHECK_FALSE(l.in_region(b4, l.test_statistic(b4, c), c));
  CHECK(l.in_region(b4b, l.test_statistic(b4b, c), c));
  // no background predicted: not judged; no signal: q = 0
  const double nob[2] = {10.0, 0.0}, nos[2] = {0.0, 100.0};
  CHECK(l.test_statistic(nob, c) == 0.0);
  CHECK_FALSE(l.in_region(nob, 0.0, c));
  CHECK(l.test_statistic(nos, c) == 0.0);
  // the point's signal is the first value, not the sum
  CHECK(l.signal_events(b4) == 300.0);
  CHECK(stats::significance_data_problem({0.0, ""}) != "");
}

TEST_CASE("experiment files: significance section and its significance_z option", "[likelihood][significance][io]") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("alpscan_sig_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string f = (dir / "x.json").string();
  std::ofstream(f) << R"({"format": "alpscan-experiment/1", "name": "x", "family": "test", "title": "t", "kind": "projection",
    "sources": ["test"], "parameters": {},
    "significance": {"z": {"value": 1.64, "unit": "1", "source": "choice"}, "source": "stated criterion"},
    "options": {"significance_z": {"value": "1.64", "choices": ["1.64", "2"], "source": "s", "why": "w"}}})";
  {
    Diagnostics d;
    ExperimentFile e(f, nlohmann::json::object(), d);
    REQUIRE(d.empty());
    const auto* l = dynamic_cast<const stats::SignificanceLikelihood*>(e.info().likelihood.get());
    REQUIRE(l);
    CHECK(l->data().z == 1.64);
    CHECK(l->data().source == "stated criterion");
  }
  {
    Diagnostics d;
    ExperimentFile e(f, nlohmann::json{{"significance_z", "2"}}, d);
    REQUIRE(d.empty());
    const auto* l = dynamic_cast<const stats::SignificanceLikelihood*>(e.info().likelihood.get());
    REQUIRE(l);
    CHECK(l->data().z == 2.0);
  }
  {
    Diagnostics d;
    ExperimentFile e(f, nlohmann::json{{"significance_z", "3"}}, d);
    CHECK_FALSE(d.empty());  // not one of the choices
  }
  std::filesystem::remove_all(dir);
}
