#include "alpscan/scan/WorkPlan.hpp"

#include <algorithm>
#include <stdexcept>

#include "alpscan/scan/Refinement.hpp"
#include "alpscan/scan/StopSignal.hpp"

namespace alpscan {

namespace {

void add_units(WorkPlan& plan, int e, std::size_t first, std::size_t n) {
  std::size_t k = 0;
  for (std::size_t b = first; b < first + n; b += plan.chunk_size) {
    if (++k % 65536 == 0) throw_if_stop_requested("planning the work units");  // signals stay live
    plan.units.push_back({e, b, std::min(plan.chunk_size, first + n - b)});
  }
  plan.total_points += n;
}

}  // namespace

WorkPlan make_work_plan(const ParameterSpace& space, const std::vector<std::vector<Axis>>& experiment_axes,
                        std::size_t chunk_size, const std::vector<std::size_t>& widths, std::size_t refinement_step,
                        const std::vector<std::size_t>& max_steps) {
  WorkPlan plan;
  plan.width = widths;
  plan.width.resize(experiment_axes.size(), 1);
  plan.chunk_size = std::max<std::size_t>(chunk_size, 1);
  plan.refinement_step = refinement_step;
  for (const auto& axes : experiment_axes) plan.grids.push_back(space.subgrid(axes));
  if (!plan.refined()) {
    for (std::size_t e = 0; e < plan.grids.size(); ++e) add_units(plan, static_cast<int>(e), 0, plan.grids[e].size);
    return plan;
  }
  plan.order.resize(plan.grids.size());
  plan.planned.resize(plan.grids.size());
  std::vector<std::vector<std::size_t>> coarse;
  for (std::size_t e = 0; e < plan.grids.size(); ++e) {
    const std::size_t cap = e < max_steps.size() && max_steps[e] > 0 ? max_steps[e] : refinement_step;
    plan.steps.push_back(std::min(refinement_step, cap));
    plan.planned[e].assign(plan.grids[e].size, 0);
    coarse.push_back(coarse_lattice({plan.grids[e].dims, plan.steps[e]}));
  }
  plan.batches = 0;
  append_batch(plan, coarse);
  plan.batches = 1;  // the coarse lattice is the first batch, even of a grid too small to have one
  return plan;
}

std::size_t append_batch(WorkPlan& plan, const std::vector<std::vector<std::size_t>>& points) {
  if (!plan.refined()) throw std::logic_error("append_batch: the plan is not adaptive");
  if (points.size() != plan.grids.size()) throw std::logic_error("append_batch: one point list per experiment expected");
  std::size_t added = 0;
  for (std::size_t e = 0; e < points.size(); ++e) {
    std::vector<std::size_t> fresh;
    for (std::size_t i : points[e]) {
      if (i >= plan.grids[e].size) throw std::out_of_range("append_batch: point outside the experiment's grid");
      if (!plan.planned[e][i]) fresh.push_back(i);
    }
    std::sort(fresh.begin(), fresh.end());
    fresh.erase(std::unique(fresh.begin(), fresh.end()), fresh.end());
    for (std::size_t i : fresh) plan.planned[e][i] = 1;
    const std::size_t first = plan.order[e].size();
    plan.order[e].insert(plan.order[e].end(), fresh.begin(), fresh.end());
    add_units(plan, static_cast<int>(e), first, fresh.size());
    added += fresh.size();
  }
  if (added > 0) ++plan.batches;
  return added;
}

}  // namespace alpscan
