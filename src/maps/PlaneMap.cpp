#include "alpscan/maps/PlaneMap.hpp"

#include <algorithm>
#include <cmath>

#include "alpscan/maps/LayerNames.hpp"

namespace alpscan {

std::vector<std::uint8_t> PlaneLayer::excluded() const {
  std::vector<std::uint8_t> e(margin.size());
  for (std::size_t i = 0; i < margin.size(); ++i) e[i] = margin[i] >= 0;
  return e;
}

PlaneMap make_plane_map(const PlaneSpec& spec, const ParameterSpace& space, const MergedResult& r) {
  PlaneMap pm;
  pm.spec = spec;
  pm.x = space.values(spec.x);
  pm.y = space.values(spec.y);
  const std::size_t nx = pm.x.size(), ny = pm.y.size();
  const SubGrid& full = space.full();
  int ix = -1, iy = -1;
  std::vector<int> slice_index(full.axes.size(), -1);  // -1: profiled
  for (std::size_t k = 0; k < full.axes.size(); ++k) {
    const Axis a = full.axes[k];
    if (a == spec.x) ix = static_cast<int>(k);
    else if (a == spec.y) iy = static_cast<int>(k);
    else if (auto it = spec.slice_at.find(a); it != spec.slice_at.end()) {
      const auto& v = space.values(a);
      slice_index[k] = static_cast<int>(std::min_element(v.begin(), v.end(), [&](double p, double q) {
                                           return std::abs(p - it->second) < std::abs(q - it->second);
                                         }) - v.begin());
    } else {
      pm.profiled.emplace_back(axis_name(a));
    }
  }
  const std::size_t nl = r.experiments.size() + 3;
  pm.layers.resize(nl);
  for (std::size_t l = 0; l < r.experiments.size(); ++l) pm.layers[l].name = r.experiments[l].info.name;
  pm.layers[nl - 3].name = kLayerUnion;
  pm.layers[nl - 2].name = kLayerUnionLimits;
  pm.layers[nl - 1].name = kLayerCombined;
  for (auto& L : pm.layers) L.margin.assign(nx * ny, 1e300);  // min over profiled values
  // A preferred region (g-2) is preferred where some profiled value is in it: max over profiled values.
  std::vector<bool> preferred(r.experiments.size());
  for (std::size_t l = 0; l < r.experiments.size(); ++l) {
    preferred[l] = r.experiments[l].role() == stats::Role::preferred_region;
    if (preferred[l]) pm.layers[l].margin.assign(nx * ny, -1e300);
  }
  const double sqrt_crit = std::sqrt(r.combined_critical);
  for (std::size_t i = 0; i < full.size; ++i) {
    const auto idx = space.unravel(full, i);
    bool in_slice = true;
    for (std::size_t k = 0; k < idx.size(); ++k)
      if (slice_index[k] >= 0 && idx[k] != static_cast<std::size_t>(slice_index[k])) in_slice = false;
    if (!in_slice) continue;
    const std::size_t p = idx[ix] * ny + idx[iy];
    double uni = -1e300, uni_lim = -1e300;
    for (std::size_t l = 0; l < r.experiments.size(); ++l) {
      const double m = r.experiments[l].margin(space.project(r.experiments[l].grid, i));
      if (preferred[l]) {  // reported apart from the exclusions: in neither union
        pm.layers[l].margin[p] = std::max(pm.layers[l].margin[p], m);
        continue;
      }
      pm.layers[l].margin[p] = std::min(pm.layers[l].margin[p], m);
      uni = std::max(uni, m);
      if (r.experiments[l].info.kind == "limit") uni_lim = std::max(uni_lim, m);
    }
    pm.layers[nl - 3].margin[p] = std::min(pm.layers[nl - 3].margin[p], uni > -1e300 ? uni : -100.0);
    // no experiment with data: "not excluded", with a margin that keeps contours well defined
    pm.layers[nl - 2].margin[p] = std::min(pm.layers[nl - 2].margin[p], uni_lim > -1e300 ? uni_lim : -100.0);
    const double c = std::sqrt(std::max(r.combined_q[i], 0.0)) - sqrt_crit;
    pm.layers[nl - 1].margin[p] = std::min(pm.layers[nl - 1].margin[p], c);
  }
  return pm;
}

}  // namespace alpscan
