#include "alpscan/stats/CountingLikelihood.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace alpscan::stats {

Calibration CountingLikelihood::calibrate(double cl, const double*, std::size_t) const {
  Calibration c;
  c.cl = cl;
  c.threshold = signal_upper_limit(d_, cl);
  return c;
}

double CountingLikelihood::test_statistic(const double* prediction, const Calibration&) const {
  return stats::test_statistic(d_, prediction[0]);
}

bool CountingLikelihood::in_region(const double* prediction, double, const Calibration& c) const {
  return prediction[0] >= c.threshold;
}

// ln(signal / s_up): smooth (~4 ln g where s ~ g^4) for contouring.
double CountingLikelihood::margin(const double* prediction, double, const Calibration& c) const {
  const double s = prediction[0];
  if (c.threshold <= 0) return 100.0;
  if (s <= 0) return -100.0;
  return std::clamp(std::log(s / c.threshold), -100.0, 100.0);
}

Description CountingLikelihood::describe(const Calibration& c) const {
  using T = DescriptionItem;
  Description r;
  r.headline = fmt::format("s_up = {:.4g} events", c.threshold);
  r.test_statistic =
      "Poisson counting, Gaussian background uncertainty; excluded where the exact (Cousins-Highland) "
      "p-value < 1 - CL, i.e. signal >= s_up";
  r.items = {{"signal_upper_limit", c.threshold, T::all},
             {"background", d_.background, T::result_file | T::summary},
             {"background_sigma", d_.background_sigma, T::result_file | T::summary},
             {"observed", d_.observed, T::result_file | T::summary}};
  if (d_.quoted_upper_limit > 0) {
    r.items.push_back({"quoted_upper_limit", d_.quoted_upper_limit, T::explain});
    r.items.push_back({"quoted_cl", d_.quoted_cl, T::explain});
  }
  return r;
}

const CountingData& counting_data(const Likelihood& l) {
  const auto* c = dynamic_cast<const CountingLikelihood*>(&l);
  if (!c) throw std::invalid_argument("expected counting data, found a likelihood of kind " + l.kind());
  return c->data();
}

}  // namespace alpscan::stats
