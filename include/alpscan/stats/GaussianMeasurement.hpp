// Kind "gaussian": a measurement value +- sigma (e.g. Delta a_mu = a_mu(exp) - a_mu(SM)) that a model
// may explain. The prediction is the model's contribution x (one value per point);
//   chi^2(x) = ((x - value) / sigma)^2,
// and the point is in the preferred region at the job's CL where chi^2 <= chi^2_1(CL), the quantile of
// the chi^2 distribution with one degree of freedom (0.989 at 68.27%, 3.84 at 95%): one measurement,
// and the model reaches chi^2 = 0 where it predicts the measured value, so chi^2 is already Delta chi^2.
// Role preferred_region: the region is reported apart from the exclusions (not in the union or
// combined maps). margin = sqrt(chi^2_1(CL)) - |x - value| / sigma (the distance to the region's edge
// in standard deviations).
// Bands: "1sigma" (|x - value| <= sigma, chi^2 <= 1, 68.27%) and "2sigma" (chi^2 <= 4, 95.45%; the
// seed's gold and green regions, seed 003 Figs. 12-15), reported beside the region at the job's CL.
#pragma once

#include <string>

#include "alpscan/stats/Likelihood.hpp"

namespace alpscan::stats {

struct GaussianData {
  double value = 0.0;   // measured value (e.g. Delta a_mu)
  double sigma = 0.0;   // its standard deviation (> 0; experiment and theory in quadrature)
  std::string quantity; // what was measured, e.g. "Delta a_mu"
  std::string source;   // provenance
};

// Problems as text (empty: valid): sigma > 0, finite numbers.
std::string gaussian_data_problem(const GaussianData& d);

class GaussianMeasurement final : public Likelihood {
 public:
  explicit GaussianMeasurement(GaussianData d) : d_(std::move(d)) {}
  std::string kind() const override { return "gaussian"; }
  Role role() const override { return Role::preferred_region; }
  bool signed_prediction() const override { return true; }  // a shift of either sign
  std::vector<std::string> value_labels() const override { return {d_.quantity.empty() ? "prediction" : d_.quantity}; }
  Calibration calibrate(double cl, const double* predictions, std::size_t points) const override;
  double test_statistic(const double* prediction, const Calibration& c) const override;
  bool in_region(const double* prediction, double q, const Calibration& c) const override;
  double margin(const double* prediction, double q, const Calibration& c) const override;
  Description describe(const Calibration& c) const override;
  int side(const double* prediction, const Calibration& c) const override;  // sign(prediction - value)
  std::vector<Band> bands() const override;
  const GaussianData& data() const { return d_; }

 private:
  GaussianData d_;
};

}  // namespace alpscan::stats
