// Electron beam dumps (ElectronDumpExperiment; data/experiments/{e137,e141}.json). Checks: table vs
// direct reference, N ~ g^4 at long lifetime for both couplings, the upper edge set by the lifetime,
// numbers from the publications and the seed, and the E137 photon-coupling region against the
// digitised contour of the Dolan et al. 2017 recast (validation only; nothing is tuned to it).
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
#include "alpscan/physics/ShowerTrackLength.hpp"
#include "alpscan/experiments/ElectronDumpExperiment.hpp"
#include "alpscan/experiments/ElectronDumpExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/stats/PoissonLikelihood.hpp"
#include "electron_dump_test_util.hpp"

using namespace alpscan;
using namespace electron_dump_test;

namespace {

std::unique_ptr<ElectronDumpExperiment> load(const std::string& name, double m_lo = 1e-4, double m_hi = 1.0,
                                             const nlohmann::json& options = nlohmann::json::object()) {
  Diagnostics d;
  ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json", options, d);
  ElectronDumpConfig c = read_electron_dump_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  auto e = std::make_unique<ElectronDumpExperiment>(f.info(), c);
  PrepareContext ctx;
  ctx.m_a_min = m_lo;
  ctx.m_a_max = m_hi;
  e->prepare(ctx);
  return e;
}


// The digitised E137 contour: {m, g, branch} rows (provenance: data/reference/README.md).
struct Row {
  double m, g;
  int branch;
};
std::vector<Row> dolan_contour() {
  std::ifstream in(std::string(ALPSCAN_SOURCE_DIR) + "/data/reference/dolan2017_e137_alp_photon_gu_gd_contour.txt");
  std::vector<Row> r;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream s(line);
    Row x;
    if (s >> x.m >> x.g >> x.branch) r.push_back(x);
  }
  return r;
}
// log-log interpolation of one branch at m (rows of the branch sorted by m); NAN outside.
double branch_at(const std::vector<Row>& rows, int branch, double m) {
  std::vector<Row> b;
  for (const auto& x : rows)
    if (x.branch == branch) b.push_back(x);
  std::sort(b.begin(), b.end(), [](const Row& a, const Row& c) { return a.m < c.m; });
  for (std::size_t i = 0; i + 1 < b.size(); ++i)
    if (m >= b[i].m && m <= b[i + 1].m) {
      const double t = std::log(m / b[i].m) / std::log(b[i + 1].m / b[i].m);
      return std::exp(std::log(b[i].g) + t * std::log(b[i + 1].g / b[i].g));
    }
  return NAN;
}

}  // namespace

TEST_CASE("electron dump: tables and bin sum agree with the direct reference", "[electron_dump]") {
  // Reference: direct yields by quadrature on 64 panels x 8 GL nodes with the exact decay factor.
  // Tolerance 1% for the disc acceptance (E141; observed <= 0.4%): ln Y interpolation between mass nodes
  // (8/decade) and the midpoint rule on the 96 energy bins; 2% for E137's face acceptance (observed <= 1.2%
  // since the acceptance nodes are >= 0.2 apart in ln E, 2026-12-05; <= 2% with every 4th bin before: the
  // decay-product acceptance, a function of gamma = E/m near the face size, is interpolated between the
  // mass nodes and, in prepare(), linearly in ln E between its energy nodes; 2% in N is 0.5% in g at the
  // lower edge). The short-lifetime point (N << s_up, deep in the exponential) is left out.
  auto e = load("e137");
  for (double m : {0.003, 0.02, 0.1}) {
    for (double g : {1e-7, 1e-5}) {
      INFO("m = " << m << " g = " << g);
      if (m < 0.1 || g < 1e-6) CHECK(e->signal(m, g, 0.0) == Approx(e->signal_reference(m, g, 0.0, 0.0, 64)).epsilon(0.02));
      CHECK(e->signal(m, 0.0, g * 1e-1) == Approx(e->signal_reference(m, 0.0, g * 1e-1, 0.0, 64)).epsilon(0.02));
    }
  }
}

TEST_CASE("electron dump: yield tables between mass nodes against the direct yields", "[electron_dump][yield_table]") {
  // ln Y linear in ln m over h = ln(10)/8 errs by 0.010 |d^2 ln Y/d(ln m)^2| at mid-interval: small
  // where Y is a slow power of m (photon: Primakoff below the coherence limit, m < 0.02 GeV: 0.5%,
  // observed <= 0.33%; electron: brems ~ m^-2 above m_e: 1.5%, observed <= 1.03%). The photon yield
  // above the coherence limit (exp(-c m^4/E^2), curvature >> 1) is coarser: observed 2.8% at 65 MeV and
  // 6.6% at 0.49 GeV (2026-12-05), bound 10%. Relative error where Y > 1e-3 of its largest value.
  // These bounds are for the yields alone (decay_acceptance = disc). With E137's face acceptance the
  // decay-product acceptance (a function of gamma = E/m near the face size, and interpolated linearly in
  // ln E between nodes >= 0.2 apart in prepare()) adds structure: observed <= 1.3% in single bins at 10-65
  // MeV (bound 3%) and 6.3% at 0.49 GeV (bound 10%, the disc photon bound there) on 2026-12-05 (with every
  // 4th bin before: 7.4% and 9.1%, ln E steps up to 0.39; now 0.2-0.30); the signal is checked to 2% above.
  for (const char* acc : {"disc", "face"}) {
  const bool face = std::string(acc) == "face";
  auto e = load("e137", 1e-4, 1.0, nlohmann::json{{"decay_acceptance", acc}});
  const auto& mn = e->mass_nodes();
  const auto& E = e->bin_energies();
  REQUIRE(mn.size() > 20);
  for (bool photon : {true, false})
    for (std::size_t k : {std::size_t(2), mn.size() / 3, mn.size() / 2, 2 * mn.size() / 3, mn.size() - 4}) {
      const double m = std::sqrt(mn[k] * mn[k + 1]);
      auto direct = [&](std::size_t j) { return photon ? e->yield_photon_direct(E[j], m) : e->yield_electron_direct(E[j], m); };
      double ypeak = 0;
      for (std::size_t j = 0; j < E.size(); ++j) ypeak = std::max(ypeak, direct(j));
      double worst = 0;
      for (std::size_t j = 0; j < E.size(); j += 3) {
        if (!(E[j] > 2 * mn[k + 1])) continue;
        const int b = static_cast<int>(j);
        const double t = photon ? e->yield_photon_table(b, m) : e->yield_electron_table(b, m), d = direct(j);
        if (d > 1e-3 * ypeak) worst = std::max(worst, std::fabs(t / d - 1));
      }
      INFO((photon ? "photon" : "electron") << " m = " << m << ": largest relative error where Y > 1e-3 peak: " << worst);
      CHECK(worst < (face ? (m < 0.1 ? 0.03 : 0.10) : !photon ? 0.015 : m < 0.02 ? 0.005 : 0.10));
    }
  if (!face) continue;
  // At a node the table is the direct yield, exactly (the same function at the same point).
  // At a mass node and an energy bin where prepare() evaluates the face acceptance (the first and last bins
  // always), exactly.
  const int last = static_cast<int>(E.size()) - 1;
  CHECK(e->yield_photon_table(last, mn[7]) == e->yield_photon_direct(E[last], mn[7]));
  CHECK(e->yield_electron_table(last, mn[7]) == e->yield_electron_direct(E[last], mn[7]));
  }
}

TEST_CASE("electron dump: N ~ g^4 at long lifetime for both couplings", "[electron_dump]") {
  // Production ~ g^2, decay probability ~ L_v Gamma m/p ~ g^2 in the long-lifetime limit: x10 in g
  // gives x1e4 in N to 1e-6 (P = x_v (1 - x_d - ...), x ~ 1e-8 here).
  auto e = load("e137");
  for (bool photon : {true, false}) {
    const double m = 0.01, g = photon ? 1e-10 : 1e-11;
    const double n1 = N(*e, m, g, photon), n2 = N(*e, m, 10 * g, photon);
    INFO("photon = " << photon);
    REQUIRE(n1 > 0);
    CHECK(n2 / n1 == Approx(1e4).epsilon(1e-6));
  }
  // Mixed couplings at long lifetime: N = Gamma_det (g_agg^2 C_g + g_ae^2 C_e) -- the cross terms of
  // production and decay are exactly the sum of the four pieces.
  const double m = 0.01, ga = 1e-9, ge = 1e-10;
  const model::AlpWidths w1 = model::widths(m, ga, 0), w2 = model::widths(m, 0, ge), w = model::widths(m, ga, ge);
  const double Cg = e->signal(m, ga, 0) / (w1.gg * ga * ga), Ce = e->signal(m, 0, ge) / (w2.ee * ge * ge);
  CHECK(e->signal(m, ga, ge) == Approx((w.gg + w.ee) * (ga * ga * Cg + ge * ge * Ce)).epsilon(1e-6));
}

TEST_CASE("electron dump: the upper edge is set by the lifetime (gamma beta c tau ~ L_d)", "[electron_dump]") {
  // Closed form: at the upper edge exp(-L_d/lambda) suppresses the signal, so lambda(E_eff) =
  // p/(m Gamma) ~ L_d / ln(N_long/s_up). Solve for Gamma with the characteristic ALP energy
  // E_eff = 10 GeV (half the E137 beam) and compare the edge in g: N_long at the edge is ~1e4-1e6 x s_up,
  // so ln(...) ~ 10-15, and E_eff is uncertain by ~x2: agreement within x2 in g is the test (g ~ Gamma^1/2).
  auto e = load("e137");
  const double L_d = e->config().L_d, E_eff = 10.0;
  for (bool photon : {true, false}) {
    const double m = photon ? 0.05 : 0.01;
    const auto [lo, hi] = edges(*e, m, photon);
    REQUIRE(std::isfinite(hi));
    const double lam_target = L_d / 12.0;  // ln(N_long/s_up) ~ 12
    // Gamma(g) = c g^2 (one coupling): g_edge = sqrt(E_eff/(m lam_target c)).
    const model::AlpWidths w1 = photon ? model::widths(m, 1.0, 0) : model::widths(m, 0, 1.0);
    const double g_closed = std::sqrt(E_eff / (m * lam_target * w1.total()));
    INFO("photon = " << photon << " hi = " << hi << " closed = " << g_closed);
    CHECK(hi / g_closed > 0.5);
    CHECK(hi / g_closed < 2.0);
    // And the upper edge moves as the lifetime: at 2x the mass the edge scales as Gamma^-1/2 x (E/m)^1/2,
    // g_hi ~ m^-2 (photon: Gamma ~ m^3) or m^-1 (electron: Gamma ~ m), within 30% (E_eff changes slowly).
    const auto [lo2, hi2] = edges(*e, 2 * m, photon);
    const double expect = photon ? 0.25 : 0.5;
    CHECK(hi2 / hi == Approx(expect).epsilon(0.3));
  }
}

TEST_CASE("electron dump: numbers from the publications and the seed", "[electron_dump]") {
  auto e137 = load("e137");
  const auto& c = e137->config();
  // Seed 002 L14590: E137, e-, 20 GeV, 2e20 EOT (30 C). 30 C / e = 1.872e20; the seed rounds to 2e20 (7%).
  CHECK(c.E0 == Approx(20.0));
  CHECK(c.N_EOT == Approx(30.0 / 1.602176634e-19).epsilon(0.01));
  CHECK(c.N_EOT == Approx(2e20).epsilon(0.07));
  // Bjorken et al. 1988 / spec s3.4: 179 m shield, 204 m decay region; 0 events -> s_up = 2.3 (90% CL).
  CHECK(c.L_d == Approx(179.0 * units::meter));
  CHECK(c.L_v == Approx(204.0 * units::meter));
  CHECK(s_up(*e137) == Approx(2.303).epsilon(1e-3));
  // E141 (seed L14592, Riordan et al. 1987): 9 GeV, 2e15 electrons, 12 cm W, decay region to 35 m.
  auto e141 = load("e141");
  CHECK(e141->config().E0 == Approx(9.0));
  CHECK(e141->config().N_EOT == Approx(2e15));
  CHECK(e141->config().L_d + e141->config().L_v == Approx(35.12 * units::meter));
  CHECK(e141->config().thickness_X0 * 0.3504 == Approx(12.0).epsilon(0.01));  // W: X0 = 0.3504 cm
}

TEST_CASE("electron dump: E137 photon-coupling region vs the digitised Dolan et al. 2017 contour", "[electron_dump]") {
  // Contour: data/reference/dolan2017_e137_alp_photon_gu_gd_contour.txt (lower edge g_d = branch 0, the
  // collaboration's own limit per seed 003 L341; upper edge g_u = branch 1, Dolan et al.'s recast).
  // Physical normalisation (option efficiency = physical): we FIND the lower edge stronger, 0.58-0.64 x g_d
  // at 100-10 MeV (N ~ 6-9x theirs at fixed g), the upper edge 1.14-1.21 x g_u, with the whole-shower photon
  // track length, the 2 GeV threshold with n = 0 (issue 12 item 4; the earlier 1 GeV threshold gave
  // 0.42-0.44 x: the soft ALPs dominate the long-lived signal), the shower photons' multiple-scattering
  // angles (item 1: x0.86-0.87 in N) and the decay photons required on the faces of the two runs (item 3:
  // x0.86 at 10 MeV, x0.71 at 30 MeV, x0.53 at 100 MeV). A known-disagreement check against the band the
  // README documents (the intervals that round to those digits); a model change that moves them must
  // update the README.
  // Default (efficiency = calibrated): one overall efficiency is calibrated to g_d at the contour's row
  // m = 9.319 MeV (data file, calibration_factor). There the edge is g_d by construction (to the 5 digits
  // of the factor and the bisection); at 30 and 100 MeV the mass dependence is alpscan's own and is
  // compared with the curve within the precision of a digitised figure (x1.25, the rule of
  // data/reference/seed_points.json), as is the uncalibrated upper edge.
  const auto rows = dolan_contour();
  REQUIRE(rows.size() == 32);
  auto physical = load("e137", 1e-4, 1.0, nlohmann::json{{"efficiency", "physical"}});
  for (double m : {0.01, 0.03, 0.1}) {
    const auto [lo, hi] = edges(*physical, m, true);
    const double gd = branch_at(rows, 0, m), gu = branch_at(rows, 1, m);
    INFO("physical: m = " << m << " lo = " << lo << " (Dolan " << gd << ") hi = " << hi << " (Dolan " << gu << ")");
    CHECK(lo / gd < 0.645);
    CHECK(lo / gd > 0.575);
    CHECK(hi / gu < 1.215);
    CHECK(hi / gu > 1.135);
  }
  auto e = load("e137");
  const double m_cal = rows[4].m;  // the calibration row
  REQUIRE(m_cal == Approx(0.009319065944394658));
  const double g_cal = edges(*e, m_cal, true).first;
  INFO("calibrated: edge at the calibration mass " << g_cal << " against " << rows[4].g);
  CHECK(g_cal / rows[4].g == Approx(1.0).epsilon(2e-5));
  for (double m : {0.03, 0.1}) {
    const auto [lo, hi] = edges(*e, m, true);
    const double gd = branch_at(rows, 0, m), gu = branch_at(rows, 1, m);
    INFO("calibrated: m = " << m << " lo = " << lo << " (Dolan " << gd << ") hi = " << hi << " (Dolan " << gu << ")");
    CHECK(lo / gd > 0.8);
    CHECK(lo / gd < 1.25);
    CHECK(hi / gu > 0.8);
    CHECK(hi / gu < 1.25);
  }
}

TEST_CASE("electron dump: photon track length of the whole shower against Rossi and Tsai-Whitis limits", "[electron_dump]") {
  // Default option photon_track_length = cascade (physics/EmCascade, approximation A, an electron of E0 at the
  // front of the thick E137 dump). Independent references:
  //  * k << E0: Rossi's asymptotic all-generation track length c_g E0/k^2, c_g = 0.5707 for the b = 0
  //    cross-sections (EmCascade.hpp; Rossi 1952 quotes 0.572); at y = k/E0 = 0.05-0.1 the corrections are
  //    O(y) -- tolerance 2%;
  //  * k -> E0: only the beam electron's first photons, where Tsai-Whitis' closed form holds: within 5% at
  //    y = 0.9;
  //  * in between the closed form overestimates (it keeps the beam electron radiating at full strength):
  //    at y = 0.05 it is 0.96 E0/k^2, i.e. > 1.5x the shower.
  auto e = load("e137");
  const double E0 = e->config().E0;
  for (double y : {0.05, 0.1}) {
    const double k = y * E0;
    CHECK(e->photon_track_length(k) * k * k / E0 == Approx(0.5707).epsilon(0.02));
    CHECK(physics::photon_track_length(E0, k, e->config().thickness_X0) > 1.5 * e->photon_track_length(k));
  }
  const double k = 0.9 * E0;
  CHECK(e->photon_track_length(k) == Approx(physics::photon_track_length(E0, k, e->config().thickness_X0)).epsilon(0.05));
}

TEST_CASE("electron dump: shower photon angles -- the fast tables against the direct convolution", "[electron_dump]") {
  // The yield with multiple-scattering photon angles (physics/SmearedPrimakoffCone, exchanged order) against
  // the direct convolution of the photon angles with PrimakoffJ (physics/ConeConvolution): 0.2%. Spreading
  // the photons can only lose ALPs from the cone: below the collinear yield, by more at low energy (angles
  // ~ 1/k), and the loss is mass-independent where the Primakoff angle is small against the cone.
  // The disc acceptance (one cone, theta_max) isolates the photon angles from the face acceptance.
  auto e = load("e137", 1e-3, 0.3, nlohmann::json::parse(R"({"decay_acceptance": "disc"})"));
  auto c = load("e137", 1e-3, 0.3, nlohmann::json::parse(R"({"decay_acceptance": "disc", "photon_angles": "collinear"})"));
  const double tc = e->theta_max();
  double prev = 1.0;
  for (double E : {2.5, 5.0, 12.0}) {
    for (double m : {0.01, 0.1}) {
      const double fast = e->yield_photon_direct(E, m), direct = e->photon_yield_in_cone_direct(E, m, tc);
      INFO("E = " << E << " m = " << m << " fast " << fast << " direct " << direct << " collinear " << c->yield_photon_direct(E, m));
      CHECK(fast == Approx(direct).epsilon(2e-3));
      CHECK(fast < c->yield_photon_direct(E, m));
    }
    const double r = e->yield_photon_direct(E, 0.01) / c->yield_photon_direct(E, 0.01);
    CHECK(r > 0.5);
    CHECK(r >= 0.999 * (E == 2.5 ? 0.0 : prev));  // the loss shrinks with energy
    prev = r;
  }
}

TEST_CASE("electron dump: E137 face acceptance of the two runs", "[electron_dump]") {
  // A light ALP far above threshold: its photons land on its impact point, so the acceptance at impact
  // radius r is the fraction of the circle inside each face, weighted by the runs' charge (1/3 on 2 m x 3 m,
  // 2/3 on 3 m x 3 m; seed 003 L339). At r = 1.2 m: Run 2 takes the whole circle, Run 1 the azimuths with
  // |cos psi| < 1/1.2: 1 - (2/pi) arccos(1/1.2). Bound: the impact-azimuth midpoint rule (6 nodes on a
  // quarter circle) misses an indicator's jump by at most half a node, 1/12, on a third of the charge.
  auto e = load("e137", 1e-3, 0.3);
  const double pi = 3.14159265358979323846, r = 1.2 * units::meter, ell = 100 * units::meter;
  const double exact = (1.0 / 3.0) * (1 - 2 / pi * std::acos(1 / 1.2)) + 2.0 / 3.0;
  CHECK(std::abs(e->face_acceptance(10.0, 1e-5, r, ell) - exact) <= (1.0 / 3.0) / 12 + 1e-9);
  CHECK(e->face_acceptance(10.0, 1e-5, 0.5 * units::meter, ell) == Approx(1.0));
  CHECK(e->face_acceptance(10.0, 1e-5, 2.2 * units::meter, ell) == 0.0);  // outside both faces (half-diagonal 2.12 m)
  // A heavy ALP decaying early loses photons off the face; decaying at the face loses none.
  CHECK(e->face_acceptance(5.0, 0.1, 0.0, 200 * units::meter) < 0.7);
  CHECK(e->face_acceptance(5.0, 0.1, 0.0, 1 * units::meter) == Approx(1.0));
  // The slices: a long-lived ALP decays uniformly, so the table is the slice mean (checked elsewhere);
  // the slices farther from the face accept less.
  const std::vector<double> y = e->photon_yield_slices(3.0, 0.1);
  REQUIRE(y.size() == 4);
  CHECK(y[0] < y[3]);
}
