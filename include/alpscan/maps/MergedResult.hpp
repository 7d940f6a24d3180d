// The merged result of a scan: per experiment its expected signal, test statistic and excluded
// flag on its own sub-grid, and the global maps on the full grid:
//   excluded_any      excluded by at least one experiment (the union collaboration plots show)
//   excluded_any_limit  the same over experiments of kind "limit" only (existing data, no projections)
//   combined_q        sum over experiments of the one-sided -2 ln lambda
// Experiments whose likelihood marks a preferred region (stats::Role::preferred_region, e.g. g-2)
// keep their own flags and statistic but enter none of the global maps; their bands (1 sigma,
// 2 sigma) are flagged per point beside them.
//   combined_excluded combined_q >= (Phi^-1(CL))^2 (asymptotic, one parameter of interest)
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/scan/JobSpec.hpp"
#include "alpscan/scan/Checkpoint.hpp"
#include "alpscan/scan/ParameterSpace.hpp"
#include "alpscan/scan/WorkPlan.hpp"

namespace alpscan {

struct ExperimentResult {
  ExperimentInfo info;                 // info.likelihood judges the points
  std::map<std::string, std::string> options;  // as used
  SubGrid grid;
  stats::Calibration calibration;     // the likelihood's job-level numbers (s_up, ln L_ref, ...)
  std::vector<double> signal;         // expected signal events (several values per point: their sum)
  std::vector<double> signal_bins;    // values_per_point() > 1 only: [point][value], the prediction
  std::vector<double> test_statistic; // the likelihood's test statistic (exclusions: one-sided -2 ln lambda)
  std::vector<std::uint8_t> excluded; // in the likelihood's region: excluded, or preferred (role)
  std::vector<stats::Band> bands;     // the likelihood's bands (1 sigma, 2 sigma of a measurement; often none)
  std::vector<std::vector<std::uint8_t>> in_band;  // per band: 1 where the point is inside it
  // Adaptive refinement (maps/RefinedMaps): 1 where the point was evaluated (empty: every point was).
  // The other points are inferred from the corners of their leaf cell: flags and bands copied,
  // signal, statistic and margins interpolated (the margins keep their sign: the corners agree).
  std::vector<std::uint8_t> evaluated;
  std::vector<double> inferred_margin;                    // at inferred points
  std::vector<std::vector<double>> inferred_band_margin;  // per band, at inferred points
  // Counts that outlive the per-point arrays (a streaming merge releases them after each experiment).
  std::size_t evaluations = 0;          // points evaluated (grid.size without refinement)
  std::size_t excluded_points = 0;      // points in the likelihood's region
  std::vector<std::size_t> band_points; // per band: points inside it
  // Frees the per-point arrays (signal, statistic, flags, bands, inference), keeping metadata and counts.
  void release_arrays();
  bool inferred(std::size_t i) const { return !evaluated.empty() && !evaluated[i]; }
  std::size_t values_per_point() const { return alpscan::values_per_point(info); }
  // The prediction the likelihood compares at point i (values_per_point() numbers).
  const double* prediction(std::size_t i) const {
    return values_per_point() == 1 ? signal.data() + i : signal_bins.data() + i * values_per_point();
  }
  // >= 0 exactly where excluded (in the region), smooth for contouring, clamped to +-100
  // (stats::Likelihood::margin: e.g. ln(signal / s_up) for counting).
  double margin(std::size_t i) const;
  // The same for band b (bands[b].calibration instead of the job's).
  double band_margin(std::size_t b, std::size_t i) const;
  stats::Role role() const { return info.likelihood->role(); }
};

struct MergedResult {
  double cl = 0.9;
  std::size_t refinement_step = 0;              // 0: every grid point evaluated
  std::size_t refinement_batches = 0;
  std::size_t combined_step = 0;                // the combined map's hierarchy (WorkPlan::combined_step)
  std::vector<std::uint8_t> evaluated_all;      // refinement: full-grid points where every exclusion
                                                // experiment is evaluated (combined_q is exact there)
  double combined_critical = 0;       // critical value of combined_q
  std::vector<ExperimentResult> experiments;
  std::vector<std::uint8_t> excluded_any;       // on space.full()
  std::vector<std::uint8_t> excluded_any_limit;  // kind "limit" only
  std::vector<double> combined_q;
  std::vector<std::uint8_t> combined_excluded;
};

// A chunk that cannot be read back or fails its verification during the merge (the run stays resumable: the
// next run's checkpoint check recomputes such chunks). Names the experiment and the chunk file.
struct MergeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Called once per experiment, in job order, with its complete result (index in job order, result).
using ExperimentSink = std::function<void(std::size_t, const ExperimentResult&)>;

// Reads every unit back from the checkpoint (verifying CRCs) and computes statistics and maps. For an
// adaptive plan the likelihoods are calibrated on the evaluated points and the others are inferred.
// `infos`: the job's experiments' metadata in job order (built once, by whoever built the experiments).
// The experiments are merged one at a time, each added to the global maps as soon as it is complete. With a
// sink, the merge streams (issue 17 item 3): each experiment is handed to the sink (which draws its plane
// layers and writes it into scan.h5) and its per-point arrays are then released, so that the merge holds
// one experiment's arrays and the full-grid maps, never every experiment at once. Without one, every
// experiment keeps its arrays (tests, small tools).
MergedResult merge_results(const JobSpec& job, const std::vector<ExperimentInfo>& infos, const ParameterSpace& space,
                           const WorkPlan& plan, const Checkpoint& ckpt, const ExperimentSink& sink = {});

// The header of a merge before any experiment is read (CL, critical value, refinement): what the result
// files need to start writing while the merge streams.
MergedResult merge_header(const JobSpec& job, const WorkPlan& plan);

}  // namespace alpscan
