// MiniBooNE beam dump and ArgoNeuT (ShowerDumpExperiment; data/experiments/{miniboone_dump,argoneut}.json,
// seed 004, spec miniboone_argoneut.md). Checks: the geometry numbers of the spec, the seed's
// statements V5, V10 and V11 (spec s4.1), the coupling scaling at long lifetime, the lifetime-set
// upper edge, and the per-point signal against an independent direct integral over the shower flux.
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
#include "alpscan/experiments/ShowerDumpExperiment.hpp"
#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/physics/AlpCompton.hpp"
#include "alpscan/physics/AlpPositronAnnihilation.hpp"
#include "alpscan/physics/DecayInVolume.hpp"
#include "alpscan/physics/PrimakoffConeConvolution.hpp"
#include "alpscan/physics/PrimakoffScattering.hpp"
#include "alpscan/stats/BinnedPoissonLikelihood.hpp"
#include "alpscan/stats/CountingLikelihood.hpp"

using namespace alpscan;

namespace {

template <class Edit>
std::unique_ptr<ShowerDumpExperiment> load(const std::string& name, Edit edit) {
  Diagnostics d;
  ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json", nlohmann::json::object(), d);
  ShowerDumpConfig c = read_shower_dump_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  edit(c);
  auto e = std::make_unique<ShowerDumpExperiment>(f.info(), c);
  e->prepare(PrepareContext{});
  return e;
}
std::unique_ptr<ShowerDumpExperiment> load(const std::string& name) {
  return load(name, [](ShowerDumpConfig&) {});
}

constexpr double MeV = units::MeV;
enum { kAll = -1, kDecay = 0, kInversePrimakoff = 1, kInverseCompton = 2, kPairConversion = 3 };  // signal_bins()

double total(ShowerDumpExperiment& e, double m, double g_agg, double g_ae, int prod = -1, int det = -1) {
  std::vector<double> s(8, 0.0);
  e.signal_bins(m, g_agg, g_ae, prod, det, s.data());
  return std::accumulate(s.begin(), s.end(), 0.0);
}

// Largest signal over a log scan of g_agg at mass m.
double max_signal(ShowerDumpExperiment& e, double m) {
  double best = 0;
  for (int k = 0; k <= 160; ++k) best = std::max(best, total(e, m, 1e-9 * std::pow(10.0, 7.0 * k / 160), 0.0));
  return best;
}

}  // namespace

TEST_CASE("MiniBooNE geometry: the spec's acceptance angle", "[shower_dump]") {
  auto e = load("miniboone_dump");
  // spec s2.4 / s4.2: theta_det = arctan(5 m / 489 m) = 10.2246 mrad (the seed's "10 mrad", L57).
  CHECK(e->theta_det() == Approx(10.2246e-3).epsilon(1e-4));
  auto a = load("argoneut");
  // spec A10: the physical 0.40 x 0.47 m^2 face at 1040 m gives 0.2352 mrad.
  CHECK(a->theta_det() == Approx(0.2352e-3).epsilon(1e-3));
}

TEST_CASE("MiniBooNE: decays dominate scattering at m_a = 0.5 MeV (seed L134, spec V5)", "[shower_dump]") {
  // Seed Fig. 5 left / L134: at m_a = 0.5 MeV, g ~ 1e-5 GeV^-1 the signal is mainly a -> gamma gamma.
  // Spec V5's estimate: P_decay ~ 10 m / lambda ~ 5e-9 against P_scatter ~ 1e-12, decays ahead by ~1e3.
  // Asserted: more than a factor 100 (the estimate is order-of-magnitude).
  auto e = load("miniboone_dump");
  const double m = 0.5 * MeV, g = 1e-5;
  const double dec = total(*e, m, g, 0, kAll, kDecay), scat = total(*e, m, g, 0, kAll, kInversePrimakoff);
  CHECK(dec > 100 * scat);
  CHECK(scat > 0);
}

TEST_CASE("MiniBooNE: N ~ g^4 at long lifetime for decays and for inverse Primakoff", "[shower_dump]") {
  // Production ~ g^2; decay probability ~ L_chord/lambda ~ g^2 (lambda >> 489 m) and scattering
  // ~ g^2 e^{-L/lambda} -> g^2. At m = 1 MeV, g = 1e-8 GeV^-1 the decay length is ~1e19 m.
  auto e = load("miniboone_dump");
  const double m = 1 * MeV, g = 1e-8;
  for (int det : {kDecay, kInversePrimakoff}) {
    const double r = total(*e, m, 2 * g, 0, kAll, det) / total(*e, m, g, 0, kAll, det);
    CHECK(r == Approx(16.0).epsilon(1e-6));
  }
}

TEST_CASE("MiniBooNE: the upper edge is set by the lifetime", "[shower_dump]") {
  // At m = 20 MeV and g = 3e-3 GeV^-1 even an 8 GeV ALP decays within lambda = gamma c tau << 489 m:
  // exp(-(L - R)/lambda) with lambda(8 GeV) computed here from Gamma = g^2 m^3/64pi bounds the signal.
  auto e = load("miniboone_dump");
  const double m = 20 * MeV, g = 3e-3;
  const double lam = physics::decay_length(8.0, m, model::width_a_to_gg(g, m));
  const double bound = std::exp(-(489 - 5) * units::meter / lam);
  REQUIRE(bound < 1e-30);
  CHECK(total(*e, m, g, 0) < 1e-20);  // the production of ~1e6 ALPs in the cone times the bound
  CHECK(total(*e, m, 1e-5, 0) > 1.0);  // while at long lifetime the same mass gives events
}

TEST_CASE("MiniBooNE: decay signal against a direct integral over the photon track length", "[shower_dump]") {
  // Independent of the experiment's energy groups: s = N_POT eff int dk n_X l_g(k) sigma_P1(k, theta <
  // theta_det) P_sphere(lambda(k)) BR f_coll(k) 1[75 <= k <= 850 MeV], midpoint rule on 4000 steps in
  // ln k, lambda evaluated at every k (the experiment uses group centres: 4 groups per bin). Long
  // lifetime (g = 1e-6), where P = (4R/3)/lambda exactly; tolerance 2% for the group-centre sampling.
  // The in-cone photons on axis (primakoff_on_axis, the model before issue 12): the convolution with
  // the photon angles is checked by the next test.
  auto e = load("miniboone_dump", [](ShowerDumpConfig& c) { c.primakoff_on_axis = true; });
  const double m = 2 * MeV, g = 1e-6;
  const physics::PrimakoffScattering p1(26, 55.845);
  const double n_X = 6.02214076e23 * 13.84 / 55.845 / (units::cm * units::cm);
  const double Gamma = model::width_a_to_gg(g, m);
  const double a = std::log(75 * MeV), b = std::log(850 * MeV);
  const int n = 4000;
  double s = 0;
  for (int i = 0; i < n; ++i) {
    const double k = std::exp(a + (b - a) * (i + 0.5) / n), dk = k * (b - a) / n;
    const double lam = physics::decay_length(k, m, Gamma);
    const double P = (4.0 * 5 * units::meter / 3.0) / lam;  // chord-averaged, lambda >> R
    const double fc = physics::collinearity_acceptance(k, m, physics::CollinearityCut{});
    s += dk * n_X * e->flux().dl_gamma_dk(k) * p1.sigma_theta_below(k, m, e->theta_det()) * P * fc;
  }
  s *= 1.86e20 * g * g;  // N_POT, production coupling (efficiency 1 in the data file)
  CHECK(total(*e, m, g, 0, kAll, kDecay) == Approx(s).epsilon(0.02));
}

TEST_CASE("MiniBooNE: decay signal with the photon-angle convolution against a direct integral", "[shower_dump]") {
  // As above at m = 10 MeV, g = 1e-7 (lambda >~ 1e8 m), with the Primakoff ALPs of every photon annulus
  // of the flux's (k, theta_gamma) table that enter the cone: s = N_POT int dk n_X sigma(k) sum_i l_i(k)
  // <A>_i(k) P BR f_coll, midpoint rule on 400 steps in ln k. Checks the experiment's wiring and its
  // group sampling (the convolution itself: tests/physics/PrimakoffConeConvolution.test.cpp).
  auto e = load("miniboone_dump");
  const auto& fl = e->flux();
  REQUIRE(fl.photon_track_by_angle.size() + 1 == fl.theta_edges.size());
  // The annuli inside the cone add up to the in-cone track length computed with the cone cut.
  double inner = 0;
  for (std::size_t i = 0; fl.theta_edges[i + 1] <= e->theta_det(); ++i) inner += fl.photon_track_by_angle[i].density(0.3);
  CHECK(inner == Approx(fl.dl_gamma_dk(0.3)).epsilon(1e-6));
  const double m = 10 * MeV, g = 1e-7;
  const physics::PrimakoffScattering p1(26, 55.845);
  const double n_X = 6.02214076e23 * 13.84 / 55.845 / (units::cm * units::cm);
  const double Gamma = model::width_a_to_gg(g, m);
  const double a = std::log(75 * MeV), b = std::log(850 * MeV);
  const int n = 400;
  double s = 0, s_axis = 0;
  for (int i = 0; i < n; ++i) {
    const double k = std::exp(a + (b - a) * (i + 0.5) / n), dk = k * (b - a) / n;
    const double lam = physics::decay_length(k, m, Gamma);
    const double P = (4.0 * 5 * units::meter / 3.0) / lam;
    const double fc = physics::collinearity_acceptance(k, m, physics::CollinearityCut{});
    if (!(fc > 0)) continue;
    std::vector<double> w;
    for (const auto& t : fl.photon_track_by_angle) w.push_back(t.density(k));
    const double conv = physics::primakoff_cone_convolution_binned(p1, k, m, fl.theta_edges, w, e->theta_det(), 3);
    s += dk * n_X * conv * p1.sigma(k, m) * P * fc;
    s_axis += dk * n_X * fl.dl_gamma_dk(k) * p1.sigma_theta_below(k, m, e->theta_det()) * P * fc;
  }
  s *= 1.86e20 * g * g;
  s_axis *= 1.86e20 * g * g;
  CHECK(total(*e, m, g, 0, kAll, kDecay) == Approx(s).epsilon(0.02));
  CHECK(s / s_axis > 1.4);  // more ALPs: photons outside the cone send theirs in (kept fractions below)
}

TEST_CASE("MiniBooNE: the review's kept fractions from the (k, theta_gamma) track-length table", "[shower_dump]") {
  // Issue 12 item 2: ALPs entering the cone per ALP the on-axis model counted from the photons in it,
  // at a fixed photon energy: K = sum_i l_i(k) <A>_i / l_cone(k). Review: on axis 0.44 / 0.008, with
  // the convolution 0.79 / 0.57 at (m, E) = (10 MeV, 0.3 GeV) / (100 MeV, 0.5 GeV). The track length's
  // angles are narrower than the pi0-decay photons' own at the same k (0.97 / 0.92 in the physics
  // test): cascade photons carry the direction of harder, more forward parents. Tolerance 5%.
  auto e = load("miniboone_dump");
  const auto& fl = e->flux();
  const physics::PrimakoffScattering p1(26, 55.845);
  struct Case { double m, E, on_axis, conv; };
  for (const Case& c : {Case{0.01, 0.3, 0.44, 0.79}, Case{0.1, 0.5, 0.008, 0.57}}) {
    std::vector<double> w;
    for (const auto& t : fl.photon_track_by_angle) w.push_back(t.density(c.E));
    const double K = physics::primakoff_cone_convolution_binned(p1, c.E, c.m, fl.theta_edges, w, e->theta_det(), 3) / fl.dl_gamma_dk(c.E);
    INFO("m = " << c.m << " E = " << c.E << " K = " << K);
    CHECK(p1.fraction_theta_below(c.E, c.m, e->theta_det()) == Approx(c.on_axis).margin(0.01));
    CHECK(K == Approx(c.conv).epsilon(0.05));
  }
}

TEST_CASE("MiniBooNE excludes g_agg in the 10-100 MeV region (seed L19, L189, spec V10)", "[shower_dump]") {
  // The seed's abstract and outlook: new limits on g_agg for m_a in 10-100 MeV. Asserted: at
  // m_a = 10 and 20 MeV some g_agg gives -2 Delta ln L >= 6.18 against background only (the
  // binned likelihood of the data file; the scan's reference can only make q larger).
  auto e = load("miniboone_dump");
  const BinnedData& bd = stats::binned_data(*e->info().likelihood);
  for (double m : {10 * MeV, 20 * MeV}) {
    double best_q = 0;
    for (int k = 0; k <= 80; ++k) {
      std::vector<double> s(7);
      e->signal_bins(m, 1e-7 * std::pow(10.0, 4.0 * k / 80), 0, -1, -1, s.data());
      best_q = std::max(best_q, 2 * (stats::binned_log_likelihood_null(bd) - stats::binned_log_likelihood(bd, s.data())));
    }
    CHECK(best_q >= bd.critical);
  }
}

TEST_CASE("ArgoNeuT gains on MiniBooNE towards large m_a (seed L165, spec V11)", "[shower_dump]") {
  // Seed L165: ArgoNeuT's g_agg contours sit at larger m_a than MiniBooNE's (1.04 km, 120 GeV beam:
  // more boost). Asserted as a trend, free of the two experiments' different thresholds: the ratio of
  // their best signals over g_agg grows from m_a = 5 MeV to 50 MeV by more than 10x.
  auto mb = load("miniboone_dump");
  auto an = load("argoneut");
  const double r5 = max_signal(*an, 5 * MeV) / max_signal(*mb, 5 * MeV);
  const double r50 = max_signal(*an, 50 * MeV) / max_signal(*mb, 50 * MeV);
  CHECK(r50 > 10 * r5);
}

TEST_CASE("shower dump: bins sum to the total and explain parts sum to it", "[shower_dump]") {
  auto e = load("miniboone_dump");
  AlpPoint p;
  p[Axis::m_a] = 15 * MeV;
  p[Axis::g_agg] = 2e-5;
  p[Axis::g_ae] = 0;
  std::vector<double> s(7);
  e->expected_signal_bins(p, s.data());
  const double tot = std::accumulate(s.begin(), s.end(), 0.0);
  CHECK(e->expected_signal(p) == Approx(tot).epsilon(1e-14));
  double parts = 0;
  for (const auto& x : e->explain(p)) parts += x.events;
  CHECK(parts == Approx(tot).epsilon(1e-12));
  REQUIRE(tot > 0);
}

TEST_CASE("2 -> 2 kinematics: the energies at the cone's edge have that angle", "[shower_dump]") {
  // energies_at_angle solves the 2 -> 2 kinematics for E3 at fixed angle; physics/AlpCompton and
  // AlpPositronAnnihilation compute the angle from the energies independently (their own formulae).
  const double me = units::m_electron, th = 10.2e-3;
  for (double k : {0.1, 0.3, 2.0})
    for (double m : {1e-4, 2e-3, 1e-2}) {
      const AngleRoots r = energies_at_angle(k, 0.0, me, m, me, std::cos(th));
      if (r.none) {  // the largest Compton ALP angle is below theta: check it at the range's midpoint
        const auto rg = physics::alp_compton_energy_range(k, m);
        CHECK(physics::alp_compton_theta(k, 0.5 * (rg.lo + rg.hi), m) < th);
        continue;
      }
      CHECK(physics::alp_compton_theta(k, r.hi, m) == Approx(th).epsilon(1e-6));
      if (r.lo > 0) CHECK(physics::alp_compton_theta(k, r.lo, m) == Approx(th).epsilon(1e-6));
      const AngleRoots s = energies_at_angle(k, me, me, m, 0.0, std::cos(th));  // e+ e- -> a gamma
      if (!s.none) CHECK(physics::alp_assoc_theta(k, s.hi, m) == Approx(th).epsilon(1e-6));
    }
}

TEST_CASE("MiniBooNE: the resonance line enters the window for m_a = 8.75-29.5 MeV (seed L53-L55, L176, V4)", "[shower_dump]") {
  // E_a = m_a^2/2m_e: 74.9 MeV at 8.75 MeV and 851.6 MeV at 29.5 MeV (spec V4). Just outside the
  // 75-850 MeV window the resonant contribution is exactly 0, just inside it is not.
  auto e = load("miniboone_dump");
  const int res = static_cast<int>(ProductionChannel::resonant);
  const double g = 1e-7;
  CHECK(total(*e, 8.70 * MeV, 0, g, res) == 0.0);
  CHECK(total(*e, 8.80 * MeV, 0, g, res) > 0.0);
  CHECK(total(*e, 29.4 * MeV, 0, g, res) > 0.0);
  CHECK(total(*e, 29.6 * MeV, 0, g, res) == 0.0);
}

TEST_CASE("MiniBooNE electron coupling: scattering only below 2 m_e, the resonant line above (seed L105, L134, V6)", "[shower_dump]") {
  auto e = load("miniboone_dump");
  // m_a = 0.5 MeV < 2 m_e: no visible decay (Gamma_ee = 0, g_agg = 0), the signal is inverse Compton.
  CHECK(total(*e, 0.5 * MeV, 0, 1e-5, kAll, kDecay) == 0.0);
  CHECK(total(*e, 0.5 * MeV, 0, 1e-5, kAll, kInverseCompton) > 0.0);
  // m_a = 15 MeV near the lower edge (g_ae = 1e-7): the resonance dominates (seed Fig. 5 right).
  const int res = static_cast<int>(ProductionChannel::resonant);
  CHECK(total(*e, 15 * MeV, 0, 1e-7, res) > 0.5 * total(*e, 15 * MeV, 0, 1e-7));
}

TEST_CASE("MiniBooNE electron coupling: the limit weakens where the resonance falls into the data bins (seed L176, V8)", "[shower_dump]") {
  // The data sit in bins 3 (150-200 MeV) and 6 (300-500 MeV): E_R = m^2/2m_e is in bin 3 for
  // m_a = 12.4-14.3 MeV. Asserted: the smallest excluded g_ae at 13 MeV (E_R = 165 MeV) is larger than
  // the straight log-log interpolation between 11.5 MeV (E_R = 129 MeV, bin 2) and 15 MeV (220 MeV, bin 4).
  auto e = load("miniboone_dump");
  const BinnedData& bd = stats::binned_data(*e->info().likelihood);
  auto g_low = [&](double m) -> double {
    for (int k = 0; k <= 600; ++k) {
      const double g = 1e-9 * std::pow(10.0, 3.0 * k / 600);
      std::vector<double> s(7);
      e->signal_bins(m, 0, g, -1, -1, s.data());
      if (2 * (stats::binned_log_likelihood_null(bd) - stats::binned_log_likelihood(bd, s.data())) >= bd.critical) return g;
    }
    return NAN;
  };
  const double a = g_low(11.5 * MeV), b = g_low(13 * MeV), c = g_low(15 * MeV);
  const double t = std::log(13.0 / 11.5) / std::log(15.0 / 11.5);
  const double interp = std::exp((1 - t) * std::log(a) + t * std::log(c));
  CHECK(b > 1.05 * interp);
}

TEST_CASE("MiniBooNE electron coupling below 2 m_e: pair conversion and inverse Compton, N ~ g_ae^4 (seed L47-L49, V2, V6)", "[shower_dump]") {
  // Seed L47-L49: for sub-MeV ALPs the e+e- single ring comes from a Z -> e+ e- Z; L105/L134: below 2 m_e
  // only scattering. With g_agg = 0 an ALP below 2 m_e is stable (no loop decay, spec s1.1), so every
  // scattering signal is production (g^2) x cross-section (g^2): exactly x16 for 2 g.
  auto e = load("miniboone_dump");
  const double m = 0.5 * MeV, g = 1e-6;
  const int ic = kInverseCompton, pair = kPairConversion;
  const double s_pair = total(*e, m, 0, g, kAll, pair), s_ic = total(*e, m, 0, g, kAll, ic);
  CHECK(s_pair > 0);
  CHECK(total(*e, m, 0, g, kAll, kDecay) == 0.0);
  CHECK(total(*e, m, 0, 2 * g, kAll, pair) / s_pair == Approx(16.0).epsilon(1e-12));
  // Seed L49: pair conversion exceeds inverse Compton "by up to an order of magnitude" for 0.1-1 GeV ALPs.
  // Here the two see the same ALP flux (inverse Compton with its T and angle cuts): asserted between 2x and 30x.
  CHECK(s_pair > 2 * s_ic);
  CHECK(s_pair < 30 * s_ic);
  // Above 2 m_e the ALP decays; pair conversion is not counted there (it would double-count a -> e+ e-).
  CHECK(total(*e, 1.5 * MeV, 0, g, kAll, pair) == 0.0);
}

TEST_CASE("pair conversion on CH2 against inverse Compton: the spec's V3 ratios (seed L49)", "[shower_dump]") {
  // Spec V3 (independent numbers: the spec's own Monte Carlo of the D5 amplitude and the closed-form inverse
  // Compton total): sigma_pair(C + 2 H)/sigma_IC(8 e-) at m_a = 0.1 MeV is 6.6 at 100 MeV and 18 at 300 MeV
  // (52 at 1 GeV, beyond the seed's "up to an order of magnitude"). Here: the data file's tables (what the
  // scan uses) and physics/AlpCompton. Tolerance 10% (the spec's MC: +-2-3% on the pair cross-section).
  // MiniBooNE's counts: C 1.8995e31, H 3.8e31 (2 per C), electrons 1.52e32 (8 per C) -- per CH2 exactly.
  auto e = load("miniboone_dump");
  const double m = 0.1 * MeV;
  const ShowerDumpConfig& c = e->config();
  for (auto [E, spec] : {std::pair{0.1, 6.6}, std::pair{0.3, 18.0}}) {
    const double pair = c.nuclei[0].pair(E, m) + 2 * c.nuclei[1].pair(E, m);
    const double ic = 8 * physics::alp_inverse_compton_sigma(E, m);
    INFO("E_a = " << E << " GeV");
    CHECK(pair / ic == Approx(spec).epsilon(0.10));
  }
}

TEST_CASE("MiniBooNE mixed couplings: the cross channels scale as g_agg^2 g_ae^2 (issue 5: mixed points)", "[shower_dump]") {
  // Both couplings on at m_a = 0.5 MeV (< 2 m_e: Gamma = Gamma_gg only, lambda >> 489 m at these couplings).
  // The signal is the two single-coupling signals plus the cross channels -- photon-coupling production
  // (Primakoff) detected through g_ae (inverse Compton, pair conversion) and electron-coupling production
  // detected through g_agg (a -> gamma gamma, inverse Primakoff) -- each proportional to g_agg^2 g_ae^2.
  auto e = load("miniboone_dump");
  const double m = 0.5 * MeV, ga = 1e-6, ge = 1e-6;
  const int prim = static_cast<int>(ProductionChannel::primakoff);
  auto cross = [&](double a, double b) {
    double c = total(*e, m, a, b, prim, kInverseCompton) + total(*e, m, a, b, prim, kPairConversion);
    for (ProductionChannel k : {ProductionChannel::compton, ProductionChannel::associated, ProductionChannel::brems})
      c += total(*e, m, a, b, static_cast<int>(k), kDecay) + total(*e, m, a, b, static_cast<int>(k), kInversePrimakoff);
    return c;
  };
  const double x = cross(ga, ge);
  REQUIRE(x > 0);
  CHECK(cross(2 * ga, ge) / x == Approx(4.0).epsilon(1e-6));
  CHECK(cross(ga, 2 * ge) / x == Approx(4.0).epsilon(1e-6));
  // The total is the photon-only signal + the electron-only signal + the cross channels (to 1e-7: with
  // g_agg > 0 the ALP decays, L/lambda ~ 3e-9, while the g_ae-only ALP below 2 m_e is stable).
  CHECK(total(*e, m, ga, ge) == Approx(total(*e, m, ga, 0) + total(*e, m, 0, ge) + x).epsilon(1e-7));
}

TEST_CASE("ArgoNeuT's event benchmarks: the option selects the seed's N_sig = 3, 20, 100 (L159, L165, L178)", "[shower_dump]") {
  const std::string path = std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/argoneut.json";
  auto limit = [&](const nlohmann::json& overrides) {
    Diagnostics d;
    ExperimentFile f(path, overrides, d);
    read_shower_dump_config(f);
    f.finish();
    if (!d.empty()) throw InputError(d);
    return stats::counting_data(*f.info().likelihood).quoted_upper_limit;
  };
  CHECK(limit(nlohmann::json::object()) == 20.0);  // the file's default
  CHECK(limit({{"signal_upper_limit", "3"}}) == 3.0);
  CHECK(limit({{"signal_upper_limit", "100"}}) == 100.0);
  CHECK_THROWS_AS(limit({{"signal_upper_limit", "7"}}), InputError);  // not one of the seed's benchmarks
}

TEST_CASE("shower dump: per-mass tables of prepare() are the on-the-spot values at the job's masses", "[shower_dump][yield_table]") {
  // MassInterpolation::exact_nodes: prepare() tabulates both couplings' spectra and responses at each
  // job mass; a point at a job mass must give exactly (bit for bit) what the on-the-spot build gives
  // (the experiment prepared without job masses), every production channel and detection mode. The
  // on-the-spot values are checked against an independent direct integral in the tests above.
  for (const char* name : {"miniboone_dump", "argoneut"}) {
    auto spot = load(name);
    Diagnostics d;
    ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json", nlohmann::json::object(), d);
    ShowerDumpConfig c = read_shower_dump_config(f);
    f.finish();
    ShowerDumpExperiment tab(f.info(), c);
    PrepareContext ctx;
    ctx.m_a_values = {0.5 * MeV, 1.2 * MeV, 10 * MeV, 40 * MeV};  // below/above 2 m_e (resonance, pair conversion)
    ctx.m_a_min = ctx.m_a_values.front();
    ctx.m_a_max = ctx.m_a_values.back();
    tab.prepare(ctx);
    REQUIRE(tab.mass_nodes() == ctx.m_a_values);
    const std::size_t nb = c.E_edges.size() - 1;
    for (double m : ctx.m_a_values)
      for (auto [ga, ge] : {std::pair{1e-5, 0.0}, {0.0, 1e-6}, {1e-5, 1e-6}})
        for (int prod = -1; prod < kNumProductionChannels; ++prod)
          for (int det = -1; det < 4; ++det) {
            std::vector<double> a(nb), b(nb);
            tab.signal_bins(m, ga, ge, prod, det, a.data());
            spot->signal_bins(m, ga, ge, prod, det, b.data());
            INFO(name << " m = " << m << " g_agg = " << ga << " g_ae = " << ge << " prod " << prod << " det " << det);
            CHECK(a == b);
          }
    // The resonant line and the pair conversion are non-zero somewhere, so the comparison is not empty.
    CHECK(total(tab, 40 * MeV, 0.0, 1e-6, static_cast<int>(ProductionChannel::resonant)) > 0);
    CHECK(total(tab, 0.5 * MeV, 0.0, 1e-6, -1, kPairConversion) > 0);
  }
}

TEST_CASE("shower dump: alternating masses give the values of a scan in mass order (per-mass cache)", "[shower_dump]") {
  // The per-mass cache (spectra, acceptances and the groups' momenta) is rebuilt whenever the mass changes:
  // points at alternating masses, at job masses (copied from prepare()'s table) and at a mass outside the
  // job (built on the spot), must equal those of one mass after the other, bit for bit, over g from long
  // to short lifetimes (where the survival and decay factors underflow and are taken as 0 without exp).
  Diagnostics d;
  ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/miniboone_dump.json", nlohmann::json::object(), d);
  ShowerDumpConfig c = read_shower_dump_config(f);
  f.finish();
  PrepareContext ctx;
  ctx.m_a_values = {1.2 * MeV, 40 * MeV};
  ctx.m_a_min = ctx.m_a_values.front();
  ctx.m_a_max = ctx.m_a_values.back();
  ShowerDumpExperiment in_order(f.info(), c), alternating(f.info(), c);
  in_order.prepare(ctx);
  REQUIRE(alternating.restore_prepared(ctx, in_order.save_prepared()));
  const double masses[3] = {1.2 * MeV, 40 * MeV, 15 * MeV};  // the last is not a job mass
  auto g_at = [](int k) { return 1e-9 * std::pow(10.0, 8.0 * k / 80.0); };
  std::vector<double> a[3];
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k <= 80; ++k) a[i].push_back(total(in_order, masses[i], g_at(k), 0.0));
  int nonzero = 0, zero = 0;
  for (int k = 0; k <= 80; ++k)
    for (int i = 0; i < 3; ++i) {
      const int im = (i + k) % 3;
      const double v = total(alternating, masses[im], g_at(k), 0.0);
      CHECK(v == a[im][k]);
      (v > 0 ? nonzero : zero) += 1;
    }
  CHECK(nonzero > 50);  // long and short lifetimes both present
  CHECK(zero > 0);
}
