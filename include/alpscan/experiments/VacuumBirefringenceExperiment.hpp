// Vacuum magnetic dichroism and birefringence (family "vacuum_birefringence"; data/experiments/pvlas.json).
// The ALP's single-pass dichroism Delta kappa and birefringence Delta n (physics/VacuumBirefringence) per unit
// field squared, Delta kappa_u = Delta kappa/B^2 and Delta n_u = Delta n/B^2 [T^-2] (PVLAS's quantities),
// are compared with the measured upper limits at the data file's CL. The prediction is
//   s = max(Delta kappa_u / Delta kappa_u,up , Delta n_u / Delta n_u,up)
// (the union of the two exclusions, as the collaborations draw them), with counting/signal_upper_limit = 1
// at that CL: Gaussian-equivalent, so another CL rescales s_up by z(CL)/z(CL_q). s goes as g^2 (one vertex
// set); the per-point cost is a few flops. The dichroism dominates at low mass (mass-independent), the
// birefringence at high mass (limit prop. to m_a).
#pragma once

#include "alpscan/experiments/Experiment.hpp"

namespace alpscan {

struct VacuumBirefringenceConfig {
  double B = 0.0;                  // field [GeV^2]
  double L = 0.0;                  // field length [GeV^-1]
  double omega = 0.0;              // laser photon energy [GeV]
  double dichroism_limit = 0.0;    // Delta kappa_u upper limit [T^-2]
  double birefringence_limit = 0.0;  // Delta n_u upper limit [T^-2]
};

class ExperimentInput;
// Reads B (field), L (length), photon_energy (energy), unit_dichroism_limit_per_T2 and
// unit_birefringence_limit_per_T2 (numbers, T^-2).
VacuumBirefringenceConfig read_vacuum_birefringence_config(ExperimentInput& in);

class VacuumBirefringenceExperiment final : public Experiment {
 public:
  VacuumBirefringenceExperiment(ExperimentInfo info, VacuumBirefringenceConfig cfg);
  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext&) override {}
  double expected_signal(const model::AlpModel& a) override;
  std::vector<SignalPart> explain(const model::AlpModel& a) override;
  // The ALP's Delta kappa_u and Delta n_u [T^-2] at the model's point.
  double unit_dichroism(const model::AlpModel& a) const;
  double unit_birefringence(const model::AlpModel& a) const;
  const VacuumBirefringenceConfig& config() const { return cfg_; }

 private:
  ExperimentInfo info_;
  VacuumBirefringenceConfig cfg_;
  double per_B2_ = 0.0;  // 1 / (B/T)^2
};

}  // namespace alpscan
