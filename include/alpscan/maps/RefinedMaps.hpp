// Adaptive refinement on the maps side (issue 17): what a refined scan evaluates next, and the
// values of the points it never evaluated. scan/Refinement walks the cell hierarchy; this file says
// what a point's status is:
//   - per experiment, on its own sub-grid: its flag and its bands (1 sigma, 2 sigma);
//   - the combined map, on the full grid: combined_excluded, judged only where every exclusion
//     experiment is evaluated. Its refinement evaluates every exclusion experiment, since the sum of
//     statistics can cross its critical value where no single experiment changes status.
// The union needs nothing of its own: where every experiment's status is uniform, so is their union.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "alpscan/maps/MergedResult.hpp"
#include "alpscan/scan/Checkpoint.hpp"
#include "alpscan/scan/Refinement.hpp"
#include "alpscan/scan/ParameterSpace.hpp"
#include "alpscan/scan/WorkPlan.hpp"

namespace alpscan {

// Rank 0's running state of an adaptive scan between batches: every experiment's predictions and
// statuses at its evaluated points and the combined statistic where all exclusion experiments are
// evaluated, updated from the units each batch adds (never re-reading older ones), and one cell
// hierarchy per experiment and for the combined map.
class RefinementState {
 public:
  RefinementState(const JobSpec& job, const std::vector<ExperimentInfo>& infos, const ParameterSpace& space,
                  const WorkPlan& plan);
  ~RefinementState();
  // Reads the plan's units not read yet (all durable) and returns, per experiment, the sub-grid
  // points to evaluate next (increasing; all empty: every map is decided).
  std::vector<std::vector<std::size_t>> next_batch(const WorkPlan& plan, const Checkpoint& ckpt);

 private:
  struct Experiment;
  void absorb(const WorkPlan& plan, const Checkpoint& ckpt);
  double cl_, critical_;
  const ParameterSpace& space_;
  std::vector<std::unique_ptr<Experiment>> exps_;
  std::size_t units_read_ = 0;
  // combined map, on the full grid
  std::vector<std::uint16_t> missing_;        // per point: exclusion experiments not evaluated there
  std::vector<std::uint8_t> evaluated_all_;   // missing_ == 0
  std::vector<std::uint8_t> combined_excluded_;
  RefinementHierarchy combined_;
};

// Fills the experiment's inferred points (x.evaluated == 0) from the corners of their leaf cells:
// flags and bands copied, statistic and margins interpolated multilinearly in index space, the signal
// (and each bin) geometrically where every corner is positive (exact for a power law on log axes),
// linearly otherwise. Needs x's statistics at its evaluated points.
void infer_unevaluated(ExperimentResult& x, std::size_t refinement_step);

// Fills combined_q and combined_excluded where some exclusion experiment is inferred
// (r.evaluated_all == 0), from the combined map's own leaf cells.
void infer_combined(MergedResult& r, const ParameterSpace& space);

}  // namespace alpscan
