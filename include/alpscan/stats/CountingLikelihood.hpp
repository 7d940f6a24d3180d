// Kind "counting": one Poisson count with a Gaussian background uncertainty, or a publication's
// quoted signal upper limit (stats/PoissonLikelihood.hpp has the formulas). The prediction is the
// expected signal s (one value per point). calibrate() computes s_up at the job's CL (threshold); a
// point is excluded where s >= s_up, its test statistic is the one-sided q(s), its margin ln(s / s_up).
#pragma once

#include "alpscan/stats/Likelihood.hpp"
#include "alpscan/stats/PoissonLikelihood.hpp"

namespace alpscan::stats {

class CountingLikelihood final : public Likelihood {
 public:
  explicit CountingLikelihood(const CountingData& d) : d_(d) {}
  std::string kind() const override { return "counting"; }
  Calibration calibrate(double cl, const double* predictions, std::size_t points) const override;
  double test_statistic(const double* prediction, const Calibration& c) const override;
  bool in_region(const double* prediction, double q, const Calibration& c) const override;
  double margin(const double* prediction, double q, const Calibration& c) const override;
  Description describe(const Calibration& c) const override;
  const CountingData& data() const { return d_; }

 private:
  CountingData d_;
};

// The counting data behind a likelihood; throws std::invalid_argument for any other kind. For tests
// and benches of counting experiments (they compare s_up with papers); the program does not use it.
const CountingData& counting_data(const Likelihood& l);

}  // namespace alpscan::stats
