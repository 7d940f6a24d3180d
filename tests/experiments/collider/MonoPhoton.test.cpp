// e+e- mono-photon searches for invisibly decaying ALPs: the collider family's mono_photon final state
// (ColliderExperiment; data/experiments/{delphi_monophoton,delphi_monophoton_conservative,babar_monophoton,
// belle2_monophoton_20fb,belle2_monophoton_50ab}.json) against seed 003 (Sec. 3.1, L264-L333) and the worked
// numbers of spec invisible_alps.md (3.1-3.3, 5.1-5.2). Couplings: g_agg in GeV^-1; alpscan's g_ae is
// dimensionless, the seed's g_ae^seed = g_ae / m_e [GeV^-1]: limits on g_ae are converted here, at the edge.
// Every tolerance says where it comes from; none was widened to where the code lands.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ColliderExperiment.hpp"
#include "alpscan/io/ExperimentCatalog.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/model/AlpModel.hpp"
#include "alpscan/physics/DecayInVolume.hpp"
#include "alpscan/physics/EeToGammaAlp.hpp"
#include "alpscan/physics/EeToGammaAlpMassive.hpp"
#include "alpscan/stats/CountingLikelihood.hpp"
#include "alpscan/stats/PublishedCurveLikelihood.hpp"

using namespace alpscan;

namespace {

const std::string kDir = std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/";
constexpr double pb_inv = 1.0 / (1e-9 * units::millibarn);  // 1 pb^-1 in GeV^2
constexpr double me = units::m_electron;
const double kInvSqrt2 = 1.0 / std::sqrt(2.0);

std::unique_ptr<ColliderExperiment> load(const std::string& name, const nlohmann::json& opts = nlohmann::json::object()) {
  Diagnostics d;
  ExperimentFile f(kDir + name + ".json", opts, d);
  ColliderConfig c = read_collider_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  return std::make_unique<ColliderExperiment>(f.info(), c);
}

double s_up(const ColliderExperiment& e, double cl) {
  return stats::signal_upper_limit(stats::counting_data(*e.info().likelihood), cl);
}

// Signal at unit couplings with every ALP invisible (br_inv = 1, the seed's case): N = g^2 x this.
double n_photon(const ColliderExperiment& e, double m) { return e.signal(m, 1.0, 0.0, 1.0); }
double n_electron(const ColliderExperiment& e, double m) { return e.signal(m, 0.0, 1.0, 1.0); }

// DELPHI Table 1 (seed 003 L278-L281).
const std::vector<double> kRs = {182.7, 188.6, 191.6, 195.5, 199.5, 201.6, 203.7, 205.2, 206.7, 208.2};
const std::vector<double> kLumi = {50.2, 154.7, 25.9, 76.4, 83.4, 40.6, 8.4, 76.2, 121.6, 8.3};

}  // namespace

TEST_CASE("mono-photon data files: the seed's inputs, built by the catalog", "[collider][monophoton]") {
  auto d = load("delphi_monophoton");
  const ColliderConfig& c = d->config();
  CHECK(c.final_state == ColliderFinalState::mono_photon);
  REQUIRE(c.run_sqrt_s.size() == 10);
  double L = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    CHECK(c.run_sqrt_s[i] == kRs[i]);
    CHECK(c.run_luminosity[i] / pb_inv == Approx(kLumi[i]).epsilon(1e-12));
    L += c.run_luminosity[i] / pb_inv;
  }
  CHECK(L == Approx(645.7).epsilon(1e-9));  // seed L287: L_tot = 645.7 pb^-1 (spec 3.1: the table sums exactly)
  CHECK(c.efficiency == 0.84);              // seed L287
  CHECK(c.cos_max == Approx(kInvSqrt2).epsilon(1e-15));
  CHECK(c.x_min == 0.9);
  CHECK(c.x_max == 1.05);
  CHECK(c.res_const == 0.0435);
  CHECK(c.res_stoch == 0.32);
  CHECK(d->info().default_cl == 0.9);
  // The conservative variant differs only in its statistics (seed L289).
  auto v = load("delphi_monophoton_conservative");
  CHECK(v->config().run_sqrt_s == c.run_sqrt_s);
  CHECK(v->config().run_luminosity == c.run_luminosity);
  CHECK(n_photon(*v, 0.01) == n_photon(*d, 0.01));
  CHECK(n_electron(*v, 50.0) == n_electron(*d, 50.0));

  auto b = load("babar_monophoton");
  REQUIRE(b->published_curve());
  CHECK(b->published_curve()->curve().coupling == "epsilon");
  CHECK(b->published_curve()->curve().m_a.size() == 167);
  CHECK(b->window(5.49) == std::pair{-0.4, 0.6});  // seed Eq. (34)
  CHECK(b->window(5.5) == std::pair{-0.6, 0.6});   // seed Eq. (35)
  for (const char* n : {"delphi_monophoton", "delphi_monophoton_conservative", "babar_monophoton", "belle2_monophoton_20fb",
                        "belle2_monophoton_50ab"}) {
    ExperimentRequest r{n, kDir + n + ".json", ""};
    ExperimentPtr e = make_experiment(r);
    REQUIRE(e);
    CHECK(e->info().family == "collider");
  }
}

TEST_CASE("DELPHI: angular efficiencies eps_theta (spec 3.1 / 5.2)", "[collider][monophoton]") {
  auto d = load("delphi_monophoton");
  const auto [c1, c2] = d->window(0.01);
  CHECK(c2 == Approx(kInvSqrt2).epsilon(1e-15));
  // Photon channel: 0.6187, flat in m_a and s (spec 3.1; tolerance 1e-3, spec 5.2). Closed form of the massless
  // (1 + c^2) distribution as an independent check: (3c + c^3)/4 at c = 1/sqrt 2 = 0.61872.
  for (double rs : {182.7, 200.0, 208.2}) {
    const double s = rs * rs;
    const double eg = physics::sigma_ee_gamma_a_photon_window(s, 0.01, c1, c2) / physics::sigma_ee_gamma_a_photon(s, 0.01);
    CHECK(eg == Approx(0.6187).margin(1e-3));
    CHECK(eg == Approx(physics::angular_acceptance(c1, c2)).epsilon(1e-9));  // m_e^2/s ~ 1e-11
    // Electron channel: 0.0689 (spec 3.1, 1e-3 of spec 5.2). It falls with s as 1/ln(s/m_e^2): 0.06893 at
    // 182.7 GeV, 0.06844 at 200 GeV, 0.06823 at 208.2 GeV -- the spec's value is the first; all within 1e-3.
    const double ee = physics::sigma_ee_gamma_a_electron_window(s, 0.01, c1, c2) / physics::sigma_ee_gamma_a_electron(s, 0.01);
    INFO("sqrt(s) = " << rs << ": eps_theta(e) = " << ee);
    CHECK(ee == Approx(0.0689).margin(1e-3));
  }
  const double s0 = 182.7 * 182.7;
  CHECK(physics::sigma_ee_gamma_a_electron_window(s0, 0.01, c1, c2) / physics::sigma_ee_gamma_a_electron(s0, 0.01) ==
        Approx(0.0689).margin(5e-5));  // the spec's four digits at the first run's energy
}

TEST_CASE("DELPHI: luminosity-weighted energy-window efficiency (spec 3.1 table)", "[collider][monophoton]") {
  auto d = load("delphi_monophoton");
  // eps_E = sum_i (L_i/L_tot) eps_E,i with the smeared window 0.9 < E/E_beam < 1.05 (seed Eqs. (31)-(32)).
  // run_weight(i, m) = eps_t L_i eps_E,i. Spec values have 3 digits: tolerance 1e-3 (rounding 5e-4 + margin).
  const std::vector<std::pair<double, double>> table = {{0.01, 0.790}, {30, 0.842}, {50, 0.741}, {60, 0.552},
                                                        {70, 0.295},   {80, 0.089}, {90, 0.011}};
  for (const auto& [m, spec] : table) {
    double w = 0;
    for (std::size_t i = 0; i < 10; ++i) w += d->run_weight(i, m) / 0.84;
    w /= 645.7 * pb_inv;
    INFO("m_a = " << m << " GeV: eps_E = " << w << " (spec " << spec << ")");
    CHECK(w == Approx(spec).margin(1e-3));
  }
}

TEST_CASE("DELPHI: total efficiency 0.410 at 10 MeV (seed L274), electron channel 0.046 (L287)", "[collider][monophoton]") {
  auto d = load("delphi_monophoton");
  // Seed Eq. (33): eps = eps_theta eps_t sum_i (L_i/L_tot) eps_E,i; with the luminosity-weighted sum (spec 6.1
  // item 11): N(g = 1)/sum_i L_i sigma_tot(s_i). Seed L274: 'around 40% for m_a = 10 MeV'; spec 3.1: 0.410
  // (tolerance 1e-2 in spec 5.2; we ask 1e-3, the spec's last digit).
  double Lsg = 0, Lse = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    Lsg += kLumi[i] * pb_inv * physics::sigma_ee_gamma_a_photon(kRs[i] * kRs[i], 0.01);
    Lse += kLumi[i] * pb_inv * physics::sigma_ee_gamma_a_electron(kRs[i] * kRs[i], 0.01);
  }
  const double eps_g = n_photon(*d, 0.01) / Lsg, eps_e = n_electron(*d, 0.01) / Lse;
  INFO("eps(photon) = " << eps_g << ", eps(electron) = " << eps_e);
  CHECK(eps_g == Approx(0.410).margin(1e-3));
  CHECK(eps_e == Approx(0.046).margin(1e-3));  // spec 3.1; 'much lower' (seed L287)
}

TEST_CASE("DELPHI: coupling limits at N_lim = 25.5 and 72 (spec 3.1 / 5.2)", "[collider][monophoton]") {
  auto d = load("delphi_monophoton");
  auto glim = [](double N, double n1) { return std::sqrt(N / n1); };
  // g_agg^lim: 9.02e-4 GeV^-1 at 10 MeV (and for m <= 30 GeV), 1.03e-3 (50), 1.25e-3 (60), 1.80e-3 (70 GeV);
  // tolerance 1% (spec 5.2; the values have 3 digits).
  for (auto [m, spec] : {std::pair{0.01, 9.02e-4}, std::pair{30.0, 9.02e-4}, std::pair{50.0, 1.03e-3},
                         std::pair{60.0, 1.25e-3}, std::pair{70.0, 1.80e-3}}) {
    const double g = glim(25.5, n_photon(*d, m));
    INFO("m_a = " << m << " GeV: g_agg^lim = " << g << " (spec " << spec << ", ratio " << g / spec << ")");
    CHECK(g == Approx(spec).epsilon(0.01));
  }
  // g_ae^lim in seed units: '~57-59 GeV^-1 up to 50 GeV', 68 (60 GeV), 91 (70 GeV). The range is read with its
  // last digit's rounding, [56.5, 59.5]; the single values to 1%.
  for (double m : {0.01, 1.0, 10.0, 30.0, 50.0}) {
    const double g = glim(25.5, n_electron(*d, m)) / me;
    INFO("m_a = " << m << " GeV: g_ae^lim = " << g << " GeV^-1 (seed units)");
    CHECK(g > 56.5);
    CHECK(g < 59.5);
  }
  CHECK(glim(25.5, n_electron(*d, 60.0)) / me == Approx(68.0).epsilon(0.01));
  CHECK(glim(25.5, n_electron(*d, 70.0)) / me == Approx(91.0).epsilon(0.01));
  // Conservative N = 72 (seed L289): g_agg^lim 1.51e-3, g_ae^lim ~ 100 GeV^-1 at low mass (spec 3.1; 1%).
  CHECK(glim(72.0, n_photon(*d, 0.01)) == Approx(1.51e-3).epsilon(0.01));
  CHECK(glim(72.0, n_electron(*d, 0.01)) / me == Approx(100.0).epsilon(0.01));
}

TEST_CASE("DELPHI: alpscan's counting likelihood for n = 61, b = 49 +- 4.9 and for b = 0 (seed L289)", "[collider][monophoton]") {
  // alpscan excludes with the Cousins-Highland Poisson p-value (Gaussian background averaged, no CLs). Spec 3.1:
  // that gives 25.02 at 90% CL; the seed's 25.5 is CLs (25.46). Tolerance 0.05 (spec 5.2's for the CLs value).
  auto d = load("delphi_monophoton");
  const double S = s_up(*d, 0.9);
  INFO("s_up = " << S);
  CHECK(S == Approx(25.02).margin(0.05));
  // Conservative (every observed event may be signal): the classical Poisson limit 72.28 (spec 3.1; 0.01).
  auto v = load("delphi_monophoton_conservative");
  CHECK(s_up(*v, 0.9) == Approx(72.28).margin(0.01));
  // The seed: the aggressive limit is '~40% lower' (L289): 1 - sqrt(25.5/72) = 0.405; with alpscan's limits
  // 1 - sqrt(25.02/72.28) = 0.412.
  CHECK(1 - std::sqrt(S / s_up(*v, 0.9)) == Approx(0.40).margin(0.02));
  // alpscan's g_agg limit at 10 MeV therefore sits sqrt(25.02/25.5) = 0.991 x the spec's 9.02e-4.
  const double g = std::sqrt(S / n_photon(*d, 0.01));
  CHECK(g / 9.02e-4 == Approx(std::sqrt(25.02 / 25.5)).epsilon(0.01));
}

TEST_CASE("BaBar recast: K_gamma and K_e (spec 3.2 table) and the prediction (eps_eq/eps_lim)^2", "[collider][monophoton]") {
  auto b = load("babar_monophoton");
  // K = g^lim / eps_lim = sqrt(A_V/A_X); in recast mode the per-unit-coupling rates ARE A_X/A_V.
  // Spec 3.2 (tolerance 1e-3 relative, spec 5.2); K_e in seed units (our dimensionless g_ae / m_e).
  struct Row { double m, kg, ke; };
  for (const Row& r : {Row{0.1, 0.1720, 622.8}, Row{1, 0.1764, 627.3}, Row{2, 0.1904, 640.6}, Row{3, 0.2168, 661.9},
                       Row{4, 0.2620, 689.9}, Row{5, 0.3388, 722.3}, Row{5.5, 0.4008, 742.6}, Row{6, 0.4805, 758.7},
                       Row{7, 0.7555, 788.5}, Row{8, 1.416, 812.6}}) {
    const auto rates = b->mono_photon_rates(r.m);
    const double kg = 1 / std::sqrt(rates.photon), ke = 1 / std::sqrt(rates.electron) / me;
    INFO("m_a = " << r.m << " GeV: K_gamma = " << kg << ", K_e = " << ke);
    CHECK(kg == Approx(r.kg).epsilon(1e-3));
    CHECK(ke == Approx(r.ke).epsilon(1e-3));
  }
  // The recast: at g_agg = K_gamma eps_lim(m) (or g_ae = K_e m_e eps_lim) the ALP rate equals the excluded
  // dark-photon rate, s = 1; s ~ g^2; and s is the published-curve likelihood's own prediction (eps_eq/eps_lim)^2.
  const auto* curve = b->published_curve();
  for (double m : {0.02, 1.0, 4.7, 7.5}) {
    const auto rates = b->mono_photon_rates(m);
    const double eps = curve->coupling_limit(m);
    CHECK(b->signal(m, eps / std::sqrt(rates.photon), 0.0, 1.0) == Approx(1.0).epsilon(1e-12));
    CHECK(b->signal(m, 0.0, eps / std::sqrt(rates.electron), 1.0) == Approx(1.0).epsilon(1e-12));
    const double gg = 2e-4, ge = 3e-4;
    const double eps_eq = std::sqrt(gg * gg * rates.photon + ge * ge * rates.electron);
    CHECK(b->signal(m, gg, ge, 1.0) == Approx(curve->prediction(m, eps_eq, 2.0)).epsilon(1e-12));
    // No interference (seed Eq. (29)): the two channels add; the limit is the ellipse of Eq. (30).
    CHECK(b->signal(m, gg, ge, 1.0) == Approx(b->signal(m, gg, 0, 1.0) + b->signal(m, 0, ge, 1.0)).epsilon(1e-14));
  }
  // Outside the curve's range (0.001-8 GeV) nothing is excluded.
  CHECK(b->signal(8.5, 1.0, 1.0, 1.0) == 0.0);
  CHECK(b->signal(5e-4, 1.0, 1.0, 1.0) == 0.0);
}

TEST_CASE("BaBar: the seed's Fig. 5 benchmark g_agg = 1.8e-4 at 20 MeV is the eps = 1e-3 equivalent (V14, L313)", "[collider][monophoton]") {
  auto b = load("babar_monophoton");
  const double g = 1e-3 / std::sqrt(b->mono_photon_rates(0.02).photon);
  // alpscan: 1.720e-4 (spec 3.2: 1.72e-4). The seed quotes two digits in a caption: 1.8e-4, 4.4% above. The
  // likely cause is the seed's alpha: the ratio recast scales as alpha^(1/2) (sigma_ALP ~ alpha, sigma_V ~
  // alpha^2; spec 6.1 item 10), and with CalcHEP's alpha(m_Z) = 1/128 it would be 1.720e-4 sqrt(137.036/128) =
  // 1.780e-4. Tolerance 5% (two digits of a caption plus that convention), stated before the comparison.
  INFO("g_agg(eps = 1e-3) = " << g);
  CHECK(g == Approx(1.72e-4).epsilon(1e-3));
  CHECK(g == Approx(1.8e-4).epsilon(0.05));
  CHECK(g / std::sqrt(units::alpha_em * 128.0) == Approx(1.78e-4).epsilon(2e-3));
}

TEST_CASE("Belle II recast: K tables (spec 3.3) and the projections' curves", "[collider][monophoton]") {
  auto p = load("belle2_monophoton_50ab");
  struct Row { double m, kg, ke; };
  for (const Row& r : {Row{0.1, 0.2122, 693.1}, Row{1, 0.2170, 695.9}, Row{3, 0.2609, 718.2}, Row{5, 0.3944, 758.2},
                       Row{7, 0.8482, 802.2}, Row{8, 1.576, 819.6}}) {
    const auto rates = p->mono_photon_rates(r.m);
    INFO("m_a = " << r.m << " GeV");
    CHECK(1 / std::sqrt(rates.photon) == Approx(r.kg).epsilon(1e-3));
    CHECK(1 / std::sqrt(rates.electron) / me == Approx(r.ke).epsilon(1e-3));
  }
  // 50 ab^-1: the curve is Dolan et al.'s g_agg reach / 0.2122 (fallback 1 of the external README), so the
  // pure-photon limit alpscan derives must give back Dolan's curve at its own points (to K_gamma's 1e-3 x 2 in s).
  std::ifstream in(std::string(ALPSCAN_SOURCE_DIR) + "/data/reference/dolan2017_belle2_alp_monophoton_50ab_gagamma.txt");
  std::string line;
  int rows = 0;
  while (std::getline(in, line) && rows < 6) {  // the first 6 rows: the flat, production-limited edge
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    double m, g;
    ss >> m >> g;
    ++rows;
    INFO("m_a = " << m << " GeV, Dolan g = " << g);
    CHECK(p->signal(m, g, 0.0, 1.0) == Approx(1.0).epsilon(2e-3));
  }
  CHECK(rows == 6);
  CHECK(p->signal(0.2, 1.0, 1.0, 1.0) == 0.0);  // beyond the derived curve: nothing
  // 20 fb^-1: the seed's anchor (L489): g_agg^lim ~ NA64(5e12) ~ 5.1e-5 GeV^-1 (spec 3.5) at 1-100 MeV; the
  // anchor's epsilon is rounded to two digits (2.4e-4 for 2.403e-4), hence 1%.
  auto q = load("belle2_monophoton_20fb");
  for (double m : {0.001, 0.01, 0.1}) {
    const double g = q->published_curve()->coupling_limit(m) / std::sqrt(q->mono_photon_rates(m).photon);
    CHECK(g == Approx(5.1e-5).epsilon(0.01));
  }
  // Seed L489: 50 ab^-1 dominates by about an order of magnitude (over BaBar), 20 fb^-1 lies between.
  auto b = load("babar_monophoton");
  auto g_lim = [](ColliderExperiment& e, double m) {
    return e.published_curve()->coupling_limit(m) / std::sqrt(e.mono_photon_rates(m).photon);
  };
  const double gb = g_lim(*b, 0.01), g20 = g_lim(*q, 0.01), g50 = g_lim(*p, 0.01);
  CHECK(gb / g50 > 5.0);
  CHECK(gb / g50 < 50.0);
  CHECK(g20 < gb);
  CHECK(g20 > g50);
}

TEST_CASE("mono-photon: the unseen fraction U = BR_inv + (1 - BR_inv) exp(-R/lambda) (spec 6.1 item 20)", "[collider][monophoton]") {
  auto d = load("delphi_monophoton");
  auto seed = load("delphi_monophoton", nlohmann::json{{"unseen", "seed"}});
  // At m = 0.1 GeV, g = 5e-5 GeV^-1 and br_inv = 0.5: c tau = 7.9 mm, p/m ~ 1e3, lambda ~ 7.9 m ~ 3 R.
  const double m = 0.1, g = 5e-5;
  const double all = d->signal(m, g, 0.0, 1.0);
  CHECK(seed->signal(m, g, 0.0, 0.3) == all);  // the seed: every ALP invisible
  // Direct: per run, U_i = 0.5 + 0.5 exp(-R/lambda_i), lambda_i = p_i/(m Gamma), Gamma = 2 Gamma_gg (br_inv = 0.5).
  const double Gamma = 2 * g * g * m * m * m / (64 * units::pi), R = 2.6 * units::meter;
  double num = 0, den = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    const double s = kRs[i] * kRs[i], E = (s + m * m) / (2 * kRs[i]), p = std::sqrt(E * E - m * m);
    const double w = d->run_weight(i, m) * physics::sigma_ee_gamma_a_photon_window(s, m, -kInvSqrt2, kInvSqrt2);
    num += w * (0.5 + 0.5 * std::exp(-R * m * Gamma / p));
    den += w;
  }
  CHECK(d->signal(m, g, 0.0, 0.5) / all == Approx(num / den).epsilon(1e-9));
  CHECK(num / den > 0.8);  // lambda ~ 3 R: most escape (U ~ 0.5 + 0.5 e^-1/3 = 0.86)
  CHECK(num / den < 0.95);
  // Prompt visible decays: only the invisible fraction remains; a stable ALP (m < 2 m_e, g_agg = 0): all unseen.
  CHECK(d->signal(1.0, 1.0, 0.0, 0.5) / d->signal(1.0, 1.0, 0.0, 1.0) == Approx(0.5).epsilon(1e-9));
  CHECK(d->signal(1e-4, 0.0, 1e-3, 0.0) == Approx(d->signal(1e-4, 0.0, 1e-3, 1.0)).epsilon(1e-12));
  // And a purely visible, prompt ALP makes no mono-photon events.
  CHECK(d->signal(1.0, 1.0, 0.0, 0.0) < 1e-12 * d->signal(1.0, 1.0, 0.0, 1.0));
}

TEST_CASE("mono-photon: interference neglected -- its largest size at DELPHI and BaBar (spec 2.1; seed L179, L418)", "[collider][monophoton]") {
  // Over the coupling plane, max |sigma_int|/(sigma_g + sigma_e) = C/(2 sqrt(A B)) (A, B, C: coefficients of
  // g_agg^2, g_ae^2, g_agg g_ae in the totals). Spec 2.1: 3.7e-4 at BaBar (m_a = 1 GeV), 2e-5 at DELPHI.
  auto frac = [](double rs, double m) {
    const double s = rs * rs;
    return physics::sigma_ee_gamma_a_interference(s, m) /
           (2 * std::sqrt(physics::sigma_ee_gamma_a_photon(s, m) * physics::sigma_ee_gamma_a_electron(s, m)));
  };
  CHECK(frac(10.58, 1.0) == Approx(3.7e-4).epsilon(0.02));  // two digits
  CHECK(frac(200.0, 0.01) < 2.5e-5);
  CHECK(frac(200.0, 0.01) > 1.5e-5);
}

TEST_CASE("collider: files without final_state keep the three-photon meaning (ExperimentInput::option_or)", "[collider][monophoton]") {
  // The three-photon files predate the option: absent means three_photons, and it is not listed among the
  // options used (their result files stay bit-identical); a job may still give it.
  Diagnostics d;
  ExperimentFile f(kDir + "belle2_3gamma.json", nlohmann::json::object(), d);
  ColliderConfig c = read_collider_config(f);
  f.finish();
  CHECK(d.empty());
  CHECK(c.final_state == ColliderFinalState::three_photons);
  CHECK(f.info().options.count("final_state") == 0);
  Diagnostics d2;
  ExperimentFile g(kDir + "belle2_3gamma.json", nlohmann::json{{"final_state", "three_photons"}}, d2);
  read_collider_config(g);
  g.finish();
  CHECK(d2.empty());
  CHECK(g.info().options.at("final_state") == "three_photons");
  Diagnostics d3;
  ExperimentFile h(kDir + "belle2_3gamma.json", nlohmann::json{{"final_state", "two_photons"}}, d3);
  read_collider_config(h);
  CHECK(!d3.empty());  // not one of the choices
}
