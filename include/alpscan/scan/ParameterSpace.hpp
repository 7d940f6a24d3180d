// The grid of the scan: one value list per model axis (fixed axes have one value). An experiment
// is evaluated only on its own sub-grid, the product of the scanned axes it declares, so axes it
// does not depend on cost it nothing. Indices are row-major in Axis order (last axis fastest), so
// consecutive points of a sub-grid share m_a for long runs, which experiments exploit as a cache.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "alpscan/scan/JobSpec.hpp"
#include "alpscan/model/AlpPoint.hpp"

namespace alpscan {

struct SubGrid {
  std::vector<Axis> axes;         // scanned axes of this grid, in Axis order
  std::vector<std::size_t> dims;  // their lengths
  std::size_t size = 1;           // product of dims
};

// A tied axis (JobSpec AxisSpec::Kind::tied): value = ratio x the source axis' value, external units.
struct AxisTie {
  Axis source = Axis::m_a;
  double ratio = 0.0;
};

// The axes an experiment's signal depends on: the axes it declares and those their values follow in this
// job -- a tied axis follows its source, and with the model option electron_loop the photon coupling every
// family sees is |g_agg +- delta g(g_ae)|, so g_agg brings g_ae. Sorted, without repeats. Shared by the
// sub-grids and the plan-memory estimate, so that what is planned is what is evaluated.
std::vector<Axis> with_implied_axes(const JobSpec& job, std::vector<Axis> used);

class ParameterSpace {
 public:
  explicit ParameterSpace(const JobSpec& job);
  // Axis values in external units (eV, GeV^-1, dimensionless).
  const std::vector<double>& values(Axis a) const { return values_[static_cast<int>(a)]; }
  bool scanned(Axis a) const { return values(a).size() > 1; }
  // The full grid over every scanned axis (global maps live on it).
  const SubGrid& full() const { return full_; }
  // The tie of axis a, if it is tied (then it is not scanned and values(a) is a placeholder).
  const std::optional<AxisTie>& tie(Axis a) const { return ties_[static_cast<int>(a)]; }
  // The values axis a takes: its own, or ratio x its source's for a tied axis (external units).
  std::vector<double> effective_values(Axis a) const;
  // The sub-grid of an experiment: the scanned axes among with_implied_axes(job, used) (an experiment of
  // g_agg depends on g_ae when g_agg is tied to it, or with the electron-loop coupling).
  SubGrid subgrid(const std::vector<Axis>& used) const;
  // The point at `index` of `grid` in internal units. Axes outside the grid sit at their first value;
  // tied axes follow their source (apply_ties).
  AlpPoint point(const SubGrid& grid, std::size_t index) const;
  // Sets every tied axis of p from its source (internal units in p).
  void apply_ties(AlpPoint& p) const;
  // Multi-index of `index` in `grid`, one entry per grid axis.
  std::vector<std::size_t> unravel(const SubGrid& grid, std::size_t index) const;
  // Index into `sub` of the point of `full()` at `full_index` (sub's axes are a subset of full's).
  std::size_t project(const SubGrid& sub, std::size_t full_index) const;

 private:
  std::vector<double> values_[kNumAxes];
  std::optional<AxisTie> ties_[kNumAxes];
  std::vector<Axis> implied_[kNumAxes];  // with_implied_axes(job, {a}) per axis
  SubGrid full_;
};

}  // namespace alpscan
