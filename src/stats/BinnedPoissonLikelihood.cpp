#include "alpscan/stats/BinnedPoissonLikelihood.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace alpscan::stats {

Calibration BinnedPoissonLikelihood::calibrate(double cl, const double* predictions, std::size_t points) const {
  Calibration c;
  c.cl = cl;
  c.threshold = d_.critical;
  const std::size_t nb = values_per_point();
  c.reference = binned_log_likelihood_null(d_);
  for (std::size_t i = 0; i < points; ++i)
    c.reference = std::max(c.reference, binned_log_likelihood(d_, predictions + i * nb));
  return c;
}

double BinnedPoissonLikelihood::test_statistic(const double* prediction, const Calibration& c) const {
  return std::max(0.0, 2.0 * (c.reference - binned_log_likelihood(d_, prediction)));
}

bool BinnedPoissonLikelihood::in_region(const double*, double q, const Calibration& c) const {
  return q >= c.threshold;
}

double BinnedPoissonLikelihood::margin(const double*, double q, const Calibration& c) const {
  if (!(q > 0)) return -100.0;
  return std::clamp(0.5 * std::log(q / c.threshold), -100.0, 100.0);
}

Description BinnedPoissonLikelihood::describe(const Calibration& c) const {
  using T = DescriptionItem;
  Description r;
  r.headline = fmt::format("{} bins, binned Poisson, excluded at -2 Delta ln L >= {:g}", d_.labels.size(), d_.critical);
  r.test_statistic =
      "binned Poisson likelihood (seed 004 Eq. 7): -2 Delta ln L relative to the best scanned point or s = 0, "
      "excluded where >= critical_value";
  // The counting attributes (0 here) are kept so that result files stay as they were before the
  // likelihood interface (readers may expect them on every experiment).
  r.items = {{"signal_upper_limit", 0.0, T::result_file | T::summary | T::curve},
             {"background", 0.0, T::result_file | T::summary},
             {"background_sigma", 0.0, T::result_file | T::summary},
             {"observed", 0.0, T::result_file | T::summary},
             {"bin_labels", d_.labels, T::result_file | T::explain},
             {"bin_observed", d_.observed, T::result_file | T::explain},
             {"bin_background", d_.background, T::result_file | T::explain},
             {"critical_value", d_.critical, T::result_file | T::curve | T::explain},
             {"critical_note", d_.critical_note, T::curve},
             {"log_likelihood_reference", c.reference, T::result_file},
             {"test_statistic_definition",
              std::string("binned Poisson (seed 004 Eq. 7): 2 (ln L_ref - ln L), L_ref = max over the scanned points "
                          "and s = 0; excluded where >= critical_value"),
              T::result_file},
             {"binned/bins", d_.labels, T::summary},
             {"binned/observed", d_.observed, T::summary},
             {"binned/background", d_.background, T::summary},
             {"binned/critical_value", d_.critical, T::summary},
             {"binned/critical_note", d_.critical_note, T::summary},
             {"binned/log_likelihood_reference", c.reference, T::summary}};
  return r;
}

const BinnedData& binned_data(const Likelihood& l) {
  const auto* b = dynamic_cast<const BinnedPoissonLikelihood*>(&l);
  if (!b) throw std::invalid_argument("expected binned data, found a likelihood of kind " + l.kind());
  return b->data();
}

}  // namespace alpscan::stats
