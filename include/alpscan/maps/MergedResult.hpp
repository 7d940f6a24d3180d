// The merged result of a scan: per experiment its expected signal, test statistic and excluded
// flag on its own sub-grid, and the global maps on the full grid:
//   excluded_any      excluded by at least one experiment (the union collaboration plots show)
//   excluded_any_limit  the same over experiments of kind "limit" only (existing data, no projections)
//   combined_q        sum over experiments of the one-sided -2 ln lambda
//   combined_excluded combined_q >= (Phi^-1(CL))^2 (asymptotic, one parameter of interest)
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/scan/JobSpec.hpp"
#include "alpscan/scan/Checkpoint.hpp"
#include "alpscan/scan/ParameterSpace.hpp"
#include "alpscan/scan/WorkPlan.hpp"

namespace alpscan {

struct ExperimentResult {
  ExperimentInfo info;
  std::map<std::string, std::string> options;  // as used
  SubGrid grid;
  double s_up = 0;                    // signal excluded at the job's CL (stats::signal_upper_limit);
                                      // 0 for a binned experiment (exclusion by q >= binned.critical)
  std::vector<double> signal;         // expected signal events (binned: summed over the bins)
  std::vector<double> signal_bins;    // binned only: [point][bin], values_per_point(info) per point
  double log_l_ref = 0;               // binned only: ln L_ref (best of the scanned points and s = 0)
  std::vector<double> test_statistic; // one-sided -2 ln lambda
  std::vector<std::uint8_t> excluded; // signal >= s_up (binned: test_statistic >= binned.critical)
  // ln(signal / s_up), clamped to +-100: >= 0 where excluded; smooth (~4 ln g) for contouring.
  // Binned: (1/2) ln(q / critical), the same ~ln(signal) behaviour since q ~ s^2 for small s.
  double margin(std::size_t i) const;
  bool binned() const { return !info.binned.empty(); }
};

struct MergedResult {
  double cl = 0.9;
  double combined_critical = 0;       // critical value of combined_q
  std::vector<ExperimentResult> experiments;
  std::vector<std::uint8_t> excluded_any;       // on space.full()
  std::vector<std::uint8_t> excluded_any_limit;  // kind "limit" only
  std::vector<double> combined_q;
  std::vector<std::uint8_t> combined_excluded;
};

// Reads every unit back from the checkpoint (verifying CRCs) and computes statistics and maps.
// `infos`: the job's experiments' metadata in job order (built once, by whoever built the experiments).
MergedResult merge_results(const JobSpec& job, const std::vector<ExperimentInfo>& infos, const ParameterSpace& space,
                           const WorkPlan& plan, const Checkpoint& ckpt);

}  // namespace alpscan
