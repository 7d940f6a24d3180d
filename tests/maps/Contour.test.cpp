// Marching squares: closed polygons around {f >= 0}, checked against shapes with known geometry.
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/maps/Contour.hpp"

using namespace alpscan;

namespace {
double area(const Polygon& p) {
  double a = 0;
  for (std::size_t i = 0; i + 1 < p.size(); ++i) a += p[i].first * p[i + 1].second - p[i + 1].first * p[i].second;
  return std::abs(a) / 2;
}
std::vector<double> lin(double a, double b, int n) {
  std::vector<double> v(n);
  for (int i = 0; i < n; ++i) v[i] = a + (b - a) * i / (n - 1);
  return v;
}
}  // namespace

TEST_CASE("a disc inside the grid gives one closed polygon of area pi r^2", "[contour]") {
  const auto x = lin(-2, 2, 201), y = lin(-2, 2, 161);
  std::vector<double> f;
  for (double xi : x)
    for (double yj : y) f.push_back(1.0 - std::hypot(xi, yj));  // >= 0 inside r = 1
  const auto polys = contour_regions(x, y, f, false, false);
  REQUIRE(polys.size() == 1);
  CHECK(polys[0].front() == polys[0].back());
  CHECK(area(polys[0]) == Approx(M_PI).epsilon(1e-3));
  for (const auto& [px, py] : polys[0]) CHECK(std::hypot(px, py) == Approx(1.0).epsilon(1e-3));
}

TEST_CASE("two islands give two polygons, and a region touching the edge is closed along the edge", "[contour]") {
  const auto x = lin(0, 10, 101), y = lin(0, 1, 11);
  std::vector<double> f;
  for (double xi : x)
    for (double yj : y) {
      (void)yj;
      f.push_back((xi > 2.05 && xi < 3.95) || xi > 7.95 ? 1.0 : -1.0);
    }
  const auto polys = contour_regions(x, y, f, false, false);
  REQUIRE(polys.size() == 2);
  double total = area(polys[0]) + area(polys[1]);
  // island 1 spans x in [2.05, 3.95] (crossings midway between nodes), island 2 [7.95, 10], full height
  CHECK(total == Approx((3.95 - 2.05) + (10 - 7.95)).epsilon(1e-9));
}

TEST_CASE("log axes: a power-law boundary g = m^-1 is straight in log-log and exact at the nodes", "[contour]") {
  std::vector<double> m, g;
  for (int i = 0; i <= 40; ++i) m.push_back(std::pow(10.0, -2 + 4.0 * i / 40));
  for (int j = 0; j <= 30; ++j) g.push_back(std::pow(10.0, -3 + 6.0 * j / 30));
  std::vector<double> f;  // ln(s/s_up) with s ∝ (g m)^4: linear in log g and log m
  for (double mi : m)
    for (double gj : g) f.push_back(4 * std::log(gj * mi));
  const auto polys = contour_regions(m, g, f, true, true);
  REQUIRE(polys.size() == 1);
  int on_line = 0;
  for (const auto& [pm, pg] : polys[0]) {
    if (pm > 1.0001e-2 && pm < 0.9999e2 && pg < 0.9999e3 && pg > 1.0001e-3) {
      CHECK(pm * pg == Approx(1.0).epsilon(1e-9));
      ++on_line;
    }
  }
  CHECK(on_line > 20);
}
