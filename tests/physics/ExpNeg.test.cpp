// The vectorisable e^{-x} and 1 - e^{-x} (physics/ExpNeg) against libm's std::exp and std::expm1,
// in units in the last place of libm's value (libm itself is within ~0.5 ulp of the exact value).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "alpscan/physics/ExpNeg.hpp"

using namespace alpscan;

namespace {
// |a - b| in units of the spacing of doubles at b (the smallest subnormal at b = 0).
double ulps(double a, double b) {
  if (a == b) return 0.0;
  const double u = b == 0.0 ? std::numeric_limits<double>::denorm_min()
                            : std::nextafter(b, std::numeric_limits<double>::infinity()) - b;
  return std::fabs(a - b) / u;
}

std::vector<double> sample_x() {
  std::mt19937_64 rng(17);
  std::uniform_real_distribution<double> lin(0.0, 745.2), lg(std::log(1e-300), std::log(745.0));
  std::vector<double> x;
  for (int i = 0; i < 400000; ++i) x.push_back(i % 2 ? lin(rng) : std::exp(lg(rng)));
  // the edges of the reduction (k = 0, -1; |r| = ln2/2), the subnormal range and the underflow threshold
  for (double v : {0.0, 1e-320, 1e-17, 0.34657359027997264, 0.3465735902799727, 1.0397207708399179, 708.3, 708.4,
                   709.0, 730.0, 744.4, 745.0, 745.13, 745.1332191019411, 745.14})
    x.push_back(v);
  return x;
}
}  // namespace

TEST_CASE("exp_neg is within 2 ulp of std::exp(-x) on [0, 745.2], subnormals included", "[expneg]") {
  double worst = 0.0;
  for (double x : sample_x()) worst = std::fmax(worst, ulps(physics::exp_neg(x), std::exp(-x)));
  CHECK(worst <= 2.0);
}

TEST_CASE("one_minus_exp_neg is within 2 ulp of -std::expm1(-x), also for tiny x", "[expneg]") {
  double worst = 0.0;
  for (double x : sample_x()) worst = std::fmax(worst, ulps(physics::one_minus_exp_neg(x), -std::expm1(-x)));
  CHECK(worst <= 2.0);
  CHECK(physics::one_minus_exp_neg(1e-300) == 1e-300);  // no cancellation: the leading term exactly
}

TEST_CASE("exp_neg underflows to 0 and 1 - e^{-x} saturates at 1, as libm", "[expneg]") {
  for (double x : {745.14, 746.0, 800.0, 1e6, 1e300, std::numeric_limits<double>::infinity()}) {
    CHECK(physics::exp_neg(x) == 0.0);
    CHECK(physics::one_minus_exp_neg(x) == 1.0);
  }
  CHECK(physics::exp_neg(0.0) == 1.0);
  CHECK(physics::one_minus_exp_neg(0.0) == 0.0);
}

TEST_CASE("exp_neg_and_complement gives exp_neg and one_minus_exp_neg from one reduction", "[expneg]") {
  for (double x : sample_x()) {
    double e, c;
    physics::exp_neg_and_complement(x, e, c);
    CHECK(e == physics::exp_neg(x));
    CHECK(c == physics::one_minus_exp_neg(x));
  }
}

TEST_CASE("sum4 adds every element once", "[expneg]") {
  std::vector<double> x;
  for (int n = 0; n <= 9; ++n) {
    CHECK(physics::sum4(x.data(), n) == n * (n - 1) / 2);  // integers: exact in any order
    x.push_back(n);
  }
}
