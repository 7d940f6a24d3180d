// Kind "binned_poisson": the binned Poisson likelihood of stats/BinnedPoisson.hpp (seed 004 Eq. 7).
// The prediction is the signal in each bin. calibrate() is the first pass over the scanned points:
// ln L_ref = max(ln L(s = 0), max over the points ln L(s_point)) (Calibration::reference); then
// q = max(0, 2 (ln L_ref - ln L)), excluded where q >= critical (the publication's value, not the
// job's CL; Calibration::threshold), margin (1/2) ln(q / critical) (~ ln s, since q ~ s^2 for small s).
#pragma once

#include "alpscan/stats/BinnedPoisson.hpp"
#include "alpscan/stats/Likelihood.hpp"

namespace alpscan::stats {

class BinnedPoissonLikelihood final : public Likelihood {
 public:
  // d must be valid (binned_data_problem(d) empty).
  explicit BinnedPoissonLikelihood(BinnedData d) : d_(std::move(d)) {}
  std::string kind() const override { return "binned_poisson"; }
  std::size_t values_per_point() const override { return d_.labels.size(); }
  std::vector<std::string> value_labels() const override { return d_.labels; }
  Calibration calibrate(double cl, const double* predictions, std::size_t points) const override;
  bool calibration_reads_predictions() const override { return true; }  // ln L_ref: the best scanned point
  double test_statistic(const double* prediction, const Calibration& c) const override;
  bool in_region(const double* prediction, double q, const Calibration& c) const override;
  double margin(const double* prediction, double q, const Calibration& c) const override;
  Description describe(const Calibration& c) const override;
  const BinnedData& data() const { return d_; }

 private:
  BinnedData d_;
};

// The binned data behind a likelihood; throws std::invalid_argument for any other kind (tests).
const BinnedData& binned_data(const Likelihood& l);

}  // namespace alpscan::stats
