#include "alpscan/experiments/VacuumBirefringenceExperiment.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/physics/VacuumBirefringence.hpp"

namespace alpscan {

namespace {
bool positive(double x) { return x > 0 && std::isfinite(x); }
}  // namespace

VacuumBirefringenceExperiment::VacuumBirefringenceExperiment(ExperimentInfo info, VacuumBirefringenceConfig cfg)
    : info_(std::move(info)), cfg_(cfg) {
  if (!positive(cfg_.B) || !positive(cfg_.L) || !positive(cfg_.omega))
    throw std::invalid_argument("B, L and photon_energy must be > 0");
  if (!positive(cfg_.dichroism_limit) || !positive(cfg_.birefringence_limit))
    throw std::invalid_argument("the unit dichroism and birefringence limits must be > 0");
  const double b_T = cfg_.B / units::tesla;
  per_B2_ = 1.0 / (b_T * b_T);
  info_.axes = {Axis::m_a, Axis::g_agg};
}

double VacuumBirefringenceExperiment::unit_dichroism(const model::AlpModel& a) const {
  return per_B2_ * physics::alp_dichroism_index(a.m_a(), a.g_gamma(), cfg_.B, cfg_.L, cfg_.omega);
}

double VacuumBirefringenceExperiment::unit_birefringence(const model::AlpModel& a) const {
  return per_B2_ * physics::alp_birefringence_index(a.m_a(), a.g_gamma(), cfg_.B, cfg_.L, cfg_.omega);
}

double VacuumBirefringenceExperiment::expected_signal(const model::AlpModel& a) {
  return std::max(unit_dichroism(a) / cfg_.dichroism_limit, unit_birefringence(a) / cfg_.birefringence_limit);
}

std::vector<SignalPart> VacuumBirefringenceExperiment::explain(const model::AlpModel& a) {
  // the prediction is the larger ratio; the other is shown with 0 so the parts sum to the total
  const double k = unit_dichroism(a) / cfg_.dichroism_limit, n = unit_birefringence(a) / cfg_.birefringence_limit;
  return {{"dichroism Delta kappa_u / limit", k >= n ? k : 0.0}, {"birefringence Delta n_u / limit", k >= n ? 0.0 : n}};
}

VacuumBirefringenceConfig read_vacuum_birefringence_config(ExperimentInput& in) {
  VacuumBirefringenceConfig c;
  c.B = in.number("B", "field");
  c.L = in.number("L", "length");
  c.omega = in.number("photon_energy", "energy");
  c.dichroism_limit = in.number("unit_dichroism_limit_per_T2", "number");
  c.birefringence_limit = in.number("unit_birefringence_limit_per_T2", "number");
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<VacuumBirefringenceExperiment, read_vacuum_birefringence_config>(
    "vacuum_birefringence", "vacuum magnetic dichroism and birefringence from an ALP (polarimetry in a magnetic field)");

}  // namespace alpscan
