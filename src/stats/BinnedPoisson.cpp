#include "alpscan/stats/BinnedPoisson.hpp"

#include <cmath>
#include <limits>
#include <string>

namespace alpscan::stats {

double binned_log_likelihood(const BinnedData& d, const double* s) {
  double ll = 0.0;
  for (std::size_t i = 0; i < d.labels.size(); ++i) {
    const double mu = s[i] + d.background[i];
    const double n = d.observed[i];
    if (n > 0) {
      if (!(mu > 0)) return -std::numeric_limits<double>::infinity();
      ll += n * std::log(mu);
    }
    ll -= mu + std::lgamma(n + 1.0);
  }
  return ll;
}

double binned_log_likelihood_null(const BinnedData& d) {
  const std::vector<double> zero(d.labels.size(), 0.0);
  return binned_log_likelihood(d, zero.data());
}

std::string binned_data_problem(const BinnedData& d) {
  const std::size_t n = d.labels.size();
  if (d.observed.size() != n || d.background.size() != n)
    return "observed and background must have one entry per bin (" + std::to_string(n) + ")";
  for (std::size_t i = 0; i < n; ++i) {
    if (!(d.observed[i] >= 0) || !(d.background[i] >= 0))
      return "bin " + d.labels[i] + ": observed and background must be >= 0";
    if (d.observed[i] > 0 && d.background[i] == 0)
      return "bin " + d.labels[i] + ": observed events with zero background (the null hypothesis would have L = 0)";
  }
  if (!(d.critical > 0)) return "the critical value of -2 Delta ln L must be > 0";
  return "";
}

}  // namespace alpscan::stats
