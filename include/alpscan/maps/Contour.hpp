// Marching-squares contour of the region {f >= 0} of a field on a rectilinear grid, as closed
// polygons. The grid is padded with an "outside" frame placed at the edge coordinates, so a region
// touching the edge of the scan is closed along that edge. Interpolation is linear in the
// (optionally log10-transformed) coordinates; saddles are resolved with the cell-centre average.
#pragma once

#include <utility>
#include <vector>

namespace alpscan {

using Polygon = std::vector<std::pair<double, double>>;  // closed: last point == first point

// f has x.size() * y.size() values, x slowest. Polygons are in the original coordinates.
std::vector<Polygon> contour_regions(const std::vector<double>& x, const std::vector<double>& y,
                                     const std::vector<double>& f, bool log_x, bool log_y);

}  // namespace alpscan
