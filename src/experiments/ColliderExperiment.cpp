#include "alpscan/experiments/ColliderExperiment.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/physics/DecayInVolume.hpp"
#include "alpscan/physics/EeToGammaAlp.hpp"
#include "alpscan/physics/EeToGammaAlpMassive.hpp"
#include "alpscan/stats/PublishedCurveLikelihood.hpp"
#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ConfigReaders.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/experiments/FamilyRegistry.hpp"
#include "alpscan/core/Units.hpp"

namespace alpscan {

namespace {
void require(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument(what);
}
}  // namespace

ColliderExperiment::ColliderExperiment(ExperimentInfo info, ColliderConfig cfg) : info_(std::move(info)), cfg_(cfg) {
  info_.axes = {Axis::m_a, Axis::g_agg, Axis::g_ae, Axis::g_achi, Axis::m_chi, Axis::br_inv};
  curve_ = dynamic_cast<const stats::PublishedCurveLikelihood*>(info_.likelihood.get());
  if (cfg_.final_state == ColliderFinalState::mono_photon) {
    check_mono_photon();
    return;
  }
  require(!curve_, "a published curve is read by the mono-photon final state only (the dark-photon recast)");
  require(cfg_.run_sqrt_s.size() <= 1, "runs at several energies are implemented for the mono-photon final state only");
  require(cfg_.sqrt_s > 0, "sqrt_s must be > 0");
  require(cfg_.luminosity > 0, "luminosity_pb_inv must be > 0");
  require(cfg_.efficiency > 0 && cfg_.efficiency <= 1, "efficiency must be in (0, 1]");
  require(cfg_.cos_min >= -1 && cfg_.cos_max <= 1 && cfg_.cos_min < cfg_.cos_max,
          "need -1 <= cos_theta_min < cos_theta_max <= 1");
  require(cfg_.m_min >= 0 && cfg_.m_min < cfg_.m_max, "need 0 <= m_a_min < m_a_max");
  require(cfg_.m_max < cfg_.sqrt_s, "m_a_max must be below sqrt_s");
  require(cfg_.decay_radius > 0, "decay_radius must be > 0");
  if (cfg_.z_coupling == ZCoupling::hypercharge)
    require(cfg_.m_Z > 0 && cfg_.Gamma_Z > 0 && cfg_.Gamma_ee > 0 && cfg_.sin2_theta_W > 0 && cfg_.sin2_theta_W < 1,
            "Z parameters (m_Z, Gamma_Z, Gamma_ee > 0, 0 < sin2_theta_W < 1) out of range");
  acc_ = physics::angular_acceptance(cfg_.cos_min, cfg_.cos_max);
}

void ColliderExperiment::check_mono_photon() {
  const std::size_t n = cfg_.run_sqrt_s.size();
  require(n >= 1 && cfg_.run_luminosity.size() == n, "one luminosity per run (run_sqrt_s, run_luminosity_pb_inv)");
  for (std::size_t i = 0; i < n; ++i)
    require(cfg_.run_sqrt_s[i] > 0 && cfg_.run_luminosity[i] > 0, "run energies and luminosities must be > 0");
  require(cfg_.efficiency > 0 && cfg_.efficiency <= 1, "efficiency must be in (0, 1]");
  require(cfg_.cos_min >= -1 && cfg_.cos_max <= 1 && cfg_.cos_min < cfg_.cos_max,
          "need -1 <= cos_theta_min < cos_theta_max <= 1");
  if (!std::isinf(cfg_.m_window_switch))
    require(cfg_.m_window_switch > 0 && cfg_.cos_min_high >= -1 && cfg_.cos_max_high <= 1 &&
                cfg_.cos_min_high < cfg_.cos_max_high,
            "need m_a_window_switch > 0 and -1 <= cos_theta_min_high_mass < cos_theta_max_high_mass <= 1");
  require(cfg_.m_min >= 0 && cfg_.m_min < cfg_.m_max, "need 0 <= m_a_min < m_a_max");
  require(cfg_.z_coupling == ZCoupling::photon_only, "the mono-photon final state has no Z term (z_coupling = photon_only)");
  if (cfg_.unseen == UnseenFraction::physical) require(cfg_.decay_radius > 0, "decay_radius must be > 0");
  if (cfg_.energy_cut == PhotonEnergyCut::beam_fraction_smeared)
    require(cfg_.x_min >= 0 && cfg_.x_min < cfg_.x_max && cfg_.res_const >= 0 && cfg_.res_stoch >= 0,
            "need 0 <= photon_energy_fraction_min < photon_energy_fraction_max and resolutions >= 0");
  if (curve_) {
    // The dark-photon recast (seed 003 Eqs. (36)-(37)) compares with a limit on the kinetic mixing.
    require(curve_->curve().coupling == "epsilon", "a mono-photon published curve must bound the dark photon's epsilon");
    require(n == 1, "the dark-photon recast compares one CM energy (one run)");
    const bool two = !std::isinf(cfg_.m_window_switch);
    const double c1 = two ? std::min(cfg_.cos_min, cfg_.cos_min_high) : cfg_.cos_min;
    const double c2 = two ? std::max(cfg_.cos_max, cfg_.cos_max_high) : cfg_.cos_max;
    require(c1 > -1 && c2 < 1, "the dark-photon reference needs a window inside -1 < cos < 1 (massless electrons)");
  }
  run_photon_.assign(n, 0.0);
  run_electron_.assign(n, 0.0);
}

double ColliderExperiment::sigma_accepted(double m, double g) const {
  const double ss = s();
  double sigma = physics::sigma_ee_to_gamma_a(ss, m, g);
  if (cfg_.z_coupling == ZCoupling::hypercharge) {
    const double gz = physics::g_aZg_hypercharge(g, cfg_.sin2_theta_W);
    const double w = physics::width_z_to_gamma_a(gz, m, cfg_.m_Z);
    sigma += physics::sigma_ee_to_z_to_gamma_a(ss, cfg_.m_Z, cfg_.Gamma_Z, cfg_.Gamma_ee, w);
  }
  return sigma * acc_;
}

double ColliderExperiment::decay_inside(double m, double Gamma) const {
  const double E = physics::alp_energy_ee_to_gamma_a(s(), m);
  const double lambda = physics::decay_length(E, m, Gamma);
  return physics::decay_in_volume_probability(lambda, 0.0, cfg_.decay_radius);
}

double ColliderExperiment::signal(double m, double g, double g_ae, double br_inv) const {
  return signal(model::AlpModel::from_couplings(m, g, g_ae, br_inv));
}

double ColliderExperiment::signal(const model::AlpModel& alp) const {
  if (cfg_.final_state == ColliderFinalState::mono_photon) return mono_photon_signal(alp);
  return three_photon_signal(alp);
}

double ColliderExperiment::three_photon_signal(const model::AlpModel& alp) const {
  const double m = alp.m_a();
  // One coupling for the production vertex (s-channel photon, q^2 = s) and the decay (on shell) in
  // today's model; a leg-dependent g_gamma will take the production legs here.
  const double g = alp.g_gamma(model::kOnShellPhotons);
  if (!(m >= cfg_.m_min && m <= cfg_.m_max) || !(g > 0)) return 0.0;
  const model::AlpWidths& w = alp.widths();
  if (!(w.br_gg() > 0)) return 0.0;  // br_inv = 1: infinite width, nothing visible
  return cfg_.luminosity * cfg_.efficiency * sigma_accepted(m, g) * decay_inside(m, w.total()) * w.br_gg();
}

// ---- mono-photon ----

std::pair<double, double> ColliderExperiment::window(double m) const {
  if (m >= cfg_.m_window_switch) return {cfg_.cos_min_high, cfg_.cos_max_high};
  return {cfg_.cos_min, cfg_.cos_max};
}

double ColliderExperiment::run_weight(std::size_t i, double m) const {
  const double rs = cfg_.run_sqrt_s[i], ss = rs * rs;
  double w = cfg_.efficiency * cfg_.run_luminosity[i];
  if (cfg_.energy_cut == PhotonEnergyCut::beam_fraction_smeared) {
    const double E_beam = 0.5 * rs;  // symmetric beams (seed Eq. (31): E_gamma/E_beam, E_beam = sqrt(s)/2)
    w *= physics::photon_energy_window_efficiency(ss, m, cfg_.x_min * E_beam, cfg_.x_max * E_beam, cfg_.res_const,
                                                  cfg_.res_stoch);
  }
  return w;
}

ColliderExperiment::MonoPhotonRates ColliderExperiment::mono_photon_rates(double m) const {
  cache_mass(m);
  return rates_;
}

void ColliderExperiment::cache_mass(double m) const {
  if (m == cached_m_) return;
  cached_m_ = m;
  rates_ = {};
  eps_lim_sq_ = 0.0;
  std::fill(run_photon_.begin(), run_photon_.end(), 0.0);
  std::fill(run_electron_.begin(), run_electron_.end(), 0.0);
  if (!(m >= cfg_.m_min && m <= cfg_.m_max)) return;
  const auto [c1, c2] = window(m);
  if (curve_) {
    const double lim = curve_->coupling_limit(m);  // +inf outside the curve: nothing excluded there
    const double ss = cfg_.run_sqrt_s[0] * cfg_.run_sqrt_s[0];
    const double A_V = physics::sigma_ee_gamma_darkphoton_window(ss, m, c1, c2);
    if (!(A_V > 0)) return;
    eps_lim_sq_ = std::isinf(lim) ? 0.0 : lim * lim;  // 0: the signal is 0 (see mono_photon_signal)
    run_photon_[0] = physics::sigma_ee_gamma_a_photon_window(ss, m, c1, c2) / A_V;
    run_electron_[0] = physics::sigma_ee_gamma_a_electron_window(ss, m, c1, c2) / A_V;
  } else {
    for (std::size_t i = 0; i < run_photon_.size(); ++i) {
      const double ss = cfg_.run_sqrt_s[i] * cfg_.run_sqrt_s[i];
      const double w = run_weight(i, m);
      run_photon_[i] = w * physics::sigma_ee_gamma_a_photon_window(ss, m, c1, c2);
      run_electron_[i] = w * physics::sigma_ee_gamma_a_electron_window(ss, m, c1, c2);
    }
  }
  for (std::size_t i = 0; i < run_photon_.size(); ++i) {
    rates_.photon += run_photon_[i];
    rates_.electron += run_electron_[i];
  }
}

double ColliderExperiment::mono_photon_signal(const model::AlpModel& alp, double* photon_part,
                                              double* electron_part) const {
  const double m = alp.m_a();
  cache_mass(m);
  const double gg = alp.g_gamma(model::kOnShellPhotons), ge = alp.g_ae();
  const double g2 = gg * gg, e2 = ge * ge;
  double photon = 0.0, electron = 0.0;
  // The unseen fraction U = 1 - BR_vis P_in (P_in = 1 - exp(-R/lambda) at the run's ALP energy).
  const double br_vis = cfg_.unseen == UnseenFraction::seed ? 0.0 : 1.0 - alp.br_inv();
  if (!(br_vis > 0)) {
    photon = g2 * rates_.photon;
    electron = e2 * rates_.electron;
  } else {
    const double Gamma = alp.width_total();
    for (std::size_t i = 0; i < run_photon_.size(); ++i) {
      if (run_photon_[i] == 0.0 && run_electron_[i] == 0.0) continue;
      const double ss = cfg_.run_sqrt_s[i] * cfg_.run_sqrt_s[i];
      const double lambda = physics::decay_length(physics::alp_energy_ee_to_gamma_a(ss, m), m, Gamma);
      const double U = 1.0 - br_vis * physics::decay_in_volume_probability(lambda, 0.0, cfg_.decay_radius);
      photon += g2 * run_photon_[i] * U;
      electron += e2 * run_electron_[i] * U;
    }
  }
  const double scale = curve_ ? (eps_lim_sq_ > 0 ? 1.0 / eps_lim_sq_ : 0.0) : 1.0;
  if (photon_part) *photon_part = photon * scale;
  if (electron_part) *electron_part = electron * scale;
  return (photon + electron) * scale;
}

std::vector<SignalPart> ColliderExperiment::explain(const model::AlpModel& a) {
  if (cfg_.final_state != ColliderFinalState::mono_photon) return {{"total", signal(a)}};
  double p = 0.0, e = 0.0;
  mono_photon_signal(a, &p, &e);
  const std::string unit = curve_ ? " (in units of the dark-photon limit: (eps_eq/eps_lim)^2)" : "";
  return {{"e+e- -> gamma a via g_agg, a unseen" + unit, p}, {"e+e- -> gamma a via g_ae, a unseen" + unit, e}};
}

// ---- configuration from the data file, and registration ----

ColliderConfig read_collider_config(ExperimentInput& in) {
  ColliderConfig c;
  // 1 pb^-1 = 1 / (1e-9 mb) in GeV^2.
  const double pb_inv = 1.0 / (1e-9 * units::millibarn);
  // The final state: three photons unless the file says otherwise (the files written before the
  // mono-photon searches have no such option).
  const bool mono = in.option_or("final_state", {"three_photons", "mono_photon"}, "three_photons") == "mono_photon";
  c.final_state = mono ? ColliderFinalState::mono_photon : ColliderFinalState::three_photons;
  const bool curve = in.info().likelihood && in.info().likelihood->kind() == "published_curve";
  if (mono) {
    c.run_sqrt_s = in.numbers_when(false, "run_sqrt_s", "energy");
    if (c.run_sqrt_s.empty()) {
      c.sqrt_s = in.number("sqrt_s", "energy");
      c.run_sqrt_s = {c.sqrt_s};
      // The dark-photon recast does not use the luminosity (it cancels in the ratio); a file may record it.
      c.luminosity = in.number_when(!curve, "luminosity_pb_inv", "number", curve ? 1.0 : 0.0) * pb_inv;
      c.run_luminosity = {c.luminosity};
    } else {
      c.run_luminosity = in.numbers("run_luminosity_pb_inv", "number");
      for (double& l : c.run_luminosity) l *= pb_inv;
      c.sqrt_s = c.run_sqrt_s.front();
    }
  } else {
    c.sqrt_s = in.number("sqrt_s", "energy");
    c.luminosity = in.number("luminosity_pb_inv", "number") * pb_inv;
  }
  c.cos_min = in.number("cos_theta_min", "number");
  c.cos_max = in.number("cos_theta_max", "number");
  c.efficiency = mono ? in.number_when(!curve, "efficiency", "number", 1.0) : in.number("efficiency", "number");
  if (mono) {
    c.m_min = in.number_or("m_a_min", "energy", 0.0);
    c.m_max = in.number_or("m_a_max", "energy", std::numeric_limits<double>::infinity());
    c.unseen = in.option("unseen", {"physical", "seed"}) == "seed" ? UnseenFraction::seed : UnseenFraction::physical;
    c.decay_radius = in.number_when(c.unseen == UnseenFraction::physical, "decay_radius", "length");
    const bool cut = in.option("energy_cut", {"none", "beam_fraction_smeared"}) == "beam_fraction_smeared";
    c.energy_cut = cut ? PhotonEnergyCut::beam_fraction_smeared : PhotonEnergyCut::none;
    c.x_min = in.number_when(cut, "photon_energy_fraction_min", "number");
    c.x_max = in.number_when(cut, "photon_energy_fraction_max", "number");
    c.res_const = in.number_when(cut, "energy_resolution_constant", "number");
    c.res_stoch = in.number_when(cut, "energy_resolution_stochastic", "number");
    c.m_window_switch = in.number_or("m_a_window_switch", "energy", std::numeric_limits<double>::infinity());
    const bool two = !std::isinf(c.m_window_switch);
    c.cos_min_high = in.number_when(two, "cos_theta_min_high_mass", "number", -1.0);
    c.cos_max_high = in.number_when(two, "cos_theta_max_high_mass", "number", 1.0);
  } else {
    c.m_min = in.number("m_a_min", "energy");
    c.m_max = in.number("m_a_max", "energy");
    c.decay_radius = in.number("decay_radius", "length");
  }
  // The Z term belongs to the three-photon searches (a mono-photon file has no z_coupling).
  const bool hyper = !mono && in.option("z_coupling", {"photon_only", "hypercharge"}) == "hypercharge";
  c.z_coupling = hyper ? ZCoupling::hypercharge : ZCoupling::photon_only;
  c.m_Z = in.number_when(hyper, "m_Z", "energy", c.m_Z);
  c.Gamma_Z = in.number_when(hyper, "Gamma_Z", "energy", c.Gamma_Z);
  c.Gamma_ee = in.number_when(hyper, "Gamma_ee", "energy", c.Gamma_ee);
  c.sin2_theta_W = in.number_when(hyper, "sin2_theta_W", "number", c.sin2_theta_W);
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<ColliderExperiment, read_collider_config>(
    "collider", "e+e- collider: e+e- -> gamma a, a -> gamma gamma (three photons) or a unseen (mono-photon)");

}  // namespace alpscan
