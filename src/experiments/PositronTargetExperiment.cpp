#include "alpscan/experiments/PositronTargetExperiment.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/experiments/FamilyRegistry.hpp"
#include "alpscan/physics/EeToGammaAlpMassive.hpp"
#include "alpscan/physics/Quadrature.hpp"

namespace alpscan {

namespace {

constexpr double me = units::m_electron;
constexpr double kAvogadro = 6.02214076e23;  // 1/mol (SI 2019, exact)

void require(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument(what);
}

const physics::GaussLegendre& rule() {
  static const physics::GaussLegendre gl(24);
  return gl;
}

}  // namespace

PositronTargetExperiment::PositronTargetExperiment(ExperimentInfo info, PositronTargetConfig cfg)
    : info_(std::move(info)), cfg_(cfg) {
  require(cfg_.beam_energy > me, "beam_energy must exceed m_e");
  require(cfg_.positrons_on_target > 0, "positrons_on_target must be > 0");
  require(cfg_.target_Z > 0 && cfg_.target_A > 0 && cfg_.target_density > 0 && cfg_.target_thickness > 0,
          "target_Z, target_A_g_per_mol, target_density_g_per_cm3, target_thickness must be > 0");
  require(cfg_.theta_min >= 0 && cfg_.theta_min < cfg_.theta_max && cfg_.theta_max <= units::pi,
          "need 0 <= theta_min < theta_max <= pi");
  require(cfg_.E_min >= 0 && cfg_.E_min < cfg_.E_max, "need 0 <= E_gamma_min < E_gamma_max");
  require(cfg_.calorimeter_distance > 0, "calorimeter_distance must be > 0");
  const bool window = cfg_.selection == PositronSelection::missing_mass_window;
  const std::size_t want = window ? 2 : 1;
  require(values_per_point(info_) == want,
          window ? "selection missing_mass_window predicts signal and background per point: it needs the significance likelihood"
                 : "selection all_accepted predicts one signal per point: it needs a one-value likelihood (counting)");
  if (window) {
    require(cfg_.spatial_resolution > 0, "spatial_resolution must be > 0");
    require(cfg_.res_stochastic >= 0 && cfg_.res_noise >= 0 && cfg_.res_constant >= 0 &&
                cfg_.res_stochastic + cfg_.res_noise + cfg_.res_constant > 0,
            "energy resolution terms must be >= 0, not all 0");
    require(cfg_.window_half_width > 0, "window_half_width_sigma must be > 0");
    require(cfg_.window_signal_fraction > 0 && cfg_.window_signal_fraction <= 1, "window_signal_fraction must be in (0, 1]");
    require(cfg_.background_ref > 0 && cfg_.background_pot_ref > 0,
            "background_events_ref and background_positrons_on_target_ref must be > 0");
  }
  frame_ = physics::fixed_target_frame(cfg_.beam_energy, me, me);
  // n_e d_t = N_A Z rho d_t / A (Eq. (45) with rho, not the seed's "rho_C/M_C", L433): in cm^-2, then GeV^2.
  const double per_cm2 = kAvogadro * cfg_.target_Z * cfg_.target_density * (cfg_.target_thickness / units::cm) / cfg_.target_A;
  ne_dt_ = per_cm2 / (units::cm * units::cm);
  // E+ + m_e - p+ cos(theta_min), without cancellation.
  const double h = std::sin(0.5 * cfg_.theta_min);
  const double k_min = me * me / (frame_.beam_energy + frame_.beam_momentum) + me + frame_.beam_momentum * 2.0 * h * h;
  m2_end_ = frame_.s - 2.0 * cfg_.E_min * k_min;
  info_.axes = {Axis::m_a, Axis::g_agg, Axis::g_ae, Axis::g_achi, Axis::m_chi, Axis::br_inv};
}

physics::CosInterval PositronTargetExperiment::cut_window(double m) const {
  if (!(m >= 0) || !(m * m < frame_.s)) return {};
  const double e_star = physics::photon_energy_cm_ee_gamma_a(frame_.s, m);
  return physics::cm_window_massless(frame_, e_star, cfg_.theta_min, cfg_.theta_max, cfg_.E_min, cfg_.E_max);
}

double PositronTargetExperiment::sigma_accepted_electron(double m) const {
  const physics::CosInterval w = cut_window(m);
  return w.empty() ? 0.0 : physics::sigma_ee_gamma_a_electron_window(frame_.s, m, w.lo, w.hi);
}

double PositronTargetExperiment::sigma_accepted_photon(double m) const {
  const physics::CosInterval w = cut_window(m);
  return w.empty() ? 0.0 : physics::sigma_ee_gamma_a_photon_window(frame_.s, m, w.lo, w.hi);
}

double PositronTargetExperiment::acceptance_electron(double m) const {
  const double t = physics::sigma_ee_gamma_a_electron(frame_.s, m);
  return t > 0 ? sigma_accepted_electron(m) / t : 0.0;
}

double PositronTargetExperiment::acceptance_photon(double m) const {
  const double t = physics::sigma_ee_gamma_a_photon(frame_.s, m);
  return t > 0 ? sigma_accepted_photon(m) / t : 0.0;
}

double PositronTargetExperiment::sigma_m2(double E, double theta) const {
  const double rel = std::hypot(cfg_.res_stochastic / std::sqrt(E), cfg_.res_noise / E, cfg_.res_constant);
  const double sigma_E = rel * E;
  const double sigma_theta = cfg_.spatial_resolution / cfg_.calorimeter_distance;
  const double h = std::sin(0.5 * theta);
  const double k = me * me / (frame_.beam_energy + frame_.beam_momentum) + me + frame_.beam_momentum * 2.0 * h * h;
  return std::hypot(2.0 * k * sigma_E, 2.0 * E * frame_.beam_momentum * std::sin(theta) * sigma_theta);
}

void PositronTargetExperiment::compute_terms(double m, MassTerms& t) const {
  t = MassTerms{};
  t.m = m;
  const physics::CosInterval w = cut_window(m);
  if (w.empty()) return;
  t.sig_e = physics::sigma_ee_gamma_a_electron_window(frame_.s, m, w.lo, w.hi);
  t.sig_g = physics::sigma_ee_gamma_a_photon_window(frame_.s, m, w.lo, w.hi);
  const double e_g = physics::photon_energy_cm_ee_gamma_a(frame_.s, m);
  const double e_a = (frame_.s + m * m) / (2.0 * frame_.sqrt_s);
  const bool window = cfg_.selection == PositronSelection::missing_mass_window;
  const auto& x = rule().nodes();
  const auto& wt = rule().weights();
  const double c0 = 0.5 * (w.lo + w.hi), h = 0.5 * (w.hi - w.lo);
  double se = 0, sg = 0, ve = 0, vg = 0;
  for (int i = 0; i < kNodes; ++i) {
    const double c = c0 + h * x[i];
    const double de = wt[i] * physics::dsigma_dc_ee_gamma_a_electron(frame_.s, m, c);
    const double dg = wt[i] * physics::dsigma_dc_ee_gamma_a_photon(frame_.s, m, c);
    t.w_e[i] = de, t.w_g[i] = dg;
    se += de, sg += dg;
    // the ALP recoils at -c*: lab energy gamma (E_a* - beta p* c*), momentum from E^2 - m^2
    const double E_lab = physics::lab_energy(frame_, e_a, e_g, -c);
    t.p_alp[i] = std::sqrt(std::max(0.0, (E_lab - m) * (E_lab + m)));
    if (window) {
      const double E = physics::lab_energy_massless(frame_, e_g, c);
      const double cl = std::clamp(physics::lab_cos_from_cm(frame_, c), -1.0, 1.0);
      const double v = sigma_m2(E, std::acos(cl));
      ve += de * v * v, vg += dg * v * v;
    }
  }
  for (int i = 0; i < kNodes; ++i) {
    t.w_e[i] = se > 0 ? t.w_e[i] / se : 0.0;
    t.w_g[i] = sg > 0 ? t.w_g[i] / sg : 0.0;
  }
  t.var_e = se > 0 ? ve / se : 0.0;
  t.var_g = sg > 0 ? vg / sg : 0.0;
}

const PositronTargetExperiment::MassTerms& PositronTargetExperiment::terms(double m) {
  if (cache_.m != m) compute_terms(m, cache_);
  return cache_;
}

double PositronTargetExperiment::sigma_m2_channel(double m, bool electron) const {
  MassTerms t;
  compute_terms(m, t);
  return std::sqrt(electron ? t.var_e : t.var_g);
}

double PositronTargetExperiment::background_in_window(double m, double s_m2) const {
  const double c = m * m, h = cfg_.window_half_width * s_m2;
  const double lo = std::max(0.0, c - h), hi = std::min(m2_end_, c + h);
  const double frac = hi > lo && m2_end_ > 0 ? (hi - lo) / m2_end_ : 0.0;
  return cfg_.background_ref * (cfg_.positrons_on_target / cfg_.background_pot_ref) * frac;
}

double PositronTargetExperiment::invisible_fraction(const model::AlpModel& a, bool electron) {
  if (cfg_.invisible == InvisibleFraction::all) return 1.0;
  const double br_inv = a.br_inv();
  const double br_vis = 1.0 - br_inv;
  if (!(br_vis > 0)) return 1.0;
  const double m = a.m_a();
  const double gamma = a.width_total();
  if (!(m > 0) || !(gamma > 0)) return 1.0;  // stable: always escapes
  const MassTerms& t = terms(m);
  const auto& w = electron ? t.w_e : t.w_g;
  double esc = 0;
  for (int i = 0; i < kNodes; ++i) {
    if (!(w[i] > 0) || !(t.p_alp[i] > 0)) continue;
    // survival over L: exp(-L m Gamma / p)
    esc += w[i] * std::exp(-cfg_.calorimeter_distance * m * gamma / t.p_alp[i]);
  }
  return br_inv + br_vis * esc;
}

PositronTargetExperiment::Split PositronTargetExperiment::split(const model::AlpModel& a) {
  Split r;
  const double m = a.m_a();
  const double ge = a.g_ae(), gg = a.g_gamma(model::kOnShellPhotons);
  if (!(m >= 0) || !(m * m < frame_.s) || (ge == 0.0 && gg == 0.0)) return r;
  const MassTerms& t = terms(m);
  const double lumi = cfg_.positrons_on_target * ne_dt_;
  if (ge != 0.0 && t.sig_e > 0) r.electron = lumi * ge * ge * t.sig_e * invisible_fraction(a, true);
  if (gg != 0.0 && t.sig_g > 0) r.photon = lumi * gg * gg * t.sig_g * invisible_fraction(a, false);
  const double n = r.electron + r.photon;
  const MassTerms& u = terms(m);  // same cache entry
  r.var_m2 = n > 0 ? (r.electron * u.var_e + r.photon * u.var_g) / n : 0.0;
  if (cfg_.selection == PositronSelection::missing_mass_window) {
    r.electron *= cfg_.window_signal_fraction;
    r.photon *= cfg_.window_signal_fraction;
  }
  return r;
}

double PositronTargetExperiment::expected_signal(const model::AlpModel& a) {
  const Split s = split(a);
  return s.electron + s.photon;
}

void PositronTargetExperiment::expected_signal_bins(const model::AlpModel& a, double* out) {
  const Split s = split(a);
  out[0] = s.electron + s.photon;
  if (cfg_.selection != PositronSelection::missing_mass_window) return;
  // The background of the point's own window; at a point without signal (zero couplings or above the end
  // point) the window of the photon channel (the window only decides where a signal would be judged).
  double var = s.var_m2;
  if (!(var > 0)) {
    const MassTerms& t = terms(a.m_a());
    var = t.var_g > 0 ? t.var_g : t.var_e;
  }
  out[1] = var > 0 ? background_in_window(a.m_a(), std::sqrt(var)) : 0.0;
}

std::vector<SignalPart> PositronTargetExperiment::explain(const model::AlpModel& a) {
  const Split s = split(a);
  return {{"e+e- -> gamma a through g_ae (t/u-channel electron)", s.electron},
          {"e+e- -> gamma a through g_agg (s-channel photon)", s.photon}};
}

// ---- configuration from the data file, and registration ----

PositronTargetConfig read_positron_target_config(ExperimentInput& in) {
  PositronTargetConfig c;
  c.beam_energy = in.number("beam_energy", "energy");
  c.positrons_on_target = in.number("positrons_on_target", "number");
  c.target_Z = in.number("target_Z", "number");
  c.target_A = in.number("target_A_g_per_mol", "number");
  c.target_density = in.number("target_density_g_per_cm3", "number");
  c.target_thickness = in.number("target_thickness", "length");
  c.theta_min = in.number("theta_min", "angle");
  c.theta_max = in.number("theta_max", "angle");
  c.E_min = in.number("E_gamma_min", "energy");
  c.E_max = in.number("E_gamma_max", "energy");
  c.calorimeter_distance = in.number("calorimeter_distance", "length");
  c.invisible = in.option("invisible_fraction", {"model", "all"}) == "all" ? InvisibleFraction::all : InvisibleFraction::model;
  const bool window = in.option("selection", {"all_accepted", "missing_mass_window"}) == "missing_mass_window";
  c.selection = window ? PositronSelection::missing_mass_window : PositronSelection::all_accepted;
  c.spatial_resolution = in.number_when(window, "spatial_resolution", "length", 0.0);
  c.res_stochastic = in.number_when(window, "energy_resolution_stochastic", "number", 0.0);
  c.res_noise = in.number_when(window, "energy_resolution_noise", "energy", 0.0);
  c.res_constant = in.number_when(window, "energy_resolution_constant", "number", 0.0);
  c.window_half_width = in.number_when(window, "window_half_width_sigma", "number", 0.0);
  c.window_signal_fraction = in.number_when(window, "window_signal_fraction", "number", 0.0);
  c.background_ref = in.number_when(window, "background_events_ref", "number", 0.0);
  c.background_pot_ref = in.number_when(window, "background_positrons_on_target_ref", "number", 0.0);
  return c;
}

static const bool registered = register_family_of<PositronTargetExperiment, read_positron_target_config>(
    "positron_target", "positron beam on a thin target: e+e- -> gamma a, invisible a, missing mass (PADME, POSEYDON)");

}  // namespace alpscan
