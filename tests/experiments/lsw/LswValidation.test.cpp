// LSW family (alps1, osqar, alps2) against the papers and the collaborations' own curves.
// Digitised curves: AxionLimits (C. O'Hare) limit_data/AxionPhoton/ALPS.txt (commit 0432be9, "ALPS-I
// arXiv:1004.1313 (+gas)") and OSQAR.txt (commit 0906ec6); values quoted below verbatim.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/LswExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/physics/LightShiningThroughWall.hpp"
#include "alpscan/stats/Likelihood.hpp"

using namespace alpscan;
using Catch::Detail::Approx;

namespace {

const std::string kDir = std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/";

std::unique_ptr<LswExperiment> load(const std::string& name, const nlohmann::json& opts = nlohmann::json::object()) {
  Diagnostics d;
  ExperimentFile f(kDir + name + ".json", opts, d);
  LswConfig c = read_lsw_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  return std::make_unique<LswExperiment>(f.info(), c);
}

double s_up(const LswExperiment& e, double cl) { return e.info().likelihood->calibrate(cl, nullptr, 0).threshold; }

// N goes as g^4 (the g B term in q is < 1e-12 of m^2/2omega here): the limit from one evaluation.
double limit(LswExperiment& e, double m_eV, double cl = 0.95) {
  const double g_ref = 1e-8;
  const double n = e.expected_signal(model::AlpModel::from_couplings(m_eV * units::eV, g_ref, 0.0));
  return g_ref * std::pow(s_up(e, cl) / n, 0.25);
}

}  // namespace

TEST_CASE("lsw: ALPS-I low-mass limit and the abstract's probability", "[experiments][lsw]") {
  auto e = load("alps1");
  CHECK(s_up(*e, 0.95) == Approx(2.9957).epsilon(1e-4));  // n = b = 0: -ln 0.05
  // CALIBRATED (data file): the collaboration's curve plateau 6.507e-8 (ALPS.txt). 1%: the calibration
  // factor is given to 4 digits.
  const double g0 = limit(*e, 1e-5);
  CHECK(g0 == Approx(6.507e-8).epsilon(0.01));
  // Independent of the calibration: the abstract states probability limits of "a few x 10^-25". Our
  // P(gamma -> a -> gamma) at the limit, from B, L, omega only, must lie in 1e-25 ... 1e-24.
  const double P = physics::regeneration_probability(e->config().setup, 1e-5 * units::eV, g0);
  CHECK(P > 1e-25);
  CHECK(P < 1e-24);
  // The uncalibrated physics (background-free count, recalled inputs) is optimistic by the calibration^(1/4).
  auto p = load("alps1", {{"efficiency", "physical"}});
  CHECK(limit(*p, 1e-5) / g0 == Approx(std::pow(0.06837, 0.25)).epsilon(1e-6));
}

TEST_CASE("lsw: OSQAR low-mass limit against the paper's 3.5e-8 GeV^-1 (95% CL)", "[experiments][lsw]") {
  auto e = load("osqar");
  CHECK(limit(*e, 1e-5) == Approx(3.5e-8).epsilon(0.01));  // calibrated to the abstract's number
  auto p = load("osqar", {{"efficiency", "physical"}});
  const double r = limit(*p, 1e-5) / 3.5e-8;  // placeholder efficiency and exposure: within 1.5x by choice
  CHECK(r > 0.67);
  CHECK(r < 1.5);
}

TEST_CASE("lsw: mass dependence against the collaborations' curves (computed, not calibrated)", "[experiments][lsw]") {
  // g_lim(m)/g_lim(0) = 1/|sinc(m^2 L/(4 omega))| in the vacuum: depends only on L and omega. The digitised
  // curves include a gas run (ALPS-I) and digitisation error; 5% tolerance (the ALPS-I length 4.21 m vs the
  // 4.3 m that fits best moves the 0.8 meV ratio by 2%).
  auto a = load("alps1");
  const double a0 = limit(*a, 1e-5);
  CHECK(limit(*a, 5.0675e-4) / a0 == Approx(6.887e-8 / 6.507e-8).epsilon(0.05));
  CHECK(limit(*a, 8.01998e-4) / a0 == Approx(9.760e-8 / 6.507e-8).epsilon(0.05));
  auto o = load("osqar");
  const double o0 = limit(*o, 1e-5);
  CHECK(limit(*o, 3.0115e-4) / o0 == Approx(3.8548e-8 / 3.5481e-8).epsilon(0.05));
  CHECK(limit(*o, 4.0370e-4) / o0 == Approx(4.6452e-8 / 3.5481e-8).epsilon(0.05));
  CHECK(limit(*o, 4.5138e-4) / o0 == Approx(5.7148e-8 / 3.5481e-8).epsilon(0.05));
}

TEST_CASE("lsw: above the coherence mass the limit rises like m^2 and oscillates", "[experiments][lsw]") {
  auto e = load("osqar");
  const double g0 = limit(*e, 1e-6);
  const physics::LswSetup& s = e->config().setup;
  for (int n = 2; n <= 8; ++n) {
    // maxima of sin^2 at phase (n + 1/2) pi (gas mass 6e-6 eV included in q): g/g0 = phase, i.e. prop. to m^2
    const double phase = (n + 0.5) * units::pi;
    const double m = std::sqrt(phase * 4 * s.omega / s.production.L + s.production.m_gamma_sq);
    CHECK(limit(*e, m / units::eV) / g0 == Approx(phase).epsilon(1e-6));
    // zeros: no photons, nothing excluded
    const double mz = std::sqrt(n * units::pi * 4 * s.omega / s.production.L + s.production.m_gamma_sq);
    const double n0 = e->expected_signal(model::AlpModel::from_couplings(1e-6 * units::eV, 1e-7, 0.0));
    CHECK(e->expected_signal(model::AlpModel::from_couplings(mz, 1e-7, 0.0)) / n0 < 1e-20);
  }
}

TEST_CASE("lsw: ALPS II projection from the seed's numbers", "[experiments][lsw]") {
  auto e = load("alps2");
  // photons/day behind the wall at g = 2e-11 before the detector: spec 2.10 2.6/day (seed "about 2", L2311)
  const double n = e->expected_signal(model::AlpModel::from_couplings(1e-6 * units::eV, 2e-11, 0.0));
  const double per_day_before_detector = n / (0.75 * 20.0);
  CHECK(per_day_before_detector == Approx(2.6).epsilon(0.03));
  // "a factor of 10^3 [in g] compared to its predecessors" (seed L2259-L2260): order of magnitude
  const double r = limit(*load("osqar"), 1e-5) / limit(*e, 1e-5);
  CHECK(r > 300);
  CHECK(r < 3000);
  // coherence: qL/2 = 1.1 at 0.1 meV (spec F11) -> the limit is 1/sinc(1.1)... weaker there
  const double x = std::pow(1e-4, 2) * 105.6 * 5.067731e6 / (4 * 1239.841984 / 1064.0);
  CHECK(x == Approx(1.1).epsilon(0.05));
}
