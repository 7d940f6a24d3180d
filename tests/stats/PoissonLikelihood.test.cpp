// Poisson counting statistics against independent closed forms and direct sums.
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/stats/PoissonLikelihood.hpp"

using namespace alpscan;

namespace {
// P(N <= n | mu) by direct summation, independent of the GSL incomplete gamma the code uses.
double poisson_cdf_sum(int n, double mu) {
  double term = std::exp(-mu), sum = term;
  for (int k = 1; k <= n; ++k) sum += (term *= mu / k);
  return sum;
}
}  // namespace

TEST_CASE("classical Poisson upper limit, no background: s_up = ln(1/(1-CL))", "[stats]") {
  CountingData d;  // b = 0, n = 0
  CHECK(stats::signal_upper_limit(d, 0.90) == Approx(std::log(10.0)).epsilon(1e-9));  // 2.3026
  CHECK(stats::signal_upper_limit(d, 0.95) == Approx(std::log(20.0)).epsilon(1e-9));  // 2.9957
}

TEST_CASE("classical Poisson upper limit with n = b = 10 (BabyIAXO-PASSAT, spec passat.md 1.9: 5.41)", "[stats]") {
  CountingData d;
  d.background = 10, d.observed = 10;
  const double s = stats::signal_upper_limit(d, 0.90);
  // Defining property, by direct summation: P(N <= 10 | s + 10) = 0.10.
  CHECK(poisson_cdf_sum(10, s + 10) == Approx(0.10).epsilon(1e-7));
  CHECK(s == Approx(5.41).margin(0.01));
}

TEST_CASE("test statistic without background uncertainty is the Poisson deviance", "[stats]") {
  CountingData d;
  d.background = 3, d.observed = 5;
  for (double s : {2.5, 4.0, 10.0, 30.0}) {
    const double mu = s + 3;
    const double q = 2 * (mu - 5 - 5 * std::log(mu / 5.0));
    CHECK(stats::test_statistic(d, s) == Approx(q).epsilon(1e-10));
  }
  CHECK(stats::test_statistic(d, 1.0) == 0.0);  // below the best fit s^ = 2: one-sided
  CountingData z;  // n = b = 0: q = 2 s
  CHECK(stats::test_statistic(z, 1.7) == Approx(3.4).epsilon(1e-12));
}

TEST_CASE("profiled background uncertainty weakens the test statistic, and its large-count limit is Gaussian", "[stats]") {
  CountingData d;
  d.background = 272, d.observed = 272, d.background_sigma = 18;  // NOMAD (seed 000 L518-L523)
  CountingData d0 = d;
  d0.background_sigma = 0;
  CHECK(stats::test_statistic(d, 30) < stats::test_statistic(d0, 30));
  // Gaussian limit: q(s) ~ s^2 / (b + sigma^2) for s << b.
  CHECK(stats::test_statistic(d, 10) == Approx(100.0 / (272 + 324)).epsilon(0.03));
  // Hybrid upper limit ~ z_0.9 sqrt(b + s + sigma^2) (Gaussian approximation): 1.2816 * sqrt(272 + 31 + 324) = 32.1.
  CHECK(stats::signal_upper_limit(d, 0.9) == Approx(32.1).epsilon(0.05));
}

TEST_CASE("p-value is monotone in s and s_up is its 1 - CL crossing", "[stats]") {
  CountingData d;
  d.background = 4, d.observed = 2, d.background_sigma = 1;
  const double s = stats::signal_upper_limit(d, 0.9);
  CHECK(stats::p_value(d, s) == Approx(0.1).epsilon(1e-6));
  CHECK(stats::p_value(d, 0.5 * s) > 0.1);
  CHECK(stats::p_value(d, 2 * s) < 0.1);
}

TEST_CASE("combined critical value is the one-sided Gaussian quantile squared", "[stats]") {
  CHECK(stats::combined_critical_value(0.90) == Approx(1.2815516 * 1.2815516).epsilon(1e-6));
  CHECK(stats::combined_critical_value(0.95) == Approx(1.6448536 * 1.6448536).epsilon(1e-6));
}

TEST_CASE("huge counts do not abort: the Poisson tail at n ~ 7e6 is the Gaussian one", "[stats]") {
  CountingData d;
  d.background = 7e6, d.observed = 7e6;
  // large-count limit: s_up ~ 1.2816 sqrt(b) = 3391 (within 1%: Poisson skewness is tiny here)
  CHECK(stats::signal_upper_limit(d, 0.9) == Approx(1.2816 * std::sqrt(7e6)).epsilon(0.01));
  CHECK(stats::p_value(d, 1e7) < 1e-300);  // far tail: tiny, not an abort()
}

TEST_CASE("the large-count Poisson tail joins the exact one smoothly", "[stats]") {
  // At n = 1e5 both forms apply; Wilson-Hilferty (used above 1e5) against GSL's exact Q just below.
  CountingData lo, hi;
  lo.background = lo.observed = 1e5 - 1.5;  // exact path (a = n + 1 < 1e5)
  hi.background = hi.observed = 1e5 - 0.5;  // Wilson-Hilferty path
  CHECK(stats::signal_upper_limit(hi, 0.9) == Approx(stats::signal_upper_limit(lo, 0.9)).epsilon(1e-4));
}

TEST_CASE("quoted signal upper limits are rescaled to the job's CL and give a Gaussian-equivalent q", "[stats]") {
  CountingData d;
  d.quoted_upper_limit = 3419, d.quoted_cl = 0.90;
  CHECK(stats::signal_upper_limit(d, 0.90) == Approx(3419).epsilon(1e-12));
  CHECK(stats::signal_upper_limit(d, 0.95) == Approx(3419 * 1.6448536 / 1.2815516).epsilon(1e-6));
  CHECK(stats::test_statistic(d, 3419) == Approx(stats::combined_critical_value(0.90)).epsilon(1e-9));
  CHECK(stats::test_statistic(d, 0) == 0.0);
}
