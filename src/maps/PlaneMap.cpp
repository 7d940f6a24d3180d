#include "alpscan/maps/PlaneMap.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/maps/LayerNames.hpp"
#include "alpscan/scan/GridCursor.hpp"

namespace alpscan {

std::vector<std::uint8_t> PlaneLayer::excluded() const {
  std::vector<std::uint8_t> e(margin.size());
  for (std::size_t i = 0; i < margin.size(); ++i) e[i] = margin[i] >= 0;
  return e;
}

PlaneBuilder::PlaneBuilder(const PlaneSpec& spec, const ParameterSpace& space, std::size_t experiments)
    : space_(space), bands_(experiments), added_(experiments, false) {
  pm_.spec = spec;
  pm_.x = space.values(spec.x);
  pm_.y = space.values(spec.y);
  const SubGrid& full = space.full();
  fixed_.assign(full.axes.size(), -1);
  cell_strides_.assign(full.axes.size(), 0);
  std::size_t slice_points = 1;
  for (std::size_t k = 0; k < full.axes.size(); ++k) {
    const Axis a = full.axes[k];
    if (a == spec.x) cell_strides_[k] = pm_.y.size();
    else if (a == spec.y) cell_strides_[k] = 1;
    else if (auto it = spec.slice_at.find(a); it != spec.slice_at.end()) {
      const auto& v = space.values(a);
      fixed_[k] = std::min_element(v.begin(), v.end(), [&](double p, double q) {
                    return std::abs(p - it->second) < std::abs(q - it->second);
                  }) - v.begin();
      continue;
    } else {
      pm_.profiled.emplace_back(axis_name(a));
    }
    slice_points *= full.dims[k];
  }
  pm_.layers.resize(experiments);
  union_max_.assign(slice_points, -1e300);  // no experiment yet
  union_limits_max_.assign(slice_points, -1e300);
}

void PlaneBuilder::add(std::size_t l, const ExperimentResult& x) {
  if (l >= added_.size() || added_[l]) throw std::logic_error("PlaneBuilder::add: experiment added twice or unknown");
  added_[l] = true;
  const std::size_t cells = pm_.x.size() * pm_.y.size();
  // A preferred region (g-2) is preferred where some profiled value is in it: max over profiled values; an
  // exclusion is excluded only where every profiled value is: min. A preferred region is in neither union.
  const bool preferred = x.role() == stats::Role::preferred_region, limit = x.info.kind == "limit";
  const double start = preferred ? -1e300 : 1e300;
  PlaneLayer& L = pm_.layers[l];
  L.name = x.info.name;
  L.experiment = static_cast<int>(l);
  L.margin.assign(cells, start);
  std::vector<PlaneLayer>& bands = bands_[l];
  for (std::size_t b = 0; b < x.bands.size(); ++b) {
    PlaneLayer B;
    B.name = band_layer_name(x.info.name, x.bands[b].name);
    B.experiment = static_cast<int>(l);
    B.band = static_cast<int>(b);
    B.margin.assign(cells, start);
    bands.push_back(std::move(B));
  }
  auto merge = [preferred](double& into, double m) { into = preferred ? std::max(into, m) : std::min(into, m); };
  const SubGrid& full = space_.full();
  GridCursor c(full.dims, fixed_);
  const std::size_t k_slot = c.track(projection_strides(full, x.grid)), p_slot = c.track(cell_strides_);
  for (std::size_t s = 0; !c.done(); c.next(), ++s) {
    const std::size_t k = c.index(k_slot), p = c.index(p_slot);
    const double m = x.margin(k);
    merge(L.margin[p], m);
    if (!preferred) {
      union_max_[s] = std::max(union_max_[s], m);
      if (limit) union_limits_max_[s] = std::max(union_limits_max_[s], m);
    }
    for (std::size_t b = 0; b < bands.size(); ++b) merge(bands[b].margin[p], x.band_margin(b, k));
  }
}

PlaneMap PlaneBuilder::finish(const MergedResult& r) {
  for (std::size_t l = 0; l < added_.size(); ++l)
    if (!added_[l]) throw std::logic_error("PlaneBuilder::finish: experiment " + std::to_string(l) + " never added");
  const std::size_t cells = pm_.x.size() * pm_.y.size();
  PlaneLayer uni, uni_lim, comb;
  uni.name = kLayerUnion;
  uni_lim.name = kLayerUnionLimits;
  comb.name = kLayerCombined;
  for (PlaneLayer* L : {&uni, &uni_lim, &comb}) L->margin.assign(cells, 1e300);  // min over profiled values
  const double sqrt_crit = std::sqrt(r.combined_critical);
  const SubGrid& full = space_.full();
  GridCursor c(full.dims, fixed_);
  const std::size_t i_slot = c.track(row_major_strides(full)), p_slot = c.track(cell_strides_);
  for (std::size_t s = 0; !c.done(); c.next(), ++s) {
    const std::size_t i = c.index(i_slot), p = c.index(p_slot);
    // no experiment with data: "not excluded", with a margin that keeps contours well defined
    uni.margin[p] = std::min(uni.margin[p], union_max_[s] > -1e300 ? union_max_[s] : -100.0);
    uni_lim.margin[p] = std::min(uni_lim.margin[p], union_limits_max_[s] > -1e300 ? union_limits_max_[s] : -100.0);
    comb.margin[p] = std::min(comb.margin[p], std::sqrt(std::max(r.combined_q.at(i), 0.0)) - sqrt_crit);
  }
  PlaneMap pm = std::move(pm_);
  pm.layers.push_back(std::move(uni));
  pm.layers.push_back(std::move(uni_lim));
  pm.layers.push_back(std::move(comb));
  // The bands of every experiment that has them, after the other layers, experiment by experiment, apart
  // from union and combined.
  for (auto& bands : bands_)
    for (PlaneLayer& B : bands) {
      for (std::size_t k = 0; k < pm.layers.size(); ++k)
        if (pm.layers[k].name == B.name)
          throw std::invalid_argument("band layer " + B.name + " has the name of another layer of the plane");
      pm.layers.push_back(std::move(B));
    }
  return pm;
}

PlaneMap make_plane_map(const PlaneSpec& spec, const ParameterSpace& space, const MergedResult& r) {
  PlaneBuilder b(spec, space, r.experiments.size());
  for (std::size_t l = 0; l < r.experiments.size(); ++l) b.add(l, r.experiments[l]);
  return b.finish(r);
}

}  // namespace alpscan
