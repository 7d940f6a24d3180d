#include "alpscan/scan/ParameterSpace.hpp"

#include <algorithm>

namespace alpscan {

std::vector<Axis> with_implied_axes(const JobSpec& job, std::vector<Axis> used) {
  const bool loop = job.model.electron_loop != model::ModelOptions::ElectronLoop::off;
  for (std::size_t k = 0; k < used.size(); ++k) {  // grows while it is walked: the closure
    const Axis a = used[k];
    const AxisSpec& s = job.axes[static_cast<int>(a)];
    std::vector<Axis> more;
    if (s.kind == AxisSpec::Kind::tied && s.tied_to) more.push_back(*s.tied_to);
    if (loop && a == Axis::g_agg) more.push_back(Axis::g_ae);
    for (Axis b : more)
      if (std::find(used.begin(), used.end(), b) == used.end()) used.push_back(b);
  }
  std::sort(used.begin(), used.end());
  return used;
}

ParameterSpace::ParameterSpace(const JobSpec& job) {
  std::vector<Axis> all;
  for (int i = 0; i < kNumAxes; ++i) {
    values_[i] = job.axes[i].values;
    all.push_back(static_cast<Axis>(i));
    const AxisSpec& s = job.axes[i];
    if (s.kind == AxisSpec::Kind::tied && s.tied_to) {
      ties_[i] = AxisTie{*s.tied_to, s.tie_ratio};
      values_[i] = {0.0};  // never read: apply_ties sets the value at every point
    }
    implied_[i] = with_implied_axes(job, {static_cast<Axis>(i)});
  }
  full_ = subgrid(all);
}

std::vector<double> ParameterSpace::effective_values(Axis a) const {
  const auto& t = tie(a);
  if (!t) return values(a);
  std::vector<double> v = values(t->source);
  for (double& x : v) x *= t->ratio;
  return v;
}

void ParameterSpace::apply_ties(AlpPoint& p) const {
  for (int i = 0; i < kNumAxes; ++i)
    if (const auto& t = ties_[i]) {
      const Axis a = static_cast<Axis>(i);
      p[a] = t->ratio * (p[t->source] / axis_to_internal(t->source)) * axis_to_internal(a);
    }
}

SubGrid ParameterSpace::subgrid(const std::vector<Axis>& used) const {
  SubGrid g;
  auto uses = [&](Axis a) {
    for (Axis u : used) {  // directly, or an axis in use brings it (with_implied_axes)
      const auto& imp = implied_[static_cast<int>(u)];
      if (std::find(imp.begin(), imp.end(), a) != imp.end()) return true;
    }
    return false;
  };
  for (int i = 0; i < kNumAxes; ++i) {
    const Axis a = static_cast<Axis>(i);
    if (scanned(a) && uses(a)) {
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
  apply_ties(p);
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
