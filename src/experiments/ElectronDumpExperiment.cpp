#include "alpscan/experiments/ElectronDumpExperiment.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/MassNodes.hpp"
#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/physics/AlpBremsstrahlung.hpp"
#include "alpscan/physics/CascadeAngles.hpp"
#include "alpscan/physics/ConeConvolution.hpp"
#include "alpscan/physics/DecayInVolume.hpp"
#include "alpscan/physics/DecayProductAcceptance.hpp"
#include "alpscan/physics/EmCascade.hpp"
#include "alpscan/physics/ExpNeg.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "alpscan/physics/ShowerTrackLength.hpp"
#include "alpscan/physics/SmearedPrimakoffCone.hpp"
#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ConfigReaders.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/experiments/FamilyRegistry.hpp"

namespace alpscan {

namespace {

constexpr double kMassFloor = 1e-30;   // GeV (the unscreened Primakoff yield is singular at m = 0)
constexpr double kExpUnderflow = 745.0;
constexpr double kWLo = -25.0;         // ln(1 - E/E0) below which the electron spectrum is a tail term
constexpr int kWNodes = 400;           // electron track-length table nodes
constexpr int kWPanels = 12;           // GL panels (8 nodes) in w for the brems electron integral (E > (E_a + E0)/2)
constexpr int kSPanels = 12;           // GL panels (8 nodes) in ln(E - E_a) for it below (E_a + E0)/2
constexpr double kFaceStepLnE = 0.2;   // least ln E step between face-acceptance evaluations in prepare()

physics::PrimakoffTarget target(const ElectronDumpConfig& c) {
  physics::PrimakoffTarget t;
  t.helm.R1 = physics::lewin_smith_r1(c.A, c.helm_r1_c1, c.helm_r1_c0, c.helm_r1_c2);
  t.helm.s = c.helm_s;
  t.helm.x_cut = c.helm_cut;
  t.screening = c.screening;
  if (c.screening == physics::Screening::tsai)
    t.screening_q = physics::tsai_screening_momentum(c.Z, c.screening_coeff, units::m_electron);
  return t;
}

const ElectronDumpConfig& checked(const ElectronDumpConfig& c) {
  if (!(c.E0 > 0) || !(c.N_EOT > 0) || !(c.Z > 0) || !(c.A > 0) || !(c.n_X0 > 0) || !(c.thickness_X0 > 0))
    throw std::invalid_argument("ElectronDumpExperiment: E_beam, N_EOT, Z, A, X0 and thickness must be > 0");
  if (!(c.L_d > 0) || !(c.L_v > 0) || !(c.half_size > 0) || std::isinf(c.L_d) || std::isinf(c.half_size))
    throw std::invalid_argument("ElectronDumpExperiment: L_d, L_v and half_size must be > 0 (L_v may be +inf: open region)");
  if (!(c.E_min > 0) || !(c.E_min < c.E0))
    throw std::invalid_argument("ElectronDumpExperiment: 0 < E_min < E_beam required");
  if (!(c.efficiency > 0) || c.efficiency > 1)
    throw std::invalid_argument("ElectronDumpExperiment: 0 < efficiency <= 1 required");
  if (c.n_E_bins < 1) throw std::invalid_argument("ElectronDumpExperiment: n_E_bins must be >= 1");
  if (c.face_acceptance) {
    if (std::isinf(c.L_v)) throw std::invalid_argument("ElectronDumpExperiment: the face acceptance needs a finite decay region");
    const std::size_t n = c.run_fraction.size();
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      if (!(c.run_fraction[i] > 0) || !(c.face_half_x[i] > 0) || !(c.face_half_y[i] > 0))
        throw std::invalid_argument("ElectronDumpExperiment: face sizes and run fractions must be > 0");
      sum += c.run_fraction[i];
    }
    if (n == 0 || c.face_half_x.size() != n || c.face_half_y.size() != n || std::abs(sum - 1.0) > 1e-6)
      throw std::invalid_argument("ElectronDumpExperiment: one face width, height and charge fraction per run, fractions summing to 1");
    if (c.n_decay_slices < 1 || c.n_face_rings < 1)
      throw std::invalid_argument("ElectronDumpExperiment: num_decay_slices and num_face_rings must be >= 1");
  }
  return c;
}

}  // namespace

ElectronDumpExperiment::ElectronDumpExperiment(ExperimentInfo info, ElectronDumpConfig cfg)
    : info_(std::move(info)),
      cfg_(checked(cfg)),
      open_(std::isinf(cfg.L_v)),
      theta_max_(cfg.half_size / (cfg.L_d + (open_ ? 0.0 : cfg.L_v))),
      q_coherent_(physics::nuclear_coherence_momentum(cfg.A)),
      J_(target(cfg), physics::JResolution{}) {
  cones_ = {theta_max_};
  if (cfg_.face_acceptance) {
    // Rings of the ALP's impact radius on the face plane, out to twice the largest half-diagonal (an ALP
    // further out sends no product onto the face at the masses where the region closes: lost); the
    // acceptance cones are the ring edges seen from the dump.
    S_ = cfg_.n_decay_slices;
    double r_max = 0.0;
    for (std::size_t i = 0; i < cfg_.run_fraction.size(); ++i)
      r_max = std::max(r_max, 2.0 * std::hypot(cfg_.face_half_x[i], cfg_.face_half_y[i]));
    cones_.clear();
    for (int i = 0; i <= cfg_.n_face_rings; ++i) {
      ring_r_.push_back(r_max * i / cfg_.n_face_rings);
      if (i > 0) cones_.push_back(ring_r_.back() / (cfg_.L_d + cfg_.L_v));
    }
  }
  // The invisible channel (br_inv, or g_achi and m_chi) shortens the lifetime and, in an open region,
  // makes missing energy.
  info_.axes = {Axis::m_a, Axis::g_agg, Axis::g_ae, Axis::g_achi, Axis::m_chi, Axis::br_inv};
  // Electron track length: ln(dl_e/dE) on nodes uniform in w = ln(1 - E/E0), from w_lo (E ~ E0) to
  // the lowest ALP energy (E = E_min/2 for margin). Smooth in w; the 1/(u ln^2 u) edge at E -> E0 is
  // the w -> -inf end, whose remainder is the exact tail integral below.
  w_lo_ = kWLo;
  w_hi_ = std::log1p(-0.5 * cfg_.E_min / cfg_.E0);
  dw_ = (w_hi_ - w_lo_) / (kWNodes - 1);
  ln_tle_.resize(kWNodes);
  for (int i = 0; i < kWNodes; ++i) {
    const double E = cfg_.E0 * -std::expm1(w_lo_ + i * dw_);
    ln_tle_[i] = std::log(physics::electron_track_length(cfg_.E0, E, cfg_.thickness_X0));
  }
  tail_tl_ = physics::electron_track_length_within(-std::log1p(-std::exp(w_lo_)), cfg_.thickness_X0);
}

void ElectronDumpExperiment::build_photon_cascade() {
  const bool need_track = cfg_.photon_track_cascade && photon_cascade_.edges.empty();
  const bool need_angles = cfg_.photon_angles && ang_edges_.empty();
  if (!need_track && !need_angles) return;
  // The whole shower of one beam electron: groups from a quarter of the ALP threshold (the photons
  // that matter are above it; results above E do not depend on the lower end) up to E0, the electron
  // injected in the top group at the front face. Approximation A (no ionisation loss): the critical
  // energy of the dump materials (20-50 MeV) is far below the GeV photons that make detectable ALPs.
  physics::CascadeGrid grid;
  grid.E_min = 0.25 * cfg_.E_min;
  grid.E_max = cfg_.E0;
  grid.groups_per_decade = cfg_.cascade_groups_per_decade;
  const physics::EmCascade cascade(grid, physics::CascadeMedium{});
  std::vector<double> photons(cascade.groups(), 0.0), leptons(cascade.groups(), 0.0);
  leptons.back() = 1.0;
  if (need_track) {
    const physics::CascadeResult r = cascade.solve(photons, leptons, cfg_.thickness_X0, 0.0, cfg_.cascade_depth_step);
    photon_cascade_.edges = r.edges;
    photon_cascade_.content = r.photon_track;
  }
  if (need_angles) {
    // Multiple scattering: the variance mixture of the thick-target shower (physics/CascadeAngles; a finite
    // dump of >= 30 X0 makes the angle at k within a few X0 of the parent's creation, as a thick one).
    const physics::CascadeVarianceMixture mix(cascade, photons, leptons, cfg_.scattering_energy);
    ang_edges_ = mix.edges();
    ang_V_ = mix.variances();
    ang_w_ = mix.all_weights();
  }
}

std::vector<double> ElectronDumpExperiment::group_weights(double k) const {
  if (ang_edges_.size() < 2) throw std::logic_error("ElectronDumpExperiment: photon angles before prepare() or with photon_angles = collinear");
  // The group containing k (groups are 1.4% wide; the angles scale as 1/k).
  const std::size_t ng = ang_edges_.size() - 1;
  std::size_t g = std::upper_bound(ang_edges_.begin(), ang_edges_.end(), k) - ang_edges_.begin();
  g = std::clamp<std::size_t>(g, 1, ng) - 1;
  const std::size_t nb = ang_V_.size();
  return std::vector<double>(ang_w_.begin() + g * nb, ang_w_.begin() + (g + 1) * nb);
}

physics::GaussianMixtureAngles ElectronDumpExperiment::photon_angles(double k) const {
  return physics::GaussianMixtureAngles(ang_V_, group_weights(k));
}

void ElectronDumpExperiment::build_smeared_cones() {
  smeared_.clear();
  if (!cfg_.photon_angles) return;
  for (double c : cones_) smeared_.emplace_back(ang_V_, c);
}

double ElectronDumpExperiment::photon_track_length(double k) const {
  if (cfg_.photon_track_cascade) {
    if (photon_cascade_.edges.empty()) throw std::logic_error("ElectronDumpExperiment: photon track length before prepare()");
    return photon_cascade_.density(k);
  }
  return physics::photon_track_length(cfg_.E0, k, cfg_.thickness_X0);
}

double ElectronDumpExperiment::electron_tl(double E) const {
  const double w = std::log1p(-E / cfg_.E0);
  const double s = std::clamp((w - w_lo_) / dw_, 0.0, kWNodes - 1.000001);
  const int i = static_cast<int>(s);
  const double t = s - i;
  return std::exp(ln_tle_[i] + t * (ln_tle_[i + 1] - ln_tle_[i]));
}

std::vector<double> ElectronDumpExperiment::photon_yield_in_cones(double E, double m) const {
  return photon_yield_in_cones(E, m, nullptr);
}

std::vector<double> ElectronDumpExperiment::photon_yield_in_cones(double E, double m, const std::vector<std::vector<double>>* C_E) const {
  std::vector<double> out(cones_.size(), 0.0);
  if (!cfg_.photon_production || !(E > m) || !(E < cfg_.E0)) return out;
  const double tau = m * m * m * m / (4.0 * E * E);
  const double pref = cfg_.n_X0 * photon_track_length(E) * units::alpha_em * cfg_.Z * cfg_.Z / 4.0;
  if (!cfg_.photon_angles) {
    for (std::size_t c = 0; c < cones_.size(); ++c) out[c] = pref * J_(tau, 0.0, E * cones_[c]);
    return out;
  }
  if (smeared_.size() != cones_.size()) throw std::logic_error("ElectronDumpExperiment: photon yield before prepare()");
  // The photons' acceptance for an ALP offset by Delta/E, tabulated per cone (mass-independent), and one
  // Delta integral per cone (physics/SmearedPrimakoffCone; = photon_yield_in_cone_direct, faster).
  // C_E: the per-cone acceptance tables at this E, mass-independent (prepare() makes them once per bin).
  const std::vector<std::vector<double>> C_own = C_E ? std::vector<std::vector<double>>{} : smeared_acceptances(E);
  for (std::size_t c = 0; c < cones_.size(); ++c) {
    const std::vector<double>& C = C_E ? (*C_E)[c] : C_own[c];
    out[c] = pref * physics::primakoff_J_smeared(J_.target(), tau, E * cones_[c],
                                                 [&](double Delta) { return smeared_[c].at(C, Delta / E); });
  }
  return out;
}

std::vector<std::vector<double>> ElectronDumpExperiment::smeared_acceptances(double E) const {
  const std::vector<double> w = group_weights(E);
  std::vector<std::vector<double>> C;
  for (const auto& sc : smeared_) C.push_back(sc.acceptance(w));
  return C;
}

double ElectronDumpExperiment::photon_yield_in_cone_direct(double E, double m, double theta_c) const {
  if (!cfg_.photon_production || !(E > m) || !(E < cfg_.E0) || !(theta_c > 0)) return 0.0;
  const double tau = m * m * m * m / (4.0 * E * E);
  const double pref = cfg_.n_X0 * photon_track_length(E) * units::alpha_em * cfg_.Z * cfg_.Z / 4.0;
  if (!cfg_.photon_angles) return pref * J_(tau, 0.0, E * theta_c);
  // Photons at theta_g about the axis (moment-matched cascade shape) x the Primakoff kernel of one photon
  // at theta_g: J(tau; p_T = E theta_g, K = E theta_c) (ALP inside the cone, azimuth done analytically).
  const physics::GaussianMixtureAngles ang = photon_angles(E);
  // Panels: from half the narrowest Gaussian that matters to the cone plus 5 widths of the widest, each
  // at most a factor 2 (ConeConvolution), so every Gaussian of the mixture is resolved.
  double v_lo = 0.0, v_hi = 0.0;
  const std::size_t nb = ang_V_.size();
  {
    const std::size_t ng = ang_edges_.size() - 1;
    std::size_t g = std::upper_bound(ang_edges_.begin(), ang_edges_.end(), E) - ang_edges_.begin();
    g = std::clamp<std::size_t>(g, 1, ng) - 1;
    for (std::size_t i = 0; i < nb; ++i) {
      if (!(ang_w_[g * nb + i] > 1e-6)) continue;
      if (v_lo == 0.0) v_lo = ang_V_[i];
      v_hi = ang_V_[i];
    }
  }
  if (!(v_lo > 0)) return pref * J_(tau, 0.0, E * theta_c);
  static const physics::ConeConvolutionRule rule{8, 2.0};
  const double F = physics::cone_convolution([&](double th) { return ang.density(th); },
                                             [&](double th) { return J_(tau, E * th, E * theta_c); },
                                             {0.5 * std::sqrt(v_lo), theta_c}, theta_c + 5.0 * std::sqrt(v_hi), rule);
  return pref * F;
}

double ElectronDumpExperiment::face_acceptance(double E, double m, double r, double ell) const {
  // a -> gamma gamma kinematics for both channels: for m >> 2 m_e the e+ e- pair opens the same way; near
  // the pair threshold it opens less (p* < m/2), so the photon value is conservative for e+ e-.
  static const physics::DecayProductRule rule{8, 6};
  double a = 0.0;
  for (std::size_t i = 0; i < cfg_.run_fraction.size(); ++i)
    a += cfg_.run_fraction[i] * physics::decay_products_on_face_ring(E, m, 0.0, r, ell, {cfg_.face_half_x[i], cfg_.face_half_y[i]},
                                                                     cfg_.E_min, rule);
  return a;
}

std::vector<double> ElectronDumpExperiment::acceptance_matrix(double E, double m) const {
  // Per ring i (its area midpoint) and slice s (its midpoint, ell = distance to the face).
  const int R = static_cast<int>(ring_r_.size()) - 1;
  std::vector<double> A(static_cast<std::size_t>(R) * S_);
  for (int i = 0; i < R; ++i) {
    const double r = std::sqrt(0.5 * (ring_r_[i] * ring_r_[i] + ring_r_[i + 1] * ring_r_[i + 1]));
    for (int s = 0; s < S_; ++s) A[i * S_ + s] = face_acceptance(E, m, r, cfg_.L_v * (1.0 - (s + 0.5) / S_));
  }
  return A;
}

std::vector<double> ElectronDumpExperiment::slices_from_cones(const std::vector<double>& cum, const std::vector<double>& A) const {
  // cum[i] = yield inside cone i (ring edge i + 1); ring i holds cum[i] - cum[i - 1].
  std::vector<double> out(S_, 0.0);
  for (std::size_t i = 0; i < cum.size(); ++i) {
    const double y = cum[i] - (i > 0 ? cum[i - 1] : 0.0);
    if (!(y > 0)) continue;
    for (int s = 0; s < S_; ++s) out[s] += y * A[i * S_ + s];
  }
  return out;
}

std::vector<double> ElectronDumpExperiment::photon_yield_slices(double E, double m) const {
  const std::vector<double> cum = photon_yield_in_cones(E, m);
  if (!cfg_.face_acceptance) return cum;
  return slices_from_cones(cum, acceptance_matrix(E, m));
}

std::vector<double> ElectronDumpExperiment::electron_yield_slices(double E, double m) const {
  const std::vector<double> cum = yield_electron_in_cones(E, m);
  if (!cfg_.face_acceptance) return cum;
  return slices_from_cones(cum, acceptance_matrix(E, m));
}

namespace {
double mean(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return v.empty() ? 0.0 : s / v.size();
}
}  // namespace

double ElectronDumpExperiment::yield_photon_direct(double E, double m) const { return mean(photon_yield_slices(E, m)); }
double ElectronDumpExperiment::yield_electron_direct(double E, double m) const { return mean(electron_yield_slices(E, m)); }


std::vector<double> ElectronDumpExperiment::yield_electron_in_cones(double Ea, double m) const {
  std::vector<double> out(cones_.size(), 0.0);
  if (!cfg_.electron_production || !(Ea > m) || !(Ea < cfg_.E0)) return out;
  // int_{Ea}^{E0} dE dl_e/dE (1/E) dsigma/dx f_acc in w = ln(1 - E/E0): dE = (E0 - E) |dw|. All cones in one
  // pass: the track length and the cross section are shared, only the angular acceptance differs.
  const std::size_t nc = cones_.size();
  auto add_H = [&](double E, double factor, double* acc) {
    const double x = Ea / E;
    // Complete screening holds only while the atom recoils coherently: beyond the nuclear coherence
    // momentum the form factor suppresses the yield by orders of magnitude (NA64 at m_a >~ 3 GeV), which
    // the formula does not know. Such emissions are dropped -- a conservative (weaker) yield; the
    // form-factor integral of the improved WW flux is the open refinement (README, Open items).
    if (physics::alp_brems_min_momentum_transfer(E, x, m) > q_coherent_) return;
    const double d = physics::alp_brems_dsigma_dx(E, x, m, cfg_.Z);
    for (std::size_t c = 0; c < nc; ++c)
      if (cones_[c] > 0) acc[c] += factor * (d * physics::alp_brems_acceptance(E, x, m, cones_[c]) / E);
  };
  static const physics::GaussLegendre gl(8);
  // Two pieces, each in the variable that makes its end smooth: from E0 down to E_s = (Ea + E0)/2 in w
  // (the track length's edge at E -> E0), from E_s down to Ea + m_e (x <= 1 - m_e/E) in ln(E - Ea): for
  // m_a >> m_e, dsigma/dx ~ 1/(1 - x) = E/(E - Ea) down to E - Ea ~ Ea m_e^2/m_a^2, a log peak that panels
  // in w under-resolved (0.5-0.8 of the integral at m_a = 100 MeV in NA64; issue 13).
  const double Es = 0.5 * (Ea + cfg_.E0);
  const double wa = std::log1p(-Es / cfg_.E0);
  const double h = (wa - w_lo_) / kWPanels;
  std::vector<double> panel(nc);
  {
    const double s0 = std::log(units::m_electron), s1 = std::log(Es - Ea);
    if (s1 > s0) {
      const double hs = (s1 - s0) / kSPanels;
      for (int p = 0; p < kSPanels; ++p) {
        const double a = s0 + p * hs, b = a + hs, ctr = 0.5 * (a + b), hh = 0.5 * (b - a);
        std::fill(panel.begin(), panel.end(), 0.0);
        for (int i = 0; i < gl.size(); ++i) {
          const double d = std::exp(ctr + hh * gl.nodes()[i]), E = Ea + d;
          add_H(E, gl.weights()[i] * (electron_tl(E) * d), panel.data());
        }
        for (std::size_t c = 0; c < nc; ++c) out[c] += panel[c] * hh;
      }
    }
  }
  for (int p = 0; p < kWPanels; ++p) {
    // GaussLegendre::integrate's arithmetic, per cone.
    const double a = w_lo_ + p * h, b = w_lo_ + (p + 1) * h, ctr = 0.5 * (a + b), hh = 0.5 * (b - a);
    std::fill(panel.begin(), panel.end(), 0.0);
    for (int i = 0; i < gl.size(); ++i) {
      const double E = cfg_.E0 * -std::expm1(ctr + hh * gl.nodes()[i]);
      add_H(E, gl.weights()[i] * (electron_tl(E) * (cfg_.E0 - E)), panel.data());
    }
    for (std::size_t c = 0; c < nc; ++c) out[c] += panel[c] * hh;
  }
  std::fill(panel.begin(), panel.end(), 0.0);
  add_H(cfg_.E0 * (1.0 - 0.5 * std::exp(w_lo_)), tail_tl_, panel.data());  // E ~ E0: H is constant there
  for (std::size_t c = 0; c < nc; ++c) out[c] = cfg_.n_X0 * (out[c] + panel[c]);
  return out;
}

void ElectronDumpExperiment::make_energy_bins() {
  // Energy bins uniform in v(E) = ln E - ln(1 - E/E0 + 1e-4): like ln E at low energy (the decay
  // exponent ~ 1/E changes by the same fraction per bin) and like -ln(E0 - E) near the beam energy,
  // where the bremsstrahlung spectrum peaks (x -> 1 and the 1/(u ln^2 u) electron track length).
  // Uniform ln E bins missed that peak by 5-30% at 96 bins.
  E_.clear();
  dE_.clear();
  const int nE = cfg_.n_E_bins;
  const double E0 = cfg_.E0;
  auto v = [&](double E) { return std::log(E) - std::log1p(-E / E0 + 1e-4); };
  auto v_inv = [&](double t) {  // bisection: v is increasing
    double a = cfg_.E_min, b = E0;
    for (int i = 0; i < 200 && b - a > 1e-15 * E0; ++i) {
      const double c = 0.5 * (a + b);
      (v(c) < t ? a : b) = c;
    }
    return 0.5 * (a + b);
  };
  const double v0 = v(cfg_.E_min), v1 = v(E0);
  std::vector<double> edge(nE + 1);
  for (int i = 0; i <= nE; ++i) edge[i] = i == 0 ? E0 : i == nE ? cfg_.E_min : v_inv(v1 - (v1 - v0) * i / nE);
  for (int j = 0; j < nE; ++j) {
    E_.push_back(v_inv(v1 - (v1 - v0) * (j + 0.5) / nE));  // midpoint in v
    dE_.push_back(edge[j] - edge[j + 1]);
  }
}

void ElectronDumpExperiment::prepare(const PrepareContext& ctx) {
  build_photon_cascade();
  build_smeared_cones();
  make_energy_bins();
  const MassNodes nodes = log_mass_nodes(ctx.m_a_min, ctx.m_a_max, cfg_.m_nodes_per_decade, kMassFloor);
  const std::size_t nJ = E_.size() * S_;  // energy bin j, slice s at j S + s
  tab_g_ = YieldTable(nodes, nJ, MassInterpolation::log_where_positive);
  tab_e_ = YieldTable(nodes, nJ, MassInterpolation::log_where_positive);
  // Face acceptance: a smooth function of E at fixed m (it depends on gamma = E/m and E_th/E), computed on
  // the energy bins at least kFaceStepLnE apart in ln E (the first and the last bin always; E137: 10 nodes,
  // steps 0.2-0.30, against 25 nodes and steps up to 0.39 with every 4th bin) and interpolated
  // linearly in ln E in between: the dominant prepare cost. The bins crowd near E0 (uniform in
  // ln E - ln(1 - E/E0)), where a fixed bin stride wasted evaluations (tables vs direct:
  // tests/experiments/electron_dump).
  std::vector<std::size_t> at;
  if (cfg_.face_acceptance) {
    for (std::size_t j = 0; j < E_.size(); ++j)
      if (at.empty() || std::log(E_[at.back()] / E_[j]) >= kFaceStepLnE - 1e-12) at.push_back(j);
    if (at.back() != E_.size() - 1) at.push_back(E_.size() - 1);
  }
  // The photons' smeared-cone acceptances depend on E only: once per bin, shared by every mass.
  std::vector<std::vector<std::vector<double>>> C_E(E_.size());
  if (cfg_.photon_angles && cfg_.photon_production)
    for (std::size_t j = 0; j < E_.size(); ++j) C_E[j] = smeared_acceptances(E_[j]);
  std::vector<std::vector<double>> e_rows(nodes.m.size());
  tab_g_.fill_by_mass([&](std::size_t k, double m, double* out) {
    const std::size_t nE = E_.size();
    std::vector<std::vector<double>> A(nE);
    if (cfg_.face_acceptance) {
      for (std::size_t j : at) A[j] = acceptance_matrix(E_[j], m);
      for (std::size_t a = 0; a + 1 < at.size(); ++a)
        for (std::size_t j = at[a] + 1; j < at[a + 1]; ++j) {
          const double t = std::log(E_[j] / E_[at[a]]) / std::log(E_[at[a + 1]] / E_[at[a]]);
          A[j].resize(A[at[a]].size());
          for (std::size_t q = 0; q < A[j].size(); ++q) A[j][q] = A[at[a]][q] + t * (A[at[a + 1]][q] - A[at[a]][q]);
        }
    }
    e_rows[k].resize(nE * S_);
    for (std::size_t j = 0; j < nE; ++j) {
      std::vector<double> cg = photon_yield_in_cones(E_[j], m, C_E[j].empty() ? nullptr : &C_E[j]);
      std::vector<double> ce = yield_electron_in_cones(E_[j], m);
      if (cfg_.face_acceptance) cg = slices_from_cones(cg, A[j]), ce = slices_from_cones(ce, A[j]);
      std::copy(cg.begin(), cg.end(), out + j * S_);
      std::copy(ce.begin(), ce.end(), e_rows[k].begin() + j * S_);
    }
  });
  tab_e_.fill_by_mass([&](std::size_t k, double, double* out) { std::copy(e_rows[k].begin(), e_rows[k].end(), out); });
  prepared_ = true;
  mc_ = MassCache{};
}

// Layout: {tag, Y_g table, Y_e table, photon cascade (n_edges, edges, content) or 0}. The cascade (the
// photon track length, seconds to solve) is stored because yield_photon_direct() needs it outside the
// tables; the energy bins are recomputed.
namespace {
constexpr double kPreparedTag = 20261205.9;  // layout version (.5: + photon angle moments, .6: decay slices, .7: face acceptance on ln E steps, .8: brems integral in ln(E - E_a), .9: brems only while the nucleus recoils coherently)
}

std::vector<double> ElectronDumpExperiment::save_prepared() const {
  if (!prepared_) return {};
  std::vector<double> v = save_yield_tables(kPreparedTag, {&tab_g_, &tab_e_});
  v.push_back(double(photon_cascade_.edges.size()));
  v.insert(v.end(), photon_cascade_.edges.begin(), photon_cascade_.edges.end());
  v.insert(v.end(), photon_cascade_.content.begin(), photon_cascade_.content.end());
  v.push_back(double(ang_edges_.size()));
  v.push_back(double(ang_V_.size()));
  for (const auto* a : {&ang_edges_, &ang_V_, &ang_w_}) v.insert(v.end(), a->begin(), a->end());
  return v;
}

bool ElectronDumpExperiment::restore_prepared(const PrepareContext& ctx, const std::vector<double>& v) {
  prepared_ = false;
  make_energy_bins();
  std::size_t pos = 0;
  if (!restore_yield_tables(v, kPreparedTag, {&tab_g_, &tab_e_}, MassInterpolation::log_where_positive, E_.size() * S_,
                            log_mass_nodes(ctx.m_a_min, ctx.m_a_max, cfg_.m_nodes_per_decade, kMassFloor), pos) ||
      pos >= v.size())
    return false;
  // The cascade option decides whether there is a cascade (edges = groups + 1 >= 2) or none (0); the
  // photon_angles option whether there are angle moments (na >= 2) or none (0).
  const std::size_t ne = static_cast<std::size_t>(v[pos]);
  if (double(ne) != v[pos] || (cfg_.photon_track_cascade ? ne < 2 : ne != 0) || v.size() - pos - 1 < (ne > 0 ? 2 * ne - 1 : 0))
    return false;
  ++pos;
  const std::size_t pc = pos;
  pos += ne > 0 ? 2 * ne - 1 : 0;
  if (pos >= v.size()) return false;
  if (pos + 1 >= v.size()) return false;
  const std::size_t na = static_cast<std::size_t>(v[pos]), nb = static_cast<std::size_t>(v[pos + 1]);
  if (double(na) != v[pos] || double(nb) != v[pos + 1] || (cfg_.photon_angles ? na < 2 || nb < 1 : na != 0) ||
      v.size() - pos - 2 != (na > 0 ? na + nb + (na - 1) * nb : nb))
    return false;
  pos += 2;
  if (ne > 0) {
    photon_cascade_.edges.assign(v.begin() + pc, v.begin() + pc + ne);
    photon_cascade_.content.assign(v.begin() + pc + ne, v.begin() + pc + 2 * ne - 1);
  }
  ang_edges_.assign(v.begin() + pos, v.begin() + pos + na);
  ang_V_.assign(v.begin() + pos + na, v.begin() + pos + na + nb);
  ang_w_.assign(v.begin() + pos + na + nb, v.end());
  build_smeared_cones();
  prepared_ = true;
  mc_ = MassCache{};
  return true;
}

void ElectronDumpExperiment::table(const YieldTable& tab, int j, const YieldTable::Bracket& b, double m, double* out) const {
  // Yields fall steeply near E ~ m and the coherence limit: ln Y is interpolated where both are > 0.
  if (b.k >= 0) {
    for (int s = 0; s < S_; ++s) out[s] = tab.at(static_cast<std::size_t>(j) * S_ + s, b);
    return;
  }
  const std::vector<double> y = &tab == &tab_g_ ? photon_yield_slices(E_[j], m) : electron_yield_slices(E_[j], m);
  std::copy(y.begin(), y.end(), out);
}

double ElectronDumpExperiment::table_mean(const YieldTable& tab, int j, double m) const {
  std::vector<double> y(S_);
  table(tab, j, tab.bracket(m), m, y.data());
  return mean(y);
}

void ElectronDumpExperiment::set_mass(double m) {
  MassCache& c = mc_;
  c = MassCache{};
  c.m = m;
  const int nE = static_cast<int>(E_.size());
  while (c.n < nE && E_[c.n] > m) ++c.n;
  c.Wg.resize(static_cast<std::size_t>(c.n) * S_), c.We.resize(static_cast<std::size_t>(c.n) * S_), c.a.resize(c.n);
  c.P.resize(c.n), c.q.resize(c.n), c.term.resize(c.n);
  c.rv = open_ ? 0.0 : cfg_.L_v / cfg_.L_d;
  const YieldTable::Bracket b = tab_g_.bracket(m);  // both tables have the same nodes
  const double norm = cfg_.N_EOT * cfg_.efficiency;
  for (int j = 0; j < c.n; ++j) {
    const double E = E_[j], dE = dE_[j];
    double* wg = c.Wg.data() + static_cast<std::size_t>(j) * S_;
    double* we = c.We.data() + static_cast<std::size_t>(j) * S_;
    table(tab_g_, j, b, m, wg);
    table(tab_e_, j, b, m, we);
    const double p = std::sqrt((E - m) * (E + m));
    c.a[j] = cfg_.L_d * m / p;  // L_d/lambda = L_d m Gamma/p
    for (int s = 0; s < S_; ++s) {
      wg[s] *= norm * dE;
      we[s] *= norm * dE;
      // Long lifetime: the decays are uniform along the region, x_v/S per slice.
      c.Cg += wg[s] * c.a[j] * c.rv / S_;
      c.Ce += we[s] * c.a[j] * c.rv / S_;
      c.Sg += wg[s];
      c.Se += we[s];
    }
    c.b_max = std::max(c.b_max, c.a[j] * (1.0 + c.rv));
  }
  if (!open_ && c.b_max > 0) decay_series(c);
  c.Wg_suffix.assign(c.n + 1, 0.0), c.We_suffix.assign(c.n + 1, 0.0);
  for (int j = c.n - 1; j >= 0; --j) {
    c.Wg_suffix[j] = c.Wg_suffix[j + 1];
    c.We_suffix[j] = c.We_suffix[j + 1];
    for (int s = 0; s < S_; ++s) {
      c.Wg_suffix[j] += c.Wg[static_cast<std::size_t>(j) * S_ + s];
      c.We_suffix[j] += c.We[static_cast<std::size_t>(j) * S_ + s];
    }
  }
  c.Wg_by_slice.resize(c.Wg.size()), c.We_by_slice.resize(c.We.size());
  for (int j = 0; j < c.n; ++j)
    for (int s = 0; s < S_; ++s) {
      c.Wg_by_slice[static_cast<std::size_t>(s) * c.n + j] = c.Wg[static_cast<std::size_t>(j) * S_ + s];
      c.We_by_slice[static_cast<std::size_t>(s) * c.n + j] = c.We[static_cast<std::size_t>(j) * S_ + s];
    }
}

namespace {
// sum_j sum_s (g_agg^2 Wg_js + g_ae^2 We_js) P_js over n bins and S slices (W index s stride + j), with
// P_js = e^{-x_d} q^s (1 - q), q = e^{-x_s}, x_d = Gamma a_j, x_s = x_d r (r = x_v/x_d per slice). The
// exponentials by physics/ExpNeg, the slices by Horner in q as the outer loop, so that every loop over the
// bins vectorises (within ~1e-16 relative of libm's exp/expm1); P, q, term: n values of scratch.
ALPSCAN_VECTOR_CLONES
double slice_decay_sum(const double* Wg, const double* We, int stride, const double* a, int n, int S, double Gamma,
                       double r, double gg2, double ge2, double* P, double* q, double* term) {
  for (int j = 0; j < n; ++j) {
    const double xd = Gamma * a[j], xs = xd * r;
    double one_minus_q;
    physics::exp_neg_and_complement(xs, q[j], one_minus_q);
    P[j] = physics::exp_neg(xd) * one_minus_q;
  }
  // sum_s w_s q^s by Horner from the last slice: one pass per slice, no dependent product chain over s
  const auto w = [&](int s, int j) {
    return gg2 * Wg[static_cast<std::size_t>(s) * stride + j] + ge2 * We[static_cast<std::size_t>(s) * stride + j];
  };
  for (int j = 0; j < n; ++j) term[j] = w(S - 1, j);
  for (int s = S - 2; s >= 0; --s)
    for (int j = 0; j < n; ++j) term[j] = w(s, j) + q[j] * term[j];
  for (int j = 0; j < n; ++j) term[j] *= P[j];
  return physics::sum4(term, n);
}

// Open region: sum_j (g_agg^2 Wg_j + g_ae^2 We_j) (S_j + BR_inv (1 - S_j)), S_j = e^{-Gamma a_j} (ExpNeg).
ALPSCAN_VECTOR_CLONES
double open_region_sum(const double* Wg, const double* We, const double* a, int n, double Gamma, double gg2,
                       double ge2, double binv, double* term) {
  for (int j = 0; j < n; ++j) {
    const double surv = physics::exp_neg(Gamma * a[j]);
    term[j] = (gg2 * Wg[j] + ge2 * We[j]) * (surv + binv * (1.0 - surv));
  }
  return physics::sum4(term, n);
}

// E_k += sum_j (1 + rv) a_j c_j^(k-1) sum_s W_js D_sk for k = 1..kSeriesTerms (index k - 1), D_sk = (B'^k -
// A'^k)/k! (ElectronDumpExperiment::decay_series); the loops over k vectorise.
constexpr int kTerms = 20;  // = ElectronDumpExperiment::kSeriesTerms
ALPSCAN_VECTOR_CLONES
void add_series_moments(const double* Wg, const double* We, const double* a, int n, int S, double scale,
                        double b_max, const double* D, double* Eg, double* Ee) {
  for (int j = 0; j < n; ++j) {
    double pw[kTerms], sg[kTerms] = {}, se[kTerms] = {};
    const double cj = a[j] * scale / b_max;
    pw[0] = scale * a[j];
    for (int k = 1; k < kTerms; ++k) pw[k] = pw[k - 1] * cj;
    for (int s = 0; s < S; ++s) {
      const double wg = Wg[static_cast<std::size_t>(j) * S + s], we = We[static_cast<std::size_t>(j) * S + s];
      for (int k = 0; k < kTerms; ++k) {
        sg[k] += wg * D[s * kTerms + k];
        se[k] += we * D[s * kTerms + k];
      }
    }
    for (int k = 0; k < kTerms; ++k) {
      Eg[k] += pw[k] * sg[k];
      Ee[k] += pw[k] * se[k];
    }
  }
}
}  // namespace

// The decay factor of slice s of bin j, e^{-x_d} q^s (1 - q) = e^{-Gamma a_j A_s} - e^{-Gamma a_j B_s}
// (A_s = 1 + s r, B_s = A_s + r, r = rv/S), as a power series: with u = Gamma b_max, c_j = a_j (1 + rv)/b_max
// <= 1 and A', B' = A, B/(1 + rv) <= 1 (every power <= 1: no overflow at any order),
//   sum_js W_js P_js / Gamma = sum_{k>=1} (-u)^(k-1) E_k,
//   E_k = (1 + rv) sum_j a_j c_j^(k-1) sum_s W_js (B'^k - A'^k)/k!,
// B'^k - A'^k = B' (B'^(k-1) - A'^(k-1)) + (r/(1 + rv)) A'^(k-1): a sum of positive terms (no cancellation).
// The series alternates with terms falling as u^(k-1)/(k-1)!: at u <= kSeriesMax = 0.5 its sum loses a few
// ulp to cancellation (the terms add to < e^u E_1 and the result is > e^-u E_1); E_k <= E_1/(k-1)!, so the
// tail after K terms is < u^K/K! E_1, and a point sums the K (<= kSeriesTerms = 20) terms that make it
// < 1e-20 E_1. (Up to u = 1, with more terms, is slower than the bin sum it replaces.)
// E_k is stored at index k - 1, for the photon (Eg) and electron (Ee) weights.
void ElectronDumpExperiment::decay_series(MassCache& c) const {
  static_assert(kSeriesTerms == kTerms);
  const double scale = 1.0 + c.rv, r = c.rv / S_ / scale;
  // (B'^k - A'^k)/k! per slice s and order k (the same for every bin), index s K + k - 1
  std::vector<double> D(static_cast<std::size_t>(S_) * kSeriesTerms);
  for (int s = 0; s < S_; ++s) {
    const double A = (1.0 + s * c.rv / S_) / scale, B = A + r;
    double d = r, Ak = 1.0, fact = 1.0;  // B'^k - A'^k, A'^(k-1), k! at k = 1
    for (int k = 1; k <= kSeriesTerms; ++k) {
      D[static_cast<std::size_t>(s) * kSeriesTerms + k - 1] = d / fact;
      Ak *= A;
      d = B * d + r * Ak;
      fact *= k + 1;
    }
  }
  c.Eg.assign(kSeriesTerms, 0.0);
  c.Ee.assign(kSeriesTerms, 0.0);
  add_series_moments(c.Wg.data(), c.We.data(), c.a.data(), c.n, S_, scale, c.b_max, D.data(), c.Eg.data(),
                     c.Ee.data());
}

double ElectronDumpExperiment::signal(double m, double g_agg, double g_ae, double br_inv) {
  return expected_signal(model::AlpModel::from_couplings(m, g_agg, g_ae, br_inv));
}

// What both evaluations of a point start from; false: no coupling, no signal.
bool ElectronDumpExperiment::point_couplings(const model::AlpModel& alp, double& m, double& gg2, double& ge2) const {
  if (!prepared_) throw std::logic_error("ElectronDumpExperiment::signal called before prepare()");
  m = std::max(alp.m_a(), kMassFloor);
  // Primakoff production (one leg at q^2 = t, in the tables per unit g^2): today's constant coupling.
  const double g_agg = alp.g_gamma(model::kOnShellPhotons), g_ae = alp.g_ae();
  gg2 = g_agg * g_agg, ge2 = g_ae * g_ae;
  return gg2 > 0 || ge2 > 0;
}

double ElectronDumpExperiment::expected_signal(const model::AlpModel& alp) {
  double m, gg2, ge2;
  if (!point_couplings(alp, m, gg2, ge2)) return 0.0;
  const model::AlpWidths& w = alp.widths();
  const double Gamma = w.total();
  if (open_) {
    // Open region: P = exp(-x_d) + BR_inv (1 - exp(-x_d)) per bin, whatever the decay channel; a
    // stable ALP (Gamma = 0: g_ae only, below 2 m_e) always escapes, P = 1.
    if (m != mc_.m) set_mass(m);
    const MassCache& c = mc_;
    if (c.n == 0) return 0.0;
    // Long lifetime in every bin: P = 1 - (1 - BR_inv) x_d + ..., relative error <= Gamma b_max.
    if (!(Gamma > 0) || Gamma * c.b_max <= cfg_.fast_tol) return gg2 * c.Sg + ge2 * c.Se;
    const double binv = w.br_inv();
    // Without invisible decays the bins beyond the first whose survival underflows add nothing.
    const int n = binv == 0.0 ? bins_below_underflow(c, Gamma) : c.n;
    return open_region_sum(c.Wg.data(), c.We.data(), c.a.data(), n, Gamma, gg2, ge2, binv, mc_.term.data());
  }
  const double Gdet = (cfg_.detect_gg ? w.gg : 0.0) + (cfg_.detect_ee ? w.ee : 0.0);
  if (!(Gamma > 0) || !(Gdet > 0)) return 0.0;
  if (m != mc_.m) set_mass(m);
  const MassCache& c = mc_;
  if (c.n == 0) return 0.0;
  // Long lifetime in every bin: P = x_v (1 - x_d - x_v/2 + ...), relative error <= Gamma b_max.
  if (Gamma * c.b_max <= cfg_.fast_tol) return Gdet * (gg2 * c.Cg + ge2 * c.Ce);
  // Longer lifetimes up to u = Gamma b_max = kSeriesMax: the power series in u (set_mass()).
  const double u = Gamma * c.b_max;
  if (u <= kSeriesMax && !c.Eg.empty()) {
    // Terms after the K-th are < u^K/K! E_1 in all (E_k <= E_1/(k-1)!): as many as that needs to fall below 1e-20.
    int K = 1;
    for (double tail = u; K < kSeriesTerms && tail > 1e-20; ++K) tail *= u / (K + 1);
    double tg = 0.0, te = 0.0;
    for (int k = K - 1; k >= 0; --k) tg = c.Eg[k] - u * tg, te = c.Ee[k] - u * te;
    return Gdet * (gg2 * tg + ge2 * te);
  }
  // Slices of the decay region (one with the disc acceptance): P_s = e^{-x_d} q^s (1 - q), q = e^{-x_v/S};
  // the bins beyond the first whose x_d underflows add nothing (a increases with j).
  const int n = bins_below_underflow(c, Gamma);
  MassCache& mc = mc_;
  auto sum_to = [&](int nb) {
    return slice_decay_sum(c.Wg_by_slice.data(), c.We_by_slice.data(), c.n, c.a.data(), nb, S_, Gamma, c.rv / S_, gg2,
                           ge2, mc.P.data(), mc.q.data(), mc.term.data());
  };
  // Short lifetimes: the bins from the first with x_d > x_d(bin 0) + kTailExponent on add at most
  // e^{-x_d(0) - kTailExponent} sum_{j >= cut} sum_s W_js (every P_js <= e^{-x_d}); when that is below
  // 1e-17 of the sum over the bins before, they are left out (a relative change < 1e-17).
  const double x_cut = Gamma * c.a[0] + kTailExponent;
  const int cut = static_cast<int>(
      std::partition_point(c.a.begin(), c.a.begin() + n, [&](double a) { return !(Gamma * a > x_cut); }) - c.a.begin());
  if (cut < n) {
    const double head = sum_to(cut);
    const double tail = std::exp(-x_cut) * (gg2 * c.Wg_suffix[cut] + ge2 * c.We_suffix[cut]);
    if (tail <= 1e-17 * head) return head * Gdet / Gamma;
  }
  return sum_to(n) * Gdet / Gamma;
}

double ElectronDumpExperiment::signal_summed_bins(const model::AlpModel& alp) {
  double m, gg2, ge2;
  if (!point_couplings(alp, m, gg2, ge2)) return 0.0;
  const model::AlpWidths& w = alp.widths();
  const double Gamma = w.total();
  if (m != mc_.m) set_mass(m);
  const MassCache& c = mc_;
  double s = 0.0;
  if (open_) {
    const double binv = w.br_inv();
    for (int j = 0; j < c.n; ++j) {
      const double surv = !(Gamma > 0) ? 1.0 : std::exp(-Gamma * c.a[j]);
      s += (gg2 * c.Wg[j] + ge2 * c.We[j]) * (surv + binv * (1.0 - surv));
    }
    return s;
  }
  const double Gdet = (cfg_.detect_gg ? w.gg : 0.0) + (cfg_.detect_ee ? w.ee : 0.0);
  if (!(Gamma > 0) || !(Gdet > 0)) return 0.0;
  for (int j = 0; j < c.n; ++j) {
    const double xd = Gamma * c.a[j], xs = xd * c.rv / S_;
    const double q = std::exp(-xs);
    double P = std::exp(-xd) * -std::expm1(-xs);
    for (int k = 0; k < S_; ++k, P *= q)
      s += (gg2 * c.Wg[static_cast<std::size_t>(j) * S_ + k] + ge2 * c.We[static_cast<std::size_t>(j) * S_ + k]) * P;
  }
  return s * Gdet / Gamma;
}

int ElectronDumpExperiment::bins_below_underflow(const MassCache& c, double Gamma) {
  return static_cast<int>(std::partition_point(c.a.begin(), c.a.end(),
                                               [&](double a) { return !(Gamma * a > kExpUnderflow); }) -
                          c.a.begin());
}

double ElectronDumpExperiment::signal_reference(double m, double g_agg, double g_ae, double br_inv,
                                                int n_panels) const {
  const model::AlpModel alp = model::AlpModel::from_couplings(m, g_agg, g_ae, br_inv);
  m = std::max(m, kMassFloor);
  const double lo = std::max(cfg_.E_min, m), hi = cfg_.E0;
  if (!(hi > lo)) return 0.0;
  const model::AlpWidths& w = alp.widths();
  const double Gamma = w.total();
  const double Gdet = (cfg_.detect_gg ? w.gg : 0.0) + (cfg_.detect_ee ? w.ee : 0.0);
  if (!open_ && (!(Gamma > 0) || !(Gdet > 0))) return 0.0;
  // Decay factor: the finite volume (times BR_det below), or the open region's survival to L_d plus
  // the invisible decays before it (no BR_det).
  const double binv = w.br_inv();
  // Per slice s of the decay region (one slice: the whole region).
  auto P = [&](double E, int k) {
    if (!open_) {
      const double Ls = cfg_.L_v / S_;
      return physics::decay_in_volume_probability(E, m, Gamma, cfg_.L_d + k * Ls, Ls);
    }
    const double xd = cfg_.L_d / physics::decay_length(E, m, Gamma);
    const double surv = std::exp(-xd);
    return surv + binv * (1.0 - surv);
  };
  // GL panels in v = ln E - ln(1 - E/E0 + 1e-4) (as the bins, see prepare()): dE = dv / v'(E).
  const double E0 = cfg_.E0;
  auto v = [&](double E) { return std::log(E) - std::log1p(-E / E0 + 1e-4); };
  auto v_inv = [&](double t) {
    double a = lo, b = hi;
    for (int i = 0; i < 200 && b - a > 1e-15 * E0; ++i) {
      const double c = 0.5 * (a + b);
      (v(c) < t ? a : b) = c;
    }
    return 0.5 * (a + b);
  };
  const physics::GaussLegendre gl(8);
  const double v0 = v(lo), h = (v(hi) - v0) / n_panels;
  double total = 0.0;
  for (int p = 0; p < n_panels; ++p)
    total += gl.integrate(
        [&](double t) {
          const double E = v_inv(t);
          const double dEdv = 1.0 / (1.0 / E + 1.0 / (E0 * (1.0 - E / E0 + 1e-4)));
          // photon_yield_slices and electron_yield_slices with the face acceptance evaluated once
          std::vector<double> yg = photon_yield_in_cones(E, m), ye = yield_electron_in_cones(E, m);
          if (cfg_.face_acceptance) {
            const std::vector<double> A = acceptance_matrix(E, m);
            yg = slices_from_cones(yg, A), ye = slices_from_cones(ye, A);
          }
          double y = 0.0;
          for (int k = 0; k < S_; ++k) y += (g_agg * g_agg * yg[k] + g_ae * g_ae * ye[k]) * P(E, k);
          return y * dEdv;
        },
        v0 + p * h, v0 + (p + 1) * h);
  return cfg_.N_EOT * cfg_.efficiency * total * (open_ ? 1.0 : Gdet / Gamma);
}

// ---- configuration from the data file, and registration ----

namespace {
constexpr double kAvogadro = 6.02214076e23;  // 1/mol (SI 2019, exact)
}

ElectronDumpConfig read_electron_dump_config(ExperimentInput& in) {
  ElectronDumpConfig c;
  c.E0 = in.number("E_beam", "energy");
  c.N_EOT = in.number("N_EOT", "number");
  c.Z = in.number("Z", "number");
  c.A = in.number("A", "number");
  // X0 in g/cm^2 (the PDG convention; the file format has no mass units): nuclei per area in one X0.
  const double X0 = in.number("X0_g_per_cm2", "number");
  c.n_X0 = X0 * kAvogadro / c.A / (units::cm * units::cm);
  // Thickness in X0; 0 or absent means a thick (infinite) target.
  const double T = in.number_or("target_thickness_X0", "number", 0.0);
  c.thickness_X0 = T > 0 ? T : std::numeric_limits<double>::infinity();
  read_helm_form_factor(in, c);
  c.L_d = in.number("L_decay_start", "length");
  // 0 means an OPEN decay region (L_v = +inf): every ALP that passes L_decay_start counts, visible
  // downstream or escaping as missing energy (NA64's active-dump signature; ElectronDumpExperiment.hpp).
  const double Lv = in.number("L_decay_length", "length");
  c.L_v = Lv == 0.0 ? std::numeric_limits<double>::infinity() : Lv;
  c.half_size = in.number("detector_half_size", "length");
  // Decay-product acceptance: the real faces (one per run) or the line of flight in an equal-area disc.
  c.face_acceptance = in.option("decay_acceptance", {"face", "disc"}) == "face";
  const std::vector<double> w = in.numbers_when(c.face_acceptance, "face_width", "length");
  const std::vector<double> h = in.numbers_when(c.face_acceptance, "face_height", "length");
  c.run_fraction = in.numbers_when(c.face_acceptance, "run_charge_fraction", "number");
  for (double x : w) c.face_half_x.push_back(0.5 * x);
  for (double x : h) c.face_half_y.push_back(0.5 * x);
  c.n_decay_slices = static_cast<int>(in.number_or("num_decay_slices", "number", c.n_decay_slices));
  c.n_face_rings = static_cast<int>(in.number_or("num_face_rings", "number", c.n_face_rings));
  c.efficiency = in.number("efficiency", "number");
  // One overall efficiency calibrated to the collaboration's own limit (README "E137"): files without the
  // option keep the physical normalisation.
  const bool calibrated = in.option_or("efficiency", {"calibrated", "physical"}, "physical") == "calibrated";
  const double f = in.number_when(calibrated, "calibration_factor", "number", 1.0);
  if (calibrated && !(f > 0 && f <= 1))
    in.add_problem("/parameters/calibration_factor", "expected a calibrated efficiency in (0, 1] (option efficiency = "
                                                     "calibrated)");
  else if (calibrated)
    c.efficiency *= f;
  c.E_min = in.number("E_min", "energy");

  c.photon_track_cascade = in.option("photon_track_length", {"cascade", "tsai_whitis"}) == "cascade";
  c.photon_angles = in.option("photon_angles", {"multiple_scattering", "collinear"}) == "multiple_scattering";
  c.scattering_energy = in.number_when(c.photon_angles, "multiple_scattering_Es", "energy", c.scattering_energy);
  read_screening(in, c);
  const std::string ch = in.option("channels", {"gg+ee", "gg", "ee"});
  c.detect_gg = ch != "ee";
  c.detect_ee = ch != "gg";
  const std::string prod = in.option("production", {"primakoff+brems", "primakoff", "brems"});
  c.photon_production = prod != "brems";
  c.electron_production = prod != "primakoff";

  read_table_resolution(in, c);
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<ElectronDumpExperiment, read_electron_dump_config>(
    "electron_dump", "electron beam dump: Primakoff on shower photons and ALP bremsstrahlung, visible decays");

}  // namespace alpscan
