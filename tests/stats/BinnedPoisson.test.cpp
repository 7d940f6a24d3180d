// Binned Poisson likelihood (seed 004 Eq. 7, L140-L144) against closed forms.
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/stats/BinnedPoisson.hpp"

using namespace alpscan;

namespace {
BinnedData three_bins(std::vector<double> d, std::vector<double> b) {
  BinnedData x;
  x.labels = {"a", "b", "c"};
  x.observed = std::move(d);
  x.background = std::move(b);
  x.critical = 6.18;
  return x;
}
}  // namespace

TEST_CASE("binned Poisson with no observed events is 2 x total signal", "[binned_poisson]") {
  // d_i = 0: ln L(s) - ln L(0) = -sum s_i exactly, so -2 Delta ln L = 2 sum s_i, whatever b_i is.
  const BinnedData x = three_bins({0, 0, 0}, {0.3, 0.0, 2.0});
  const double s[3] = {0.5, 1.25, 0.0};
  const double q = 2.0 * (stats::binned_log_likelihood_null(x) - stats::binned_log_likelihood(x, s));
  CHECK(q == Approx(2.0 * 1.75).epsilon(1e-14));
  CHECK(stats::binned_data_problem(x).empty());
}

TEST_CASE("binned Poisson equals the sum of single-bin Poisson log-probabilities", "[binned_poisson]") {
  // ln Pois(n | mu) = n ln mu - mu - ln n!, with n! written out (no lgamma): 2! = 2, 5! = 120.
  const BinnedData x = three_bins({2, 0, 5}, {1.5, 0.2, 4.0});
  const double s[3] = {0.25, 3.0, 1.0};
  const double expect = (2 * std::log(1.75) - 1.75 - std::log(2.0)) + (-3.2) + (5 * std::log(5.0) - 5.0 - std::log(120.0));
  CHECK(stats::binned_log_likelihood(x, s) == Approx(expect).epsilon(1e-13));
}

TEST_CASE("binned Poisson: a signal can fit better than background only", "[binned_poisson]") {
  // One bin, n = 3 over b = 1: the best signal is s^ = n - b = 2, with 2 Delta ln L(0) = 2 [3 ln 3 - 2] > 0.
  BinnedData x;
  x.labels = {"only"};
  x.observed = {3};
  x.background = {1};
  x.critical = 1;
  const double shat = 2, zero = 0;
  const double gain = stats::binned_log_likelihood(x, &shat) - stats::binned_log_likelihood(x, &zero);
  CHECK(gain == Approx(3 * std::log(3.0) - 2).epsilon(1e-13));
}

TEST_CASE("binned data problems are reported", "[binned_poisson]") {
  CHECK_FALSE(stats::binned_data_problem(three_bins({0, 0}, {1, 1, 1})).empty());       // sizes
  CHECK_FALSE(stats::binned_data_problem(three_bins({0, -1, 0}, {1, 1, 1})).empty());   // negative
  CHECK_FALSE(stats::binned_data_problem(three_bins({1, 0, 0}, {0, 1, 1})).empty());    // d > 0, b = 0
  BinnedData x = three_bins({0, 0, 0}, {1, 1, 1});
  x.critical = 0;
  CHECK_FALSE(stats::binned_data_problem(x).empty());
}
