// Kind "significance": a projection's criterion signal >= Z sqrt(background) where the BACKGROUND
// DEPENDS ON THE POINT (a missing-mass window whose width follows the mass resolution at m_a, PADME's
// current run: seed 003 L437, spec invisible_alps.md 3.6 and 6.1 item 12). The counting kind cannot say
// this: its background is one number per experiment. Here the experiment predicts TWO values per point,
//   prediction[0] = s, the signal in the window,   prediction[1] = b, the background in the same window,
// and a point is excluded where s >= Z sqrt(b), Z from the data file (a stated criterion, e.g. 1.64 or 2:
// the seed gives none). Z is the data file's, not derived from the job's CL (like a published curve's own CL).
// Test statistic (what the combined map sums): the large-b Gaussian -2 ln lambda of a count with known
// background, q = s^2 / b for s > 0 (0 otherwise), so that q = Z^2 exactly on the boundary. margin =
// ln(s / (Z sqrt(b))). A point with b <= 0 is not judged (q = 0, not excluded): the criterion needs a
// background. The signal of the point (maps, summary) is prediction[0] alone (signal_events()).
#pragma once

#include <string>

#include "alpscan/stats/Likelihood.hpp"

namespace alpscan::stats {

struct SignificanceData {
  double z = 0.0;       // required significance Z (> 0)
  std::string source;   // where the criterion comes from (a choice, with why)
};

// Problems as text (empty: valid): finite z > 0.
std::string significance_data_problem(const SignificanceData& d);

class SignificanceLikelihood final : public Likelihood {
 public:
  explicit SignificanceLikelihood(SignificanceData d) : d_(std::move(d)) {}
  std::string kind() const override { return "significance"; }
  std::size_t values_per_point() const override { return 2; }
  std::vector<std::string> value_labels() const override { return {"signal", "background"}; }
  double signal_events(const double* prediction) const override { return prediction[0]; }
  Calibration calibrate(double cl, const double* predictions, std::size_t points) const override;
  double test_statistic(const double* prediction, const Calibration& c) const override;
  bool in_region(const double* prediction, double q, const Calibration& c) const override;
  double margin(const double* prediction, double q, const Calibration& c) const override;
  Description describe(const Calibration& c) const override;
  const SignificanceData& data() const { return d_; }

 private:
  SignificanceData d_;
};

}  // namespace alpscan::stats
