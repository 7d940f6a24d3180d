#include "alpscan/stats/TheoryBoundLikelihood.hpp"

#include <algorithm>
#include <cmath>

namespace alpscan::stats {

Calibration TheoryBoundLikelihood::calibrate(double cl, const double*, std::size_t) const {
  Calibration c;
  c.cl = cl;
  c.threshold = 1.0 + kTolerance;
  return c;
}

double TheoryBoundLikelihood::test_statistic(const double* prediction, const Calibration& c) const {
  return prediction[0] > c.threshold ? kViolated : 0.0;
}

bool TheoryBoundLikelihood::in_region(const double* prediction, double, const Calibration& c) const {
  return prediction[0] > c.threshold;
}

double TheoryBoundLikelihood::margin(const double* prediction, double, const Calibration& c) const {
  const double r = prediction[0];
  if (!(r > 0)) return -100.0;
  return std::clamp(std::log(r / c.threshold), -100.0, 100.0);
}

Description TheoryBoundLikelihood::describe(const Calibration&) const {
  using T = DescriptionItem;
  Description d;
  d.headline = "model consistency: " + b_.statement;
  d.test_statistic =
      "a condition on the model's parameters, not data: r = X/X_max, excluded where r > 1 (no CL; in the combined map "
      "a hard cut, q = 0 where it holds)";
  d.items = {{"condition", b_.statement, T::all}, {"condition_source", b_.source, T::all}};
  return d;
}

}  // namespace alpscan::stats
