// Single-bin Poisson counting statistics with a Gaussian-constrained background.
//
// Likelihood: L(s, b') = Pois(n | s + b') * Gauss(b' | b, sigma_b), b' >= 0.
// Test statistic (upper-limit, one-sided): q(s) = -2 ln [ L(s, b''(s)) / L(s^, b^) ] for s >= s^,
// and 0 for s < s^, with b''(s) the conditional maximum (closed form: root of a quadratic) and
// (s^, b^) the global maximum with s^ >= 0. q is what the "combined" map sums over experiments.
//
// Exclusion of one experiment uses the exact (not asymptotic) Poisson tail, because the projections
// have zero or few background events where Wilks' theorem fails: s is excluded at confidence CL when
//   p(s) = < P(N <= n | s + b') >_{b' ~ Gauss(b, sigma_b), b' >= 0}  <  1 - CL
// (Cousins-Highland hybrid). For sigma_b = 0 this is the classical Poisson upper limit: n = b = 0
// gives s_up = 2.303 at 90% CL, n = b = 10 gives 5.41. Non-integer n (projections with n = b) uses
// the continuous extension P(N <= n | mu) = Q(n + 1, mu), the regularised upper incomplete gamma.
//
// Quoted limits: where a publication gives only the number of signal events S it excludes at
// confidence CL_q (CountingData::quoted_upper_limit), the counts are not known. Then s_up(CL) =
// S * z(CL)/z(CL_q) with z = Phi^-1 (a Gaussian-like limit rescaled to the job's CL), and
// q(s) = (z(CL_q) s / S)^2, the Gaussian-equivalent test statistic, so that q(S) equals the
// combined map's critical value at CL_q.
#pragma once

namespace alpscan {

// The counting data an experiment's signal is compared with (stats/CountingLikelihood wraps it).
struct CountingData {
  double background = 0.0;        // expected background events b
  double background_sigma = 0.0;  // Gaussian uncertainty on b
  double observed = 0.0;          // observed events n (= b for a projection; may be non-integer then)
  bool projection = false;        // true: no data yet, n is set to b (the "Asimov" expectation)
  // > 0 where only a publication's signal upper limit is known (not its counts): the number of
  // signal events it excludes at confidence quoted_cl. See above.
  double quoted_upper_limit = 0.0;
  double quoted_cl = 0.90;
};

}  // namespace alpscan

namespace alpscan::stats {

// -2 ln lambda(s), one-sided (0 below the best fit). s >= 0.
double test_statistic(const CountingData& d, double s);
// p-value of signal s (probability of a count as low as n or lower).
double p_value(const CountingData& d, double s);
// Smallest s with p_value(s) <= 1 - cl: every s >= s_up is excluded. Computed once per experiment.
double signal_upper_limit(const CountingData& d, double cl);
// Critical value of a sum of one-sided q's (asymptotic, one parameter): (Phi^-1(cl))^2.
double combined_critical_value(double cl);

}  // namespace alpscan::stats
