// Binned Poisson likelihood, seed 004 Eq. (7) (L140-L144):
//   ln L(s) = sum_i [ d_i ln(s_i + b_i) - (s_i + b_i) - ln Gamma(d_i + 1) ],
// d_i observed, b_i expected background, s_i expected signal in bin i. The seed's Eq. (8) writes the
// test statistic with its sign inverted; the statistic used is (spec A12)
//   q(theta) = -2 Delta ln L = 2 [ln L_ref - ln L(s(theta))],
// with L_ref the largest likelihood over the scanned points and the background-only point s = 0
// (the seed takes the maximum over its scan grid; including s = 0, i.e. g -> 0, keeps q >= 0 even
// when the grid misses the no-signal corner). A point is excluded where q >= BinnedData::critical.
// Backgrounds carry no uncertainty here: the seed's Eq. (7) has none.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace alpscan {

// A binned analysis (MiniBooNE's 7 energy bins): observed counts and expected backgrounds per bin,
// compared with the signal per bin (stats/BinnedPoissonLikelihood wraps it).
struct BinnedData {
  std::vector<std::string> labels;       // one per bin, e.g. "E_vis 75-100 MeV"
  std::vector<double> observed, background;
  // Exclusion where -2 Delta ln L >= critical (e.g. 6.18: two parameters, "2 sigma"). Fixed by the
  // publication's convention, not by the job's CL (the single-bin experiments use the job's CL).
  double critical = 0.0;
  std::string critical_note;             // how critical was chosen (goes into the result sidecars)
  bool empty() const { return labels.empty(); }
};

}  // namespace alpscan

namespace alpscan::stats {

// ln L(s) for signal s[0..nbins). A bin with d_i > 0 and s_i + b_i = 0 gives -infinity.
double binned_log_likelihood(const BinnedData& d, const double* s);
// ln L of the background-only hypothesis (s = 0).
double binned_log_likelihood_null(const BinnedData& d);
// Problems of the data as text (empty: valid): sizes, negative numbers, critical <= 0, and bins
// with observed events but zero background (L(0) = 0 there: every point would be "best").
std::string binned_data_problem(const BinnedData& d);

}  // namespace alpscan::stats
