// The bandpass axion applied to any experiment (issue 15; seed 001; spec bandpass.md 3.1): a decorator
// that hands the wrapped experiment the model with g_agg replaced by g_agg R_X, where R_X is the ratio of
// the model's effective photon coupling at the experiment's declared probe kinematics to the in-band
// g_agg (model/BandpassCoupling: sqrt(R_prod R_det) for production-and-detection signals). The wrapped
// family is untouched: no experiment has a bandpass branch, and with the bandpass off nothing is wrapped,
// so every result is bit-identical to a job without it.
//
// The model's parameters are axes of the point -- the fermion masses m_f_light, m_f_heavy and the dark photon
// eps, m_D -- added to the experiment's axes. R_X costs up to ~1e3 loop-integrand calls, so it is cached per
// (m_a, m_f_light, m_f_heavy, eps, m_D): the couplings the scan varies fastest reuse it.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <tuple>

#include "alpscan/experiments/Experiment.hpp"

namespace alpscan {

// Why an experiment cannot join a job's bandpass setting, and where in its data file ("/probe_kinematics")
// or in the job ("" : the job's model) the problem lies.
struct BandpassMismatch : std::invalid_argument {
  BandpassMismatch(const std::string& what, std::string where) : std::invalid_argument(what), json_path(std::move(where)) {}
  std::string json_path;
};

class BandpassRescaledExperiment final : public Experiment {
 public:
  // Throws BandpassMismatch if the experiment declares no probe kinematics, std::invalid_argument if the
  // options are off.
  BandpassRescaledExperiment(ExperimentPtr inner, const model::ModelOptions& options);
  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext& ctx) override { inner_->prepare(ctx); }
  double expected_signal(const model::AlpModel& a) override;
  void expected_signal_bins(const model::AlpModel& a, double* out) override;
  std::vector<double> save_prepared() const override { return inner_->save_prepared(); }
  bool restore_prepared(const PrepareContext& ctx, const std::vector<double>& t) override {
    return inner_->restore_prepared(ctx, t);
  }
  std::vector<SignalPart> explain(const model::AlpModel& a) override;

  // R_X at the point of model a (cached).
  double ratio(const model::AlpModel& a);

 private:
  model::AlpModel rescaled(const model::AlpModel& a);

  ExperimentPtr inner_;
  ExperimentInfo info_;
  model::ModelOptions options_;
  using Key = std::tuple<double, double, double, double, double>;
  std::map<Key, double> cache_;
};

// Wraps `e` when the options enable the bandpass model and the experiment depends on g_agg; returns it
// unchanged otherwise, and unchanged too when it reads the axes eps or m_D itself (a condition on the
// model's own parameters, family bandpass_uv_completion). Throws BandpassMismatch (naming the
// experiment) when it declares no kinematics, or reads eps/m_D in a job without the bandpass model.
ExperimentPtr with_bandpass_coupling(ExperimentPtr e, const model::ModelOptions& options);

}  // namespace alpscan
