// The four kinds of stats::Likelihood against closed forms and hand computations, and reading the
// two new data-file sections (published_curve, gaussian) with io/ExperimentFile.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/stats/BinnedPoissonLikelihood.hpp"
#include "alpscan/stats/CountingLikelihood.hpp"
#include "alpscan/stats/GaussianMeasurement.hpp"
#include "alpscan/stats/PublishedCurveLikelihood.hpp"

using namespace alpscan;

namespace {
double item_number(const stats::Description& d, const std::string& key) {
  for (const auto& i : d.items)
    if (i.key == key) return std::get<double>(i.value);
  FAIL("no item " << key);
  return 0;
}
}  // namespace

TEST_CASE("counting likelihood: b = n = 0 gives the classical 2.30 events at 90% CL", "[likelihood]") {
  const stats::CountingLikelihood l(CountingData{});
  CHECK(l.kind() == "counting");
  CHECK(l.role() == stats::Role::exclusion);
  CHECK(l.values_per_point() == 1);
  const stats::Calibration c = l.calibrate(0.90, nullptr, 0);
  CHECK(c.threshold == Approx(std::log(10.0)).epsilon(1e-9));  // P(0 | s) = e^-s = 0.1
  const double below = 2.30, above = 2.31;
  CHECK_FALSE(l.in_region(&below, l.test_statistic(&below, c), c));
  CHECK(l.in_region(&above, l.test_statistic(&above, c), c));
  // n = b = 0: -2 ln lambda(s) = 2 s exactly (ln L(s) = -s).
  const double s = 1.7;
  CHECK(l.test_statistic(&s, c) == Approx(3.4).epsilon(1e-12));
  CHECK(l.margin(&s, 0, c) == Approx(std::log(1.7 / std::log(10.0))).epsilon(1e-9));
  CHECK(l.margin(&above, 0, c) >= 0);
  CHECK(l.margin(&below, 0, c) < 0);
  const double zero = 0;
  CHECK(l.margin(&zero, 0, c) == -100.0);
  CHECK(item_number(l.describe(c), "signal_upper_limit") == c.threshold);
}

TEST_CASE("counting likelihood: a quoted limit rescales with Phi^-1(CL)", "[likelihood]") {
  CountingData d;
  d.quoted_upper_limit = 3419, d.quoted_cl = 0.90;
  const stats::CountingLikelihood l(d);
  CHECK(l.calibrate(0.90, nullptr, 0).threshold == Approx(3419).epsilon(1e-12));
  CHECK(l.calibrate(0.95, nullptr, 0).threshold == Approx(3419 * 1.6448536 / 1.2815516).epsilon(1e-6));
  CHECK(&stats::counting_data(l) != nullptr);
  CHECK(stats::counting_data(l).quoted_upper_limit == 3419);
}

TEST_CASE("binned Poisson likelihood: two bins by hand, reference = best scanned point", "[likelihood]") {
  BinnedData d;
  d.labels = {"low", "high"};
  d.observed = {1, 0};
  d.background = {0.5, 1.0};
  d.critical = 2.0;
  const stats::BinnedPoissonLikelihood l(d);
  CHECK(l.kind() == "binned_poisson");
  CHECK(l.values_per_point() == 2);
  CHECK(l.value_labels() == std::vector<std::string>{"low", "high"});
  // ln L = sum d ln(s + b) - (s + b) - ln d!:  s = 0: ln 0.5 - 1.5;  P1 = (0.5, 0): -2 (the best fit
  // s^ = n - b in bin 1);  P2 = (2, 1): ln 2.5 - 4.5.
  const double points[4] = {0.5, 0.0, 2.0, 1.0};
  const stats::Calibration c = l.calibrate(0.9, points, 2);
  CHECK(c.reference == Approx(-2.0).epsilon(1e-14));
  CHECK(c.threshold == 2.0);  // the publication's critical value, not the job's CL
  const double q1 = l.test_statistic(points, c), q2 = l.test_statistic(points + 2, c);
  CHECK(q1 == Approx(0.0).margin(1e-14));
  CHECK(q2 == Approx(2 * (2.5 - std::log(2.5))).epsilon(1e-13));  // 3.167
  CHECK_FALSE(l.in_region(points, q1, c));
  CHECK(l.in_region(points + 2, q2, c));
  CHECK(l.margin(points + 2, q2, c) == Approx(0.5 * std::log(q2 / 2.0)).epsilon(1e-13));
  CHECK(l.margin(points, q1, c) == -100.0);
  // No scanned point (explain): the reference is background only; q of P1 would be negative, clamped to 0.
  const stats::Calibration c0 = l.calibrate(0.9, nullptr, 0);
  CHECK(c0.reference == Approx(std::log(0.5) - 1.5).epsilon(1e-14));
  CHECK(l.test_statistic(points, c0) == 0.0);
  CHECK(stats::binned_data(l).critical == 2.0);
  CHECK_THROWS_AS(stats::counting_data(l), std::invalid_argument);
}

TEST_CASE("published curve: log-log interpolation, outside the mass range nothing is excluded", "[likelihood]") {
  stats::PublishedCurve pc;
  pc.m_a = {0.01, 0.1, 1.0};
  pc.g_limit = {1e-4, 1e-6, 1e-5};
  pc.cl = 0.95;
  pc.coupling = "g_agg";
  pc.source = "test";
  REQUIRE(stats::published_curve_problem(pc).empty());
  const stats::PublishedCurveLikelihood l(pc);
  CHECK(l.kind() == "published_curve");
  // Straight lines in (ln m, ln g): the geometric mean of masses gives the geometric mean of limits.
  CHECK(l.coupling_limit(std::sqrt(0.01 * 0.1)) == Approx(1e-5).epsilon(1e-12));
  CHECK(l.coupling_limit(0.01 * std::pow(10.0, 0.25)) == Approx(1e-4 * std::pow(10.0, -0.5)).epsilon(1e-12));
  CHECK(l.coupling_limit(0.1) == Approx(1e-6).epsilon(1e-12));
  CHECK(l.coupling_limit(1.0) == 1e-5);
  CHECK(std::isinf(l.coupling_limit(0.005)));
  CHECK(std::isinf(l.coupling_limit(2.0)));
  const stats::Calibration c = l.calibrate(0.90, nullptr, 0);  // the job's CL does not move the curve
  const double m = std::sqrt(0.01 * 0.1);
  const double in = l.prediction(m, 2e-5, 2.0), out = l.prediction(m, 0.5e-5, 2.0), far = l.prediction(2.0, 1.0, 2.0);
  CHECK(in == Approx(4.0).epsilon(1e-12));
  CHECK(out == Approx(0.25).epsilon(1e-12));
  CHECK(far == 0.0);
  CHECK(l.in_region(&in, l.test_statistic(&in, c), c));
  CHECK_FALSE(l.in_region(&out, l.test_statistic(&out, c), c));
  CHECK_FALSE(l.in_region(&far, l.test_statistic(&far, c), c));
  CHECK(l.margin(&in, 0, c) == Approx(std::log(4.0)).epsilon(1e-12));
  CHECK(l.margin(&far, 0, c) == -100.0);
  // q(s = 1) is the combined critical value at the curve's CL: (Phi^-1(0.95))^2.
  const double one = 1.0;
  CHECK(l.test_statistic(&one, c) == Approx(1.6448536 * 1.6448536).epsilon(1e-6));
  stats::PublishedCurve bad = pc;
  bad.m_a = {0.1, 0.01, 1.0};
  CHECK_FALSE(stats::published_curve_problem(bad).empty());
  bad = pc;
  bad.g_limit = {1e-4, 0.0, 1e-5};
  CHECK_FALSE(stats::published_curve_problem(bad).empty());
  bad = pc;
  bad.m_a.resize(1), bad.g_limit.resize(1);
  CHECK_FALSE(stats::published_curve_problem(bad).empty());
}

TEST_CASE("Gaussian measurement: chi^2 closed form, preferred regions at 68.27% and 95% CL", "[likelihood]") {
  stats::GaussianData g;
  g.value = 2.5, g.sigma = 0.5, g.quantity = "Delta a_mu x 1e9", g.source = "test";
  const stats::GaussianMeasurement l(g);
  CHECK(l.kind() == "gaussian");
  CHECK(l.role() == stats::Role::preferred_region);
  const stats::Calibration c68 = l.calibrate(0.682689492, nullptr, 0), c95 = l.calibrate(0.95, nullptr, 0);
  CHECK(c68.threshold == Approx(1.0).epsilon(1e-8));            // 1 sigma
  CHECK(c95.threshold == Approx(1.959964 * 1.959964).epsilon(1e-6));  // 3.84
  const double x1 = 2.9, x2 = 3.4, x3 = 3.5;  // 0.8, 1.8 and 2 sigma away
  CHECK(l.test_statistic(&x1, c68) == Approx(0.64).epsilon(1e-12));
  CHECK(l.test_statistic(&x2, c68) == Approx(3.24).epsilon(1e-12));
  CHECK(l.test_statistic(&x3, c68) == Approx(4.0).epsilon(1e-12));
  auto in = [&](double x, const stats::Calibration& c) { return l.in_region(&x, l.test_statistic(&x, c), c); };
  CHECK(in(x1, c68));
  CHECK_FALSE(in(x2, c68));
  CHECK(in(x2, c95));
  CHECK_FALSE(in(x3, c95));
  CHECK(l.margin(&x2, 0, c95) == Approx(1.959964 - 1.8).epsilon(1e-5));
  CHECK(l.margin(&x3, 0, c95) < 0);
  // The side of the band (adaptive refinement subdivides a cell whose corners lie on both sides).
  const double below = 1.0, at = 2.5;
  CHECK(l.side(&x3, c68) == 1);
  CHECK(l.side(&below, c68) == -1);
  CHECK(l.side(&at, c68) == 0);
  CHECK(stats::gaussian_data_problem(g).empty());
  g.sigma = 0;
  CHECK_FALSE(stats::gaussian_data_problem(g).empty());
}

namespace {
struct TempDir {
  std::filesystem::path p = std::filesystem::temp_directory_path() / ("alpscan_lik_" + std::to_string(::getpid()));
  TempDir() { std::filesystem::create_directories(p); }
  ~TempDir() { std::filesystem::remove_all(p); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(p / name) << text;
    return (p / name).string();
  }
};
const char* kHead = R"("format": "alpscan-experiment/1", "name": "x", "family": "test", "title": "t", "kind": "limit",
  "sources": ["test"], "parameters": {})";
}  // namespace

TEST_CASE("experiment files: published_curve (inline and from a file) and gaussian sections", "[likelihood][io]") {
  TempDir t;
  {
    Diagnostics d;
    const std::string f = t.write("inline.json", std::string("{") + kHead + R"(, "published_curve": {
      "coupling": "g_agg", "cl": {"value": 0.95, "source": "Fig. 3"}, "source": "paper, Fig. 3, digitised",
      "m_a": {"values": [10, 100, 1000], "unit": "MeV", "source": "Fig. 3"},
      "g_limit": {"values": [1e-4, 1e-6, 1e-5], "unit": "GeV^-1", "source": "Fig. 3"}}})");
    ExperimentFile e(f, nlohmann::json::object(), d);
    REQUIRE(d.empty());
    REQUIRE(e.info().likelihood);
    const auto* l = dynamic_cast<const stats::PublishedCurveLikelihood*>(e.info().likelihood.get());
    REQUIRE(l);
    CHECK(l->curve().cl == 0.95);
    CHECK(l->curve().source == "paper, Fig. 3, digitised");
    CHECK(l->coupling_limit(std::sqrt(0.01 * 0.1)) == Approx(1e-5).epsilon(1e-12));  // MeV -> GeV
  }
  {
    Diagnostics d;
    t.write("curve.txt", "# m_a [MeV]  g [GeV^-1]\n10 1e-4\n\n100 1e-6  # minimum\n1000 1e-5\n");
    const std::string f = t.write("file.json", std::string("{") + kHead + R"(, "published_curve": {
      "coupling": "g_agg", "cl": {"value": 0.9, "source": "text"}, "source": "paper",
      "file": {"path": "curve.txt", "m_a_unit": "MeV", "g_limit_unit": "GeV^-1", "source": "paper, Fig. 3"}}})");
    ExperimentFile e(f, nlohmann::json::object(), d);
    REQUIRE(d.empty());
    const auto* l = dynamic_cast<const stats::PublishedCurveLikelihood*>(e.info().likelihood.get());
    REQUIRE(l);
    CHECK(l->curve().m_a.size() == 3);
    CHECK(l->coupling_limit(0.1) == Approx(1e-6).epsilon(1e-12));
  }
  {
    Diagnostics d;
    const std::string f = t.write("g2.json", std::string("{") + kHead + R"(, "gaussian": {
      "quantity": "Delta a_mu", "value": {"value": 2.49e-9, "source": "FNAL + BNL vs WP20"},
      "sigma": {"value": 0.48e-9, "source": "FNAL + BNL vs WP20"}, "source": "arXiv:2104.03281"}})");
    ExperimentFile e(f, nlohmann::json::object(), d);
    REQUIRE(d.empty());
    const auto* l = dynamic_cast<const stats::GaussianMeasurement*>(e.info().likelihood.get());
    REQUIRE(l);
    CHECK(l->data().value == 2.49e-9);
    CHECK(l->data().sigma == 0.48e-9);
    CHECK(l->role() == stats::Role::preferred_region);
  }
  {  // two likelihood sections, a curve with a decreasing mass, a Gaussian without sigma: all reported
    Diagnostics d;
    const std::string f = t.write("bad.json", std::string("{") + kHead + R"(, "counting": {"observed": {"value": 0, "source": "s"}},
      "gaussian": {"quantity": "q", "value": {"value": 1, "source": "s"}, "source": "s"}})");
    ExperimentFile e(f, nlohmann::json::object(), d);
    CHECK_FALSE(d.empty());
    Diagnostics d2;
    const std::string f2 = t.write("bad2.json", std::string("{") + kHead + R"(, "published_curve": {
      "coupling": "g_agg", "cl": {"value": 0.9, "source": "s"}, "source": "s",
      "m_a": {"values": [1, 0.5], "unit": "GeV", "source": "s"}, "g_limit": {"values": [1e-4, 1e-5], "unit": "GeV^-1", "source": "s"}}})");
    ExperimentFile e2(f2, nlohmann::json::object(), d2);
    CHECK_FALSE(d2.empty());
    CHECK_FALSE(e2.info().likelihood);
  }
}
