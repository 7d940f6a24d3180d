#include "alpscan/scan/ParameterSpace.hpp"

#include <algorithm>

namespace alpscan {

ParameterSpace::ParameterSpace(const JobSpec& job) {
  std::vector<Axis> all;
  for (int i = 0; i < kNumAxes; ++i) {
    values_[i] = job.axes[i].values;
    all.push_back(static_cast<Axis>(i));
  }
  full_ = subgrid(all);
}

SubGrid ParameterSpace::subgrid(const std::vector<Axis>& used) const {
  SubGrid g;
  for (int i = 0; i < kNumAxes; ++i) {
    const Axis a = static_cast<Axis>(i);
    if (scanned(a) && std::find(used.begin(), used.end(), a) != used.end()) {
      g.axes.push_back(a);
      g.dims.push_back(values(a).size());
      g.size *= values(a).size();
    }
  }
  return g;
}

std::vector<std::size_t> ParameterSpace::unravel(const SubGrid& grid, std::size_t index) const {
  std::vector<std::size_t> idx(grid.axes.size());
  for (std::size_t k = grid.axes.size(); k-- > 0;) {
    idx[k] = index % grid.dims[k];
    index /= grid.dims[k];
  }
  return idx;
}

AlpPoint ParameterSpace::point(const SubGrid& grid, std::size_t index) const {
  AlpPoint p;
  for (int i = 0; i < kNumAxes; ++i) p.v[i] = values_[i].front() * axis_to_internal(static_cast<Axis>(i));
  const auto idx = unravel(grid, index);
  for (std::size_t k = 0; k < grid.axes.size(); ++k)
    p[grid.axes[k]] = values(grid.axes[k])[idx[k]] * axis_to_internal(grid.axes[k]);
  return p;
}

std::size_t ParameterSpace::project(const SubGrid& sub, std::size_t full_index) const {
  if (sub.axes.size() == full_.axes.size()) return full_index;  // the same axes: the same grid
  // The full index's digits from the fastest axis up, keeping those of sub's axes (no allocation: the
  // merge and the plane maps call this for every point and experiment).
  std::size_t out = 0, weight = 1, s = sub.axes.size();
  for (std::size_t k = full_.axes.size(); k-- > 0;) {
    const std::size_t digit = full_index % full_.dims[k];
    full_index /= full_.dims[k];
    if (s > 0 && sub.axes[s - 1] == full_.axes[k]) {
      out += digit * weight;
      weight *= sub.dims[--s];
    }
  }
  return out;
}

}  // namespace alpscan
