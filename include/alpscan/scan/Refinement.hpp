// Adaptive boundary refinement on a regular grid of any dimension (issue 17): a dyadic hierarchy of
// cells over the grid's indices, from a coarse lattice (every `step`-th index of each axis, plus the
// last) down to single grid cells. A cell whose evaluated points do not all have the same status is
// "mixed": its child lattice points (half its stride) are evaluated next, and its children are judged
// once they are. A cell whose points agree is a "leaf": every point inside it takes its corners'
// status, and its values are interpolated from the corners. An exclusion map is decided near its
// boundary, so the points evaluated grow with the boundary's size (~ sqrt(N) in 2-D), not with N.
//
// Why the inferred map has the same curves as the full grid: two neighbouring grid points always
// share a closed cell at every stride, so points of different status are both inside a mixed cell
// down to stride 1 and are both evaluated; every grid edge a contour crosses joins two evaluated
// points. What refinement can miss is a feature smaller than a coarse cell whose corners all agree (an
// island, or a boundary leaving a cell through the same edge it entered): the coarse step bounds it.
//
// This file knows grids and statuses, not experiments: the caller says which points are evaluated
// and whether two of them have the same status (maps/RefinedMaps). Indices are row-major, last axis
// fastest, as in scan/ParameterSpace.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace alpscan {

struct RefinementGrid {
  std::vector<std::size_t> dims;  // axis lengths (each >= 1)
  std::size_t step = 1;           // coarse stride: a power of two >= 1 (1: every point is coarse)
  std::size_t size() const;
};

// The grid points of the coarse lattice and of the grid's edges (every point of each line along one
// axis at the extremes of the others), in increasing order.
std::vector<std::size_t> coarse_lattice(const RefinementGrid& g);

// `same(i, j)`: evaluated points i and j have the same status (every layer that matters).
using SameStatus = std::function<bool(std::size_t, std::size_t)>;

// The points to evaluate next: the unevaluated child lattice points of every mixed cell whose own
// points are evaluated, in increasing order. Empty when the hierarchy is decided (the fixed point).
// `evaluated` has g.size() entries.
std::vector<std::size_t> refinement_requests(const RefinementGrid& g, const std::vector<std::uint8_t>& evaluated,
                                             const SameStatus& same);

// The same, batch after batch, walking only the coarse cells that can have changed: those holding a
// point evaluated since the last call (a coarse cell none of whose points changed asks for nothing
// new), so a batch costs in proportion to its points, not to the grid.
class RefinementHierarchy {
 public:
  explicit RefinementHierarchy(RefinementGrid g);
  const RefinementGrid& grid() const { return g_; }
  // Points evaluated (or whose status changed) since the last call.
  void touch(std::size_t point);
  void touch_all();
  std::vector<std::size_t> requests(const std::vector<std::uint8_t>& evaluated, const SameStatus& same);

 private:
  RefinementGrid g_;
  std::vector<std::size_t> coarse_dims_;  // coarse cells per axis
  std::vector<std::uint8_t> dirty_;       // per coarse cell
  bool any_dirty_ = true;
};

// One leaf cell: its 2^d corners (grid indices, every corner evaluated; axis k's bit of the corner
// number says lo (0) or hi (1)) and its index box [lo, hi] per axis.
struct LeafCell {
  std::vector<std::size_t> corners;
  std::vector<std::size_t> lo, hi;
};

// Calls `fill(cell, point, weights)` for every unevaluated point inside a leaf cell, with the
// multilinear weights of the cell's corners at that point (in index space; they sum to 1). A point
// on a face shared by two leaves is visited once per leaf: both give it the same status (every
// evaluated point of a leaf's closed box agrees), but its interpolated values can differ slightly
// (a large leaf ignores the midpoints a refined neighbour evaluated on the face); the last leaf
// visited wins. The order is deterministic (coarse cells in index order, depth first). A
// mixed cell whose children are not all evaluated (a hierarchy short of its fixed point) is a leaf.
void for_each_inferred_point(const RefinementGrid& g, const std::vector<std::uint8_t>& evaluated,
                             const SameStatus& same,
                             const std::function<void(const LeafCell&, std::size_t, const double*)>& fill);

}  // namespace alpscan
