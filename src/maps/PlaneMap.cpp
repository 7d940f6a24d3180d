#include "alpscan/maps/PlaneMap.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/maps/LayerNames.hpp"

namespace alpscan {

std::vector<std::uint8_t> PlaneLayer::excluded() const {
  std::vector<std::uint8_t> e(margin.size());
  for (std::size_t i = 0; i < margin.size(); ++i) e[i] = margin[i] >= 0;
  return e;
}

namespace {

// The plane cell (x index * ny + y index) of full-grid point i, or -1 if i is outside the slice
// (slice_index[k] >= 0: axis k is fixed at that index; -1: profiled or a plane axis).
std::ptrdiff_t plane_cell(const ParameterSpace& space, std::size_t i, const std::vector<int>& slice_index, int ix,
                          int iy, std::size_t ny) {
  const SubGrid& full = space.full();
  std::size_t idx[kNumAxes];  // i's multi-index, without allocating (called for every point of every plane)
  for (std::size_t k = full.axes.size(); k-- > 0;) {
    idx[k] = i % full.dims[k];
    i /= full.dims[k];
    if (slice_index[k] >= 0 && idx[k] != static_cast<std::size_t>(slice_index[k])) return -1;
  }
  return static_cast<std::ptrdiff_t>(idx[ix] * ny + idx[iy]);
}

// The bands of every experiment that has them (stats::Likelihood::bands), after the other layers, each
// profiled like its experiment's layer (min over profiled values for an exclusion, max for a preferred
// region). Kept apart from union and combined.
void add_band_layers(PlaneMap& pm, const ParameterSpace& space, const MergedResult& r,
                     const std::vector<int>& slice_index, int ix, int iy) {
  const std::size_t first = pm.layers.size(), ny = pm.y.size();
  for (std::size_t l = 0; l < r.experiments.size(); ++l) {
    const ExperimentResult& x = r.experiments[l];
    for (std::size_t b = 0; b < x.bands.size(); ++b) {
      PlaneLayer L;
      L.name = band_layer_name(x.info.name, x.bands[b].name);
      for (const PlaneLayer& other : pm.layers)
        if (other.name == L.name)
          throw std::invalid_argument("band layer " + L.name + " has the name of another layer of the plane");
      L.experiment = static_cast<int>(l);
      L.band = static_cast<int>(b);
      L.margin.assign(pm.x.size() * ny, x.role() == stats::Role::preferred_region ? -1e300 : 1e300);
      pm.layers.push_back(std::move(L));
    }
  }
  if (pm.layers.size() == first) return;
  const SubGrid& full = space.full();
  for (std::size_t i = 0; i < full.size; ++i) {
    const std::ptrdiff_t cell = plane_cell(space, i, slice_index, ix, iy, ny);
    if (cell < 0) continue;
    const std::size_t p = static_cast<std::size_t>(cell);
    for (std::size_t k = first; k < pm.layers.size(); ++k) {
      PlaneLayer& L = pm.layers[k];
      const ExperimentResult& x = r.experiments[L.experiment];
      const double m = x.band_margin(L.band, space.project(x.grid, i));
      L.margin[p] = x.role() == stats::Role::preferred_region ? std::max(L.margin[p], m) : std::min(L.margin[p], m);
    }
  }
}

}  // namespace

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
  for (std::size_t l = 0; l < r.experiments.size(); ++l) {
    pm.layers[l].name = r.experiments[l].info.name;
    pm.layers[l].experiment = static_cast<int>(l);
  }
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
    const std::ptrdiff_t cell = plane_cell(space, i, slice_index, ix, iy, ny);
    if (cell < 0) continue;
    const std::size_t p = static_cast<std::size_t>(cell);
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
  add_band_layers(pm, space, r, slice_index, ix, iy);
  return pm;
}

}  // namespace alpscan
