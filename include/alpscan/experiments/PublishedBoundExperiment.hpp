// Astrophysical (and other) bounds that exist only as a published curve (family "published_bound";
// data/experiments/mwd_polarisation.json, chandra_ngc1275.json, chandra_h1821.json, mrk421.json,
// sn1987a_gamma.json, sn1987a_heavy_alp_gamma.json, sn1987a_heavy_alp_nu.json, cast_all_phases.json, cast_gae.json;
// issue 14 item 2). The data file's
// "published_curve" section (stats/PublishedCurveLikelihood, read by io/ExperimentFile) holds the curve
// g_lim(m_a) at its publication's CL and names the coupling it bounds: "g_agg" (GeV^-1), "g_ae"
// (alpscan's dimensionless Yukawa) or "g_ae*g_agg" (GeV^-1: a bound on the product, CAST's solar axions
// produced through g_ae and detected through g_agg, cast_gae.json). The prediction per point is one
// interpolation,
//     s = (g / g_lim(m_a))^p ,   excluded at s >= 1,
// with g the model's coupling of that name (a.g_gamma(), a.g_ae() or their product) and p how the observable scales
// with it (option signal_power: 2 for one vertex -- a conversion probability in the weak-mixing regime,
// an energy-loss rate; 4 for production and detection -- helioscope counts, the SN1987A gamma burst).
// p does not move the s >= 1 region (that is g >= g_lim whatever p); it shapes the combined map, where
// the curve enters as q(s) = (Phi^-1(CL) s)^2 (stats/PublishedCurveLikelihood.hpp).
// Outside the curve's mass range the publication says nothing: s = 0, nothing is excluded.
//
// Bands. Some bounds hold only below a ceiling in the coupling (SN1987A for heavy ALPs: above it the
// ALPs decay or are absorbed inside the star and the bound's argument fails): the publication's region is
// a band g_lim(m_a) <= g <= g_max(m_a). The optional parameters ceiling_m_a and ceiling_g (lists, the
// latter in the curve's coupling unit) give the upper edge g_max(m_a), interpolated in (ln m, ln g) like
// the curve and held at its end values outside its mass range; s = 0 for g > g_max(m_a).
#pragma once

#include <optional>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/stats/PublishedCurveLikelihood.hpp"

namespace alpscan {

struct PublishedBoundConfig {
  double power = 2.0;                   // p of s = (g/g_lim)^p
  std::vector<double> ceiling_m_a;      // upper edge of a band: masses [GeV], increasing (empty: no ceiling)
  std::vector<double> ceiling_g;        // and g_max there [internal units of the curve's coupling]
};

class ExperimentInput;
// Reads a published_bound data file: option signal_power = "2" (default when absent) | "4"; optional
// parameters ceiling_m_a (energy list) and ceiling_g (inverse_energy list for a g_agg or g_ae*g_agg curve,
// number for g_ae), both or neither. Reports a missing or foreign published_curve section, or a coupling
// other than g_agg / g_ae / g_ae*g_agg, as a problem of the file.
PublishedBoundConfig read_published_bound_config(ExperimentInput& in);

class PublishedBoundExperiment final : public Experiment {
 public:
  // info.likelihood must be a published curve bounding g_agg, g_ae or g_ae*g_agg; power > 0; a ceiling, if any, a
  // valid curve (>= 2 points, masses increasing, values > 0). Throws std::invalid_argument otherwise.
  PublishedBoundExperiment(ExperimentInfo info, PublishedBoundConfig cfg);
  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext&) override {}
  // s = (g/g_lim(m_a))^p; 0 outside the curve's mass range and above the ceiling g_max(m_a).
  double expected_signal(const model::AlpModel& a) override;

  // The coupling the curve bounds, at the model's point (a.g_gamma() [GeV^-1], a.g_ae() or their product).
  double coupling(const model::AlpModel& a) const;
  // g_lim(m_a) of the curve (internal units); +infinity outside its mass range.
  double coupling_limit(double m_a) const;
  // The ceiling g_max(m_a) (internal units); +infinity without one.
  double coupling_ceiling(double m_a) const;
  const PublishedBoundConfig& config() const { return cfg_; }

 private:
  ExperimentInfo info_;
  PublishedBoundConfig cfg_;
  const stats::PublishedCurveLikelihood* curve_ = nullptr;
  std::optional<stats::PublishedCurveLikelihood> ceiling_;  // its interpolation, shared with the curve's
  enum class Bound { photon, electron, product };
  Bound bound_ = Bound::photon;  // the curve bounds g_agg, g_ae or g_ae*g_agg
};

}  // namespace alpscan
