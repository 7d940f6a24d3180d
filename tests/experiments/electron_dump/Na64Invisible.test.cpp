// NA64 missing energy with an invisible ALP (issue 13 item 3; seed 003 L369-L377, Eq. (43); spec
// invisible_alps.md s2.5-s2.7, s3.5, s5). The same experiment and implementation as the visible reading
// (data/experiments/na64_alp.json, open decay region), at br_inv = 1: every ALP produced with E_a >= 50
// GeV is a signal, N = N_EOT eps (N_A rho X0/A) [g_ae^2 sigma_ae^eff + g_agg^2 sigma_agg^eff]. The
// seed's projection is na64_alp_5e12.json (5e12 EOT, 2.3 events).
//
// alpscan's chain differs from the spec's analytic one (which the spec's table comes from): the photon
// track length is by default the whole shower (physics/EmCascade) instead of Tsai-Whitis' first
// generation; the Primakoff form factor is Helm with Tsai screening instead of the G_2 of seed Eqs.
// (20)-(22); s_up = 2.11 (b = 0.19 subtracted) instead of 2.3 for the 2.84e11 set. The option
// photon_track_length = tsai_whitis isolates the form-factor difference. Nothing is tuned.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ElectronDumpExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "electron_dump_test_util.hpp"

using namespace alpscan;
using namespace electron_dump_test;

namespace {

std::unique_ptr<ElectronDumpExperiment> load(const std::string& name, const nlohmann::json& options = nlohmann::json::object()) {
  return load_prepared(name, 1e-3, 2.5, options);
}

// Nuclei per cm^2 in one X0 (the config holds it in GeV^2).
double nX0_per_cm2(const ElectronDumpExperiment& e) { return e.config().n_X0 * units::cm * units::cm; }

// sigma^eff [cm^2] of Eq. (43) from alpscan's signal at br_inv = 1 (N ~ g^2 exactly): photon at g_agg = 1
// GeV^-1; electron at the seed's g_ae^seed = 1 GeV^-1, i.e. alpscan's g_ae = m_e.
double sigma_eff(ElectronDumpExperiment& e, double m, bool photon) {
  const double g = 1e-6;
  const double n = photon ? e.signal(m, g, 0.0, 1.0) : e.signal(m, 0.0, g * units::m_electron, 1.0);
  const auto& c = e.config();
  return n / (g * g) / (c.N_EOT * c.efficiency * nX0_per_cm2(e));
}

// Limit g at br_inv = 1 (N = s exactly on N ~ g^2): g = sqrt(s / N(g = 1)).
double g_limit(ElectronDumpExperiment& e, double m, bool photon, double s) {
  const double g = 1e-6;
  const double n = photon ? e.signal(m, g, 0.0, 1.0) : e.signal(m, 0.0, g, 1.0);
  return g * std::sqrt(s / n);
}

// Spec s3.5 table (the analytic chain: Tsai-Whitis track lengths, Primakoff with G_2, Tsai brems).
struct SpecRow {
  double m, sig_g, g_g, g_g_proj, sig_e, g_e, g_e_proj;  // GeV, cm^2, GeV^-1 (seed units for g_ae)
};
constexpr SpecRow kSpec[] = {
    {0.001, 1.910e-26, 2.14e-4, 5.10e-5, 1.077e-29, 9.0e-3, 2.15e-3},
    {0.010, 1.910e-26, 2.14e-4, 5.10e-5, 7.59e-31, 3.39e-2, 8.1e-3},
    {0.050, 1.820e-26, 2.19e-4, 5.22e-5, 6.13e-32, 0.119, 2.84e-2},
    {0.100, 1.541e-26, 2.38e-4, 5.67e-5, 1.92e-32, 0.213, 5.08e-2},
    {0.300, 9.65e-27, 3.01e-4, 7.17e-5, 2.56e-33, 0.584, 0.139},
    {1.000, 3.40e-27, 5.07e-4, 1.21e-4, 2.20e-34, 1.99, 0.475},
};

}  // namespace

TEST_CASE("na64 invisible: the inputs of seed Eq. (43) and the projection file", "[na64][na64_invisible]") {
  auto a = load("na64_alp");
  auto p = load("na64_alp_5e12");
  // Spec s3.5 [DER]: N_A rho X0/A = 1.8555e22 cm^-2 with rho X0 = 11.4 g/cm^3 x 0.56 cm = 6.384 g/cm^2
  // (seed L375, L377). The data file has the PDG 6.37 g/cm^2 (0.2% less): alpscan's conversion
  // (read_electron_dump_config: X0 N_A/A) must give 1.8555e22 x 6.37/6.384.
  CHECK(nX0_per_cm2(*a) == Approx(1.8555e22 * 6.37 / (11.4 * 0.56)).epsilon(1e-4));
  // The projection is the same experiment with 5e12 EOT (seed L369, L377) at 2.3 events (b = 0, n = 0).
  const auto &ca = a->config(), &cp = p->config();
  CHECK(cp.N_EOT == Approx(5e12));
  CHECK(p->info().kind == "projection");
  CHECK(s_up(*p) == Approx(2.303).epsilon(1e-3));
  CHECK(cp.E0 == ca.E0);
  CHECK(cp.E_min == ca.E_min);
  CHECK(cp.efficiency == ca.efficiency);
  CHECK(cp.thickness_X0 == ca.thickness_X0);
  CHECK(cp.n_X0 == ca.n_X0);
  CHECK(cp.L_d == ca.L_d);
  CHECK(std::isinf(cp.L_v));
  // Same yields per EOT: the projection's signal is the current one x 5e12/2.84e11 at any point.
  for (double br : {0.0, 0.5, 1.0})
    CHECK(p->signal(0.02, 1e-4, 1e-6, br) == Approx(a->signal(0.02, 1e-4, 1e-6, br) * 5e12 / 2.84e11).epsilon(1e-12));
}

TEST_CASE("na64 invisible: photon track length above 50 GeV in 40 X0 (spec s2.7: 0.551 X0)", "[na64][na64_invisible]") {
  // The experiment's photon track length (thickness from the data file) integrated over 50-100 GeV.
  // Tsai-Whitis option: the spec's [DER] 0.551 X0 (1%). Default whole-shower cascade: printed beside it.
  auto tw = load("na64_alp", nlohmann::json{{"photon_track_length", "tsai_whitis"}});
  auto cs = load("na64_alp");
  const physics::GaussLegendre gl(16);
  auto integral = [&](const ElectronDumpExperiment& e) {
    double s = 0.0;
    for (int p = 0; p < 40; ++p) {  // panels in ln(1 - k/E0), dense towards k -> E0
      const double w0 = std::log(0.5) * (1.0 - p / 40.0) + std::log(1e-6) * (p / 40.0);
      const double w1 = std::log(0.5) * (1.0 - (p + 1) / 40.0) + std::log(1e-6) * ((p + 1) / 40.0);
      s += gl.integrate([&](double w) { const double k = 100.0 * (1.0 - std::exp(w)); return e.photon_track_length(k) * 100.0 * std::exp(w); }, w1, w0);
    }
    return s;
  };
  const double v_tw = integral(*tw), v_cs = integral(*cs);
  std::printf("NA64 photon track length above 50 GeV (T = 40): Tsai-Whitis %.4f X0 (spec 0.551), whole shower %.4f X0 "
              "(ratio %.3f)\n", v_tw, v_cs, v_cs / v_tw);
  CHECK(v_tw == Approx(0.551).epsilon(0.01));
}

TEST_CASE("na64 invisible: sigma_eff and the limits at br_inv = 1 against spec s3.5", "[na64][na64_invisible]") {
  // Photon: with the spec's track length (option tsai_whitis) the remaining difference is the form factor
  // (Helm + Tsai screening against G_2, spec s2.4) and the quadrature. Expected: < 5% at m <= 100 MeV,
  // where t_min << 1/R^2 and both forms are the same coherent Z^2 between the same screening cut-off
  // (a = 111 Z^-1/3/m_e in both); at 0.3-1 GeV the upper end of ln(t_max/t_min) is the nuclear cut-off
  // (Helm's first zero vs G_2's d = 0.164 A^-2/3 GeV^2): O(1/ln) = 5-10%, tolerance 10%. (Found: 0.994-1.002.)
  auto tw = load("na64_alp", nlohmann::json{{"photon_track_length", "tsai_whitis"}});
  auto a = load("na64_alp");
  auto p = load("na64_alp_5e12");
  const double me = units::m_electron;
  std::printf("NA64 at br_inv = 1 (m [GeV]: sigma_agg^eff TW / spec, default / spec; sigma_ae^eff / spec; g_agg^lim "
              "2.84e11 alpscan (s_up %.3f) spec ratio; 5e12 alpscan spec ratio; g_ae^seed lim 2.84e11, 5e12 with ratios)\n",
              s_up(*a));
  for (const SpecRow& r : kSpec) {
    const double sg_tw = sigma_eff(*tw, r.m, true), sg = sigma_eff(*a, r.m, true), se = sigma_eff(*a, r.m, false);
    const double gg = g_limit(*a, r.m, true, s_up(*a)), ggp = g_limit(*p, r.m, true, s_up(*p));
    const double ge = g_limit(*a, r.m, false, s_up(*a)) / me, gep = g_limit(*p, r.m, false, s_up(*p)) / me;
    std::printf("  %g: %.4g (%.3f), %.4g (%.3f); %.4g (%.3f); g_agg %.3e (%.3f), %.3e (%.3f); g_ae^seed %.3e (%.3f), %.3e (%.3f)\n",
                r.m, sg_tw, sg_tw / r.sig_g, sg, sg / r.sig_g, se, se / r.sig_e, gg, gg / r.g_g, ggp, ggp / r.g_g_proj, ge,
                ge / r.g_e, gep, gep / r.g_e_proj);
    INFO("m = " << r.m << " GeV");
    CHECK(sg_tw == Approx(r.sig_g).epsilon(r.m <= 0.1 ? 0.05 : 0.10));
    // Electron route: NOT compared with the spec's sigma_ae column, which was computed with the spec's
    // printed I_e ~ 1/E (s2.7) instead of the Bethe-Heitler 1/E0 that its own 0.870 X0 check uses
    // (physics/ShowerTrackLength.hpp): an independent adaptive quadrature of the spec's chain (scipy; issue
    // 13 report) gives 1.033e-29 / 7.32e-31 / 1.86e-32 / 2.12e-34 cm^2 at 1 / 10 / 100 / 1000 MeV with 1/E
    // (the spec's column to 0.96-0.97) and, with 1/E0 and the kinematic end x <= 1 - m_e/E (the spec's
    // 1 - m_a^2/E^2 cuts the 1/(1 - x) tail of heavy ALPs: 0.77x at 1 GeV, < 2% at <= 100 MeV),
    // 8.32e-30 / 5.68e-31 / 1.405e-32 / 2.197e-34 cm^2: alpscan within 6% of these (they test alpscan's
    // inner electron-energy quadrature, which before issue 13 missed the 1/(1 - x) peak: 0.68x at 100 MeV).
    const double indep = r.m == 0.001 ? 8.32e-30 : r.m == 0.01 ? 5.68e-31 : r.m == 0.1 ? 1.405e-32 : r.m == 1.0 ? 2.197e-34 : 0.0;
    if (indep > 0) CHECK(se == Approx(indep).epsilon(0.06));
  }
}

TEST_CASE("na64 invisible: photon over electron route at 10 MeV (seed Fig. 3, L237; spec V8: ~2.5e4)", "[na64][na64_invisible]") {
  // sigma_agg^eff / sigma_ae^eff at unit couplings in the seed's units (g_agg = g_ae^seed = 1 GeV^-1).
  // The spec's table gives 1.910e-26/7.59e-31 = 2.52e4, with its electron track length ~1/E; with the
  // Bethe-Heitler 1/E0 (independent quadrature, previous test case) 1.910e-26/5.68e-31 = 3.36e4: the
  // photon route dominates by ~3e4 either way (seed Fig. 3). Tsai-Whitis photons (1% from the spec's
  // sigma_agg): 3.36e4 within 10% (alpscan's sigma_ae is within 6% of the independent one, above).
  // The whole shower has fewer photons near E0 (0.845 of Tsai-Whitis above 50 GeV): the ratio is lower.
  auto tw = load("na64_alp", nlohmann::json{{"photon_track_length", "tsai_whitis"}});
  auto a = load("na64_alp");
  const double r_tw = sigma_eff(*tw, 0.01, true) / sigma_eff(*tw, 0.01, false);
  const double r = sigma_eff(*a, 0.01, true) / sigma_eff(*a, 0.01, false);
  std::printf("NA64 sigma_agg/sigma_ae (seed units) at 10 MeV: %.4g (Tsai-Whitis photons), %.4g (whole shower); spec 2.52e4\n", r_tw, r);
  CHECK(r_tw == Approx(1.910e-26 / 5.68e-31).epsilon(0.10));
  CHECK(r < r_tw);
}

TEST_CASE("na64 invisible: BR_inv < 1 is the factor BR_inv + BR_vis P(no visible decay before L_d)", "[na64][na64_invisible]") {
  // Spec s3.5 optional factor (s6.1 item 20). alpscan's open region counts every ALP past the shield
  // (visible decays in the downstream HCAL are seen, PRL 125 (2020) 081801) plus the invisible decays before
  // it: P = e^{-x_d} + BR_inv (1 - e^{-x_d}) = BR_inv + BR_vis e^{-x_d} per ALP energy. Checks: long
  // lifetime -> independent of BR_inv (P -> 1); short lifetime (x_d >> 1 for every E) -> N(br)/N(1) = br.
  auto a = load("na64_alp");
  const double m = 0.02;
  CHECK(a->signal(m, 1e-6, 0.0, 0.3) == Approx(a->signal(m, 1e-6, 0.0, 0.0)).epsilon(1e-6));
  CHECK(a->signal(m, 1e-6, 0.0, 0.3) == Approx(a->signal(m, 1e-6, 0.0, 1.0)).epsilon(1e-6));
  // g_agg = 0.1 GeV^-1 at 20 MeV: lambda = p/(m Gamma) < 1e-3 m << L_d = 2.2 m at 100 GeV.
  for (double br : {0.01, 0.3, 0.9})
    CHECK(a->signal(m, 0.1, 0.0, br) / a->signal(m, 0.1, 0.0, 1.0) == Approx(br).epsilon(1e-9));
}

