#include "alpscan/io/ColliderConfigIO.hpp"

#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ColliderExperiment.hpp"
#include "alpscan/io/MakeExperiment.hpp"

namespace alpscan {

ColliderConfig read_collider_config(ExperimentFile& f) {
  ColliderConfig c;
  c.sqrt_s = f.number("sqrt_s", "energy");
  // 1 pb^-1 = 1 / (1e-9 mb) in GeV^2.
  c.luminosity = f.number("luminosity_pb_inv", "number") / (1e-9 * units::millibarn);
  c.cos_min = f.number("cos_theta_min", "number");
  c.cos_max = f.number("cos_theta_max", "number");
  c.efficiency = f.number("efficiency", "number");
  c.m_min = f.number("m_a_min", "energy");
  c.m_max = f.number("m_a_max", "energy");
  c.decay_radius = f.number("decay_radius", "length");
  const bool hyper = f.option("z_coupling", {"photon_only", "hypercharge"}) == "hypercharge";
  c.z_coupling = hyper ? ZCoupling::hypercharge : ZCoupling::photon_only;
  if (hyper) {
    c.m_Z = f.number("m_Z", "energy");
    c.Gamma_Z = f.number("Gamma_Z", "energy");
    c.Gamma_ee = f.number("Gamma_ee", "energy");
    c.sin2_theta_W = f.number("sin2_theta_W", "number");
  }
  return c;
}

ExperimentPtr make_collider_experiment(ExperimentFile& f) {
  ColliderConfig c = read_collider_config(f);
  return make_experiment<ColliderExperiment>(f, c);
}

}  // namespace alpscan
