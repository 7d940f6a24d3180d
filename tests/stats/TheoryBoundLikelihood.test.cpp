// Kind "theory_bound" (stats/TheoryBoundLikelihood): a condition on the model's parameters, r = X/X_max.
#include <catch2/catch.hpp>

#include "alpscan/stats/TheoryBoundLikelihood.hpp"

using namespace alpscan;

TEST_CASE("theory_bound likelihood: a hard cut with the boundary allowed", "[stats][theory_bound]") {
  stats::TheoryBoundLikelihood L({"x <= 1", "test"});
  const stats::Calibration c = L.calibrate(0.9, nullptr, 0);
  for (double r : {0.0, 0.5, 1.0, 1.0 + 1e-12}) {
    CHECK(L.test_statistic(&r, c) == 0.0);
    CHECK_FALSE(L.in_region(&r, 0.0, c));
  }
  const double over = 1.001;
  CHECK(L.test_statistic(&over, c) == stats::TheoryBoundLikelihood::kViolated);
  CHECK(L.in_region(&over, L.test_statistic(&over, c), c));
  CHECK(L.margin(&over, 0, c) > 0);
  const double under = 0.999;
  CHECK(L.margin(&under, 0, c) < 0);
}
