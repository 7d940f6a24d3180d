// Light shining through a wall (family "lsw"; data/experiments/alps1.json, osqar.json, alps2.json).
// Expected regenerated photons behind the wall:
//   N = c eta T (P_laser/omega) beta_PC beta_RC P_gen P_reg        (physics/LightShiningThroughWall)
// with the full coherence factor in each magnet and the residual gas's photon mass (m_gamma^2 < 0,
// seed 001 L167). eta = detector efficiency, T = exposure, P_laser/omega = photons per second entering the
// production magnet (times beta_PC, the power build-up). c = 1 with option efficiency = "physical"; with
// "calibrated" c is the data file's calibration_factor: ONE overall efficiency fitted to the collaboration's
// own low-mass limit (standard recast practice where the analysis inputs are not available; the data file
// names the number it is calibrated to). N goes as g^4 at every mass; the per-point cost is a few flops.
#pragma once

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/physics/LightShiningThroughWall.hpp"

namespace alpscan {

struct LswConfig {
  physics::LswSetup setup;          // magnets, photon energy, cavity gains (internal units)
  double laser_power_W = 0.0;       // laser power entering the production magnet [W] (before beta_PC)
  double detector_efficiency = 0.0;
  double exposure_s = 0.0;          // data-taking time [s]
  double calibration = 1.0;         // c (1 for efficiency = physical)
};

class ExperimentInput;
// Reads B_production, L_production, B_regeneration, L_regeneration (field, length), photon_energy, optional
// gas_photon_mass (energy, |m_gamma| of the residual gas, m_gamma^2 = -|m_gamma|^2), beta_PC, beta_RC,
// laser_power_W, detector_efficiency, exposure_s (numbers), option efficiency = calibrated | physical and,
// when calibrated, calibration_factor.
LswConfig read_lsw_config(ExperimentInput& in);

class LswExperiment final : public Experiment {
 public:
  // Throws std::invalid_argument for non-positive fields, lengths, energy, power, efficiency, exposure, gains.
  LswExperiment(ExperimentInfo info, LswConfig cfg);
  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext&) override {}
  double expected_signal(const model::AlpModel& a) override;
  // Photons per second entering the production magnet times the exposure and efficiencies: N / P(g -> a -> g).
  double photons_per_probability() const { return photons_per_probability_; }
  const LswConfig& config() const { return cfg_; }

 private:
  ExperimentInfo info_;
  LswConfig cfg_;
  double photons_per_probability_ = 0.0;
};

}  // namespace alpscan
