// Astrophysical (and other) bounds that exist only as a published curve (family "published_bound";
// data/experiments/mwd_polarisation.json, chandra_ngc1275.json, chandra_h1821.json, mrk421.json,
// sn1987a_gamma.json, sn1987a_heavy_alp.json, cast_all_phases.json; issue 14 item 2). The data file's
// "published_curve" section (stats/PublishedCurveLikelihood, read by io/ExperimentFile) holds the curve
// g_lim(m_a) at its publication's CL and names the coupling it bounds: "g_agg" (GeV^-1) or "g_ae"
// (alpscan's dimensionless Yukawa). The prediction per point is one interpolation,
//     s = (g / g_lim(m_a))^p ,   excluded at s >= 1,
// with g the model's coupling of that name (a.g_gamma() or a.g_ae()) and p how the observable scales
// with it (option signal_power: 2 for one vertex -- a conversion probability in the weak-mixing regime,
// an energy-loss rate; 4 for production and detection -- helioscope counts, the SN1987A gamma burst).
// p does not move the s >= 1 region (that is g >= g_lim whatever p); it shapes the combined map, where
// the curve enters as q(s) = (Phi^-1(CL) s)^2 (stats/PublishedCurveLikelihood.hpp).
// Outside the curve's mass range the publication says nothing: s = 0, nothing is excluded.
//
// Islands. Some bounds hold only below a ceiling in the coupling (SN1987A for heavy ALPs: above it the
// ALPs are trapped or decay inside the star and escape no more). The optional parameter
// coupling_ceiling g_max (same unit as the curve's coupling) sets s = 0 for g > g_max.
#pragma once

#include <limits>

#include "alpscan/experiments/Experiment.hpp"

namespace alpscan {

namespace stats {
class PublishedCurveLikelihood;
}

struct PublishedBoundConfig {
  double power = 2.0;                                          // p of s = (g/g_lim)^p
  double coupling_ceiling = std::numeric_limits<double>::infinity();  // g_max: s = 0 above [internal units]
};

class ExperimentInput;
// Reads a published_bound data file: option signal_power = "2" (default when absent) | "4"; optional
// parameter coupling_ceiling (inverse_energy for a g_agg curve, number for g_ae). Reports a missing or
// foreign published_curve section as a problem of the file.
PublishedBoundConfig read_published_bound_config(ExperimentInput& in);

class PublishedBoundExperiment final : public Experiment {
 public:
  // info.likelihood must be a published curve bounding g_agg or g_ae; power > 0; ceiling > 0.
  // Throws std::invalid_argument otherwise.
  PublishedBoundExperiment(ExperimentInfo info, PublishedBoundConfig cfg);
  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext&) override {}
  // s = (g/g_lim(m_a))^p; 0 outside the curve's mass range and above the ceiling.
  double expected_signal(const model::AlpModel& a) override;

  // The coupling the curve bounds, at the model's point (a.g_gamma() [GeV^-1] or a.g_ae()).
  double coupling(const model::AlpModel& a) const;
  // g_lim(m_a) of the curve (internal units); +infinity outside its mass range.
  double coupling_limit(double m_a) const;
  const PublishedBoundConfig& config() const { return cfg_; }

 private:
  ExperimentInfo info_;
  PublishedBoundConfig cfg_;
  const stats::PublishedCurveLikelihood* curve_ = nullptr;
  bool photon_ = true;  // the curve bounds g_agg (else g_ae)
};

}  // namespace alpscan
