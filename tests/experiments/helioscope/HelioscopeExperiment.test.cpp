// The helioscope family (HelioscopeExperiment; data/experiments/cast_2017.json, babyiaxo.json, iaxo.json)
// against the papers and the seed (seed 002 L1555-L1571, L2169-L2200) and against an independent
// calculation of the mass dependence written here (flux x sinc^2 by brute-force quadrature in E).
// Limits are found through each experiment's own likelihood (s_up at 95% CL): g_lim(m) = (s_up / N(g=1, m))^(1/4).
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/HelioscopeExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/model/ProbeKinematics.hpp"
#include "alpscan/physics/Quadrature.hpp"

using namespace alpscan;
using Catch::Detail::Approx;

namespace {

const std::string kDir = std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/";

std::unique_ptr<HelioscopeExperiment> load(const std::string& name, const nlohmann::json& opts = nlohmann::json::object()) {
  Diagnostics d;
  ExperimentFile f(kDir + name + ".json", opts, d);
  HelioscopeConfig c = read_helioscope_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  return std::make_unique<HelioscopeExperiment>(f.info(), c);
}

double s_up(const Experiment& e, double cl = 0.95) { return e.info().likelihood->calibrate(cl, nullptr, 0).threshold; }

// The coupling at which the experiment reaches its limit at mass m [eV]; result in GeV^-1.
double g_limit(HelioscopeExperiment& e, double m_eV, double cl = 0.95) {
  return std::pow(s_up(e, cl) / e.counts_per_g4(m_eV * units::eV), 0.25);
}

// Independent: integral over [E1, E2] keV of E^2.481 e^{-E/1.205} sinc^2(m^2 L / 4E), by plain
// Simpson's rule on 200001 points (units: m in eV, L in m, E in keV; hbar c = 1.973269804e-7 eV m).
double shape_integral(double m_eV, double L_m, double E1, double E2) {
  const int n = 200000;
  const double h = (E2 - E1) / n, Lev = L_m / 1.973269804e-7;  // L in eV^-1
  double s = 0;
  for (int i = 0; i <= n; ++i) {
    const double E = E1 + i * h;
    const double x = m_eV * m_eV * Lev / (4.0 * E * 1e3);
    const double sinc = x < 1e-8 ? 1.0 : std::sin(x) / x;
    const double f = std::pow(E, 2.481) * std::exp(-E / 1.205) * sinc * sinc;
    s += f * (i == 0 || i == n ? 1 : (i % 2 ? 4 : 2));
  }
  return s * h / 3;
}

}  // namespace

TEST_CASE("CAST 2017: low-mass plateau 0.66e-10 GeV^-1 at 95% CL, flat to ~0.01 eV", "[experiments][helioscope]") {
  auto cast = load("cast_2017");
  CHECK(cast->info().kind == "limit");
  CHECK(s_up(*cast) == Approx(2.9957).epsilon(1e-4));
  // The calibration (ONE number, calibrated_exposure_hours = 32.06, stored to 4 digits): CAST's own
  // 0.66e-10 (arXiv:1705.02290; seed 002 L1564) must come back to the stored precision.
  CHECK(g_limit(*cast, 1e-6) == Approx(0.66e-10).epsilon(3e-4));
  // Flat: seed L1564-L1565 'for m_a <~ 20 meV'; physics: < 0.3% at 5 meV, < 2% at 10 meV.
  CHECK(g_limit(*cast, 0.005) / g_limit(*cast, 1e-6) < 1.003);
  CHECK(g_limit(*cast, 0.010) / g_limit(*cast, 1e-6) < 1.02);
  // 95% CL -> 90% CL: the quoted limit scales with z (README Statistics), g with its fourth root.
  CHECK(g_limit(*cast, 1e-6, 0.90) / g_limit(*cast, 1e-6) == Approx(std::pow(1.2815516 / 1.6448536, 0.25)).epsilon(1e-5));
}

TEST_CASE("CAST 2017: the rise above ~0.02 eV is physics (independent quadrature)", "[experiments][helioscope]") {
  auto cast = load("cast_2017");
  const double g0 = g_limit(*cast, 1e-9);
  const double I0 = shape_integral(0.0, 9.26, 2.0, 7.0);
  for (double m : {0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.5}) {
    INFO("m_a = " << m << " eV");
    // g_lim(m) = g_lim(0) [I(0)/I(m)]^(1/4); the experiment's quadrature agrees to 0.3% in N, 0.1% in g.
    CHECK(g_limit(*cast, m) == Approx(g0 * std::pow(I0 / shape_integral(m, 9.26, 2.0, 7.0), 0.25)).epsilon(1e-3));
  }
  // Shape: 15% above the plateau at 0.02 eV, then g ~ m_a (N ~ m^-4) deep in the incoherent regime.
  CHECK(g_limit(*cast, 0.02) / g0 == Approx(1.156).epsilon(0.01));
  CHECK(g_limit(*cast, 0.5) / g_limit(*cast, 0.25) == Approx(2.0).epsilon(0.02));
  // Against CAST's own published curve (2017 + 2003-2011, AxionLimits limit_data/AxionPhoton/CAST.txt,
  // commit 6946bf79; seed ref. [246]) on the vacuum rise, where the buffer-gas phases do not yet dominate:
  // 7.477e-11 at 0.02019 eV, 9.545e-11 at 0.02543 eV, 1.1573e-10 at 0.03021 eV. Tolerance 5%: the
  // analysis window (2-7 vs 1-7 keV moves g by 3-4% here) and the field (8.8-9 T) of the data sets.
  CHECK(g_limit(*cast, 0.020194) == Approx(7.477e-11).epsilon(0.05));
  CHECK(g_limit(*cast, 0.025432) == Approx(9.545e-11).epsilon(0.05));
  CHECK(g_limit(*cast, 0.030206) == Approx(1.1573e-10).epsilon(0.05));
}

TEST_CASE("CAST 2017: the uncalibrated normalisation needs inputs the file does not have", "[experiments][helioscope]") {
  CHECK_THROWS_AS(load("cast_2017", {{"cast_2017", {{"normalisation", "physics"}}}}), InputError);
}

TEST_CASE("Helioscope: N ~ g^4, prepared table = direct computation", "[experiments][helioscope]") {
  auto baby = load("babyiaxo");
  const double m = 0.037 * units::eV;
  const double direct = baby->counts_per_g4(m);
  PrepareContext ctx;
  ctx.m_a_values = {m, 1e-3 * units::eV, m};
  baby->prepare(ctx);
  CHECK(baby->counts_per_g4(m) == direct);
  const double n1 = baby->expected_signal(model::AlpModel::from_couplings(m, 1e-11));
  const double n2 = baby->expected_signal(model::AlpModel::from_couplings(m, 3e-11));
  CHECK(n2 / n1 == Approx(81.0).epsilon(1e-12));
}

TEST_CASE("BabyIAXO and IAXO: background from the design inputs, low-mass sensitivities", "[experiments][helioscope]") {
  auto baby = load("babyiaxo"), iaxo = load("iaxo"), cast = load("cast_2017");
  CHECK(baby->info().kind == "projection");
  // The counting background equals b x window x spot x tracking time computed from the parameters.
  for (const char* name : {"babyiaxo", "iaxo"}) {
    std::ifstream in(kDir + name + ".json");
    const nlohmann::json j = nlohmann::json::parse(in);
    const double b_file = j["counting"]["background"]["value"].get<double>();
    CHECK(load(name)->expected_background() == Approx(b_file).epsilon(1e-3));
  }
  const double g_cast = g_limit(*cast, 1e-6), g_baby = g_limit(*baby, 1e-6), g_iaxo = g_limit(*iaxo, 1e-6);
  // BabyIAXO: 'g ~ 1.5e-11 GeV^-1' (arXiv:2010.12076 abstract; two digits: 5%).
  CHECK(g_baby == Approx(1.5e-11).epsilon(0.05));
  // Seed: 'about a factor of 3 below the CAST bound' (L1570) and 'by a factor ~4' (L2197). We land at
  // 4.5 (the paper's own 1.5e-11 is 4.4x below 0.66e-10): within 15% of the seed's ~4, 1.5x of its 3.
  CHECK(g_cast / g_baby == Approx(4.0).epsilon(0.15));
  // IAXO: 'improve ... by more than one order of magnitude with respect to CAST' (seed L2176-L2179).
  CHECK(g_cast / g_iaxo > 10.0);
  // The seed's 'down to g ~ 1e-12' (L1568) is a round number: the design inputs give 4.5e-12, like the
  // IAXO projection of the AxionLimits compilation the seed cites ([246]; Projections/IAXO.txt,
  // commit 83d287bd: 4.41e-12 at low mass; 10%: a digitised curve and the analysis window).
  CHECK(g_iaxo == Approx(4.41e-12).epsilon(0.10));
  // Mass reach (vacuum): the coherence edge scales as sqrt(E/L); IAXO's 20 m magnet loses coherence at
  // sqrt(9.26/20) of CAST's mass -- at 0.014 eV IAXO is 1.3x its plateau where CAST is still within 5%.
  CHECK(g_limit(*iaxo, 0.014) / g_iaxo > 1.2);
  CHECK(g_limit(*cast, 0.014) / g_cast < 1.05);
}

TEST_CASE("Helioscopes declare their probe kinematics (spec bandpass.md 1.6, 3.2 item 2)", "[experiments][helioscope]") {
  for (const char* name : {"cast_2017", "babyiaxo", "iaxo"}) {
    INFO(name);
    auto e = load(name);
    REQUIRE(e->info().probe_kinematics.has_value());
    const model::ProbeKinematics& pk = *e->info().probe_kinematics;
    CHECK(pk.signal == model::ProbeKinematics::Signal::production_and_detection);
    // Production in the solar core: P1 = +omega_p^2 = +(0.3 keV)^2, P2 = -kappa_s^2 = -(9 keV)^2.
    const auto prod = model::probe_invariants(pk.production, 1e-3 * units::eV);
    CHECK(prod.p1 == Approx(std::pow(0.3 * units::keV, 2)));
    CHECK(prod.p2 == Approx(-std::pow(9.0 * units::keV, 2)));
    // Detection in the evacuated magnet: P1 = 0, P2 = -max(1/L, m_a^2/2omega)^2 with the family's own L.
    REQUIRE(pk.detection.has_value());
    CHECK(pk.detection->length == Approx(e->config().magnet.L).epsilon(1e-12));
    const double omega = 4.2 * units::keV, L = e->config().magnet.L;
    const auto low = model::probe_invariants(*pk.detection, 1e-6 * units::eV);
    CHECK(low.p1 == 0.0);
    CHECK(low.p2 == Approx(-1.0 / (L * L)));
    const double m = 0.1 * units::eV;  // m^2/2omega > 1/L for every magnet here
    CHECK(model::probe_invariants(*pk.detection, m).p2 == Approx(-std::pow(m * m / (2 * omega), 2)));
  }
}
