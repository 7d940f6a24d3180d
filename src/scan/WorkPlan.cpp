#include "alpscan/scan/WorkPlan.hpp"

#include <algorithm>

namespace alpscan {

WorkPlan make_work_plan(const ParameterSpace& space, const std::vector<std::vector<Axis>>& experiment_axes,
                        std::size_t chunk_size, const std::vector<std::size_t>& widths) {
  WorkPlan plan;
  plan.width = widths;
  plan.width.resize(experiment_axes.size(), 1);
  chunk_size = std::max<std::size_t>(chunk_size, 1);
  for (std::size_t e = 0; e < experiment_axes.size(); ++e) {
    plan.grids.push_back(space.subgrid(experiment_axes[e]));
    const std::size_t n = plan.grids.back().size;
    plan.total_points += n;
    for (std::size_t b = 0; b < n; b += chunk_size)
      plan.units.push_back({static_cast<int>(e), b, std::min(chunk_size, n - b)});
  }
  return plan;
}

}  // namespace alpscan
