// Shower-flux input layer of MiniBooNE / ArgoNeuT (physics/Pi0PhotonSource, EmCascade,
// DumpShowerFlux). Spec: shared/spec/miniboone_argoneut.md s2.1-2.4, s2.9, A14, A15, A20; seed 004
// L57 (only E > 75 MeV, theta < 10 mrad matters), L61-74 (Tsai kernel), L150 (NuMI graphite target).
// Every check compares against an independent route (closed form, other quadrature, other module)
// and states its tolerance; no constant is tuned to a published curve.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/DumpShowerFlux.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "alpscan/physics/ShowerTrackLength.hpp"

using namespace alpscan::physics;

namespace {
const double kInf = std::numeric_limits<double>::infinity();
const double kPi = alpscan::units::pi;

// The numbers proposed for data/experiments/miniboone.json and argoneut.json (see the report).
SanfordWangPi0Config miniboone_sw() {
  SanfordWangPi0Config c;
  c.p_beam = 8.89;  // GeV/c
  // PRD 79 (2009) 072002 Sanford-Wang fits (p + Be, HARP/E910), as in alplib's charged-meson flux.
  c.pi_plus.c = {220.7, 1.080, 1.000, 1.978, 1.32, 5.572, 0.0868, 9.686, 1.0};
  c.pi_minus.c = {213.7, 0.9379, 5.454, 1.210, 1.284, 4.781, 0.07338, 8.329, 1.0};
  c.sigma_inel_ref = 192.4;  // mb, p-Be: A/(N_A lambda_I), lambda_I(Be) = 77.8 g/cm^2 (PDG)
  c.A_ref = 9.0122;
  c.A_target = 55.845;
  c.alpha = 0.8;
  c.sigma_inel_target = 702.0;  // mb, p-Fe: lambda_I(Fe) = 132.1 g/cm^2 (PDG)
  c.secondary_factor = 1.0;
  return c;
}
DumpMaterial iron() {
  DumpMaterial m;
  m.Z = 26;
  m.A = 55.845;
  m.X0 = 13.84;
  m.density = 7.874;
  m.critical_energy = 21.68e-3;  // PDG (Rossi definition), e-
  m.thickness_X0 = kInf;         // thick dump (A14: saturated)
  m.interaction_length_X0 = 132.1 / 13.84;
  return m;
}
DumpMaterial graphite() {
  DumpMaterial m;
  m.Z = 6;
  m.A = 12.011;
  m.X0 = 42.70;
  m.density = 1.78;                          // NuMI target graphite
  m.critical_energy = 81.7e-3;               // PDG (Rossi), carbon
  m.thickness_X0 = 95.0 * 1.78 / 42.70;      // ~95 cm of fins: 3.96 X0 (A14: the real thickness)
  m.interaction_length_X0 = 85.8 / 42.70;    // lambda_I(C) = 85.8 g/cm^2 (PDG)
  return m;
}
BmptPi0 argoneut_bmpt() {
  const BmptShape s{3.45, 1.57, 0.517};
  // n_pi per interaction from the pi0 energy fraction 0.15 of the beam: 0.15 / <x>.
  const PionSpectrum ps(120.0, s, 0.15 / bmpt_mean_x(s));
  return BmptPi0(ps, PionPtModel{true, 6.1, 0.153, 0.478});
}
// int_a^b f by n Gauss-Legendre panels of 8 nodes in ln E.
template <class F>
double log_panels(F f, double a, double b, int n) {
  const GaussLegendre gl(8);
  double s = 0.0;
  const double la = std::log(a), lb = std::log(b);
  for (int i = 0; i < n; ++i)
    s += gl.integrate([&](double l) { return std::exp(l) * f(std::exp(l)); }, la + (lb - la) * i / n,
                      la + (lb - la) * (i + 1) / n);
  return s;
}
CascadeMedium ionising(double Ec) {
  CascadeMedium m;
  m.critical_energy = Ec;
  return m;
}
// Mean energy of a top group (flat in ln E), the energy of a unit source there.
double group_mean(const std::vector<double>& e, int g) { return (e[g + 1] - e[g]) / std::log(e[g + 1] / e[g]); }
}  // namespace

// ---- Rossi coefficients ------------------------------------------------------------------------

TEST_CASE("shower flux: Rossi approximation-A coefficients derived (spec s2.9 asks to verify 0.437, 0.572)",
          "[shower_flux]") {
  // Independent route: the Mellin quantities at s = 1 by direct quadrature of the b = 0 kernels.
  // (ln-singular integrands: x = e^{-y} substitution, GL panels in y on [0, 60].)
  auto q = [](auto f) {
    const GaussLegendre gl(16);
    double s = 0.0;
    for (int i = 0; i < 120; ++i)
      s += gl.integrate([&](double y) { return f(std::exp(-y)) * std::exp(-y); }, 0.5 * i, 0.5 * (i + 1));
    return s;
  };
  auto phi = [](double v) { return ((4.0 / 3.0) * (1.0 - v) + v * v) / v; };
  auto psi = [](double u) { return 1.0 - (4.0 / 3.0) * u * (1.0 - u); };
  const double sigma0 = q(psi), A1 = q([&](double v) { return v * phi(v); }), B1 = 2.0 * q([&](double u) { return u * psi(u); });
  // A'(1) = -int (1-v) ln(1-v) phi(v) dv: in w = 1 - v.
  const double Ap = q([&](double w) { return -w * std::log(w) * phi(1.0 - w); });
  const double Cp = q([&](double v) { return v * std::log(v) * phi(v); });
  const double Bp = 2.0 * q([&](double u) { return u * std::log(u) * psi(u); });
  CHECK(sigma0 == Approx(7.0 / 9.0).epsilon(1e-10));
  CHECK(A1 == Approx(1.0).epsilon(1e-10));
  CHECK(sigma0 * A1 - B1 * A1 == Approx(0.0).margin(1e-10));  // D(1) = 0: energy conservation
  const double Dp = sigma0 * Ap - Bp * A1 - B1 * Cp;
  const RossiCoefficients r0 = rossi_track_length_coefficients(0.0);
  CHECK(r0.c_e == Approx(B1 / Dp).epsilon(1e-8));
  CHECK(r0.c_gamma == Approx(A1 / Dp).epsilon(1e-8));
  CHECK(r0.c_e == Approx(0.44390).margin(5e-6));
  CHECK(r0.c_gamma == Approx(0.57073).margin(5e-6));
  CHECK(r0.c_gamma / r0.c_e == Approx(9.0 / 7.0).epsilon(1e-12));  // spec s2.9 balance: 9/7
  // Rossi's own cross sections (b = 0.0135) reproduce the spec's numbers to the 3 digits quoted.
  const RossiCoefficients rb = rossi_track_length_coefficients(0.0135);
  CHECK(rb.c_e == Approx(0.437).margin(5e-4));
  CHECK(rb.c_gamma == Approx(0.572).margin(5e-4));
}

// ---- the cascade solver -------------------------------------------------------------------------

TEST_CASE("shower flux: cascade approximation A reaches Rossi's c E0/E^2 and the 9/7 ratio", "[shower_flux]") {
  // Spec s2.9: dl_e/dE -> c_e E0/E^2, dl_g/dk -> c_g E0/k^2 for E << E0, the same for photon and
  // electron primaries. Tolerance 1.5% (40 groups/decade; the error falls ~ 4x per doubling).
  const EmCascade c(CascadeGrid{1e-4, 10.0, 40}, CascadeMedium{});
  const int n = c.groups();
  const double E0 = group_mean(c.edges(), n - 1);
  const RossiCoefficients r0 = rossi_track_length_coefficients(0.0);
  std::vector<double> one(n, 0.0), zero(n, 0.0);
  one[n - 1] = 1.0;
  for (int primary = 0; primary < 2; ++primary) {
    const CascadeResult r = primary == 0 ? c.solve(one, zero, kInf, 0, 0) : c.solve(zero, one, kInf, 0, 0);
    const GroupSpectrum e{r.edges, r.lepton_track}, g{r.edges, r.photon_track};
    for (double E : {1e-2, 1e-3}) {
      INFO("primary " << primary << " E = " << E);
      CHECK(E * E * e.density(E) / E0 == Approx(r0.c_e).epsilon(0.015));
      CHECK(E * E * g.density(E) / E0 == Approx(r0.c_gamma).epsilon(0.015));
      CHECK(g.density(E) / e.density(E) == Approx(9.0 / 7.0).epsilon(0.005));
    }
    // Approximation A: all the energy ends below E_min (1.5%).
    CHECK(r.leak_energy / E0 == Approx(1.0).epsilon(0.015));
  }
}

TEST_CASE("shower flux: approximation B total charged track length = E0/E_c", "[shower_flux]") {
  // Rossi approximation B: all energy is deposited by ionisation at E_c per X0, so
  // E_c int dl_e = E0. With the grid cut at E_min the balance is E_c l_e + (energy carried below
  // E_min) = E0: 2% at 40 groups/decade, 0.5% at 160 (first-order convergence); and with
  // E_min = E_c/200 the charged track alone is E0/E_c to within 5%.
  const double Ec = 21.68e-3;
  for (int gpd : {40, 160}) {
    const EmCascade c(CascadeGrid{1e-4, 10.0, gpd}, ionising(Ec));
    const int n = c.groups();
    const double E0 = group_mean(c.edges(), n - 1);
    std::vector<double> one(n, 0.0), zero(n, 0.0);
    one[n - 1] = 1.0;
    const CascadeResult r = c.solve(one, zero, kInf, 0, 0);
    double L = 0.0;
    for (double x : r.lepton_track) L += x;
    INFO("groups/decade " << gpd);
    CHECK((r.ionisation_energy + r.leak_energy) / E0 == Approx(1.0).epsilon(gpd == 40 ? 0.02 : 0.005));
    CHECK(L * Ec / E0 == Approx(1.0).epsilon(0.05));
    CHECK(L * Ec / E0 < 1.0);
  }
}

TEST_CASE("shower flux: finite slab - e+- straggling equals Tsai's kernel; T -> inf is the thick dump",
          "[shower_flux]") {
  // (1) Photons made inert (mu = 1e-12 per X0), BetheHeitler brem, E_c = 0: an electron of the top
  // group slows down exactly by Tsai's I(t) (seed L63), whose depth integral is the
  // incomplete-gamma closed form of ShowerTrackLength. Track above E_lo to depth T: 0.2%.
  const EmCascade inert(CascadeGrid{1e-3, 10.0, 40}, CascadeMedium{0.0, {1.0}, {1e-12}}, BremSpectrum::BetheHeitler);
  const int n = inert.groups();
  const auto& ed = inert.edges();
  std::vector<double> one(n, 0.0), zero(n, 0.0);
  one[n - 1] = 1.0;
  const GaussLegendre gl(16);
  for (double T : {0.5, 2.0, 5.0}) {
    const CascadeResult r = inert.solve(zero, one, T, 0, 0.005);
    const GroupSpectrum e{r.edges, r.lepton_track};
    for (double Elo : {5.0, 1.0, 0.1}) {
      const double lo = std::log(ed[n - 1]), hi = std::log(ed[n]);
      const double ref =
          gl.integrate([&](double l) { return electron_track_length_above(std::exp(l), Elo, T); }, lo, hi) / (hi - lo);
      INFO("T = " << T << " E_lo = " << Elo);
      CHECK(e.integral(Elo, 20.0) == Approx(ref).epsilon(2e-3));
    }
  }
  // (2) Approximation B in Fe: Crank-Nicolson over T = 40 X0 equals the T = inf back
  // substitution (1e-5; the shower is absorbed), also with the source spread over the depth.
  const EmCascade c(CascadeGrid{1e-3, 10.0, 40}, ionising(21.68e-3));
  const CascadeResult thick = c.solve(one, zero, kInf, 0, 0);
  const CascadeResult deep = c.solve(one, zero, 40.0, 0, 0.01);
  const CascadeResult spread = c.solve(one, zero, 60.0, 2.0, 0.01);
  for (int g = 0; g < c.groups(); g += 7) {
    INFO("group " << g);
    CHECK(deep.photon_track[g] == Approx(thick.photon_track[g]).epsilon(1e-5));
    CHECK(deep.lepton_track[g] == Approx(thick.lepton_track[g]).epsilon(1e-5));
    CHECK(spread.lepton_track[g] == Approx(thick.lepton_track[g]).epsilon(1e-5));
  }
}

TEST_CASE("shower flux: l_+- = created e+- folded with Tsai's kernel (spec s2.3, A20)", "[shower_flux]") {
  // The cascade's e+- track length versus the spec s2.3 route: its own creation-point e+- list
  // folded with int_0^inf I(t, E, E') dt (fold_created_leptons_tsai, ShowerTrackLength). Identical
  // physics for BetheHeitler brem and E_c = 0, T = inf: 0.5% (the cascade's multigroup error).
  const EmCascade c(CascadeGrid{1e-3, 10.0, 40}, CascadeMedium{}, BremSpectrum::BetheHeitler);
  const int n = c.groups();
  std::vector<double> one(n, 0.0), zero(n, 0.0);
  one[n - 1] = 1.0;
  const CascadeResult r = c.solve(one, zero, kInf, 0, 0);
  const GroupSpectrum folded = fold_created_leptons_tsai(GroupSpectrum{r.edges, r.lepton_created}, kInf);
  const GroupSpectrum direct{r.edges, r.lepton_track};
  for (double E : {8.0, 2.0, 0.1, 0.003}) {
    INFO("E = " << E);
    CHECK(direct.density(E) == Approx(folded.density(E)).epsilon(5e-3));
  }
}

TEST_CASE("shower flux: photon attenuation in X0 units (spec s2.2 table and its 5.21 b check)", "[shower_flux]") {
  const DumpMaterial fe = iron();
  // 7/9 A/(N_A X0) = 5.21 b for Fe (spec s2.2): mu(5.21 b) = 7/9 to 0.1%.
  CHECK(photon_attenuation_per_X0(5.21, fe) == Approx(7.0 / 9.0).epsilon(1e-3));
  // Table nodes are reproduced; log-log in between; clamped outside.
  CascadeMedium m{21.68e-3, {0.01, 0.1, 1.0}, {}};
  for (double s : {2.777, 4.015, 4.940}) m.atten_mu.push_back(photon_attenuation_per_X0(s, fe));
  const EmCascade c(CascadeGrid{1e-3, 10.0, 10}, m);
  CHECK(c.photon_attenuation(0.1) == Approx(m.atten_mu[1]).epsilon(1e-12));
  CHECK(c.photon_attenuation(std::sqrt(0.1)) == Approx(std::sqrt(m.atten_mu[1] * m.atten_mu[2])).epsilon(1e-12));
  CHECK(c.photon_attenuation(50.0) == Approx(m.atten_mu[2]).epsilon(1e-12));
  // A lower mu gives a longer photon track: near the top of a 1 GeV photon source the track is
  // dominated by the source photon itself, 1/mu.
  const EmCascade c2(CascadeGrid{1e-3, 1.0, 40}, m), c1(CascadeGrid{1e-3, 1.0, 40}, ionising(21.68e-3));
  std::vector<double> one(c1.groups(), 0.0), zero(c1.groups(), 0.0);
  one.back() = 1.0;
  const double l2 = c2.solve(one, zero, kInf, 0, 0).photon_track.back();
  const double l1 = c1.solve(one, zero, kInf, 0, 0).photon_track.back();
  CHECK(l1 > 9.0 / 7.0);
  CHECK(l2 / l1 == Approx((7.0 / 9.0) / m.atten_mu[2]).epsilon(0.01));
}

// ---- pi0 source ----------------------------------------------------------------------------------

TEST_CASE("shower flux: Sanford-Wang and BMPT pi0 integrals against independent quadratures", "[shower_flux]") {
  // SW: pi0_multiplicity (graded GL panels) vs a plain midpoint rule on a 1200 x 2000 grid in
  // (p, ln theta) of the bare fit, scaled by hand. 3e-4 (they agree to 3e-5).
  const SanfordWangPi0Config cfg = miniboone_sw();
  const SanfordWangPi0 sw(cfg);
  const double pmax = cfg.p_beam - 1.0;
  const int np = 1200, nt = 2000;
  const double lt0 = std::log(1e-6), lt1 = std::log(kPi);
  double mid = 0.0;
  for (int i = 0; i < np; ++i) {
    const double p = pmax * (i + 0.5) / np;
    for (int j = 0; j < nt; ++j) {
      const double th = std::exp(lt0 + (lt1 - lt0) * (j + 0.5) / nt);
      const double s = sanford_wang(cfg.pi_plus, cfg.p_beam, p, th) + sanford_wang(cfg.pi_minus, cfg.p_beam, p, th);
      mid += 0.5 * s * 2.0 * kPi * std::sin(th) * th;
    }
  }
  mid *= (pmax / np) * ((lt1 - lt0) / nt);
  const double scale = std::pow(cfg.A_target / cfg.A_ref, cfg.alpha) / cfg.sigma_inel_target;
  CHECK(sw.scale() == Approx(scale).epsilon(1e-14));
  INFO("midpoint " << mid * scale << " GL " << pi0_multiplicity(sw));
  CHECK(pi0_multiplicity(sw) == Approx(mid * scale).epsilon(3e-4));
  // The numbers behind the choices (report): ~1.0 pi0 per p-Fe interaction carrying ~0.97 GeV
  // (10% of the 9.83 GeV total energy) -- sanity ranges, not fits.
  CHECK(pi0_multiplicity(sw) == Approx(1.0).margin(0.05));
  CHECK(pi0_energy(sw) == Approx(0.97).margin(0.03));
  // BMPT: the energy spectrum is normalised (closed form), the p_T density integrates to 1 at each
  // x, and d^2q = p^2 cos(theta) dOmega exactly: N = n_pi and sum E = n_pi E_b <x> up to the
  // q > p tail at tiny x. 1e-3.
  const BmptPi0 bm = argoneut_bmpt();
  CHECK(pi0_multiplicity(bm) == Approx(0.15 / bmpt_mean_x(BmptShape{3.45, 1.57, 0.517})).epsilon(1e-3));
  CHECK(pi0_energy(bm) == Approx(0.15 * 120.0).epsilon(1e-3));
}

TEST_CASE("shower flux: pi0 -> gamma gamma gives two photons per pi0 carrying its energy", "[shower_flux]") {
  // int dN_g/dk dk = 2 N_pi and int k dN_g/dk dk = sum E_pi (all angles), 1e-3: the photon route
  // (decay kinematics + 2-D cone integral) against the pion route.
  const SanfordWangPi0 sw(miniboone_sw());
  const double pm = sw.p_max();
  const double kmax = 0.5 * (std::sqrt(pm * pm + alpscan::units::m_pi0 * alpscan::units::m_pi0) + pm);
  const double N = log_panels([&](double k) { return pi0_photon_spectrum_in_cone(sw, k, kPi); }, 1e-5, kmax, 24);
  const double E = log_panels([&](double k) { return k * pi0_photon_spectrum_in_cone(sw, k, kPi); }, 1e-5, kmax, 24);
  CHECK(N == Approx(2.0 * pi0_multiplicity(sw)).epsilon(1e-3));
  CHECK(E == Approx(pi0_energy(sw)).epsilon(1e-3));
  // Decay kinematics: psi(k+) = 0, psi(k-) = pi, and the two photons of one decay (k, E - k) sit at
  // angles with k sin(psi_1) = (E - k) sin(psi_2) (transverse momentum balance).
  const double p = 2.0, Ep = std::sqrt(p * p + alpscan::units::m_pi0 * alpscan::units::m_pi0);
  CHECK(decay_photon_angle(p, 0.5 * (Ep + p)) == Approx(0.0).margin(1e-7));
  CHECK(decay_photon_angle(p, 0.5 * (Ep - p)) == Approx(kPi).margin(1e-6));
  const double k1 = 0.3 * Ep, k2 = Ep - k1;
  CHECK(k1 * std::sin(decay_photon_angle(p, k1)) == Approx(k2 * std::sin(decay_photon_angle(p, k2))).epsilon(1e-10));
}

TEST_CASE("shower flux: cone fraction limits and the theta_cut^2 law", "[shower_flux]") {
  // Azimuth fraction: flat-geometry value 1/3 for theta_pi = psi = theta_cut (120 degree arc), 1e-6.
  CHECK(cone_azimuth_fraction(1e-3, 1e-3, 1e-3) == Approx(1.0 / 3.0).epsilon(1e-6));
  CHECK(cone_azimuth_fraction(0.0, 0.5e-3, 1e-3) == 1.0);
  CHECK(cone_azimuth_fraction(3e-3, 1e-3, 1e-3) == 0.0);
  CHECK(cone_azimuth_fraction(1e-3, 2e-3, 0.5e-3) == 0.0);
  const SanfordWangPi0 sw(miniboone_sw());
  const BmptPi0 bm = argoneut_bmpt();
  for (double k : {0.1, 1.0, 3.0}) {
    INFO("SW k = " << k);
    const double all = pi0_photon_spectrum_in_cone(sw, k, kPi);
    // theta_cut -> pi through the general (non-special-cased) cone code: all photons, 1e-4.
    CHECK(pi0_photon_spectrum_in_cone(sw, k, 3.1) == Approx(all).epsilon(1e-4));
    // Small cones: S(theta_c) = pi theta_c^2 dN/dk dOmega(theta = 0), the density from the
    // independent ring integral; 1e-5 at 1e-4 rad, and the theta_c^2 law between 1e-4 and 2e-4.
    const double d0 = pi0_photon_density(sw, k, 0.0);
    CHECK(pi0_photon_spectrum_in_cone(sw, k, 1e-4) == Approx(kPi * 1e-8 * d0).epsilon(1e-5));
    CHECK(pi0_photon_spectrum_in_cone(sw, k, 2e-4) / pi0_photon_spectrum_in_cone(sw, k, 1e-4) == Approx(4.0).epsilon(1e-5));
  }
  for (double k : {1.0, 10.0, 50.0}) {
    INFO("BMPT k = " << k);
    CHECK(pi0_photon_spectrum_in_cone(bm, k, 1e-5) == Approx(kPi * 1e-10 * pi0_photon_density(bm, k, 0.0)).epsilon(1e-5));
    // Density away from the axis vs the cone derivative dS/dtheta_c = 2 pi theta_c <density on the
    // rim>: finite difference at 0.3 mrad, 2e-3.
    const double tc = 3e-4, h = 1e-6;
    const double dS = (pi0_photon_spectrum_in_cone(bm, k, tc + h) - pi0_photon_spectrum_in_cone(bm, k, tc - h)) / (2 * h);
    CHECK(dS == Approx(2.0 * kPi * std::sin(tc) * pi0_photon_density(bm, k, tc)).epsilon(2e-3));
  }
}

TEST_CASE("shower flux: V1 - the 10 mrad cone keeps the forward, hard tail (seed L57)", "[shower_flux]") {
  // MiniBooNE, theta_det = 10.22 mrad (spec s2.4). (i) The cone is in the flat-angle regime for the
  // photons that matter (k > 75 MeV): S(theta_det) = pi theta^2 density(0) within 3%. (ii) It keeps a
  // small part of the all-angle photons above 75 MeV (< 1%) but (iii) those carry > 95% of the
  // in-cone photon energy and their mean energy exceeds the all-angle one (Fig. 3: spectra harden).
  const SanfordWangPi0 sw(miniboone_sw());
  const double th = 10.22e-3, kmax = 7.9;
  for (double k : {0.075, 0.3, 1.0}) {
    INFO("k = " << k);
    CHECK(pi0_photon_spectrum_in_cone(sw, k, th) == Approx(kPi * th * th * pi0_photon_density(sw, k, 0.0)).epsilon(0.03));
  }
  auto S = [&](double tc, double a, double b, bool energy) {
    return log_panels([&](double k) { return (energy ? k : 1.0) * pi0_photon_spectrum_in_cone(sw, k, tc); }, a, b, 12);
  };
  const double n_cone = S(th, 0.075, kmax, false), n_all = S(kPi, 0.075, kmax, false);
  const double e_cone_hi = S(th, 0.075, kmax, true), e_cone_lo = S(th, 1e-4, 0.075, true);
  const double e_all = S(kPi, 0.075, kmax, true);
  CHECK(n_cone / n_all < 0.01);
  CHECK(e_cone_hi / (e_cone_hi + e_cone_lo) > 0.95);
  CHECK(e_cone_hi / n_cone > e_all / n_all);
}

// ---- the assembled flux ----------------------------------------------------------------------------

TEST_CASE("shower flux: MiniBooNE thick Fe dump, in-cone tables per POT", "[shower_flux]") {
  const SanfordWangPi0 sw(miniboone_sw());
  const DumpMaterial fe = iron();
  const double th = 10.22e-3 + 10e-3;  // theta_det + margin for production angles
  const DumpShowerFlux f = build_analytic_dump_shower_flux(sw, fe, th);
  CHECK(f.pot_weight == 1.0);  // thick: every proton interacts
  // Source table = the cone spectrum (group integrals, 3 GL nodes per group in ln k) over whole
  // groups from ~0.1 to ~1 GeV against 10 panels x 8 nodes: 1e-4.
  const auto& ed = f.photon_source.edges;
  const int i0 = static_cast<int>(std::lower_bound(ed.begin(), ed.end(), 0.1) - ed.begin());
  const int i1 = static_cast<int>(std::lower_bound(ed.begin(), ed.end(), 1.0) - ed.begin());
  CHECK(f.photon_source.integral(ed[i0], ed[i1]) ==
        Approx(log_panels([&](double k) { return pi0_photon_spectrum_in_cone(sw, k, th); }, ed[i0], ed[i1], 10))
            .epsilon(1e-4));
  // Energy budget of the cascade (approximation B): ionisation + leak below E_min = injected
  // source energy (group contents x group mean energy), 2% (the multigroup error, test above).
  double Esrc = 0.0;
  for (std::size_t g = 0; g < f.photon_source.content.size(); ++g)
    Esrc += f.photon_source.content[g] * group_mean(ed, static_cast<int>(g));
  CHECK((f.ionisation_energy + f.leak_energy) / Esrc == Approx(1.0).epsilon(0.02));
  // e+ = e- = half of the cascade e+- (charge symmetry of pair production; positron_fraction 0.5).
  CHECK(f.positron_track.total() == Approx(f.electron_track.total()).epsilon(1e-14));
  // The photon track length contains every source photon's own 9/7 X0 (mu = 7/9) plus the cascade:
  // at the hard end the ratio approaches 9/7 from above.
  for (double k : {0.075, 0.3, 1.0, 3.0, 6.0}) {
    INFO("k = " << k);
    CHECK(f.dl_gamma_dk(k) / f.dN_source_dk(k) > 9.0 / 7.0);
  }
  CHECK(f.dl_gamma_dk(6.0) / f.dN_source_dk(6.0) < 1.4);
  // A14: T = 30 X0 (2.9 m of Fe) with the proton absorption: only 1 - e^{-30/9.55} = 95.7% of the
  // protons interact, and those interacting in the last X0 lose part of their cascade, so the
  // photon track above 75 MeV is below the thick value by a little more than 4.3% (< 10%).
  DumpMaterial fe30 = fe;
  fe30.thickness_X0 = 30.0;
  const DumpShowerFlux f30 = build_analytic_dump_shower_flux(sw, fe30, th);
  CHECK(f30.pot_weight == Approx(-std::expm1(-30.0 / fe.interaction_length_X0)).epsilon(1e-14));
  const double r30 = f30.photon_track.integral(0.075, 8.0) / f.photon_track.integral(0.075, 8.0);
  CHECK(r30 < f30.pot_weight);
  CHECK(r30 > 0.9);
}

TEST_CASE("shower flux: ArgoNeuT finite graphite target, bit-reproducible tables", "[shower_flux]") {
  const BmptPi0 bm = argoneut_bmpt();
  const DumpMaterial c = graphite();
  const double th = 1e-3;
  const DumpShowerFlux f = build_analytic_dump_shower_flux(bm, c, th);
  const double T = c.thickness_X0, lam = c.interaction_length_X0, mu = 7.0 / 9.0;
  const double P = -std::expm1(-T / lam);
  CHECK(f.pot_weight == Approx(P).epsilon(1e-14));
  // Source photons alone travel int_0^T dt w(t) (1 - e^{-mu (T - t)})/mu per interaction:
  //   [P - e^{-mu T} (e^{(mu - 1/lambda) T} - 1)/(lambda (mu - 1/lambda))]/mu;
  // near the end point the track/source ratio is that over P, plus a few % of cascade photons.
  const double Ls = (P - std::exp(-mu * T) * std::expm1((mu - 1.0 / lam) * T) / (lam * (mu - 1.0 / lam))) / mu;
  const double ratio = f.dl_gamma_dk(80.0) / f.dN_source_dk(80.0);
  CHECK(ratio > Ls / P);
  CHECK(ratio == Approx(Ls / P).epsilon(0.05));
  // The finite target keeps less than the thick one (which would hold the whole shower).
  DumpMaterial thick = c;
  thick.thickness_X0 = kInf;
  const DumpShowerFlux ft = build_analytic_dump_shower_flux(bm, thick, th);
  for (double E : {0.075, 1.0, 10.0}) {
    INFO("E = " << E);
    CHECK(f.dl_gamma_dk(E) < ft.dl_gamma_dk(E));
    CHECK(f.dl_positron_dE(E) < ft.dl_positron_dE(E));
  }
  // Fixed rules only: a second build is identical to the last bit.
  const DumpShowerFlux g = build_analytic_dump_shower_flux(bm, c, th);
  CHECK(g.photon_track.content == f.photon_track.content);
  CHECK(g.positron_track.content == f.positron_track.content);
  CHECK(g.photon_source.content == f.photon_source.content);
}

TEST_CASE("shower flux: GroupSpectrum density and integral", "[shower_flux]") {
  // A power law E^-2 on log groups: integral exact for whole groups; density log-log exact at
  // interior points between centres for a power law of the group means (1e-12 in the ratio law).
  GroupSpectrum s;
  for (int j = 0; j <= 20; ++j) s.edges.push_back(1e-3 * std::pow(10.0, j / 10.0));
  for (int g = 0; g < 20; ++g) s.content.push_back(1.0 / s.edges[g] - 1.0 / s.edges[g + 1]);
  CHECK(s.integral(s.edges[3], s.edges[9]) == Approx(1.0 / s.edges[3] - 1.0 / s.edges[9]).epsilon(1e-12));
  CHECK(s.total() == Approx(1.0 / s.edges[0] - 1.0 / s.edges[20]).epsilon(1e-12));
  const double E1 = 0.02, E2 = 0.04;  // density of group means scales as E^-2 exactly
  CHECK(s.density(E1) / s.density(E2) == Approx(4.0).epsilon(1e-12));
  CHECK(s.density(0.5e-3) == 0.0);
  CHECK(s.density(0.2) == 0.0);
}
