// Visible-decay beam dumps (BeamDumpExperiment; data/experiments/{charm,nucal,ship_bdf}.json).
// Checks: table vs direct reference, N ~ g^4 at the lower edge, the upper edge set by the lifetime,
// and numbers from the experiments' publications and the seed (no number here is copied from the
// code's own output).
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/BeamDumpExperiment.hpp"
#include "alpscan/experiments/BeamDumpExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/physics/DecayInVolume.hpp"
#include "alpscan/physics/HelmFormFactor.hpp"
#include "alpscan/physics/MesonPhotonSpectrum.hpp"
#include "alpscan/physics/PrimakoffYield.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "alpscan/stats/CountingLikelihood.hpp"

using namespace alpscan;

namespace {

template <class Edit>
std::unique_ptr<BeamDumpExperiment> load(const std::string& name, Edit edit, double m_lo = 1e-3, double m_hi = 3.0) {
  Diagnostics d;
  ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json", nlohmann::json::object(), d);
  BeamDumpConfig c = read_beam_dump_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  edit(c);
  auto e = std::make_unique<BeamDumpExperiment>(f.info(), c);
  PrepareContext ctx;
  ctx.m_a_min = m_lo;
  ctx.m_a_max = m_hi;
  e->prepare(ctx);
  return e;
}
std::unique_ptr<BeamDumpExperiment> load(const std::string& name) {
  return load(name, [](BeamDumpConfig&) {});
}

double s_up(const BeamDumpExperiment& e) { return stats::signal_upper_limit(alpscan::stats::counting_data(*e.info().likelihood), e.info().default_cl); }

// Upper end of the excluded interval at mass m: the largest g on a fine log scan with N >= S, refined
// by bisection in ln g. NAN if nothing is excluded.
double upper_edge(BeamDumpExperiment& e, double m, double S) {
  double hi = NAN;
  for (int k = 0; k <= 900; ++k) {
    const double g = 1e-9 * std::pow(10.0, 8.0 * k / 900.0);
    if (e.signal(m, g) >= S) hi = g;
  }
  if (std::isnan(hi)) return hi;
  double a = std::log(hi), b = a + std::log(10.0) * 8.0 / 900.0;
  for (int i = 0; i < 60; ++i) {
    const double c = 0.5 * (a + b);
    (e.signal(m, std::exp(c)) >= S ? a : b) = c;
  }
  return std::exp(0.5 * (a + b));
}

}  // namespace

TEST_CASE("beam dump: the yield table and bin sum agree with the direct reference integral", "[beam_dump]") {
  // Reference: direct Primakoff yield by quadrature, 64 panels x 8 GL nodes in ln E, exact decay
  // factor. Tolerance 1%: ln Y interpolation between mass nodes (8/decade) and the midpoint rule on
  // 96 bins in ln E (observed <= 0.3% below 1 GeV).
  auto e = load("ship_bdf");  // the widest energy window (3-400 GeV): the hardest case for the bins
  for (double m : {0.02, 0.1, 0.3}) {
    for (double g : {1e-7, 3e-6}) {  // long lifetime, intermediate
      const double n = e->signal(m, g), r = e->signal_reference(m, g);
      INFO("m = " << m << " g = " << g);
      CHECK(n == Approx(r).epsilon(0.01));
    }
  }
  // At the upper edge (N = s_up, steep in g) the reference crosses s_up within +-1% in g.
  const double m = 0.1, S = s_up(*e);
  const double gu = upper_edge(*e, m, S);
  REQUIRE(std::isfinite(gu));
  const double r = e->signal_reference(m, gu);
  CHECK(r / S == Approx(1.0).epsilon(0.1));
  CHECK(e->signal_reference(m, gu * 1.01) < S);
  CHECK(e->signal_reference(m, gu * 0.99) > S);
}

TEST_CASE("beam dump: yield table between mass nodes against the direct Primakoff yield", "[beam_dump][yield_table]") {
  // Log nodes (a prepare without job masses, as here): ln Y linear in ln m over a node spacing
  // h = ln(10)/8 = 0.29 errs by h^2/8 |d^2 ln Y/d(ln m)^2| = 0.010 |curvature| at mid-interval. Below the
  // coherence limit (m < 0.1 GeV here) Y ~ m^0 (ln-enhanced, curvature << 1): 0.5% (observed <= 0.3%).
  // Above it the form factor cuts Y off as exp(-c m^4/E^2), curvature ~ 16 c m^4/E^2 >> 1: ~2% at 0.26 GeV
  // and up to 80% (SHiP) / 45% (CHARM) in single bins at 1.5 GeV for the meson + proton-photon yield
  // (with the cascade photons, whose low-energy bins sit on the cut-off, a single SHiP bin is off by 57x
  // there). A scan never meets these: its masses are the nodes (next test). Asserted here for the
  // meson + proton-photon yield as an upper bound of 1, so a worse interpolation is caught.
  for (const char* name : {"ship_bdf", "charm"}) {  // on axis; off axis (annulus = difference of two yields)
    auto e = load(name, [](BeamDumpConfig& c) { c.cascade_photons = false; });
    const auto& mn = e->mass_nodes();
    const auto& E = e->bin_energies();
    REQUIRE(mn.size() > 20);
    for (std::size_t k : {std::size_t(2), mn.size() / 3, mn.size() / 2, 2 * mn.size() / 3, mn.size() - 4}) {
      const double m = std::sqrt(mn[k] * mn[k + 1]);  // half-way in ln m: the largest interpolation error
      double ypeak = 0;
      for (std::size_t j = 0; j < E.size(); ++j) ypeak = std::max(ypeak, e->yield_direct(E[j], m));
      double worst = 0;
      for (std::size_t j = 0; j < E.size(); ++j) {
        if (!(E[j] > 2 * mn[k + 1])) continue;  // the node above must be open too
        const double t = e->yield_table(static_cast<int>(j), m), d = e->yield_direct(E[j], m);
        if (d > 1e-3 * ypeak) worst = std::max(worst, std::fabs(t / d - 1));
      }
      INFO(name << " m = " << m << ": largest relative error where Y > 1e-3 peak: " << worst);
      CHECK(worst < (m < 0.1 ? 0.005 : 1.0));
    }
    // At a node the table is the direct yield up to the measure's projection (next test).
    CHECK(e->yield_table(10, mn[7]) == Approx(e->yield_direct(E[10], mn[7])).epsilon(2e-5));
  }
}

TEST_CASE("beam dump: at every mass a scan evaluates, the table is the direct yield", "[beam_dump][yield_table]") {
  // The nodes are the job's masses (PrepareContext::m_a_values). Grid: 24 masses log-spaced over
  // 0.05-3 GeV, i.e. the masses above the coherence limit where log-node interpolation failed (previous
  // test), up to the end of every proton-dump region. The table's rows come from one mass-independent
  // measure per energy (physics/PrimakoffMeasure: all channels, the Delta integrand projected on 12-node
  // panels of width 0.5 in ln Delta; the direct yield where tau > q_cut^2/4). Against the direct 2-D
  // quadrature (yield_direct, each channel's own breakpoints) every bin with Y > 1e-6 of the peak
  // agrees to 1e-3 (error budget: ~1e-6 from the projection below 0.7 GeV, measured <= 7e-4 in single
  // bins at 1.2-2.1 GeV where the Delta range shrinks towards the cutoff); the signal agrees with the
  // direct reference integral to the bin-sum accuracy of the first test (1%).
  std::vector<double> grid;
  for (int i = 0; i < 24; ++i) grid.push_back(0.05 * std::pow(60.0, i / 23.0));
  for (const char* name : {"ship_bdf", "charm"}) {
    Diagnostics d;
    ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json", nlohmann::json::object(), d);
    BeamDumpConfig c = read_beam_dump_config(f);
    f.finish();
    BeamDumpExperiment e(f.info(), c);
    PrepareContext ctx;
    ctx.m_a_min = grid.front();
    ctx.m_a_max = grid.back();
    ctx.m_a_values = grid;
    e.prepare(ctx);
    REQUIRE(e.mass_nodes() == grid);
    const auto& E = e.bin_energies();
    for (std::size_t k = 0; k < grid.size(); k += 3) {
      const double m = grid[k];
      double ypeak = 0, worst = 0;
      for (std::size_t j = 0; j < E.size(); ++j) ypeak = std::max(ypeak, e.yield_direct(E[j], m));
      for (std::size_t j = 0; j < E.size(); ++j) {
        const double t = e.yield_table(static_cast<int>(j), m), dy = e.yield_direct(E[j], m);
        if (dy > 1e-6 * ypeak) worst = std::max(worst, std::fabs(t / dy - 1));
      }
      INFO(name << " m = " << m << ": largest relative error of the table " << worst);
      CHECK(worst < (m < 0.7 ? 2e-5 : 1e-3));
    }
    for (auto [m, g] : {std::pair{grid[6], 1e-6}, std::pair{grid[15], 5e-8}}) {  // 0.15 and 0.72 GeV, N ~ 0.1-10
      INFO(name << " signal at m = " << m << " g = " << g << ": " << e.signal(m, g));
      CHECK(e.signal(m, g) == Approx(e.signal_reference(m, g)).epsilon(0.01));
    }
  }
}

TEST_CASE("beam dump: lower edge N ~ g^4 at long lifetime", "[beam_dump]") {
  // Production ~ g^2 (Primakoff) times decay probability ~ L_v/lambda ~ g^2: N(2g)/N(g) = 16 where
  // lambda >> L_d + L_v. Relative correction ~ 3 g^2 b_max (next term of the exponential), < 1e-4 here.
  for (const char* name : {"charm", "nucal", "ship_bdf"}) {
    auto e = load(name, [](BeamDumpConfig& c) { c.fast_tol = 0; });  // force the bin loop, not the closed form
    for (double m : {0.01, 0.05}) {
      // g with (L_d + L_v)/lambda(E_min) = 1e-6: b_max g^2 = 1e-6.
      const double z = e->config().L_d + e->config().L_v, E = e->config().E_min;
      const double p = std::sqrt(E * E - m * m);
      const double g = std::sqrt(1e-6 * 64 * units::pi * p / (z * std::pow(m, 4)));
      INFO(name << " m = " << m << " g = " << g);
      const double n1 = e->signal(m, g), n2 = e->signal(m, 2 * g);
      REQUIRE(n1 > 0);
      CHECK(n2 / n1 == Approx(16.0).epsilon(1e-4));
      CHECK(n1 == Approx(std::pow(g, 4) * e->c4(m)).epsilon(1e-5));
    }
  }
}

TEST_CASE("beam dump: upper edge set by the lifetime, moving with the distance as gamma beta c tau ~ L_d",
          "[beam_dump]") {
  // At the upper edge the ALPs decay before the volume: N ~ g^2 sum W exp(-g^2 a), a ~ L_d. Doubling
  // L_d (same L_v) halves g^2 up to a logarithm: g_up(2 L_d)/g_up(L_d) = 2^(-1/2) (1 - ln2/(2x))^(1/2)
  // with x = L_d/lambda ~ 10-40 at the edge -> 0.69-0.707. Accepted: 0.66-0.72.
  const double m = 0.1;
  auto e1 = load("nucal");
  // The acceptance cone is held fixed (face moved with the volume, half-size scaled): with the pion
  // p_T the accepted yield depends on the cone, which would shift the edge by a further logarithm.
  auto e2 = load("nucal", [](BeamDumpConfig& c) {
    c.half_size *= (2 * c.L_d + c.L_v) / (c.L_d + c.L_v);
    c.L_d *= 2;
  });
  const double S = s_up(*e1);
  const double g1 = upper_edge(*e1, m, S), g2 = upper_edge(*e2, m, S);
  REQUIRE(std::isfinite(g1));
  REQUIRE(std::isfinite(g2));
  CHECK(g2 / g1 > 0.66);
  CHECK(g2 / g1 < 0.72);
  // At the edge even the most boosted ALP (E = E_max) has gamma beta c tau well below L_d:
  // L_d/lambda(E_max) between 1 and ln(N_max), N_max < 1e12 the unsuppressed count.
  const auto& c = e1->config();
  const double lambda = physics::decay_length(c.E_max, m, g1 * g1 * std::pow(m, 3) / (64 * units::pi));
  CHECK(c.L_d / lambda > 1.0);
  CHECK(c.L_d / lambda < std::log(1e12));
}

TEST_CASE("beam dump: counting inputs and beams from the seed and the publications", "[beam_dump]") {
  // Seed 002 Table 14: CHARM 400 GeV, 2.4e18 POT (L14588); NuCal 70 GeV, 1.7e18 POT (L14604);
  // SHiP 2e20 POT (L11764). Zero-background 90% CL: s_up = 2.3 (seed 002 L20218-L20240; classical
  // Poisson upper limit for n = 0 is -ln 0.1 = 2.3026).
  struct Ref {
    const char* name;
    double E_beam, N_POT;
  };
  for (const Ref& r : {Ref{"charm", 400, 2.4e18}, Ref{"nucal", 70, 1.7e18}, Ref{"ship_bdf", 400, 2e20}}) {
    auto e = load(r.name, [](BeamDumpConfig&) {}, 0.01, 0.02);
    INFO(r.name);
    CHECK(e->config().E_beam == Approx(r.E_beam));
    CHECK(e->config().N_POT == Approx(r.N_POT));
    CHECK(s_up(*e) == Approx(-std::log(0.1)).epsilon(1e-3));
    // g_ae and the invisible channel enter the lifetime and branching ratios (production is Primakoff only)
    CHECK(e->info().axes == std::vector<Axis>{Axis::m_a, Axis::g_agg, Axis::g_ae, Axis::g_achi, Axis::m_chi, Axis::br_inv});
  }
  // CHARM geometry (Bergsma et al., PLB 157 (1985) 458: 3 m x 3 m, 480 + 35 m; ~10 mrad off axis,
  // 4.8 m as in ALPINIST): acceptance annulus (4.8 -+ 1.5)/515 m, azimuthal coverage 1.5/(4.8 pi).
  auto charm = load("charm", [](BeamDumpConfig&) {}, 0.01, 0.02);
  CHECK(charm->theta_inner() == Approx(3.3 / 515.0).epsilon(1e-12));
  CHECK(charm->theta_outer() == Approx(6.3 / 515.0).epsilon(1e-12));
  CHECK(charm->azimuthal_fraction() == Approx(1.5 / (4.8 * units::pi)).epsilon(1e-12));
}

TEST_CASE("beam dump: excluded regions where the FIPs 2022 BC9 plot has them", "[beam_dump]") {
  // Seed 002 Fig. 128 (BC9, L15161-L15180), read by eye: the CHARM and NuCal filled regions cover
  // m_a ~ 1-500 MeV with g ~ 1e-6-1e-3 GeV^-1 (NuCal: g ~ 1e-5 at 100 MeV, 1e-4 at 10 MeV inside);
  // SHiP (projection, L15177) reaches m_a ~ 1 GeV and below g ~ 1e-7 around a few hundred MeV.
  // Points well inside the regions are checked, not the edges (the model differs from the recasts;
  // see the data files' notes).
  auto nucal = load("nucal");
  const double S = s_up(*nucal);
  CHECK(nucal->signal(0.1, 1e-5) >= S);
  CHECK(nucal->signal(0.01, 1e-4) >= S);
  CHECK(nucal->signal(0.1, 1e-2) < S);   // decays before the volume
  CHECK(nucal->signal(0.1, 1e-8) < S);   // too few decays
  auto ship = load("ship_bdf");
  CHECK(ship->signal(1.0, 3e-7) >= S);
  CHECK(ship->signal(0.3, 1e-7) >= S);
  auto charm = load("charm");
  CHECK(charm->signal(0.01, 1e-4) >= S);  // the off-axis CHARM model reaches only m <~ 60 MeV (notes)
}

// ---- pion p_T option, electron coupling, NA62 in dump mode -------------------------------------

namespace {

using namespace alpscan::physics;

// A CHARM-like yield (400 GeV p on Cu, Tsai screening), built here from the physics layer only.
YieldParams cu_yield(double theta_max, bool pion_pt) {
  YieldParams p;
  p.pions = PionSpectrum(400, {3.45, 1.57, 0.517}, 4);
  p.E_star = 0.5 * units::m_pi0;
  p.Z = 29;
  p.sigma_all = 6.38e3 * units::millibarn;
  p.C_phi = 1.0;
  p.eta_factor = 1.1;
  p.photon_multiplicity = 2.0;
  p.theta_max = theta_max;
  p.target.helm.R1 = lewin_smith_r1(63.546, 1.23 * units::fm, 0.6 * units::fm, 2.18 * units::fm * units::fm);
  p.target.helm.s = 0.9 * units::fm;
  p.target.helm.x_cut = 4.49;
  p.target.screening = Screening::tsai;
  p.target.screening_q = tsai_screening_momentum(29, 111, units::m_electron);
  if (pion_pt) p.pion_pt = PionPtModel{true, 6.10, 0.153, 0.478};  // BMPT pi+ (EPJ C 20 (2001) 13)
  return p;
}

// The BMPT p_T shape written out here, normalised by quadrature (not by the code's closed form).
double bmpt_shape(double x, double q) {
  const double a1 = 6.10 / std::pow(x, 0.153), b1 = 6.10 * 6.10 / (2 * std::pow(x, 0.478));
  return (1 + a1 * q + b1 * q * q) * std::exp(-a1 * q);
}

// Direct convolution in the pion variables: Y = K_pre int dc n_gamma int d^2q f(q) J(tau; |z q + p*|, K),
// with c = cos(theta*) on nc GL nodes in theta*, q on nq panels x 8 GL nodes in [0, 6 GeV], the
// relative azimuth psi on npsi GL nodes in (0, pi) per each of 8 equal pieces.
double direct_convolution(const PrimakoffYield& Y, double E, double m, int nc, int nq, int npsi) {
  const YieldParams& p = Y.params();
  PrimakoffJ J(p.target, JResolution{});
  const double s = m * m / (2 * E), tau = s * s, K = E * p.theta_max;
  const double cmin = std::max(0.0, 2 * E / 400.0 - 1);
  const GaussLegendre gc(nc), gq(8), gp(npsi);
  double total = 0;
  const double tmax = std::acos(cmin);
  for (int i = 0; i < nc; ++i) {
    const double th = 0.5 * tmax * (1 + gc.nodes()[i]);
    const double c = std::cos(th);
    const double wc = 0.5 * tmax * gc.weights()[i] * std::sin(th) * forward_photon_density(p.pions, E, c);
    const double z = 0.5 * (1 + c), x = E / (z * 400.0), ps = p.E_star * std::sin(th);
    double norm = 0, acc = 0;
    for (int k = 0; k < nq; ++k) {
      const double qa = 6.0 * k / nq, qb = 6.0 * (k + 1) / nq;
      for (int a = 0; a < 8; ++a) {
        const double q = 0.5 * (qa + qb) + 0.5 * (qb - qa) * gq.nodes()[a];
        const double wq = 0.5 * (qb - qa) * gq.weights()[a] * 2 * units::pi * q * bmpt_shape(x, q);
        norm += wq;
        double jav = 0;  // (1/pi) int_0^pi dpsi J
        for (int piece = 0; piece < 8; ++piece) {
          const double pa = units::pi * piece / 8, pb = units::pi * (piece + 1) / 8;
          for (int b = 0; b < npsi; ++b) {
            const double psi = 0.5 * (pa + pb) + 0.5 * (pb - pa) * gp.nodes()[b];
            const double P = std::sqrt(std::max(0.0, z * z * q * q + ps * ps + 2 * z * q * ps * std::cos(psi)));
            jav += 0.5 * (pb - pa) * gp.weights()[b] * J(tau, P, K);
          }
        }
        acc += wq * jav / units::pi;
      }
    }
    total += wc * acc / norm;
  }
  return Y.prefactor() * total;
}

}  // namespace

TEST_CASE("pion p_T: the smeared photon p_T spectrum keeps every photon and has the BMPT mean", "[beam_dump][pion_pt]") {
  // int H dP = int dc n_gamma (the smearing only moves photons); checked against an independent
  // 1-D GL integral of forward_photon_density over c. Tolerance 1e-5 (H on its 12 x 12 rule, the
  // P integral by 200 midpoint panels of 8 GL nodes up to 6 GeV).
  const YieldParams p = cu_yield(0.0122, true);
  for (double E : {10.0, 40.0, 150.0}) {
    const SmearedPhotonPt H(p.pions, p.pion_pt, p.E_star, E, 12, 12);
    const double c0 = std::max(0.0, 2 * E / 400 - 1);
    const GaussLegendre g40(40), g8(8);
    // n_gamma ~ (1-x)^3.45 at c_min: smooth, 40 nodes in theta* suffice
    const double tmax = std::acos(c0);
    const double ref = g40.integrate(
        [&](double t) { return std::sin(t) * forward_photon_density(p.pions, E, std::cos(t)); }, 0.0, tmax);
    double sum = 0;
    for (int k = 0; k < 200; ++k) sum += g8.integrate([&](double P) { return H.density(P); }, 0.03 * k, 0.03 * (k + 1));
    INFO("E = " << E);
    CHECK(sum == Approx(ref).epsilon(1e-5));
    CHECK(H.total() == Approx(ref).epsilon(1e-6));
  }
  // <q> of the BMPT shape at x = 0.1 from its definition (quadrature here) = the closed form; the
  // BMPT pi+ fit gives 0.3-0.5 GeV at SPS energies (EPJ C 20 (2001) 13).
  const GaussLegendre g8(8);
  double n0 = 0, n1 = 0;
  for (int k = 0; k < 300; ++k) {
    n0 += g8.integrate([](double q) { return q * bmpt_shape(0.1, q); }, 0.02 * k, 0.02 * (k + 1));
    n1 += g8.integrate([](double q) { return q * q * bmpt_shape(0.1, q); }, 0.02 * k, 0.02 * (k + 1));
  }
  CHECK(pion_pt_mean(p.pion_pt, 0.1) == Approx(n1 / n0).epsilon(1e-9));
  CHECK(n1 / n0 > 0.3);
  CHECK(n1 / n0 < 0.5);
}

TEST_CASE("pion p_T: the smeared Primakoff acceptance equals a direct numerical convolution", "[beam_dump][pion_pt]") {
  // The code integrates J over the photon p_T P with the convolved spectrum H(P); the reference
  // convolves in the pion variables (c, q, psi) directly. Tolerance 1.5%: the reference itself moves
  // by < 0.5% between (16, 24, 4) and (24, 36, 6) nodes (checked below), the rest is the step of J at
  // P = K that the psi rule of the reference crosses without a breakpoint.
  for (double th : {0.0122, 0.0064}) {  // CHARM's outer and inner acceptance angles (charm.json)
    const PrimakoffYield Y(cu_yield(th, true), YieldResolution{});
    for (double E : {15.0, 40.0}) {
      for (double m : {0.03, 0.2}) {
        const double r1 = direct_convolution(Y, E, m, 16, 24, 4);
        const double r2 = direct_convolution(Y, E, m, 24, 36, 6);
        INFO("theta = " << th << " E = " << E << " m = " << m << " ref " << r1 << " " << r2);
        CHECK(r1 == Approx(r2).epsilon(0.005));
        CHECK(Y(E, m) == Approx(r2).epsilon(0.015));
      }
    }
  }
  // K far above every p_T: all photons accepted, the smeared and collinear yields must agree (exact
  // identity: J(tau; P, K) does not depend on P once P + q_cut < K, and int H dP = int n_gamma dc).
  const PrimakoffYield Yw(cu_yield(0.5, true), YieldResolution{}), Yc(cu_yield(0.5, false), YieldResolution{});
  for (double E : {20.0, 60.0}) CHECK(Yw(E, 0.05) == Approx(Yc(E, 0.05)).epsilon(1e-4));
}

TEST_CASE("pion p_T OFF (the PASSAT setting) is the collinear formula, unchanged", "[beam_dump][pion_pt]") {
  // Default YieldParams (what PassatExperiment builds) has the option off ...
  CHECK_FALSE(YieldParams{}.pion_pt.on);
  // ... and then Y = K_pre int dc n_gamma(E, c) J(tau; E* sqrt(1-c^2), K), evaluated here with an
  // independent rule (400 GL nodes in c, split at the p_T = K point c_K and graded towards it).
  // Tolerance 1e-5 (the reference's own convergence; the code's rule is the pre-option one).
  for (double th : {0.0122, 0.0064, 0.026}) {
    const YieldParams p = cu_yield(th, false);
    const PrimakoffYield Y(p, YieldResolution{});
    PrimakoffJ J(p.target, JResolution{});
    for (double E : {15.0, 40.0, 200.0}) {
      for (double m : {1e-3, 0.03, 0.2}) {
        const double s = m * m / (2 * E), tau = s * s, K = E * th, Es = p.E_star;
        const double c0 = std::max(0.0, 2 * E / 400 - 1);
        auto f = [&](double c) { return forward_photon_density(p.pions, E, c) * J(tau, photon_pt(Es, c), K); };
        const GaussLegendre g(50);
        double ref = 0;
        const double cK = K < Es ? std::sqrt(1 - K * K / (Es * Es)) : -1;
        auto graded = [&](double far, double near) {
          double d = near - far, fr = 1.0;
          for (int k = 0; k < 8; ++k, fr *= 0.1) ref += g.integrate(f, near - fr * d, near - (k == 7 ? 0 : 0.1 * fr * d));
        };
        if (cK > c0) graded(c0, cK), graded(1.0, cK);
        else ref = g.integrate(f, c0, 1.0);
        ref *= Y.prefactor();
        INFO("theta = " << th << " E = " << E << " m = " << m);
        CHECK(Y(E, m) == Approx(ref).epsilon(1e-5));
        std::vector<double> out;
        Y.at_masses(E, {m}, out);
        CHECK(out[0] == Approx(ref).epsilon(1e-5));
      }
    }
  }
  // and the data files: every passat_* file lacks the option (PASSAT never reads it), and the beam-dump
  // option 'collinear' gives the same signal as a yield built with the default parameters.
  for (const char* n : {"passat_nomad", "passat_cast_bdf", "passat_babyiaxo_bdf", "passat_cast_bdf_20t",
                        "passat_babyiaxo_bdf_20t"}) {
    std::ifstream in(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + n + ".json");
    const nlohmann::json j = nlohmann::json::parse(in);
    INFO(n);
    CHECK_FALSE(j["options"].contains("pion_pt"));
  }
}

TEST_CASE("pion p_T moves the CHARM region to the published masses; NuCal and SHiP change little", "[beam_dump][pion_pt]") {
  // Seed 002 Fig. 128 (BC9, L15161-L15180) and Bergsma et al. 1985 / ALPtraum (JHEP 02 (2016) 018):
  // the CHARM region reaches m_a ~ 0.1-0.5 GeV with g ~ 1e-6-1e-5 at ~100 MeV. With collinear pions
  // it stopped at ~66 MeV (charm.json notes); with the BMPT p_T, 100 MeV at g = 5e-6 is excluded.
  // (the cascade channel needs the pion p_T spectrum: both without it, the comparison of the meson source)
  auto on = load("charm", [](BeamDumpConfig& c) { c.cascade_photons = false; });
  auto off = load("charm", [](BeamDumpConfig& c) { c.pion_pt.on = false; c.cascade_photons = false; });
  const double S = s_up(*on);
  CHECK(on->signal(0.1, 5e-6) >= S);
  CHECK(off->signal(0.1, 5e-6) < S);
  CHECK(on->signal(0.1, 1e-3) < S);  // decays before the volume
}

TEST_CASE("electron coupling: total width and branching ratios in the decay", "[beam_dump][g_ae]") {
  // Gamma_gg = g^2 m^3/(64 pi) (seed 000 Eq. 7), Gamma_ee = g_ae^2 m beta/(8 pi) (spec
  // fips_beams_and_colliders.md: "Gamma(a->e+e-) = g_ae^2 m_a beta_e/(8 pi)"), written out here.
  auto ship = load("ship_bdf");  // detects gamma gamma (eff 1) and e+e- (eff 1)
  auto charm = load("charm");    // gamma gamma only (efficiency_ee = 0)
  auto w_gg = [](double g, double m) { return g * g * m * m * m / (64 * units::pi); };
  auto w_ee = [](double ge, double m) {
    return ge * ge * m * std::sqrt(1 - 4 * units::m_electron * units::m_electron / (m * m)) / (8 * units::pi);
  };
  const double m = 0.1, g = 1e-6;
  // g_ae = 0 and br_inv = 0: exactly the photon-only signal
  CHECK(charm->signal(m, g, 0.0, 0.0) == charm->signal(m, g));
  for (double ge : {1e-9, 1e-8, 3e-8}) {  // BR_gg at g = 1e-6: 0.999, 0.93, 0.58
    const double Gt = w_gg(g, m) + w_ee(ge, m), br_gg = w_gg(g, m) / Gt, br_ee = w_ee(ge, m) / Gt;
    INFO("g_ae = " << ge << " BR_gg = " << br_gg);
    // gamma gamma only: N = eff BR_gg x (reference with the total width); 1% as the table test above
    const double eff = charm->config().efficiency;
    CHECK(charm->signal(m, g, ge) == Approx(charm->signal_reference_width(m, g, Gt, eff * br_gg)).epsilon(0.01));
    CHECK(ship->signal(m, g, ge) == Approx(ship->signal_reference_width(m, g, Gt, br_gg + br_ee)).epsilon(0.01));
    // where the lifetime is still long (N ~ Gamma_gg L_v/(gamma beta c)), the gamma gamma-only signal
    // is unchanged by g_ae (BR_gg Gamma_total = Gamma_gg) to O(x_d)
    // (at g = 1e-8, g_ae = 1e-9: BR_gg ~ 0.1 but x_d ~ 1e-4, so the relative change is < 1e-3)
    if (ge <= 1e-9) CHECK(charm->signal(m, 1e-8, ge) == Approx(charm->signal(m, 1e-8)).epsilon(1e-3));
  }
  // With g_ae large the lifetime is set by Gamma_ee: at FIXED total width (same decay factor), the
  // gamma gamma-only signal is the photon-only one times BR_gg: compare g_agg = g with g_ae chosen so
  // that Gamma_total = Gamma_gg(2g), against the photon-only signal at 2g rescaled by the production g^2
  // ratio (1/4): ratio = BR_gg = 1/4.
  const double ge = std::sqrt((w_gg(2 * g, m) - w_gg(g, m)) / w_ee(1.0, m));
  const double n_mixed = charm->signal(m, g, ge), n_pure = charm->signal(m, 2 * g);
  CHECK(n_mixed / (n_pure / 4.0) == Approx(0.25).epsilon(1e-6));
  // br_inv: an invisible fraction scales the visible decays by (1 - br_inv) at fixed total width
  const double n_inv = charm->signal(m, g, 0.0, 0.75);  // Gamma_total = 4 Gamma_gg = Gamma_gg(2g)
  CHECK(n_inv / (n_pure / 4.0) == Approx(0.25).epsilon(1e-6));
}

TEST_CASE("NA62 in dump mode: beam, POT and geometry from its publications", "[beam_dump][na62]") {
  // seed 002 L11424-L11441: 400 GeV protons, 1.4e17 POT in dump mode in 2021, 1e18 expected by LS3
  // (Table 14 L14630: NA62-dump ~1e18 POT). JHEP 09 (2023) 035: decay volume beginning ~80 m
  // downstream of the dump; JINST 12 (2017) P05025: fiducial volume 105-180 m (75 m), LKr at ~241 m
  // from the target, i.e. ~218 m from the TAX at ~23 m. Projection, zero background: s_up = 2.303.
  auto e = load("na62_dump");
  const auto& c = e->config();
  CHECK(e->info().kind == "projection");
  CHECK(c.E_beam == Approx(400));
  CHECK(c.N_POT == Approx(1e18));
  CHECK(c.L_d / units::meter == Approx(80).epsilon(0.05));
  CHECK(c.L_v / units::meter == Approx(75).epsilon(0.05));
  CHECK(c.z_acceptance / units::meter == Approx(241 - 23).epsilon(0.02));
  CHECK(c.Z == 29);  // copper TAX
  CHECK(s_up(*e) == Approx(-std::log(0.1)).epsilon(1e-3));
  CHECK(e->theta_outer() == Approx(c.half_size / c.z_acceptance).epsilon(1e-12));
  // the BC9 NA62-dump projection (seed 002 L15177) covers ~30 MeV-1 GeV with g ~ 1e-6 at 100 MeV,
  // between the NuCal region and SHiP: points well inside
  CHECK(e->signal(0.1, 3e-6) >= s_up(*e));
  CHECK(e->signal(0.5, 1e-6) >= s_up(*e));
  CHECK(e->signal(0.1, 1e-8) < s_up(*e));
}

TEST_CASE("cascade photons: over-acceptance of the collinear model at NA62 and SHiP (estimate, hidden)", "[.cascade_kick]") {
  // Prints the lower edge in g at 0.1 and 1 GeV with the cascade photons collinear with their parents
  // (the model) and with a Gaussian multiple-scattering kick of per-axis sigma_P = 3.6 and 7.2 MeV
  // (theta k ~ const; 3.6 MeV = the median theta k = 4.3 mrad GeV of a 1 GeV shower photon, issue12-e137's
  // Monte Carlo in physics/CascadeAngles, read as a 2-D Gaussian; 7.2 MeV and 15 MeV ~ E_s/sqrt(2)
  // brackets for its tail), and without the cascade channel. Asserted: a wider kick only spreads the
  // photons out of the forward acceptance (the lower edge never falls), the README's "<~ 10% in g" for
  // the 3.6 MeV kick, and that the cascade channel adds signal (the edge without it is higher).
  // Hidden because it prepares 10 tables (~1 min).
  for (const char* name : {"na62_dump", "ship_bdf"}) {
    double collinear[2] = {NAN, NAN}, previous[2] = {NAN, NAN};
    for (double kick : {0.0, 3.6e-3, 7.2e-3, 15e-3, -1.0}) {
      Diagnostics d;
      ExperimentFile f(std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/" + name + ".json", nlohmann::json::object(), d);
      BeamDumpConfig c = read_beam_dump_config(f);
      f.finish();
      if (kick < 0) c.cascade_photons = false;
      else c.cascade_kick_pt = kick;
      BeamDumpExperiment e(f.info(), c);
      PrepareContext ctx;
      ctx.m_a_min = 0.1;
      ctx.m_a_max = 1.0;
      ctx.m_a_values = {0.1, 1.0};
      e.prepare(ctx);
      const double S = s_up(e);
      for (int im = 0; im < 2; ++im) {
        const double m = im == 0 ? 0.1 : 1.0;
        double lo = NAN;
        for (int k = 0; k <= 800 && std::isnan(lo); ++k) {
          const double g = 1e-9 * std::pow(10.0, 5.0 * k / 800.0);
          if (e.signal(m, g) >= S) lo = g;
        }
        double a = std::log(lo) - std::log(10.0) * 5.0 / 800.0, b = std::log(lo);
        for (int i = 0; i < 50 && std::isfinite(lo); ++i) {
          const double x = 0.5 * (a + b);
          (e.signal(m, std::exp(x)) >= S ? b : a) = x;
        }
        const double edge = std::exp(b);
        INFO(name << " kick " << kick << " m = " << m << ": lower edge " << edge << "  N at g = 1e-7: "
                  << e.signal(m, 1e-7) << "  C4 " << e.c4(m));
        REQUIRE(std::isfinite(edge));
        if (kick == 0.0) collinear[im] = edge;
        else CHECK(edge >= previous[im] * (1 - 1e-6));  // bisection to ~1e-15 in ln g
        if (kick == 3.6e-3) CHECK(edge < 1.10 * collinear[im]);
        if (kick < 0) CHECK(edge > collinear[im]);
        previous[im] = edge;
      }
    }
  }
}
