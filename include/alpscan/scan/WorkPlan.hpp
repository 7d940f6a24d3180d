// The work of a job cut into units ("chunks"): each unit is a contiguous index range of one
// experiment's sub-grid. Units are handed out dynamically (scan/Scheduler) and checkpointed one by
// one (scan/Checkpoint). The plan depends only on the job, never on the number of ranks.
#pragma once

#include <cstddef>
#include <vector>

#include "alpscan/scan/ParameterSpace.hpp"

namespace alpscan {

struct WorkUnit {
  int experiment = 0;      // index into the job's experiment list
  std::size_t begin = 0;   // first index in the experiment's sub-grid
  std::size_t count = 0;   // number of points
};

struct WorkPlan {
  std::vector<SubGrid> grids;     // per experiment
  std::vector<std::size_t> width; // per experiment: values stored per point (its bins; 1 = counting)
  std::vector<WorkUnit> units;
  std::size_t total_points = 0;   // evaluations over all experiments
  // Values a unit's checkpoint file holds: count x width.
  std::size_t width_of(int experiment) const { return width.empty() ? 1 : width[experiment]; }
  std::size_t values(const WorkUnit& u) const { return u.count * width_of(u.experiment); }
};

// widths: values per point per experiment (empty: all 1).
WorkPlan make_work_plan(const ParameterSpace& space, const std::vector<std::vector<Axis>>& experiment_axes,
                        std::size_t chunk_size, const std::vector<std::size_t>& widths = {});

}  // namespace alpscan
