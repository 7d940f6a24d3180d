// Stellar energy-loss bounds with their mass dependence computed (family "stellar_energy_loss";
// data/experiments/hb_r_parameter.json, red_giant_tip.json, white_dwarf_lf.json, sun_helioseismology.json;
// seed 002 L1500-L1535, L1620-L1701, L1745-L1776; spec fips_astro_and_helioscopes.md 2.2, 2.4, 2.5, 2.7, F4).
//
// Each bound is a published energy-loss criterion for MASSLESS ALPs, g < g_0 (the seed's number): the
// star tolerates the extra emissivity eps = g_0^2 eps_1(0) (eps_1: per unit g^2). With mass the
// emissivity falls (threshold w > m_a, Boltzmann tail; physics/StellarEmission) and part of it decays
// before leaving the core, so the point's signal, normalised to the criterion, is
//    s(m_a, g) = (g / g_0)^2 * eps_1(m_a)/eps_1(0) * escape(m_a, Gamma_visible, R_core)
// and s >= 1 is excluded. The statistics section is a "published_curve" holding g_0 flat over the mass
// range the physics covers (two points): the curve gives g_0 and the CL; this family supplies the mass
// dependence. The curve's "coupling" (g_agg or g_ae) says which coupling is bounded; the process must
// produce through it (Primakoff: g_agg; bremsstrahlung: g_ae).
//
// Per point: O(100) exponentials (the escape average over the cached spectrum nodes of the mass).
#pragma once

#include <limits>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/physics/StellarEmission.hpp"

namespace alpscan {

namespace stats {
class PublishedCurveLikelihood;
}

struct StellarEnergyLossConfig {
  physics::StellarProcess process = physics::StellarProcess::primakoff_and_coalescence;
  physics::StellarPlasma plasma;  // temperature always; kappa and w_p for the Primakoff processes
  double core_radius = 0.0;       // R_core [GeV^-1]
  bool decay_inside = true;       // option decay_inside: escape_from_core | ignore
};

class ExperimentInput;
// Reads: option process = primakoff | primakoff_and_coalescence | electron_bremsstrahlung_degenerate;
// option decay_inside = escape_from_core | ignore; parameters temperature (energy), core_radius (length)
// and, for the Primakoff processes, density_g_per_cm3, electrons_per_baryon, z2_per_baryon (numbers).
StellarEnergyLossConfig read_stellar_energy_loss_config(ExperimentInput& in);

class StellarEnergyLossExperiment final : public Experiment {
 public:
  // Throws std::invalid_argument without a published_curve likelihood, for a coupling the process does
  // not produce through, or for non-positive temperature, screening scale or radius.
  StellarEnergyLossExperiment(ExperimentInfo info, StellarEnergyLossConfig cfg);
  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext&) override {}
  double expected_signal(const model::AlpModel& a) override;
  std::vector<SignalPart> explain(const model::AlpModel& a) override;

  // eps_1(m_a)/eps_1(0) and the escape fraction at the model's point.
  double energy_loss_ratio(double m_a);
  double escape(const model::AlpModel& a);
  // The coupling the bound is on, at the point (g_agg via g_gamma(), or g_ae).
  double coupling(const model::AlpModel& a) const;
  const StellarEnergyLossConfig& config() const { return cfg_; }

 private:
  void set_mass(double m_a);

  ExperimentInfo info_;
  StellarEnergyLossConfig cfg_;
  const stats::PublishedCurveLikelihood* curve_ = nullptr;
  bool photon_coupling_ = true;
  // Per-mass cache (the scan keeps m_a fixed over runs of points).
  double cached_m_ = std::numeric_limits<double>::quiet_NaN();
  double ratio_ = 0.0;
  physics::EmissionNodes nodes_;
};

}  // namespace alpscan
