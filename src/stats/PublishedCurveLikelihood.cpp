#include "alpscan/stats/PublishedCurveLikelihood.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <gsl/gsl_cdf.h>

namespace alpscan::stats {

std::string published_curve_problem(const PublishedCurve& c) {
  if (c.m_a.size() < 2) return "a curve needs at least two points";
  if (c.g_limit.size() != c.m_a.size())
    return "one coupling limit per mass expected (" + std::to_string(c.m_a.size()) + " masses, " +
           std::to_string(c.g_limit.size()) + " limits)";
  for (std::size_t i = 0; i < c.m_a.size(); ++i) {
    if (!(c.m_a[i] > 0) || !(c.g_limit[i] > 0) || !std::isfinite(c.m_a[i]) || !std::isfinite(c.g_limit[i]))
      return "point " + std::to_string(i) + ": masses and coupling limits must be finite and > 0";
    if (i > 0 && !(c.m_a[i] > c.m_a[i - 1])) return "masses must increase strictly (point " + std::to_string(i) + ")";
  }
  if (!(c.cl > 0 && c.cl < 1)) return "the curve's confidence level must be in (0, 1)";
  return "";
}

PublishedCurveLikelihood::PublishedCurveLikelihood(PublishedCurve c) : c_(std::move(c)) {
  for (std::size_t i = 0; i < c_.m_a.size(); ++i) {
    ln_m_.push_back(std::log(c_.m_a[i]));
    ln_g_.push_back(std::log(c_.g_limit[i]));
  }
}

double PublishedCurveLikelihood::coupling_limit(double m_a) const {
  if (ln_m_.empty() || !(m_a >= c_.m_a.front() && m_a <= c_.m_a.back()))
    return std::numeric_limits<double>::infinity();
  if (m_a == c_.m_a.back()) return c_.g_limit.back();
  const double x = std::log(m_a);
  const std::size_t k = static_cast<std::size_t>(std::upper_bound(ln_m_.begin(), ln_m_.end(), x) - ln_m_.begin());
  const std::size_t i = k == 0 ? 0 : std::min(k - 1, ln_m_.size() - 2);
  const double t = (x - ln_m_[i]) / (ln_m_[i + 1] - ln_m_[i]);
  return std::exp(ln_g_[i] + t * (ln_g_[i + 1] - ln_g_[i]));
}

double PublishedCurveLikelihood::prediction(double m_a, double g, double power) const {
  const double lim = coupling_limit(m_a);
  if (std::isinf(lim) || !(g > 0)) return 0.0;
  return std::pow(g / lim, power);
}

Calibration PublishedCurveLikelihood::calibrate(double cl, const double*, std::size_t) const {
  Calibration c;
  c.cl = cl;
  c.threshold = 1.0;
  return c;
}

double PublishedCurveLikelihood::test_statistic(const double* prediction, const Calibration&) const {
  const double z = gsl_cdf_ugaussian_Pinv(c_.cl) * prediction[0];
  return prediction[0] > 0 ? z * z : 0.0;
}

bool PublishedCurveLikelihood::in_region(const double* prediction, double, const Calibration& c) const {
  return prediction[0] >= c.threshold;
}

double PublishedCurveLikelihood::margin(const double* prediction, double, const Calibration& c) const {
  const double s = prediction[0];
  if (!(s > 0)) return -100.0;
  return std::clamp(std::log(s / c.threshold), -100.0, 100.0);
}

Description PublishedCurveLikelihood::describe(const Calibration&) const {
  using T = DescriptionItem;
  Description r;
  r.headline = fmt::format("published {} curve at {:g}% CL, {} points, {:g} .. {:g} GeV", c_.coupling, 100 * c_.cl,
                           c_.m_a.size(), c_.m_a.front(), c_.m_a.back());
  r.test_statistic =
      "published exclusion curve: s = (g / g_lim(m_a))^p, excluded where s >= 1 (at the curve's CL); "
      "q = (Phi^-1(CL_curve) s)^2 in the combined map";
  r.items = {{"curve_cl", c_.cl, T::all},
             {"curve_coupling", c_.coupling, T::all},
             {"curve_source", c_.source, T::all},
             {"curve_m_a", c_.m_a, T::result_file | T::summary},
             {"curve_g_limit", c_.g_limit, T::result_file | T::summary}};
  return r;
}

}  // namespace alpscan::stats
