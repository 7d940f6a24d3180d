// Kind "published_curve": a bound that exists only as a published exclusion curve g_lim(m_a) at the
// publication's CL (no counts, no likelihood). The curve is a list of points (m_a, g_lim), interpolated
// linearly in (ln m_a, ln g_lim); outside the curve's mass range the publication says nothing, so
// coupling_limit() is +infinity there and no point is excluded.
//
// Prediction (one value per point): the family computes
//   s = (g / g_lim(m_a))^p
// with p how its signal scales with the coupling (e.g. p = 2 for production or decay alone, 4 for both
// in the long-lifetime regime), so that s behaves like a number of signal events normalised to the
// curve: s >= 1 is excluded (Calibration::threshold = 1), margin ln s. prediction() does this.
// The curve is a limit at its own CL: the job's CL does not move it (like binned's critical value).
// For the combined map the curve is treated like a quoted signal upper limit of 1 at the curve's CL
// (stats/PoissonLikelihood.hpp): q(s) = (Phi^-1(CL_curve) s)^2, so q(1) is the combined critical
// value at CL_curve.
#pragma once

#include <string>
#include <vector>

#include "alpscan/stats/Likelihood.hpp"

namespace alpscan::stats {

struct PublishedCurve {
  std::vector<double> m_a, g_limit;  // internal units (m_a in GeV), m_a strictly increasing, all > 0
  double cl = 0.90;                  // the publication's confidence level
  std::string coupling;              // which coupling g_limit bounds, e.g. "g_agg"
  std::string source;                // provenance: paper, figure, digitisation
};

// Problems of a curve as text (empty: valid): >= 2 points, equal lengths, m increasing, values > 0, CL in (0, 1).
std::string published_curve_problem(const PublishedCurve& c);

class PublishedCurveLikelihood final : public Likelihood {
 public:
  // c must be valid (published_curve_problem(c) empty).
  explicit PublishedCurveLikelihood(PublishedCurve c);
  std::string kind() const override { return "published_curve"; }
  // The prediction is not a number of events but the ratio s = (g / g_lim)^p (explain says so).
  std::vector<std::string> value_labels() const override { return {"s = (g/g_lim)^p, excluded at >= 1"}; }
  // g_lim(m_a), interpolated in (ln m, ln g); +infinity outside [m_a.front(), m_a.back()].
  double coupling_limit(double m_a) const;
  // The prediction s = (g / g_lim(m_a))^power: 0 outside the curve's mass range.
  double prediction(double m_a, double g, double power) const;
  Calibration calibrate(double cl, const double* predictions, std::size_t points) const override;
  double test_statistic(const double* prediction, const Calibration& c) const override;
  bool in_region(const double* prediction, double q, const Calibration& c) const override;
  double margin(const double* prediction, double q, const Calibration& c) const override;
  Description describe(const Calibration& c) const override;
  const PublishedCurve& curve() const { return c_; }

 private:
  PublishedCurve c_;
  std::vector<double> ln_m_, ln_g_;
};

}  // namespace alpscan::stats
