#include "alpscan/experiments/BeamDumpExperiment.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/MassNodes.hpp"
#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/physics/DecayInVolume.hpp"
#include "alpscan/physics/ExpNeg.hpp"
#include "alpscan/physics/PrimakoffMeasure.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ConfigReaders.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/experiments/FamilyRegistry.hpp"

namespace alpscan {

namespace {

constexpr double kMassFloor = 1e-30;  // GeV; the unscreened yield grows as -ln m, m = 0 is singular
constexpr double kExpUnderflow = 745.0;
constexpr double kDirectTauFraction = 0.25;  // tau/q_cut^2 above which prepare() uses the direct yield

physics::YieldParams yield_params(const BeamDumpConfig& c, double theta_max) {
  physics::YieldParams p;
  p.pions = physics::PionSpectrum(c.E_beam, c.bmpt, c.N_pi);
  p.E_star = 0.5 * units::m_pi0;
  p.Z = c.Z;
  p.sigma_all = c.sigma_all;
  p.C_phi = c.C_phi;
  p.eta_factor = c.eta_factor;
  p.photon_multiplicity = c.photon_multiplicity;
  p.theta_max = theta_max;
  p.target.helm.R1 = physics::lewin_smith_r1(c.A, c.helm_r1_c1, c.helm_r1_c0, c.helm_r1_c2);
  p.target.helm.s = c.helm_s;
  p.target.helm.x_cut = c.helm_cut;
  p.target.screening = c.screening;
  p.pion_pt = c.pion_pt;
  if (c.screening == physics::Screening::tsai)
    p.target.screening_q = physics::tsai_screening_momentum(c.Z, c.screening_coeff, units::m_electron);
  return p;
}

// The proton-equivalent-photon channel: the same target, acceptance and angular normalisation,
// photons of the beam proton normalised by sigma_pN.
physics::YieldParams proton_yield_params(const BeamDumpConfig& c, double theta_max) {
  physics::YieldParams p = yield_params(c, theta_max);
  p.source = physics::PhotonSource::proton_equivalent;
  p.proton_energy = c.E_beam;
  p.proton = c.proton_ff;
  p.sigma_all = c.sigma_pN;
  p.eta_factor = 1.0;
  p.photon_multiplicity = 1.0;
  p.pion_pt = physics::PionPtModel{};
  return p;
}

// The cascade channel: the meson source's secondary photons down to half the ALP threshold (the
// cascade results above an energy do not depend on the grid's lower end).
physics::YieldParams cascade_yield_params(const BeamDumpConfig& c, double theta_max) {
  physics::YieldParams p = yield_params(c, theta_max);
  p.source = physics::PhotonSource::meson_cascade;
  p.cascade_E_min = 0.5 * c.E_min;
  p.cascade_kick_pt = c.cascade_kick_pt;
  return p;
}

// Acceptance angles at the end of the decay volume (see the header): {inner, outer, azimuthal fraction}.
struct Acceptance {
  double in, out, frac;
};
Acceptance acceptance(const BeamDumpConfig& c) {
  if (!(c.L_d > 0) || !(c.L_v > 0) || !(c.half_size > 0))
    throw std::invalid_argument("BeamDumpExperiment: L_d, L_v and half_size must be > 0");
  if (c.off_axis < 0 || (c.off_axis > 0 && c.off_axis <= c.half_size))
    throw std::invalid_argument("BeamDumpExperiment: off_axis must be 0 (on axis) or > half_size");
  if (c.z_acceptance != 0 && !(c.z_acceptance >= c.L_d + c.L_v))
    throw std::invalid_argument("BeamDumpExperiment: detector_distance must be >= L_decay_start + L_decay_length");
  const double z = c.z_acceptance > 0 ? c.z_acceptance : c.L_d + c.L_v;
  if (c.off_axis == 0) return {0.0, c.half_size / z, 1.0};
  return {(c.off_axis - c.half_size) / z, (c.off_axis + c.half_size) / z, c.half_size / (units::pi * c.off_axis)};
}

// Mass nodes of the yield table. A scan evaluates only its own masses (PrepareContext::m_a_values, bit
// for bit its points' m_a), so with at least two of them they ARE the nodes: the table is then the
// direct yield at every mass the scan reaches, and ln Y interpolation serves only other masses (tests,
// a mass outside the grid). Above the coherence limit (m^2/2E ~ 1/R) the form factor cuts Y off so
// steeply that interpolating between log nodes errs by tens of per cent at 8 nodes/decade and converges
// only as h^2 (SHiP at 1.5 GeV: 79% / 27% / 7% / 3.6% at 8 / 16 / 32 / 48 per decade, prepare time
// growing in proportion). Without job masses (or with one: alpscan explain) the log nodes over the range
// are used, plus that one mass.
MassNodes table_mass_nodes(const PrepareContext& ctx, double per_decade) {
  MassNodes n = mass_nodes_of(ctx.m_a_values, kMassFloor);
  if (n.m.size() < 2) {
    std::vector<double> m = log_mass_nodes(ctx.m_a_min, ctx.m_a_max, per_decade, kMassFloor).m;
    m.insert(m.end(), n.m.begin(), n.m.end());
    n = mass_nodes_of(std::move(m), 0.0);  // the log nodes may start at the floor itself
  }
  return n;
}

}  // namespace

BeamDumpExperiment::BeamDumpExperiment(ExperimentInfo info, BeamDumpConfig cfg)
    : info_(std::move(info)),
      cfg_(cfg),
      th_in_(acceptance(cfg).in),
      th_out_(acceptance(cfg).out),
      phi_frac_(acceptance(cfg).frac),
      y_out_(yield_params(cfg, th_out_), cfg.yield_res),
      // On axis the inner yield is never used; it is built with a valid angle only.
      y_in_(yield_params(cfg, th_in_ > 0 ? th_in_ : th_out_), cfg.yield_res) {
  // g_ae and the invisible channel (br_inv, or g_achi and m_chi) change only the lifetime and the
  // branching ratios (production is Primakoff).
  info_.axes = {Axis::m_a, Axis::g_agg, Axis::g_ae, Axis::g_achi, Axis::m_chi, Axis::br_inv};
  if (!(cfg_.N_POT > 0) || !(cfg_.E_min > 0) || !(cfg_.efficiency > 0) || cfg_.efficiency > 1)
    throw std::invalid_argument("BeamDumpExperiment: N_POT, E_min must be > 0 and 0 < efficiency <= 1");
  if (!(cfg_.efficiency_ee >= 0) || cfg_.efficiency_ee > 1)
    throw std::invalid_argument("BeamDumpExperiment: 0 <= efficiency_ee <= 1");
  if (cfg_.n_E_bins < 1) throw std::invalid_argument("BeamDumpExperiment: n_E_bins must be >= 1");
  if (cfg_.proton_photons) {
    if (!(cfg_.sigma_pN > 0)) throw std::invalid_argument("BeamDumpExperiment: sigma_pN must be > 0");
    yp_out_.emplace(proton_yield_params(cfg_, th_out_), cfg_.yield_res);
    if (th_in_ > 0) yp_in_.emplace(proton_yield_params(cfg_, th_in_), cfg_.yield_res);
  }
  if (cfg_.cascade_photons) {
    if (!cfg_.pion_pt.on) throw std::invalid_argument("BeamDumpExperiment: cascade_photons needs pion_pt = bmpt");
    yc_out_.emplace(cascade_yield_params(cfg_, th_out_), cfg_.yield_res);
    if (th_in_ > 0) yc_in_.emplace(cascade_yield_params(cfg_, th_in_), cfg_.yield_res);
  }
}

double BeamDumpExperiment::e_hi() const { return std::min(cfg_.E_max, cfg_.E_beam); }

double BeamDumpExperiment::yield_meson_photons(double E, double m) const {
  const double y = y_out_(E, m);
  if (th_in_ <= 0) return y;
  return std::max(0.0, y - y_in_(E, m)) * phi_frac_;
}

double BeamDumpExperiment::yield_proton_photons(double E, double m) const {
  if (!yp_out_) return 0.0;
  const double y = (*yp_out_)(E, m);
  if (th_in_ <= 0) return y;
  return std::max(0.0, y - (*yp_in_)(E, m)) * phi_frac_;
}

double BeamDumpExperiment::yield_cascade_photons(double E, double m) const {
  if (!yc_out_) return 0.0;
  const double y = (*yc_out_)(E, m);
  if (th_in_ <= 0) return y;
  return std::max(0.0, y - (*yc_in_)(E, m)) * phi_frac_;
}

double BeamDumpExperiment::yield_direct(double E, double m) const {
  return yield_meson_photons(E, m) + yield_proton_photons(E, m) + yield_cascade_photons(E, m);
}

void BeamDumpExperiment::make_energy_bins() {
  // Energy bins uniform in ln E, in decreasing E. The decay exponent x = L m^4/(64 pi p) ~ 1/E then
  // changes by the same fraction dlnE per bin, so bins are fine where the signal lives: x ~ 1 in
  // the long/short-lifetime crossover and the highest energies at the upper (short-lifetime) edge.
  // (Bins uniform in 1/E, as PASSAT uses for its oscillation phase, are far too coarse at the top of a
  // 3-400 GeV window: the first bin would span 400 -> 167 GeV.)
  E_.clear();
  dlnE_ = 0.0;
  if (e_hi() > cfg_.E_min) {
    const int n = cfg_.n_E_bins;
    dlnE_ = std::log(e_hi() / cfg_.E_min) / n;
    for (int j = 0; j < n; ++j) E_.push_back(e_hi() * std::exp(-(j + 0.5) * dlnE_));
  }
}

void BeamDumpExperiment::prepare(const PrepareContext& ctx) {
  make_energy_bins();
  table_ = YieldTable(table_mass_nodes(ctx, cfg_.m_nodes_per_decade), E_.size(), MassInterpolation::log_where_positive);
  // One mass-independent measure per energy holds every channel (meson, proton and cascade photons)
  // and both cones of an annulus ((outer - inner) x phi_frac, as yield_direct): the Primakoff kernel is
  // then evaluated once per mass for all of them (physics/PrimakoffMeasure; against the direct yield
  // in tests/physics/PrimakoffMeasure.test.cpp and at every job mass in the family's tests).
  physics::PrimakoffMeasure measure(y_out_.J());
  const double qc = y_out_.params().target.helm.q_cut();
  table_.fill_by_energy([&](std::size_t j, const std::vector<double>& m, std::vector<double>& row) {
    const double E = E_[j];
    measure.clear();
    auto channel = [&](const physics::PrimakoffYield& out, const physics::PrimakoffYield* inner) {
      if (th_in_ <= 0) {
        out.add_to_measure(E, 1.0, measure);
        return;
      }
      out.add_to_measure(E, phi_frac_, measure);
      inner->add_to_measure(E, -phi_frac_, measure);
    };
    channel(y_out_, &y_in_);
    if (yp_out_) channel(*yp_out_, yp_in_ ? &*yp_in_ : nullptr);
    if (yc_out_) channel(*yc_out_, yc_in_ ? &*yc_in_ : nullptr);
    measure.finish();
    // Near the form-factor cutoff (Delta_c = sqrt(q_cut^2 - tau) < 0.87 q_cut) the tau = 0 rules no
    // longer resolve the shrinking Delta range (errors up to ~7% in single bins, measured): there the
    // direct yield (breakpoints at sqrt(tau) and Delta_c), a band of ln 4/4 in ln m, ~3 masses per bin.
    for (std::size_t k = 0; k < m.size(); ++k) {
      const double s = m[k] * m[k] / (2.0 * E), tau = s * s;
      if (!(m[k] < E) || tau >= qc * qc) row[k] = 0.0;
      else if (tau > kDirectTauFraction * qc * qc) row[k] = yield_direct(E, m[k]);
      else row[k] = std::max(0.0, measure(tau));
    }
  });
  prepared_ = true;
  mc_ = MassCache{};
}

// Layout: {tag, YieldTable::save}; the energy bins are recomputed, the table must match them and the
// mass nodes prepare(ctx) would make.
namespace {
constexpr double kPreparedTag = 20261205.7;  // layout version (.4: + proton photons; .5: job-mass nodes; .6: + cascade; .7: one measure)
}

std::vector<double> BeamDumpExperiment::save_prepared() const {
  return prepared_ ? save_yield_tables(kPreparedTag, {&table_}) : std::vector<double>{};
}

bool BeamDumpExperiment::restore_prepared(const PrepareContext& ctx, const std::vector<double>& v) {
  make_energy_bins();
  prepared_ = restore_yield_tables(v, kPreparedTag, {&table_}, MassInterpolation::log_where_positive, E_.size(),
                                   table_mass_nodes(ctx, cfg_.m_nodes_per_decade));
  if (!prepared_) return false;
  mc_ = MassCache{};
  return true;
}

double BeamDumpExperiment::table_y(int j, const YieldTable::Bracket& b, double m) const {
  // Y falls steeply near the coherence limit (m^2/2E ~ 1/R): ln Y is interpolated where both are > 0.
  return b.k >= 0 ? table_.at(j, b) : yield_direct(E_[j], m);
}

void BeamDumpExperiment::set_mass(double m) {
  MassCache& c = mc_;
  c = MassCache{};
  c.m = m;
  const int nE = static_cast<int>(E_.size());
  while (c.n < nE && E_[c.n] > m) ++c.n;  // bins in decreasing E: E > m is a prefix
  c.W.resize(c.n);
  c.a.resize(c.n);
  c.term.resize(c.n);
  c.rv = cfg_.L_v / cfg_.L_d;
  const YieldTable::Bracket b = table_.bracket(m);
  for (int j = 0; j < c.n; ++j) {
    const double E = E_[j];
    c.W[j] = cfg_.N_POT * table_y(j, b, m) * E * dlnE_;  // dE = E dlnE
    const double p = std::sqrt((E - m) * (E + m));
    c.a[j] = model::gg_decay_exponent_per_g2(cfg_.L_d, m, p);  // L_d/lambda per g^2 (photon width only)
    c.C4 += c.W[j] * c.a[j] * c.rv;
    c.b_max = std::max(c.b_max, c.a[j] * (1.0 + c.rv));
  }
}

namespace {
// sum_j W_j P_j over n bins, P_j = e^{-x_j} (1 - e^{-rv x_j}), x_j = G a_j (physics/DecayInVolume), the
// exponentials by physics/ExpNeg so that the loop vectorises (scratch: n values); four partial sums
// break the chain of dependent additions. Within ~1e-16 relative of the sum with libm's exp and expm1.
ALPSCAN_VECTOR_CLONES
double weighted_decay_sum(const double* W, const double* a, int n, double G, double rv, double* term) {
  for (int j = 0; j < n; ++j) {
    const double xd = G * a[j];
    term[j] = W[j] * (physics::exp_neg(xd) * physics::one_minus_exp_neg(xd * rv));
  }
  return physics::sum4(term, n);
}
}  // namespace

double BeamDumpExperiment::signal(double m, double g, double g_ae, double br_inv) {
  return expected_signal(model::AlpModel::from_couplings(m, g, g_ae, br_inv));
}

double BeamDumpExperiment::expected_signal(const model::AlpModel& alp) {
  if (!prepared_) throw std::logic_error("BeamDumpExperiment::signal called before prepare()");
  // Primakoff production (one leg at q^2 = t, integrated in the tables per unit g^2) and the decay
  // (on shell) share the one coupling of today's model; a leg-dependent g_gamma will need the tables
  // per t.
  const double g = alp.g_gamma(model::kOnShellPhotons);
  if (E_.empty() || !(g > 0)) return 0.0;
  const double m = std::max(alp.m_a(), kMassFloor);
  if (m != mc_.m) set_mass(m);
  const MassCache& c = mc_;
  if (c.n == 0 || !(c.C4 > 0)) return 0.0;
  const double g2 = g * g;
  // Total width and branching ratios. G2 = g^2 Gamma_total/Gamma_gg is the photon coupling^2 that
  // alone would give the total width, so the decay exponents stay x_d = G2 a_j. When the ALP decays
  // only to photons, Gamma_total = Gamma_gg exactly: G2 = g2 and det = efficiency. br_inv = 1 gives an
  // infinite total width, BR_gg = BR_ee = 0 and det = 0.
  double G2 = g2, det = cfg_.efficiency;
  if (!alp.decays_only_to_photons()) {
    const model::AlpWidths& w = alp.widths();
    if (!(w.gg > 0)) return 0.0;
    G2 = g2 * (w.total() / w.gg);
    det = cfg_.efficiency * w.br_gg() + cfg_.efficiency_ee * w.br_ee();
    if (!(det > 0)) return 0.0;
  }
  // Long lifetime in every bin: P = x_v (1 - x_d - x_v/2 + ...), relative error <= G2 b_max.
  if (G2 * c.b_max <= cfg_.fast_tol) return g2 * det * G2 * c.C4;
  // a increases with j: beyond the first bin whose x_d underflows every later one does too.
  const int n = static_cast<int>(
      std::partition_point(c.a.begin(), c.a.end(), [&](double a) { return !(G2 * a > kExpUnderflow); }) - c.a.begin());
  return g2 * det * weighted_decay_sum(c.W.data(), c.a.data(), n, G2, c.rv, mc_.term.data());
}

double BeamDumpExperiment::c4(double m) {
  if (!prepared_) throw std::logic_error("BeamDumpExperiment::c4 called before prepare()");
  if (E_.empty()) return 0.0;
  m = std::max(m, kMassFloor);
  if (m != mc_.m) set_mass(m);
  return cfg_.efficiency * mc_.C4;
}

double BeamDumpExperiment::signal_reference(double m, double g, int n_panels) const {
  const double mm = std::max(m, kMassFloor);
  return signal_reference_width(m, g, model::width_a_to_gg(g, mm), cfg_.efficiency, n_panels);
}

double BeamDumpExperiment::signal_reference_width(double m, double g, double Gamma, double detected,
                                                  int n_panels) const {
  m = std::max(m, kMassFloor);
  const double lo = std::max(cfg_.E_min, m), hi = e_hi();
  if (!(hi > lo) || !(g > 0)) return 0.0;
  const double h = std::log(hi / lo) / n_panels;
  const physics::GaussLegendre gl(8);
  double total = 0.0;
  for (int p = 0; p < n_panels; ++p)
    total += gl.integrate(
        [&](double t) {  // t = ln E
          const double E = std::exp(t);
          return yield_direct(E, m) * E * physics::decay_in_volume_probability(E, m, Gamma, cfg_.L_d, cfg_.L_v);
        },
        std::log(lo) + p * h, std::log(lo) + (p + 1) * h);
  return cfg_.N_POT * detected * g * g * total;
}

// ---- configuration from the data file, and registration ----

BeamDumpConfig read_beam_dump_config(ExperimentInput& in) {
  BeamDumpConfig c;
  // Photon source: the PASSAT model (same keys as the passat_* files).
  read_primakoff_source(in, c);
  // Geometry and selection
  c.L_d = in.number("L_decay_start", "length");
  c.L_v = in.number("L_decay_length", "length");
  c.half_size = in.number("detector_half_size", "length");
  c.off_axis = in.number_or("detector_off_axis", "length", 0.0);  // absent: on axis
  c.z_acceptance = in.number_or("detector_distance", "length", 0.0);  // absent: end of the decay volume
  c.efficiency = in.number("efficiency", "number");
  c.efficiency_ee = in.number_or("efficiency_ee", "number", 0.0);       // absent: e+e- not detected
  c.E_min = in.number("E_min", "energy");
  c.E_max = in.number("E_max", "energy");

  c.C_phi = in.option("phi_norm", {"literal", "physical"}) == "literal" ? units::pi : 1.0;
  read_screening(in, c);
  // Pion transverse momentum (collinear: the PASSAT model).
  c.pion_pt.on = in.option("pion_pt", {"collinear", "bmpt"}) == "bmpt";
  c.pion_pt.a = in.number_when(c.pion_pt.on, "bmpt_pt_a", "inverse_energy", c.pion_pt.a);
  c.pion_pt.gamma = in.number_when(c.pion_pt.on, "bmpt_pt_gamma", "number", c.pion_pt.gamma);
  c.pion_pt.delta = in.number_when(c.pion_pt.on, "bmpt_pt_delta", "number", c.pion_pt.delta);
  // Primakoff on the beam proton's equivalent photons (ALPtraum's channel): its normalisation sigma_pN.
  c.proton_photons = in.option("proton_photons", {"off", "on"}) == "on";
  c.sigma_pN = in.number_when(c.proton_photons, "sigma_pN", "area", c.sigma_pN);
  // Secondary photons of the meson photons' electromagnetic cascades in the dump.
  c.cascade_photons = in.option("cascade_photons", {"off", "on"}) == "on";

  read_table_resolution(in, c);
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<BeamDumpExperiment, read_beam_dump_config>(
    "beam_dump", "proton beam dump: Primakoff on meson-decay photons, a -> gamma gamma / e+e- in a decay volume");

}  // namespace alpscan
