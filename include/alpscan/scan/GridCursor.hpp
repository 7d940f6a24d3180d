// Walks the points of a grid in increasing row-major order, some axes optionally held at one index (a
// plane's slice), and keeps any number of linear indices up to date: the point's own index, its index in an
// experiment's sub-grid, its cell in a plane. Each index is sum over axes of multi-index * stride (stride 0
// for an axis the target does not have), updated in O(1) amortised per step, with no division: the merge
// and the plane maps visit every full-grid point once per experiment, and ParameterSpace::project's
// divisions per point were most of their cost.
#pragma once

#include <cstddef>
#include <vector>

#include "alpscan/scan/ParameterSpace.hpp"

namespace alpscan {

class GridCursor {
 public:
  // dims: the grid's axis lengths (slowest first). fixed: per axis -1 (walked) or the index it is held at
  // (empty: every axis walked). A grid with a zero-length axis has no points.
  explicit GridCursor(std::vector<std::size_t> dims, std::vector<long> fixed = {});
  // Adds a linear index with these strides (one per axis); returns its slot for index().
  std::size_t track(std::vector<std::size_t> strides);
  bool done() const { return done_; }
  std::size_t index(std::size_t slot) const { return value_[slot]; }
  std::size_t digit(std::size_t axis) const { return digit_[axis]; }
  void next();

 private:
  std::vector<std::size_t> dims_, digit_;
  std::vector<bool> walked_;
  std::vector<std::vector<std::size_t>> stride_;  // per slot, per axis
  std::vector<std::size_t> value_;
  bool done_ = false;
};

// Row-major strides of a grid: the point's own index.
std::vector<std::size_t> row_major_strides(const SubGrid& grid);
// Strides on full's axes of the index into sub (sub's axes are a subset of full's; 0 for the others):
// the same number as ParameterSpace::project.
std::vector<std::size_t> projection_strides(const SubGrid& full, const SubGrid& sub);

}  // namespace alpscan
