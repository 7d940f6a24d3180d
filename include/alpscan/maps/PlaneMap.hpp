// A 2-D plane of a (possibly higher-dimensional) scan: slice at fixed values of some axes and
// profile over the rest (a plane point is excluded only if excluded for every profiled value).
// Each layer holds a "margin" field that is >= 0 exactly where the point is excluded and varies
// smoothly, so contours can be interpolated between grid points. A preferred region (g-2) and its bands
// are inside where the margin is >= 0 and, on a profiled axis, where SOME profiled value is inside.
#pragma once

#include <cstddef>
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

// Builds a plane while the merge streams experiments: add() takes each experiment's layer, bands and share of
// the unions while its arrays are in memory; finish() adds the union and combined layers. It holds the plane's
// layers and, per point of the slice (the full grid with the sliced axes fixed), the running maximum margin
// over the experiments so far (union, union of limits): a profiled union is the minimum over profiled values
// of that maximum, which no per-experiment plane layer can give.
class PlaneBuilder {
 public:
  PlaneBuilder(const PlaneSpec& spec, const ParameterSpace& space, std::size_t experiments);
  // Experiment l (job order) of the merge; each once, in any order.
  void add(std::size_t l, const ExperimentResult& x);
  // r: the merge's global maps (combined_q, combined_critical) and every experiment's metadata.
  PlaneMap finish(const MergedResult& r);

 private:
  const ParameterSpace& space_;
  PlaneMap pm_;                                   // layers: one per experiment, filled by add()
  std::vector<std::vector<PlaneLayer>> bands_;    // per experiment, its band layers
  std::vector<bool> added_;
  std::vector<long> fixed_;                       // per full-grid axis: the slice index, or -1
  std::vector<std::size_t> cell_strides_;         // plane cell = x index * ny + y index
  std::vector<double> union_max_, union_limits_max_;  // per slice point
};

// The same from a merge that kept every experiment's arrays.
PlaneMap make_plane_map(const PlaneSpec& spec, const ParameterSpace& space, const MergedResult& r);

}  // namespace alpscan
