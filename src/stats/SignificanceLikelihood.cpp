#include "alpscan/stats/SignificanceLikelihood.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace alpscan::stats {

std::string significance_data_problem(const SignificanceData& d) {
  if (!(d.z > 0) || !std::isfinite(d.z)) return "the required significance z must be a finite number > 0";
  return "";
}

Calibration SignificanceLikelihood::calibrate(double cl, const double*, std::size_t) const {
  Calibration c;
  c.cl = cl;
  c.threshold = d_.z;
  return c;
}

double SignificanceLikelihood::test_statistic(const double* prediction, const Calibration&) const {
  const double s = prediction[0], b = prediction[1];
  if (!(s > 0) || !(b > 0)) return 0.0;
  return s * s / b;
}

bool SignificanceLikelihood::in_region(const double* prediction, double, const Calibration& c) const {
  const double s = prediction[0], b = prediction[1];
  return b > 0 && s > 0 && s >= c.threshold * std::sqrt(b);
}

double SignificanceLikelihood::margin(const double* prediction, double, const Calibration& c) const {
  const double s = prediction[0], b = prediction[1];
  if (!(b > 0) || !(s > 0)) return -100.0;
  return std::clamp(std::log(s / (c.threshold * std::sqrt(b))), -100.0, 100.0);
}

Description SignificanceLikelihood::describe(const Calibration& c) const {
  using T = DescriptionItem;
  Description r;
  r.headline = fmt::format("signal >= {:.4g} sqrt(background) (background per point)", c.threshold);
  r.test_statistic =
      "significance criterion with a per-point background b (predicted by the experiment beside the signal s): "
      "excluded where s >= Z sqrt(b); q = s^2/b (large-b Gaussian -2 ln lambda), Z from the data file, not the job's CL";
  r.items = {{"required_significance", c.threshold, T::all}, {"criterion_source", d_.source, T::all}};
  return r;
}

}  // namespace alpscan::stats
