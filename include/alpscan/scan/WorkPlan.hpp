// The work of a job cut into units ("chunks"): each unit is a contiguous range of positions in one
// experiment's evaluation order. Units are handed out dynamically (scan/Scheduler) and checkpointed one
// by one (scan/Checkpoint). The plan depends only on the job (and, with adaptive refinement, on the
// results of its earlier batches), never on the number of ranks.
//
// A full-grid plan evaluates every sub-grid point; a position is then the sub-grid index itself. An
// adaptive plan (job key "refinement", scan/Refinement) starts with the coarse lattice of every
// experiment's sub-grid and grows by batches the merge asks for (maps/RefinedMaps); `order` maps its
// positions to sub-grid indices, batch after batch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "alpscan/scan/ParameterSpace.hpp"

namespace alpscan {

struct WorkUnit {
  int experiment = 0;      // index into the job's experiment list
  std::size_t begin = 0;   // first position in the experiment's evaluation order
  std::size_t count = 0;   // number of points
};

struct WorkPlan {
  std::vector<SubGrid> grids;     // per experiment
  std::vector<std::size_t> width; // per experiment: values stored per point (its bins; 1 = counting)
  std::vector<WorkUnit> units;
  std::size_t total_points = 0;   // evaluations over all experiments (planned so far)
  std::size_t chunk_size = 1;
  // Adaptive refinement only (refinement_step > 0): per experiment, the sub-grid index at each
  // position, and a flag per sub-grid point that is planned (evaluated once its unit is done).
  std::size_t refinement_step = 0;  // the job's coarse step (the combined map's hierarchy)
  std::vector<std::size_t> steps;   // per experiment: the job's step, capped by the experiment's maximum
  std::size_t batches = 1;
  std::vector<std::vector<std::size_t>> order;
  std::vector<std::vector<std::uint8_t>> planned;

  bool refined() const { return refinement_step > 0; }
  std::size_t step_of(int e) const { return steps.empty() ? refinement_step : steps[e]; }
  // The combined map's step: the smallest experiment's (a capped experiment's finger, found at its own
  // step, must be able to mark a combined cell mixed, so the combined lattice is at least as fine).
  std::size_t combined_step() const {
    std::size_t s = refinement_step;
    for (std::size_t x : steps) s = x < s ? x : s;
    return s;
  }
  // The sub-grid index of experiment e's point at `position`.
  std::size_t index(int e, std::size_t position) const { return refined() ? order[e][position] : position; }
  // Values a unit's checkpoint file holds: count x width.
  std::size_t width_of(int experiment) const { return width.empty() ? 1 : width[experiment]; }
  std::size_t values(const WorkUnit& u) const { return u.count * width_of(u.experiment); }
};

// widths: values per point per experiment (empty: all 1). refinement_step 0: the full grid; else a
// power of two: the first batch is the coarse lattice of that stride (scan/Refinement), per experiment
// at most max_steps[e] (0 or absent: no cap; ExperimentInfo::max_refinement_step).
WorkPlan make_work_plan(const ParameterSpace& space, const std::vector<std::vector<Axis>>& experiment_axes,
                        std::size_t chunk_size, const std::vector<std::size_t>& widths = {},
                        std::size_t refinement_step = 0, const std::vector<std::size_t>& max_steps = {});

// Adaptive plans: appends a batch, per experiment the sub-grid indices to evaluate (points already
// planned are skipped), cut into units after the existing ones. Returns the number of new evaluations.
std::size_t append_batch(WorkPlan& plan, const std::vector<std::vector<std::size_t>>& points);

}  // namespace alpscan
