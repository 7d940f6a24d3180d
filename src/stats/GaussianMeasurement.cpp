#include "alpscan/stats/GaussianMeasurement.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>
#include <gsl/gsl_cdf.h>

namespace alpscan::stats {

std::string gaussian_data_problem(const GaussianData& d) {
  if (!std::isfinite(d.value)) return "the measured value must be a finite number";
  if (!(d.sigma > 0) || !std::isfinite(d.sigma)) return "sigma must be a finite number > 0";
  return "";
}

Calibration GaussianMeasurement::calibrate(double cl, const double*, std::size_t) const {
  if (!(cl > 0 && cl < 1)) throw std::invalid_argument("confidence level must be in (0,1)");
  Calibration c;
  c.cl = cl;
  c.threshold = gsl_cdf_chisq_Pinv(cl, 1.0);
  return c;
}

double GaussianMeasurement::test_statistic(const double* prediction, const Calibration&) const {
  const double z = (prediction[0] - d_.value) / d_.sigma;
  return z * z;
}

int GaussianMeasurement::side(const double* prediction, const Calibration&) const {
  return prediction[0] > d_.value ? 1 : prediction[0] < d_.value ? -1 : 0;
}

bool GaussianMeasurement::in_region(const double*, double q, const Calibration& c) const { return q <= c.threshold; }

double GaussianMeasurement::margin(const double* prediction, double, const Calibration& c) const {
  return std::clamp(std::sqrt(c.threshold) - std::abs(prediction[0] - d_.value) / d_.sigma, -100.0, 100.0);
}

Description GaussianMeasurement::describe(const Calibration& c) const {
  using T = DescriptionItem;
  Description r;
  r.headline = fmt::format("{} = {:.4g} +- {:.4g}, preferred where chi^2 <= {:.4g} ({:g}% CL)",
                           d_.quantity.empty() ? "measurement" : d_.quantity, d_.value, d_.sigma, c.threshold,
                           100 * c.cl);
  r.test_statistic =
      "Gaussian measurement: chi^2 = ((prediction - value) / sigma)^2; preferred region (not an exclusion) "
      "where chi^2 <= the chi^2 quantile with one degree of freedom at the CL";
  r.items = {{"measured_quantity", d_.quantity, T::all},
             {"measured_value", d_.value, T::all},
             {"measured_sigma", d_.sigma, T::all},
             {"measurement_source", d_.source, T::all},
             {"critical_chi2", c.threshold, T::all},
             {"region", std::string("preferred"), T::all}};
  return r;
}

std::vector<Band> GaussianMeasurement::bands() const {
  std::vector<Band> out;
  for (int n : {1, 2}) {
    Band b;
    b.name = fmt::format("{}sigma", n);
    b.title = fmt::format("{} sigma: |prediction - value| <= {} sigma", n, n);
    b.calibration.cl = std::erf(n / std::sqrt(2.0));  // 0.6827, 0.9545
    b.calibration.threshold = n * n;                  // chi^2 <= n^2, exactly
    out.push_back(b);
  }
  return out;
}

}  // namespace alpscan::stats
