// scan/Refinement: the dyadic cell hierarchy on synthetic status fields whose true status is known at
// every point, so the inferred map can be compared point by point with the truth.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "alpscan/scan/Refinement.hpp"

using namespace alpscan;

namespace {

// Runs the hierarchy to its fixed point on a status field; returns the evaluated flags.
std::vector<std::uint8_t> refine(const RefinementGrid& g, const std::function<int(std::size_t)>& truth,
                                 int* batches = nullptr) {
  std::vector<std::uint8_t> ev(g.size(), 0);
  for (std::size_t i : coarse_lattice(g)) ev[i] = 1;
  const SameStatus same = [&](std::size_t i, std::size_t j) { return truth(i) == truth(j); };
  int n = 1;
  for (;; ++n) {
    const auto next = refinement_requests(g, ev, same);
    if (next.empty()) break;
    for (std::size_t i : next) {
      REQUIRE_FALSE(ev[i]);  // only unevaluated points are asked for
      ev[i] = 1;
    }
    REQUIRE(n < 64);
  }
  if (batches) *batches = n;
  return ev;
}

// Every point's inferred status against the truth; returns the number of wrong points.
std::size_t wrong_inferred(const RefinementGrid& g, const std::vector<std::uint8_t>& ev,
                           const std::function<int(std::size_t)>& truth) {
  const SameStatus same = [&](std::size_t i, std::size_t j) { return truth(i) == truth(j); };
  std::vector<int> filled(g.size(), -1);
  for (std::size_t i = 0; i < g.size(); ++i)
    if (ev[i]) filled[i] = truth(i);
  for_each_inferred_point(g, ev, same, [&](const LeafCell& c, std::size_t i, const double*) { filled[i] = truth(c.corners[0]); });
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < g.size(); ++i) wrong += filled[i] != truth(i);
  return wrong;
}

// A disc of radius r (in grid units) centred in an n x n grid: inside 1, outside 0.
std::function<int(std::size_t)> disc(std::size_t n, double r) {
  return [n, r](std::size_t i) {
    const double x = double(i / n) - 0.5 * double(n - 1) + 0.3, y = double(i % n) - 0.5 * double(n - 1) - 0.2;
    return x * x + y * y < r * r ? 1 : 0;
  };
}

}  // namespace

TEST_CASE("coarse lattice: every step-th index of each axis and the last, and the grid's edges", "[refinement]") {
  const RefinementGrid g{{5, 10}, 4};  // axis 0: {0, 4}; axis 1: {0, 4, 8, 9}; plus the four edges
  std::vector<std::size_t> want;
  for (std::size_t j = 0; j < 10; ++j) want.push_back(j);        // row 0
  for (std::size_t i = 1; i < 4; ++i) want.push_back(10 * i), want.push_back(10 * i + 9);  // columns 0 and 9
  for (std::size_t j = 0; j < 10; ++j) want.push_back(40 + j);   // row 4
  std::sort(want.begin(), want.end());
  CHECK(coarse_lattice(g) == want);
  CHECK(coarse_lattice({{7}, 1}).size() == 7);
  CHECK(coarse_lattice({{}, 8}) == std::vector<std::size_t>{0});  // no scanned axis: one point
}

TEST_CASE("a disc is inferred exactly, and the evaluations grow like its boundary, not the area", "[refinement]") {
  // The disc's radius is a third of the grid, far larger than a coarse cell (16), so no feature can
  // hide inside a cell whose corners agree: every point's inferred status must be its true status.
  std::vector<double> evaluations;
  for (std::size_t n : {129u, 257u, 513u, 1025u}) {
    const RefinementGrid g{{n, n}, 16};
    const auto truth = disc(n, double(n) / 3);
    int batches = 0;
    const auto ev = refine(g, truth, &batches);
    CHECK(wrong_inferred(g, ev, truth) == 0);
    CHECK(batches <= 6);  // coarse + one batch per halving of 16 (+1 for the last judgement)
    std::size_t k = 0;
    for (auto e : ev) k += e;
    evaluations.push_back(double(k));
    INFO("n = " << n << ": " << k << " of " << n * n << " points evaluated");
    if (n == 1025) CHECK(double(n * n) / double(k) >= 20);  // issue 17: >= 20x fewer at ~1000 x 1000
  }
  // Doubling n quadruples the area; the boundary's share doubles the evaluations (the coarse lattice,
  // ~N/256, is a small part at these sizes). Ratios of 1.7-2.6 are boundary-like, 4 would be area-like.
  for (std::size_t i = 1; i < evaluations.size(); ++i) {
    INFO("evaluation ratio " << evaluations[i] / evaluations[i - 1]);
    CHECK(evaluations[i] / evaluations[i - 1] > 1.5);
    CHECK(evaluations[i] / evaluations[i - 1] < 2.8);
  }
}

TEST_CASE("neighbours of different status are both evaluated (contours cross only evaluated edges)", "[refinement]") {
  const std::size_t n = 300;  // not 2^k + 1: truncated cells at the upper edges
  const RefinementGrid g{{n, n}, 32};
  const auto truth = [n](std::size_t i) {  // a wavy band, the shape of a dump's excluded region
    const double x = double(i / n), y = double(i % n);
    const double lo = 100 + 30 * std::sin(x / 40), hi = 220 + 0.2 * x;
    return y > lo && y < hi ? 1 : 0;
  };
  const auto ev = refine(g, truth);
  CHECK(wrong_inferred(g, ev, truth) == 0);
  std::size_t edges = 0;
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = 0; b < n; ++b) {
      const std::size_t i = a * n + b;
      if (b + 1 < n && truth(i) != truth(i + 1)) {
        CHECK((ev[i] && ev[i + 1]));
        ++edges;
      }
      if (a + 1 < n && truth(i) != truth(i + n)) {
        CHECK((ev[i] && ev[i + n]));
        ++edges;
      }
    }
  CHECK(edges > 500);  // the test crossed many boundary edges
}

TEST_CASE("three dimensions with an axis of two points and multilinear weights", "[refinement]") {
  const RefinementGrid g{{33, 2, 21}, 8};
  const auto truth = [](std::size_t i) {  // a ball in (x, z), the same at both y
    const double x = double(i / 42) - 15.5, z = double(i % 21) - 9.7;
    return x * x + z * z < 60 ? 1 : 0;
  };
  const auto ev = refine(g, truth);
  CHECK(wrong_inferred(g, ev, truth) == 0);
  // A linear field is reproduced exactly by the multilinear weights, which sum to 1 and are >= 0.
  const auto linear = [](std::size_t i) { return 3.0 * double(i / 42) - 2.0 * double((i / 21) % 2) + 0.5 * double(i % 21); };
  const SameStatus same = [&](std::size_t i, std::size_t j) { return truth(i) == truth(j); };
  std::size_t inferred = 0;
  for_each_inferred_point(g, ev, same, [&](const LeafCell& c, std::size_t i, const double* w) {
    double v = 0, sum = 0;
    for (std::size_t k = 0; k < c.corners.size(); ++k) {
      CHECK(w[k] >= 0);
      REQUIRE(ev[c.corners[k]]);
      v += w[k] * linear(c.corners[k]), sum += w[k];
    }
    CHECK(sum == Approx(1.0).epsilon(1e-14));
    CHECK(v == Approx(linear(i)).margin(1e-12));
    ++inferred;
  });
  CHECK(inferred > 0);
}

TEST_CASE("the stated limitation: an island smaller than a coarse cell with agreeing corners is missed", "[refinement]") {
  const std::size_t n = 65;
  const RefinementGrid g{{n, n}, 16};
  const auto truth = [n](std::size_t i) { return i == 37 * n + 41 ? 1 : 0; };  // one excluded point inside a cell
  const auto ev = refine(g, truth);
  CHECK(wrong_inferred(g, ev, truth) == 1);
  // With step 1 (every point coarse) nothing can be missed.
  const RefinementGrid fine{{n, n}, 1};
  CHECK(wrong_inferred(fine, refine(fine, truth), truth) == 0);
}

TEST_CASE("a step that is not a power of two is refused", "[refinement]") {
  std::vector<std::uint8_t> ev(100, 1);
  const SameStatus same = [](std::size_t, std::size_t) { return true; };
  CHECK_THROWS_AS(refinement_requests({{10, 10}, 6}, ev, same), std::invalid_argument);
  CHECK_THROWS_AS(refinement_requests({{10, 10}, 4}, std::vector<std::uint8_t>(99, 1), same), std::invalid_argument);
}
