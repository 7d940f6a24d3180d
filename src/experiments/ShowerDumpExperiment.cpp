#include "alpscan/experiments/ShowerDumpExperiment.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "alpscan/core/Units.hpp"
#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/physics/AlpCompton.hpp"
#include "alpscan/physics/DecayInVolume.hpp"
#include "alpscan/physics/PrimakoffScattering.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/experiments/FamilyRegistry.hpp"

namespace alpscan {

namespace {
constexpr double kAvogadro = 6.02214076e23;  // mol^-1
constexpr double kCosMin = 0.9;              // seed L104: cos theta >= 0.9
constexpr double kInf = std::numeric_limits<double>::infinity();
// exp(-x) for x >= 0, with 0.0 (what exp returns) beyond its underflow threshold (745.13) taken
// without calling it: exp's underflow path (errno) costs many times a normal call.
inline double exp_minus_or_zero(double x) { return x > 746.0 ? 0.0 : std::exp(-x); }
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
  // The invisible channel (br_inv, or g_achi and m_chi) shortens the lifetime and lowers the visible BRs.
  info_.axes = {Axis::m_a, Axis::g_agg, Axis::g_ae, Axis::g_achi, Axis::m_chi, Axis::br_inv};
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

void ShowerDumpExperiment::prepare_source() {
  if (flux_) return;
  if (cfg_.pi0_sanford_wang) pi0_ = std::make_unique<physics::SanfordWangPi0>(cfg_.sanford_wang);
  else pi0_ = std::make_unique<physics::BmptPi0>(cfg_.bmpt, cfg_.bmpt_pt);
  physics::ShowerFluxOptions flux_options = cfg_.flux;
  if (cfg_.production.primakoff_production == PrimakoffProduction::physical && !cfg_.primakoff_on_axis &&
      cfg_.production.enabled[static_cast<int>(ProductionChannel::primakoff)] && flux_options.theta_edges.empty())
    flux_options.theta_edges = photon_angle_edges();
  flux_ = std::make_unique<physics::DumpShowerFlux>(
      physics::build_analytic_dump_shower_flux(*pi0_, cfg_.dump, theta_det_, flux_options));
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
}

// 0, equal solid angle inside theta_det (theta_det an edge: the cone's edge is where A(theta_gamma)
// drops), then log-spaced to photon_theta_max.
std::vector<double> ShowerDumpExperiment::photon_angle_edges() const {
  std::vector<double> e{0.0};
  const int n_in = std::max(1, cfg_.photon_annuli_inside);
  for (int i = 1; i <= n_in; ++i) e.push_back(theta_det_ * std::sqrt(double(i) / n_in));
  const double top = std::max(cfg_.photon_theta_max, theta_det_);
  const int n_out = static_cast<int>(std::ceil(std::log10(top / theta_det_) * cfg_.photon_annuli_per_decade));
  for (int i = 1; i <= n_out; ++i) e.push_back(theta_det_ * std::pow(top / theta_det_, double(i) / n_out));
  return e;
}

namespace {
// The job's masses: > 0, ascending, distinct; the range ends where only the range is known.
MassNodes job_masses(const PrepareContext& ctx) {
  return mass_nodes_of(ctx.m_a_values.empty() ? std::vector<double>{ctx.m_a_min, ctx.m_a_max} : ctx.m_a_values, 0.0);
}
constexpr double kPreparedTag = 20261205.6;  // save_prepared() layout version
}  // namespace

void ShowerDumpExperiment::prepare(const PrepareContext& ctx) {
  prepare_source();
  // Every job mass, both couplings (a point at g_agg = 0 or g_ae = 0 uses only one half).
  mass_tables_ = YieldTable(job_masses(ctx), row_size(), MassInterpolation::exact_nodes);
  mass_tables_.fill_by_mass([&](std::size_t, double m, double* row) {
    MassCache c;
    fill_cache(m, true, true, c);
    pack(c, row);
  });
  mc_ = MassCache{};
  prepared_ = true;
}

// Layout: {tag, YieldTable::save}. The source (flux, groups, detector) is rebuilt: it does not depend
// on the job, and the per-mass tables are the costly part.
std::vector<double> ShowerDumpExperiment::save_prepared() const {
  return prepared_ ? save_yield_tables(kPreparedTag, {&mass_tables_}) : std::vector<double>{};
}

bool ShowerDumpExperiment::restore_prepared(const PrepareContext& ctx, const std::vector<double>& v) {
  prepared_ = false;
  if (v.empty() || v[0] != kPreparedTag) return false;  // before the costly source
  prepare_source();
  prepared_ = restore_yield_tables(v, kPreparedTag, {&mass_tables_}, MassInterpolation::exact_nodes, row_size(),
                                   job_masses(ctx));
  if (!prepared_) return false;
  mc_ = MassCache{};
  return true;
}

std::size_t ShowerDumpExperiment::row_size() const {
  const std::size_t ng = E_group_.size(), nb = cfg_.E_edges.size() - 1;
  return (kNumProductionChannels + 4) * ng + ng * nb + 2;
}

void ShowerDumpExperiment::pack(const MassCache& c, double* row) const {
  for (int k = 0; k < kNumProductionChannels; ++k) row = std::copy(c.phi[k].begin(), c.phi[k].end(), row);
  for (const std::vector<double>* v : {&c.f_coll, &c.f_coll_ee, &c.sigma_ip, &c.pair, &c.ic})
    row = std::copy(v->begin(), v->end(), row);
  row[0] = c.res_events;
  row[1] = c.res_group;
}

void ShowerDumpExperiment::unpack(const double* row, double m, MassCache& c) const {
  const std::size_t ng = E_group_.size(), nb = cfg_.E_edges.size() - 1;
  c.m = m;
  for (int k = 0; k < kNumProductionChannels; ++k, row += ng) c.phi[k].assign(row, row + ng);
  for (std::vector<double>* v : {&c.f_coll, &c.f_coll_ee, &c.sigma_ip, &c.pair}) {
    v->assign(row, row + ng);
    row += ng;
  }
  c.ic.assign(row, row + ng * nb);
  row += ng * nb;
  c.res_events = row[0];
  c.res_group = static_cast<int>(row[1]);
  c.photon_done = c.electron_done = true;
  momenta(m, c.p);
}

void ShowerDumpExperiment::momenta(double m, std::vector<double>& p) const {
  p.assign(E_group_.size(), 0.0);
  for (std::size_t j = 0; j < E_group_.size(); ++j) {
    const double E = E_group_[j];
    if (E > m) p[j] = std::sqrt((E - m) * (E + m));  // as model::decay_length: no cancellation near E = m
  }
}

double ShowerDumpExperiment::decay_probability(double lambda) const {
  if (cfg_.shape == DetectorShape::sphere) return (*sphere_)(lambda);
  return physics::decay_in_volume_probability(lambda, cfg_.distance, cfg_.length);
}

// The per-mass tables: copied from prepare()'s table at a job mass; elsewhere built on the spot, by
// coupling (a g_agg-only evaluation never builds the electron-coupling channels and vice versa).
const ShowerDumpExperiment::MassCache& ShowerDumpExperiment::cache(double m, bool photon, bool electron) {
  if (!prepared_) throw std::logic_error("ShowerDumpExperiment: signal before prepare()");
  if (mc_.m != m) {
    const YieldTable::Bracket b = mass_tables_.bracket(m);
    if (b.k >= 0) {
      unpack(mass_tables_.node_values(static_cast<std::size_t>(b.k)), m, mc_);
      return mc_;
    }
  }
  fill_cache(m, photon, electron, mc_);
  return mc_;
}

void ShowerDumpExperiment::fill_cache(double m, bool photon, bool electron, MassCache& c) const {
  const std::size_t ng = E_group_.size(), nb = cfg_.E_edges.size() - 1;
  if (c.m != m) {
    c = MassCache{};
    c.m = m;
    momenta(m, c.p);
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

void ShowerDumpExperiment::signal_bins(const model::AlpModel& alp, int production, int detection, double* out) {
  const std::size_t nb = cfg_.E_edges.size() - 1;
  std::fill(out, out + nb, 0.0);
  const double m = alp.m_a();
  // One photon coupling for every vertex (Primakoff production and inverse Primakoff with a leg at
  // q^2 = t, meson decays, a -> gamma gamma on shell): today's model has no leg dependence.
  const double g_agg = alp.g_gamma(model::kOnShellPhotons), g_ae = alp.g_ae();
  if (!(m > 0) || (g_agg <= 0 && g_ae <= 0)) return;
  const MassCache& c = cache(m, g_agg > 0, g_ae > 0);
  static const std::array<bool, kNumProductionChannels> kViaPhoton = [] {
    std::array<bool, kNumProductionChannels> v{};
    for (int k = 0; k < kNumProductionChannels; ++k) v[k] = production_via_photon_coupling(static_cast<ProductionChannel>(k));
    return v;
  }();
  const model::AlpWidths& w = alp.widths();
  const double gamma = w.total(), br_gg = w.br_gg(), br_ee = w.br_ee();
  const double norm = cfg_.N_POT * cfg_.efficiency;
  for (std::size_t j = 0; j < E_group_.size(); ++j) {
    double n = 0;  // ALPs in group j pointing at the detector, per POT
    for (int k = 0; k < kNumProductionChannels; ++k) {
      if (production >= 0 && production != k) continue;
      const double g2 = kViaPhoton[k] ? g_agg * g_agg : g_ae * g_ae;
      if (g2 > 0) n += g2 * c.phi[k][j];
    }
    if (static_cast<int>(j) == c.res_group && (production < 0 || production == static_cast<int>(ProductionChannel::resonant)))
      n += g_ae * g_ae * c.res_events;
    if (!(n > 0)) continue;
    // lambda = model::decay_length(E_j, m, Gamma) with the momentum p_j cached per mass (the same
    // arithmetic, p/(m Gamma)); a survival exponent beyond exp's underflow gives exactly 0.0 without
    // exp's slow underflow path.
    const double lambda = !(E_group_[j] > m) ? 0.0 : !(gamma > 0) ? kInf : c.p[j] / (m * gamma);
    const double survive =
        std::isinf(lambda) ? 1.0 : (lambda > 0 ? exp_minus_or_zero(cfg_.distance / lambda) : 0.0);
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

void ShowerDumpExperiment::expected_signal_bins(const model::AlpModel& a, double* out) {
  signal_bins(a, -1, -1, out);
}

double ShowerDumpExperiment::expected_signal(const model::AlpModel& a) {
  bins_.resize(cfg_.E_edges.size() - 1);
  expected_signal_bins(a, bins_.data());
  double t = 0;
  for (double x : bins_) t += x;
  return t;
}

std::vector<SignalPart> ShowerDumpExperiment::explain(const model::AlpModel& a) {
  std::vector<SignalPart> parts;
  std::vector<double> s(cfg_.E_edges.size() - 1);
  for (int k = 0; k < kNumProductionChannels; ++k)
    for (int d = 0; d < kNumDetection; ++d) {
      signal_bins(a, k, d, s.data());
      double t = 0;
      for (double x : s) t += x;
      parts.push_back({std::string(production_channel_name(static_cast<ProductionChannel>(k))) + " x " + detection_name(d), t});
    }
  return parts;
}

// ---- configuration from the data file, and registration ----

namespace {
physics::SanfordWangParams sw_params(ExperimentInput& in, bool needed, const std::string& key) {
  physics::SanfordWangParams p;
  const std::vector<double> c = in.numbers_when(needed, key, "number");
  if (c.size() != 9) {
    if (!c.empty()) in.add_problem("/parameters/" + key, "expected the 9 Sanford-Wang coefficients c1..c9");
    return p;
  }
  for (int i = 0; i < 9; ++i) p.c[i] = c[i];
  return p;
}

// The pi0 source: option pi0_model = sanford_wang | bmpt. The other model's keys may stay in the file
// (they are checked, so switching the option works).
void read_pi0_source(ExperimentInput& in, ShowerDumpConfig& c) {
  c.pi0_sanford_wang = in.option("pi0_model", {"sanford_wang", "bmpt"}) == "sanford_wang";
  const bool sw = c.pi0_sanford_wang, bmpt = !sw;
  physics::SanfordWangPi0Config s = c.sanford_wang;
  s.p_beam = in.number_when(sw, "p_beam", "energy", s.p_beam);
  s.pi_plus = sw_params(in, sw, "sw_pip");
  s.pi_minus = sw_params(in, sw, "sw_pim");
  s.sigma_inel_ref = in.number_when(sw, "sigma_inel_ref", "area") / units::millibarn;  // the fit's unit: mb
  s.A_ref = in.number_when(sw, "A_ref", "number", s.A_ref);
  s.A_target = in.number_when(sw, "A_target", "number", s.A_target);
  s.alpha = in.number_when(sw, "pi0_A_exponent", "number", s.alpha);
  s.sigma_inel_target = in.number_when(sw, "sigma_inel_target", "area") / units::millibarn;
  s.secondary_factor = in.number_when(sw, "secondary_factor", "number", s.secondary_factor);
  if (sw) c.sanford_wang = s;
  const physics::BmptShape shape{in.number_when(bmpt, "bmpt_c_alpha", "number"),
                                 in.number_when(bmpt, "bmpt_c_beta", "number"),
                                 in.number_when(bmpt, "bmpt_c_gamma", "number")};
  const double E_beam = in.number_when(bmpt, "E_beam", "energy");
  const double n_pi0 = in.number_when(bmpt, "n_pi0", "number");
  const double pt_a = in.number_when(bmpt, "pt_a", "inverse_energy");
  const double pt_gamma = in.number_when(bmpt, "pt_gamma", "number");
  const double pt_delta = in.number_when(bmpt, "pt_delta", "number");
  if (!bmpt) return;
  c.bmpt = physics::PionSpectrum(E_beam, shape, n_pi0);
  c.bmpt_pt.on = true;
  c.bmpt_pt.a = pt_a;
  c.bmpt_pt.gamma = pt_gamma;
  c.bmpt_pt.delta = pt_delta;
}

// Pair conversion a Z -> e+ e- Z (spec D5): one table per target nucleus over shared nodes, computed by
// tools/tabulate_pair_conversion and stored in the data file.
void read_pair_conversion(ExperimentInput& in, ShowerDumpConfig& c) {
  const std::string mode = in.option("pair_conversion", {"elastic", "elastic_plus_incoherent", "off"});
  c.pair_conversion = mode != "off";
  const std::vector<double> m = in.numbers_when(c.pair_conversion, "pair_table_m_a", "energy");
  const std::vector<double> E = in.numbers_when(c.pair_conversion, "pair_table_E", "energy");
  for (std::size_t k = 0; k < c.nuclei.size(); ++k) {
    ScatteringTarget& t = c.nuclei[k];
    const std::string key = "target" + std::to_string(k + 1) + "_pair_sigma";
    const std::vector<double> sigma = in.numbers_when(c.pair_conversion, key, "area");
    if (!c.pair_conversion || m.empty() || E.empty() || sigma.empty()) continue;  // off, or already reported
    try {
      t.pair = physics::PairConversionTable(m, E, sigma);
    } catch (const std::invalid_argument& e) {
      in.add_problem("/parameters/" + key, e.what());
    }
    t.pair_scale = mode == "elastic_plus_incoherent" ? (t.Z + 1.0) / t.Z : 1.0;
  }
}

// Optional photon attenuation table of the dump material (spec s2.2, NIST XCOM total with
// coherent, barn/atom at energies in the data file): mu [1/X0] = sigma N_A X0/A. Both lists or none
// (none: Rossi's 7/9 per X0 at every energy).
void read_photon_attenuation(ExperimentInput& in, physics::DumpMaterial& d) {
  const std::vector<double> E = in.numbers_when(false, "photon_atten_E", "energy");
  const std::vector<double> sigma = in.numbers_when(false, "photon_atten_sigma", "area");
  if (E.empty() && sigma.empty()) return;
  if (E.size() != sigma.size() || E.size() < 2 || !std::is_sorted(E.begin(), E.end())) {
    in.add_problem("/parameters/photon_atten_sigma",
                   "photon_atten_E and photon_atten_sigma must be lists of the same length (>= 2), energies ascending");
    return;
  }
  d.atten_E = E;
  d.atten_mu.clear();
  for (double s : sigma) d.atten_mu.push_back(physics::photon_attenuation_per_X0(s / (1e3 * units::millibarn), d));
}
}  // namespace

ShowerDumpConfig read_shower_dump_config(ExperimentInput& in) {
  ShowerDumpConfig c;
  c.N_POT = in.number("N_POT", "number");
  read_pi0_source(in, c);
  auto& d = c.dump;
  d.Z = in.number("dump_Z", "number");
  d.A = in.number("dump_A", "number");
  d.X0 = in.number("dump_X0", "number");
  d.density = in.number("dump_density", "number");
  d.critical_energy = in.number("dump_critical_energy", "energy");
  d.thickness_X0 = in.number_or("dump_thickness_X0", "number", std::numeric_limits<double>::infinity());
  d.interaction_length_X0 = in.number("dump_interaction_length_X0", "number");
  read_photon_attenuation(in, d);

  c.shape = in.option("detector_shape", {"sphere", "box"}) == "sphere" ? DetectorShape::sphere : DetectorShape::box;
  const bool sphere = c.shape == DetectorShape::sphere, box = !sphere;
  c.distance = in.number("distance", "length");
  const double radius = in.number_when(sphere, "radius", "length");
  const double length = in.number_when(box, "length", "length");
  const double face_area = in.number_when(box, "face_area", "area");
  const bool paper = box && in.option("acceptance", {"physical", "paper"}) == "paper";
  const double acc_paper = in.number_when(box && paper, "acceptance_area_paper", "area");
  const double acc_physical = in.number_when(box && !paper, "acceptance_area_physical", "area");
  if (sphere) {
    c.radius = radius;
    c.face_area = units::pi * c.radius * c.radius;
    c.acceptance_area = c.face_area;
  } else {
    c.length = length;
    c.face_area = face_area;
    c.acceptance_area = paper ? acc_paper : acc_physical;
  }
  for (int k = 1; k <= 3; ++k) {
    const std::string t = "target" + std::to_string(k);
    if (in.number_or(t + "_count", "number", -1) < 0) break;
    ScatteringTarget target;
    target.Z = in.number(t + "_Z", "number");
    target.A = in.number(t + "_A", "number");
    target.count = in.number(t + "_count", "number");
    c.nuclei.push_back(target);
  }
  read_pair_conversion(in, c);
  c.electrons = in.number("electrons", "number");
  c.E_edges = in.numbers("E_edges", "energy");
  c.efficiency = in.number("efficiency", "number");
  c.collinearity_cut = in.option("collinearity_cut", {"on", "off"}) == "on";
  c.production.associated_delta = in.number("associated_threshold_delta", "number");
  c.collinearity.psi0 = in.number("collinearity_angle", "angle");
  c.collinearity.E_thr = in.number("collinearity_soft_threshold", "energy");
  c.production.resonance = in.option("resonance_norm", {"derived", "paper"}) == "paper" ? ResonanceNormalisation::paper
                                                                                        : ResonanceNormalisation::derived;
  c.production.primakoff_production = in.option("primakoff_production", {"physical", "paper"}) == "paper"
                                          ? PrimakoffProduction::paper
                                          : PrimakoffProduction::physical;
  c.production.paper_screening_radius = in.number_when(c.production.primakoff_production == PrimakoffProduction::paper,
                                                       "primakoff_screening_radius", "length");
  c.production.primakoff.form_factor = in.option("primakoff_form_factor", {"tsai", "unity"}) == "unity"
                                           ? physics::PrimakoffFormFactor::unity
                                           : physics::PrimakoffFormFactor::tsai;
  c.sphere_mode = in.option("sphere_decay", {"chord_averaged", "paper"}) == "paper" ? physics::SphereDecayMode::paper
                                                                                    : physics::SphereDecayMode::chord_averaged;
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<ShowerDumpExperiment, read_shower_dump_config>(
    "shower_dump", "dump shower (MiniBooNE, ArgoNeuT): photon and e+- fluxes of the shower, scattering and decays in a detector");

}  // namespace alpscan
