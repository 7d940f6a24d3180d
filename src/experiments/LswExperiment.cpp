#include "alpscan/experiments/LswExperiment.hpp"

#include <cmath>
#include <stdexcept>
#include <utility>

#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"

namespace alpscan {

namespace {
constexpr double kJoulePerEV = 1.602176634e-19;  // exact (SI 2019)
bool positive(double x) { return x > 0 && std::isfinite(x); }
}  // namespace

LswExperiment::LswExperiment(ExperimentInfo info, LswConfig cfg) : info_(std::move(info)), cfg_(cfg) {
  const physics::LswSetup& s = cfg_.setup;
  if (!positive(s.production.B) || !positive(s.regeneration.B)) throw std::invalid_argument("magnetic fields must be > 0");
  if (!positive(s.production.L) || !positive(s.regeneration.L)) throw std::invalid_argument("magnet lengths must be > 0");
  if (!positive(s.omega)) throw std::invalid_argument("photon_energy must be > 0");
  if (!(s.beta_pc >= 1) || !(s.beta_rc >= 1)) throw std::invalid_argument("beta_PC and beta_RC must be >= 1 (1: no cavity)");
  if (!positive(cfg_.laser_power_W)) throw std::invalid_argument("laser_power_W must be > 0");
  if (!positive(cfg_.detector_efficiency) || cfg_.detector_efficiency > 1)
    throw std::invalid_argument("detector_efficiency must be in (0, 1]");
  if (!positive(cfg_.exposure_s)) throw std::invalid_argument("exposure_s must be > 0");
  if (!positive(cfg_.calibration)) throw std::invalid_argument("calibration_factor must be > 0");
  const double omega_J = s.omega / units::eV * kJoulePerEV;
  photons_per_probability_ =
      cfg_.calibration * cfg_.detector_efficiency * cfg_.exposure_s * cfg_.laser_power_W / omega_J;
  info_.axes = {Axis::m_a, Axis::g_agg};
}

double LswExperiment::expected_signal(const model::AlpModel& a) {
  return photons_per_probability_ * physics::regeneration_probability(cfg_.setup, a.m_a(), a.g_gamma());
}

LswConfig read_lsw_config(ExperimentInput& in) {
  LswConfig c;
  physics::LswSetup& s = c.setup;
  const double m_gas = in.number_or("gas_photon_mass", "energy", 0.0);
  s.production = {in.number("B_production", "field"), in.number("L_production", "length"), -m_gas * m_gas};
  s.regeneration = {in.number("B_regeneration", "field"), in.number("L_regeneration", "length"), -m_gas * m_gas};
  s.omega = in.number("photon_energy", "energy");
  s.beta_pc = in.number("beta_PC", "number");
  s.beta_rc = in.number("beta_RC", "number");
  c.laser_power_W = in.number("laser_power_W", "number");
  c.detector_efficiency = in.number("detector_efficiency", "number");
  c.exposure_s = in.number("exposure_s", "number");
  const bool calibrated = in.option("efficiency", {"calibrated", "physical"}) == "calibrated";
  const double f = in.number_when(calibrated, "calibration_factor", "number", 1.0);
  c.calibration = calibrated ? f : 1.0;
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<LswExperiment, read_lsw_config>(
    "lsw", "light shining through a wall: laser photons -> ALP -> photons behind a wall, full coherence factor, photon counting");

}  // namespace alpscan
