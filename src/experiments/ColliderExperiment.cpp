#include "alpscan/experiments/ColliderExperiment.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/physics/DecayInVolume.hpp"
#include "alpscan/physics/EeToGammaAlp.hpp"
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

// ---- configuration from the data file, and registration ----

ColliderConfig read_collider_config(ExperimentInput& in) {
  ColliderConfig c;
  c.sqrt_s = in.number("sqrt_s", "energy");
  // 1 pb^-1 = 1 / (1e-9 mb) in GeV^2.
  c.luminosity = in.number("luminosity_pb_inv", "number") / (1e-9 * units::millibarn);
  c.cos_min = in.number("cos_theta_min", "number");
  c.cos_max = in.number("cos_theta_max", "number");
  c.efficiency = in.number("efficiency", "number");
  c.m_min = in.number("m_a_min", "energy");
  c.m_max = in.number("m_a_max", "energy");
  c.decay_radius = in.number("decay_radius", "length");
  const bool hyper = in.option("z_coupling", {"photon_only", "hypercharge"}) == "hypercharge";
  c.z_coupling = hyper ? ZCoupling::hypercharge : ZCoupling::photon_only;
  c.m_Z = in.number_when(hyper, "m_Z", "energy", c.m_Z);
  c.Gamma_Z = in.number_when(hyper, "Gamma_Z", "energy", c.Gamma_Z);
  c.Gamma_ee = in.number_when(hyper, "Gamma_ee", "energy", c.Gamma_ee);
  c.sin2_theta_W = in.number_when(hyper, "sin2_theta_W", "number", c.sin2_theta_W);
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<ColliderExperiment, read_collider_config>(
    "collider", "e+e- collider: e+e- -> gamma a, a -> gamma gamma (three photons)");

}  // namespace alpscan
