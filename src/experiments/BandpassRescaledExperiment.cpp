#include "alpscan/experiments/BandpassRescaledExperiment.hpp"

#include <algorithm>
#include <stdexcept>

#include "alpscan/model/BandpassCoupling.hpp"

namespace alpscan {

BandpassRescaledExperiment::BandpassRescaledExperiment(ExperimentPtr inner, const model::ModelOptions& options)
    : inner_(std::move(inner)), info_(inner_->info()), options_(options) {
  if (!options_.bandpass.on) throw std::invalid_argument("the bandpass model is off");
  if (!info_.probe_kinematics)
    throw BandpassMismatch("experiment " + info_.name +
                                " declares no probe_kinematics (where it probes the photon coupling), which the "
                                "bandpass model needs: add the section to its data file (README, Probe kinematics)",
                           "/probe_kinematics");
  for (Axis x : {Axis::m_f_light, Axis::m_f_heavy, Axis::eps, Axis::m_D})
    if (std::find(info_.axes.begin(), info_.axes.end(), x) == info_.axes.end()) info_.axes.push_back(x);
  info_.options["bandpass"] = std::string("g_agg R_X at the declared kinematics (") +
                              model::signal_name(info_.probe_kinematics->signal) + ")";
}

double BandpassRescaledExperiment::ratio(const model::AlpModel& a) {
  const AlpPoint& p = a.point();
  const Key key{p.m_a(), p[Axis::m_f_light], p[Axis::m_f_heavy], p[Axis::eps], p[Axis::m_D]};
  const auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  const model::BandpassSpectrum s =
      model::two_fermion_bandpass(p[Axis::m_f_light], p[Axis::m_f_heavy], p[Axis::eps], p[Axis::m_D]);
  const double r = model::bandpass_ratio(s, *info_.probe_kinematics, p.m_a());
  if (cache_.size() > 200000) cache_.clear();  // bounded: a scan revisits few parameter sets at a time
  cache_.emplace(key, r);
  return r;
}

model::AlpModel BandpassRescaledExperiment::rescaled(const model::AlpModel& a) {
  AlpPoint q = a.point();
  q[Axis::g_agg] = q.g_agg() * ratio(a);
  model::ModelOptions plain = options_;
  plain.bandpass.on = false;
  return model::AlpModel(q, plain);
}

double BandpassRescaledExperiment::expected_signal(const model::AlpModel& a) {
  return inner_->expected_signal(rescaled(a));
}

void BandpassRescaledExperiment::expected_signal_bins(const model::AlpModel& a, double* out) {
  inner_->expected_signal_bins(rescaled(a), out);
}

std::vector<SignalPart> BandpassRescaledExperiment::explain(const model::AlpModel& a) {
  return inner_->explain(rescaled(a));
}

ExperimentPtr with_bandpass_coupling(ExperimentPtr e, const model::ModelOptions& options) {
  const auto& axes = e->info().axes;
  auto uses = [&](Axis a) { return std::find(axes.begin(), axes.end(), a) != axes.end(); };
  // An experiment that reads the dark photon itself is a condition on the bandpass model's own parameters
  // (family bandpass_uv_completion): meaningless without the model, and never rescaled (it bounds the
  // in-band g, not g_eff).
  if (uses(Axis::eps) || uses(Axis::m_D)) {
    if (!options.bandpass.on)
      throw BandpassMismatch("experiment " + e->info().name +
                                 " constrains the bandpass model's parameters: the job must enable it "
                                 "(\"model\": {\"bandpass\": {...}})",
                             "");
    return e;
  }
  if (!options.bandpass.on) return e;
  if (!uses(Axis::g_agg)) return e;  // a bound on g_ae alone
  return std::make_unique<BandpassRescaledExperiment>(std::move(e), options);
}

}  // namespace alpscan
