// A 2-D plane of a (possibly higher-dimensional) scan: slice at fixed values of some axes and
// profile over the rest (a plane point is excluded only if excluded for every profiled value).
// Each layer holds a "margin" field that is >= 0 exactly where the point is excluded and varies
// smoothly, so contours can be interpolated between grid points. A preferred region (g-2) and its bands
// are inside where the margin is >= 0 and, on a profiled axis, where SOME profiled value is inside.
#pragma once

#include <string>
#include <vector>

#include "alpscan/scan/JobSpec.hpp"
#include "alpscan/maps/MergedResult.hpp"
#include "alpscan/scan/ParameterSpace.hpp"

namespace alpscan {

struct PlaneLayer {
  std::string name;             // experiment name, "union", "union_limits" (kind limit only), "combined",
                                // or a band "<experiment>_<band>" (e.g. g2_electron_2sigma)
  std::vector<double> margin;   // nx * ny, x slowest
  int experiment = -1;          // index in MergedResult::experiments of the experiment shown; -1: union, combined
  int band = -1;                // index in that experiment's bands; -1: its region at the job's CL
  std::vector<std::uint8_t> excluded() const;
};

struct PlaneMap {
  PlaneSpec spec;
  std::vector<double> x, y;     // external units
  // experiments in job order, then "union", "union_limits", "combined", then the bands of every
  // experiment that has bands (preferred regions: 1 sigma, 2 sigma), experiment by experiment
  std::vector<PlaneLayer> layers;
  std::vector<std::string> profiled;  // names of the profiled axes
};

PlaneMap make_plane_map(const PlaneSpec& spec, const ParameterSpace& space, const MergedResult& r);

}  // namespace alpscan
