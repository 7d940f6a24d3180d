// The grid walk of the streaming merge and the plane maps (scan/GridCursor): every point once, in order,
// with its indices into sub-grids and planes, checked against the multi-index computed by division.
#include <catch2/catch.hpp>

#include <vector>

#include "alpscan/scan/GridCursor.hpp"

using namespace alpscan;

namespace {
// The multi-index of row-major index i of dims, by division (independent of the cursor's strides).
std::vector<std::size_t> digits(std::size_t i, const std::vector<std::size_t>& dims) {
  std::vector<std::size_t> d(dims.size());
  for (std::size_t k = dims.size(); k-- > 0;) d[k] = i % dims[k], i /= dims[k];
  return d;
}
SubGrid grid(std::vector<Axis> axes, std::vector<std::size_t> dims) {
  SubGrid g{std::move(axes), std::move(dims), 1};
  for (std::size_t n : g.dims) g.size *= n;
  return g;
}
}  // namespace

TEST_CASE("GridCursor visits every point in row-major order with its sub-grid index", "[scan][merge]") {
  const SubGrid full = grid({Axis::m_a, Axis::g_agg, Axis::g_ae, Axis::br_inv}, {3, 4, 2, 5});
  const SubGrid sub = grid({Axis::m_a, Axis::g_ae}, {3, 2});  // an experiment without g_agg and br_inv
  GridCursor c(full.dims);
  const std::size_t own = c.track(row_major_strides(full)), proj = c.track(projection_strides(full, sub));
  std::size_t n = 0;
  for (; !c.done(); c.next(), ++n) {
    const auto d = digits(n, full.dims);
    REQUIRE(c.index(own) == n);
    REQUIRE(c.index(proj) == d[0] * 2 + d[2]);  // (m_a, g_ae) row-major
    for (std::size_t k = 0; k < d.size(); ++k) REQUIRE(c.digit(k) == d[k]);
  }
  CHECK(n == full.size);
}

TEST_CASE("GridCursor with fixed axes walks one slice and gives plane cells", "[scan][merge]") {
  const SubGrid full = grid({Axis::m_a, Axis::g_agg, Axis::g_ae}, {3, 4, 2});
  // Plane (m_a, g_agg) at g_ae index 1: cell = i_m * 4 + i_g; and a profile over g_ae with m_a fixed at 2.
  GridCursor slice(full.dims, {-1, -1, 1});
  const std::size_t own = slice.track(row_major_strides(full)), cell = slice.track({4, 1, 0});
  std::vector<std::size_t> seen;
  for (; !slice.done(); slice.next()) {
    const auto d = digits(slice.index(own), full.dims);
    CHECK(d[2] == 1);
    CHECK(slice.index(cell) == d[0] * 4 + d[1]);
    seen.push_back(slice.index(own));
  }
  REQUIRE(seen.size() == 12);
  for (std::size_t k = 1; k < seen.size(); ++k) CHECK(seen[k] > seen[k - 1]);  // increasing

  GridCursor fixed_m(full.dims, {2, -1, -1});
  const std::size_t i = fixed_m.track(row_major_strides(full));
  std::size_t n = 0;
  for (; !fixed_m.done(); fixed_m.next(), ++n) CHECK(digits(fixed_m.index(i), full.dims)[0] == 2);
  CHECK(n == 8);
}

TEST_CASE("GridCursor: a single point, an empty axis, and refused arguments", "[scan][merge]") {
  GridCursor all_fixed({3, 4}, {1, 2});
  const std::size_t i = all_fixed.track({4, 1});
  REQUIRE_FALSE(all_fixed.done());
  CHECK(all_fixed.index(i) == 6);
  all_fixed.next();
  CHECK(all_fixed.done());
  CHECK(GridCursor({3, 0}).done());
  GridCursor none({});  // a grid without scanned axes has one point
  CHECK_FALSE(none.done());
  none.next();
  CHECK(none.done());
  CHECK_THROWS_AS(GridCursor({3, 4}, {0}), std::invalid_argument);
  CHECK_THROWS_AS(GridCursor({3, 4}, {3, -1}), std::invalid_argument);
  GridCursor c({3, 4});
  CHECK_THROWS_AS(c.track({1}), std::invalid_argument);
  const SubGrid full = grid({Axis::m_a, Axis::g_agg}, {3, 4});
  CHECK_THROWS_AS(projection_strides(full, grid({Axis::g_ae}, {2})), std::invalid_argument);
}
