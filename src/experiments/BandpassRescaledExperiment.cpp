#include "alpscan/experiments/BandpassRescaledExperiment.hpp"

#include <algorithm>
#include <stdexcept>

#include "alpscan/model/BandpassCoupling.hpp"

namespace alpscan {

BandpassRescaledExperiment::BandpassRescaledExperiment(ExperimentPtr inner, const model::ModelOptions& options)
    : inner_(std::move(inner)), info_(inner_->info()), options_(options) {
  if (!options_.bandpass.on) throw std::invalid_argument("the bandpass model is off");
  if (!info_.probe_kinematics)
    throw std::invalid_argument("experiment " + info_.name +
                                " declares no probe_kinematics (where it probes the photon coupling), which the "
                                "bandpass model needs: add the section to its data file (README, Probe kinematics)");
  for (Axis x : {Axis::m_f_light, Axis::m_f_heavy})
    if (std::find(info_.axes.begin(), info_.axes.end(), x) == info_.axes.end()) info_.axes.push_back(x);
  info_.options["bandpass"] = "eps = " + std::to_string(options_.bandpass.eps) +
                              ", m_D = " + std::to_string(options_.bandpass.m_D / 1e-9) + " eV";
}

double BandpassRescaledExperiment::ratio(const model::AlpModel& a) {
  const AlpPoint& p = a.point();
  const auto key = std::make_tuple(p.m_a(), p[Axis::m_f_light], p[Axis::m_f_heavy]);
  const auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  const model::BandpassSpectrum s =
      model::two_fermion_bandpass(p[Axis::m_f_light], p[Axis::m_f_heavy], options_.bandpass.eps, options_.bandpass.m_D);
  const double r = model::bandpass_ratio(s, *info_.probe_kinematics, p.m_a());
  if (cache_.size() > 200000) cache_.clear();  // bounded: a scan revisits few (m_a, m_f) triples at a time
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
  if (!options.bandpass.on) return e;
  const auto& axes = e->info().axes;
  if (std::find(axes.begin(), axes.end(), Axis::g_agg) == axes.end()) return e;  // a bound on g_ae alone
  return std::make_unique<BandpassRescaledExperiment>(std::move(e), options);
}

}  // namespace alpscan
