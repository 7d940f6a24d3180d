// A 2-D plane of a (possibly higher-dimensional) scan: slice at fixed values of some axes and
// profile over the rest (a plane point is excluded only if excluded for every profiled value).
// Each layer holds a "margin" field that is >= 0 exactly where the point is excluded and varies
// smoothly, so contours can be interpolated between grid points.
#pragma once

#include <string>
#include <vector>

#include "alpscan/scan/JobSpec.hpp"
#include "alpscan/maps/MergedResult.hpp"
#include "alpscan/scan/ParameterSpace.hpp"

namespace alpscan {

struct PlaneLayer {
  std::string name;             // experiment name, "union", "union_limits" (kind limit only) or "combined"
  std::vector<double> margin;   // nx * ny, x slowest
  std::vector<std::uint8_t> excluded() const;
};

struct PlaneMap {
  PlaneSpec spec;
  std::vector<double> x, y;     // external units
  std::vector<PlaneLayer> layers;  // experiments in job order, then "union", "union_limits", "combined"
  std::vector<std::string> profiled;  // names of the profiled axes
};

PlaneMap make_plane_map(const PlaneSpec& spec, const ParameterSpace& space, const MergedResult& r);

}  // namespace alpscan
