#include "alpscan/experiments/ShowerDumpExperiment.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/core/Units.hpp"
#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/physics/AlpCompton.hpp"
#include "alpscan/physics/DecayInVolume.hpp"
#include "alpscan/physics/PrimakoffScattering.hpp"
#include "alpscan/physics/Quadrature.hpp"

namespace alpscan {

namespace {
constexpr double kAvogadro = 6.02214076e23;  // mol^-1
constexpr double kCosMin = 0.9;              // seed L104: cos theta >= 0.9
enum Detection { kDecay = 0, kInversePrimakoff = 1, kInverseCompton = 2, kPairConversion = 3, kNumDetection = 4 };
const char* detection_name(int d) {
  switch (d) {
    case kDecay: return "a -> gamma gamma / e+ e- decay";
    case kInversePrimakoff: return "inverse Primakoff a N -> gamma N";
    case kInverseCompton: return "inverse Compton a e -> gamma e";
    default: return "pair conversion a Z -> e+ e- Z";
  }
}
}  // namespace

ShowerDumpExperiment::ShowerDumpExperiment(ExperimentInfo info, ShowerDumpConfig cfg)
    : info_(std::move(info)), cfg_(std::move(cfg)) {
  info_.axes = {Axis::m_a, Axis::g_agg, Axis::g_ae};
  if (!(cfg_.N_POT > 0) || !(cfg_.distance > 0) || !(cfg_.acceptance_area > 0) || !(cfg_.face_area > 0))
    throw std::invalid_argument("ShowerDumpExperiment: N_POT, distance, acceptance and face areas must be > 0");
  if (cfg_.shape == DetectorShape::sphere && !(cfg_.radius > 0 && cfg_.radius < cfg_.distance))
    throw std::invalid_argument("ShowerDumpExperiment: the sphere radius must be > 0 and below the distance");
  if (cfg_.shape == DetectorShape::box && !(cfg_.length > 0))
    throw std::invalid_argument("ShowerDumpExperiment: the box length must be > 0");
  if (cfg_.E_edges.size() < 2 || !std::is_sorted(cfg_.E_edges.begin(), cfg_.E_edges.end()) || !(cfg_.E_edges[0] > 0))
    throw std::invalid_argument("ShowerDumpExperiment: energy bin edges must be > 0 and ascending");
  if (values_per_point(info_) != cfg_.E_edges.size() - 1)
    throw std::invalid_argument("ShowerDumpExperiment: the data need one value per energy bin (" +
                                std::to_string(cfg_.E_edges.size() - 1) + "; a counting experiment has one window)");
  theta_det_ = physics::detector_half_angle(cfg_.acceptance_area, cfg_.distance);
}

void ShowerDumpExperiment::prepare(const PrepareContext&) {
  if (prepared_) return;
  if (cfg_.pi0_sanford_wang) pi0_ = std::make_unique<physics::SanfordWangPi0>(cfg_.sanford_wang);
  else pi0_ = std::make_unique<physics::BmptPi0>(cfg_.bmpt, cfg_.bmpt_pt);
  flux_ = std::make_unique<physics::DumpShowerFlux>(
      physics::build_analytic_dump_shower_flux(*pi0_, cfg_.dump, theta_det_, cfg_.flux));
  // ALP energy groups: log subdivisions of every analysis bin, then up to the top of the flux.
  groups_.clear();
  bin_of_group_.clear();
  const int nb = static_cast<int>(cfg_.E_edges.size()) - 1;
  for (int i = 0; i < nb; ++i) {
    const double a = cfg_.E_edges[i], b = cfg_.E_edges[i + 1];
    const int n = std::max(cfg_.groups_per_bin,
                           static_cast<int>(std::ceil(std::log10(b / a) * cfg_.groups_per_decade_above)));
    for (int k = 0; k < n; ++k) {
      groups_.push_back(a * std::pow(b / a, double(k) / n));
      bin_of_group_.push_back(i);
    }
  }
  const double top = flux_->photon_track.edges.back();
  const double last = cfg_.E_edges.back();
  groups_.push_back(last);
  if (top > last) {
    const int n = std::max(1, static_cast<int>(std::ceil(std::log10(top / last) * cfg_.groups_per_decade_above)));
    for (int k = 1; k <= n; ++k) {
      groups_.push_back(last * std::pow(top / last, double(k) / n));
      bin_of_group_.push_back(-1);
    }
  }
  E_group_.resize(groups_.size() - 1);
  for (std::size_t j = 0; j + 1 < groups_.size(); ++j) E_group_[j] = std::sqrt(groups_[j] * groups_[j + 1]);

  ShowerProductionConfig pc = cfg_.production;
  pc.Z = cfg_.dump.Z;
  pc.A = cfg_.dump.A;
  pc.n_X = kAvogadro * cfg_.dump.X0 / cfg_.dump.A / (units::cm * units::cm);
  pc.theta_det = theta_det_;
  production_ = std::make_unique<ShowerProduction>(pc, flux_.get(), groups_);
  if (cfg_.shape == DetectorShape::sphere)
    sphere_ = std::make_unique<physics::SphereDecayTable>(cfg_.radius, cfg_.distance, cfg_.sphere_mode);
  mc_ = MassCache{};
  prepared_ = true;
}

double ShowerDumpExperiment::decay_probability(double lambda) const {
  if (cfg_.shape == DetectorShape::sphere) return (*sphere_)(lambda);
  return physics::decay_in_volume_probability(lambda, cfg_.distance, cfg_.length);
}

// The per-mass tables, built lazily by coupling: a g_agg-only scan never builds the electron-coupling
// channels and vice versa (each half is most of the per-mass cost).
const ShowerDumpExperiment::MassCache& ShowerDumpExperiment::cache(double m, bool photon, bool electron) {
  if (!prepared_) throw std::logic_error("ShowerDumpExperiment: signal before prepare()");
  const std::size_t ng = E_group_.size(), nb = cfg_.E_edges.size() - 1;
  MassCache& c = mc_;
  if (c.m != m) {
    c = MassCache{};
    c.m = m;
    c.f_coll.assign(ng, 0.0);
    c.f_coll_ee.assign(ng, 0.0);
    // gamma gamma: massless daughters; e+ e-: the exact massive-daughter solution (it matters near
    // threshold: f_coll(300, 13 MeV) = 0.139 instead of 0.114).
    physics::CollinearityCut ee = cfg_.collinearity;
    ee.daughter_mass = units::m_electron;
    for (std::size_t j = 0; j < ng; ++j) {
      const double E = E_group_[j];
      if (!(E > m)) continue;
      c.f_coll[j] = cfg_.collinearity_cut ? physics::collinearity_acceptance(E, m, cfg_.collinearity) : 1.0;
      c.f_coll_ee[j] = cfg_.collinearity_cut ? physics::collinearity_acceptance(E, m, ee) : 1.0;
    }
  }
  if (photon && !c.photon_done) {
    production_->spectrum(ProductionChannel::primakoff, m, c.phi[static_cast<int>(ProductionChannel::primakoff)]);
    c.sigma_ip.assign(ng, 0.0);
    std::vector<physics::PrimakoffScattering> targets;
    for (const auto& t : cfg_.nuclei) targets.emplace_back(t.Z, t.A, cfg_.production.primakoff);
    if (cfg_.inverse_primakoff)
      for (std::size_t j = 0; j < ng; ++j)
        if (E_group_[j] > m)
          for (std::size_t t = 0; t < targets.size(); ++t)
            c.sigma_ip[j] += cfg_.nuclei[t].count / cfg_.face_area *
                             targets[t].inverse_sigma_cos_between(E_group_[j], m, kCosMin, 1.0);
    c.photon_done = true;
  }
  if (electron && !c.electron_done) {
    for (ProductionChannel k : {ProductionChannel::compton, ProductionChannel::resonant, ProductionChannel::associated,
                                ProductionChannel::brems})  // resonant: zeros (its line is below)
      production_->spectrum(k, m, c.phi[static_cast<int>(k)]);
    // Resonant line: into the group that contains E_a = m^2/2m_e (none if outside the groups).
    const ResonantLine line = production_->resonance(m);
    if (line.alps > 0)
      for (std::size_t j = 0; j < ng; ++j)
        if (line.E_a >= groups_[j] && line.E_a < groups_[j + 1]) c.res_group = static_cast<int>(j), c.res_events = line.alps;
    c.ic.assign(ng * nb, 0.0);
    if (cfg_.inverse_compton) inverse_compton_response(m, c.ic);
    // Pair conversion (D5): only below 2 m_e, where the tables are non-zero; E_vis = E_a.
    c.pair.assign(ng, 0.0);
    if (cfg_.pair_conversion)
      for (std::size_t j = 0; j < ng; ++j)
        if (E_group_[j] > m)
          for (const ScatteringTarget& t : cfg_.nuclei)
            c.pair[j] += t.count / cfg_.face_area * t.pair_scale * t.pair(E_group_[j], m);
    c.electron_done = true;
  }
  return c;
}

// Inverse Compton a e -> gamma e (spec D4, A8): the electron's kinetic energy T is the visible energy;
// it must point forward (cos theta_e >= 0.9), and with the collinearity cut a photon harder than the
// soft threshold must lie within psi0 of it (opening angle theta_e + theta_gamma, both on opposite
// sides of the ALP). Response[j][i] = (N_e/A_face) int_{T in bin i} dsigma/dT accept, GL in T.
void ShowerDumpExperiment::inverse_compton_response(double m, std::vector<double>& ic) const {
  const std::size_t nb = cfg_.E_edges.size() - 1;
  const physics::GaussLegendre gl(16);
  for (std::size_t j = 0; j < E_group_.size(); ++j) {
    const double Ea = E_group_[j];
    const physics::AlpEnergyInterval r = physics::alp_inverse_compton_recoil_range(Ea, m);
    if (r.empty()) continue;
    for (std::size_t i = 0; i < nb; ++i) {
      const double a = std::max(cfg_.E_edges[i], r.lo), b = std::min(cfg_.E_edges[i + 1], r.hi);
      if (!(b > a)) continue;
      ic[j * nb + i] = cfg_.electrons / cfg_.face_area * gl.integrate(
                                                             [&](double T) {
                                                               if (physics::alp_inverse_compton_cos_theta_e(Ea, T, m) < kCosMin) return 0.0;
                                                               if (cfg_.collinearity_cut && Ea - T > cfg_.collinearity.E_thr &&
                                                                   physics::alp_inverse_compton_theta_e(Ea, T, m) +
                                                                           physics::alp_inverse_compton_theta_gamma(Ea, T, m) >
                                                                       cfg_.collinearity.psi0)
                                                                 return 0.0;
                                                               return physics::alp_inverse_compton_dsigma_dT(Ea, T, m);
                                                             },
                                                             a, b);
    }
  }
}

void ShowerDumpExperiment::signal_bins(double m, double g_agg, double g_ae, int production, int detection,
                                       double* out) {
  const std::size_t nb = cfg_.E_edges.size() - 1;
  std::fill(out, out + nb, 0.0);
  if (!(m > 0) || (g_agg <= 0 && g_ae <= 0)) return;
  const MassCache& c = cache(m, g_agg > 0, g_ae > 0);
  const model::AlpWidths w = model::widths(m, g_agg, g_ae);
  const double gamma = w.total(), br_gg = w.br_gg(), br_ee = w.br_ee();
  const double norm = cfg_.N_POT * cfg_.efficiency;
  for (std::size_t j = 0; j < E_group_.size(); ++j) {
    double n = 0;  // ALPs in group j pointing at the detector, per POT
    for (int k = 0; k < kNumProductionChannels; ++k) {
      if (production >= 0 && production != k) continue;
      const double g2 = production_via_photon_coupling(static_cast<ProductionChannel>(k)) ? g_agg * g_agg : g_ae * g_ae;
      if (g2 > 0) n += g2 * c.phi[k][j];
    }
    if (static_cast<int>(j) == c.res_group && (production < 0 || production == static_cast<int>(ProductionChannel::resonant)))
      n += g_ae * g_ae * c.res_events;
    if (!(n > 0)) continue;
    const double lambda = physics::decay_length(E_group_[j], m, gamma);
    const double survive = std::isinf(lambda) ? 1.0 : (lambda > 0 ? std::exp(-cfg_.distance / lambda) : 0.0);
    const int i = bin_of_group_[j];
    if (i >= 0) {
      if (cfg_.decays && (detection < 0 || detection == kDecay))
        out[i] += norm * n * decay_probability(lambda) * (br_gg * c.f_coll[j] + br_ee * c.f_coll_ee[j]);
      if (cfg_.inverse_primakoff && (detection < 0 || detection == kInversePrimakoff))
        if (g_agg > 0) out[i] += norm * n * survive * g_agg * g_agg * c.sigma_ip[j];
      if (cfg_.pair_conversion && (detection < 0 || detection == kPairConversion))
        if (g_ae > 0) out[i] += norm * n * survive * g_ae * g_ae * c.pair[j];
    }
    if (cfg_.inverse_compton && g_ae > 0 && (detection < 0 || detection == kInverseCompton))
      for (std::size_t b = 0; b < nb; ++b) out[b] += norm * n * survive * g_ae * g_ae * c.ic[j * nb + b];
  }
}

void ShowerDumpExperiment::expected_signal_bins(const AlpPoint& p, double* out) {
  signal_bins(p.m_a(), p.g_agg(), p.g_ae(), -1, -1, out);
}

double ShowerDumpExperiment::expected_signal(const AlpPoint& p) {
  bins_.resize(cfg_.E_edges.size() - 1);
  expected_signal_bins(p, bins_.data());
  double t = 0;
  for (double x : bins_) t += x;
  return t;
}

std::vector<SignalPart> ShowerDumpExperiment::explain(const AlpPoint& p) {
  std::vector<SignalPart> parts;
  std::vector<double> s(cfg_.E_edges.size() - 1);
  for (int k = 0; k < kNumProductionChannels; ++k)
    for (int d = 0; d < kNumDetection; ++d) {
      signal_bins(p.m_a(), p.g_agg(), p.g_ae(), k, d, s.data());
      double t = 0;
      for (double x : s) t += x;
      parts.push_back({std::string(production_channel_name(static_cast<ProductionChannel>(k))) + " x " + detection_name(d), t});
    }
  return parts;
}

}  // namespace alpscan
