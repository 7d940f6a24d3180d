// Axion helioscopes (family "helioscope"; data/experiments/cast_2017.json, babyiaxo.json, iaxo.json;
// seed 002 L1555-L1571, L2169-L2226; spec fips_astro_and_helioscopes.md 2.3, F7, F9, F11).
//
// Solar Primakoff ALPs (physics/SolarAxionFlux, ~g^2) convert to X-rays in the magnet's bores
// (physics/AlpConversion, weak mixing, coherence loss sinc^2(qL/2) with q = m_a^2/2E in vacuum, ~g^2):
//   N = g^4 * R(m_a) * A_bores * t_tracking * eps,   R = integral_window dE dPhi/dE P (physics/HelioscopeRate).
// The mass dependence is pure physics: flat while qL/2 << 1 over the window (m_a <~ 0.01 eV for CAST),
// then N ~ m_a^-4 (g_lim ~ m_a), with the sinc^2 wiggles averaged over the energy window.
//
// Normalisation (option "normalisation"):
//  * "physics": eps = detector_efficiency * optics_efficiency, t = tracking_fraction * duration_years
//    (the projections: design values of the IAXO/BabyIAXO papers);
//  * "calibrated": eps * t = calibrated_exposure_hours, ONE number calibrated to the collaboration's own
//    low-mass limit (CAST 2017: 0.66e-10 GeV^-1 at 95% CL), used where the published likelihood cannot be
//    rebuilt from what the paper gives (standard recast practice; the data file names the calibration).
// Background: the "counting" section of the data file (for a projection n = b, the expected background);
// with "physics" the family also computes b = background_rate * (E_max - E_min) * spot_area * t, and the
// validation test checks the two agree.
//
// Tables: prepare() computes R at every job mass (PrepareContext::m_a_values, exact nodes, ~8k flux
// evaluations each); a mass outside the table is computed directly.
#pragma once

#include <utility>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/physics/HelioscopeRate.hpp"

namespace alpscan {

enum class HelioscopeNormalisation { physics, calibrated };

struct HelioscopeConfig {
  physics::HelioscopeMagnet magnet;  // B, L, window (internal units), vacuum bores
  double bore_area = 0.0;            // one bore [GeV^-2]
  double n_bores = 1.0;
  HelioscopeNormalisation normalisation = HelioscopeNormalisation::physics;
  // physics
  double detector_efficiency = 1.0, optics_efficiency = 1.0, tracking_fraction = 1.0, duration_years = 0.0;
  double background_rate_per_keV_cm2_s = 0.0;  // 0: not given
  double spot_area = 0.0;                      // [GeV^-2] total over the detection lines
  // calibrated
  double calibrated_exposure_hours = 0.0;      // eps * t [h]
};

class ExperimentInput;
// Reads a helioscope data file: parameters magnetic_field, magnet_length, bore_area, n_bores, energy_min,
// energy_max; option normalisation = physics | calibrated and the parameters it needs (see above).
HelioscopeConfig read_helioscope_config(ExperimentInput& in);

class HelioscopeExperiment final : public Experiment {
 public:
  HelioscopeExperiment(ExperimentInfo info, HelioscopeConfig cfg);
  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext& ctx) override;
  double expected_signal(const model::AlpModel& a) override;

  // N / g^4 at mass m [GeV^4 ... i.e. counts per (GeV^-1)^4]: R(m) A t eps.
  double counts_per_g4(double m_a) const;
  // Effective exposure A * t * eps in natural units [GeV^-3] and in cm^2 h.
  double exposure() const;
  double exposure_cm2_h() const;
  // Expected background counts from the "physics" inputs (0 if the file gives no background rate).
  double expected_background() const;
  const HelioscopeConfig& config() const { return cfg_; }

 private:
  ExperimentInfo info_;
  HelioscopeConfig cfg_;
  std::vector<std::pair<double, double>> table_;  // (m_a, R(m_a)), sorted by m_a
};

}  // namespace alpscan
