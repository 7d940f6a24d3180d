#include "alpscan/experiments/ColliderExperiment.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/physics/DecayInVolume.hpp"
#include "alpscan/physics/EeToGammaAlp.hpp"

namespace alpscan {

namespace {
void require(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument(what);
}
}  // namespace

ColliderExperiment::ColliderExperiment(ExperimentInfo info, ColliderConfig cfg) : info_(std::move(info)), cfg_(cfg) {
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
  info_.axes = {Axis::m_a, Axis::g_agg, Axis::g_ae, Axis::g_achi, Axis::m_chi, Axis::br_inv};
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
  const double m = alp.m_a();
  // One coupling for the production vertex (s-channel photon, q^2 = s) and the decay (on shell) in
  // today's model; a leg-dependent g_gamma will take the production legs here.
  const double g = alp.g_gamma(model::kOnShellPhotons);
  if (!(m >= cfg_.m_min && m <= cfg_.m_max) || !(g > 0)) return 0.0;
  const model::AlpWidths& w = alp.widths();
  if (!(w.br_gg() > 0)) return 0.0;  // br_inv = 1: infinite width, nothing visible
  return cfg_.luminosity * cfg_.efficiency * sigma_accepted(m, g) * decay_inside(m, w.total()) * w.br_gg();
}

}  // namespace alpscan
