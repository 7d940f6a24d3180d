#include "alpscan/stats/PoissonLikelihood.hpp"

#include <cmath>
#include <stdexcept>

#include <string>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_gamma.h>

namespace alpscan::stats {

namespace {

// ln L up to constants. mu = s + b' must be > 0 unless n == 0.
double log_l(const CountingData& d, double s, double bp) {
  const double mu = s + bp;
  double l = -mu;
  if (d.observed > 0) l += d.observed * std::log(mu);
  if (d.background_sigma > 0) {
    const double z = (bp - d.background) / d.background_sigma;
    l -= 0.5 * z * z;
  }
  return l;
}

// Conditional MLE of b' for fixed s: d lnL/db' = n/(s+b') - 1 - (b'-b)/sig^2 = 0, b' >= 0.
double conditional_b(const CountingData& d, double s) {
  if (d.background_sigma <= 0) return d.background;
  const double sig2 = d.background_sigma * d.background_sigma;
  // (s + b')(1 + (b'-b)/sig2) = n  ->  b'^2 + b'(s + sig2 - b) + (s sig2 - s b - n sig2) = 0
  const double B = s + sig2 - d.background;
  const double C = s * sig2 - s * d.background - d.observed * sig2;
  const double disc = B * B - 4 * C;
  double bp = 0.5 * (-B + std::sqrt(std::max(disc, 0.0)));
  if (!(bp > 0)) bp = (d.observed > 0 && s <= 0) ? 1e-300 : 0.0;
  return bp;
}

}  // namespace

double test_statistic(const CountingData& d, double s) {
  if (d.quoted_upper_limit > 0) {
    const double z = gsl_cdf_ugaussian_Pinv(d.quoted_cl) * s / d.quoted_upper_limit;
    return s > 0 ? z * z : 0.0;
  }
  // Global fit: s^ = n - b (b' = b) when n >= b; otherwise s^ = 0 with b' profiled.
  double s_hat = d.observed - d.background;
  double b_hat = d.background;
  if (s_hat < 0) {
    s_hat = 0;
    b_hat = conditional_b(d, 0.0);
  }
  if (s <= s_hat) return 0.0;
  const double bpp = conditional_b(d, s);
  const double q = 2.0 * (log_l(d, s_hat, b_hat) - log_l(d, s, bpp));
  return q > 0 ? q : 0.0;
}

namespace {
double poisson_cdf(double n, double mu) {
  if (mu <= 0) return 1.0;
  // P(N <= n | mu) = Q(n + 1, mu), continuous in n. The _e form reports underflow (far tails,
  // huge counts) as a status instead of calling GSL's aborting error handler.
  const double a = n + 1.0;
  if (a > 1e5) {
    // GSL's series/continued fractions do not converge for such counts. The Wilson-Hilferty
    // transform of the gamma distribution is accurate to better than 1e-5 in the CDF here.
    const double z = (std::cbrt(mu / a) - (1.0 - 1.0 / (9.0 * a))) / std::sqrt(1.0 / (9.0 * a));
    return gsl_cdf_ugaussian_Q(z);
  }
  // GSL's default error handler aborts even for the _e functions; we check the status ourselves.
  static const gsl_error_handler_t* const previous = gsl_set_error_handler_off();
  (void)previous;
  gsl_sf_result r;
  const int status = gsl_sf_gamma_inc_Q_e(a, mu, &r);
  if (status == GSL_EUNDRFLW) return 0.0;
  if (status != GSL_SUCCESS) throw std::runtime_error("Poisson tail failed for n = " + std::to_string(n) +
                                                      ", mu = " + std::to_string(mu));
  return r.val;
}
}  // namespace

double p_value(const CountingData& d, double s) {
  if (d.background_sigma <= 0) return poisson_cdf(d.observed, s + d.background);
  // Average over b' ~ Gauss(b, sigma) truncated to b' >= 0, on a fixed Gauss-Legendre rule over
  // +-8 sigma (deterministic: the same s_up on every rank and every run).
  const double lo = std::max(0.0, d.background - 8 * d.background_sigma);
  const double hi = d.background + 8 * d.background_sigma;
  static gsl_integration_glfixed_table* t = gsl_integration_glfixed_table_alloc(400);
  double num = 0, den = 0;
  for (size_t i = 0; i < t->n; ++i) {
    double x, w;
    gsl_integration_glfixed_point(lo, hi, i, &x, &w, t);
    const double z = (x - d.background) / d.background_sigma;
    const double g = w * std::exp(-0.5 * z * z);
    num += g * poisson_cdf(d.observed, s + x);
    den += g;
  }
  return num / den;
}

double signal_upper_limit(const CountingData& d, double cl) {
  if (!(cl > 0 && cl < 1)) throw std::invalid_argument("confidence level must be in (0,1)");
  if (d.quoted_upper_limit > 0)
    return d.quoted_upper_limit * gsl_cdf_ugaussian_Pinv(cl) / gsl_cdf_ugaussian_Pinv(d.quoted_cl);
  const double alpha = 1 - cl;
  if (p_value(d, 0.0) <= alpha) return 0.0;  // data already excluded the background-only model
  double lo = 0, hi = 1;
  while (p_value(d, hi) > alpha) hi *= 2;
  for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (p_value(d, mid) > alpha ? lo : hi) = mid;
  }
  return hi;
}

double combined_critical_value(double cl) {
  const double z = gsl_cdf_ugaussian_Pinv(cl);
  return z * z;
}

}  // namespace alpscan::stats
