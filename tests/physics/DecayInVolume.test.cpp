// Decay-in-volume probability (physics/DecayInVolume) against closed forms and a direct integral.
// P = exp(-L_d/lambda) - exp(-(L_d + L_v)/lambda), lambda = (p/m)/Gamma.
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/DecayInVolume.hpp"
#include "alpscan/physics/Quadrature.hpp"

using namespace alpscan;
using physics::decay_in_volume_probability;

TEST_CASE("decay length is gamma beta c tau", "[decay]") {
  // p = 10 GeV, m = 0.1 GeV -> gamma beta = 100; Gamma = hbar c / (1 m) -> c tau = 1 m: lambda = 100 m.
  const double m = 0.1, p = 10.0, E = std::sqrt(p * p + m * m);
  const double Gamma = units::hbarc_GeV_m;  // GeV, so that 1/Gamma = 1 m
  REQUIRE(physics::decay_length(E, m, Gamma) / units::meter == Approx(100.0).epsilon(1e-12));
  CHECK(physics::decay_length(0.05, m, Gamma) == 0.0);       // below threshold
  CHECK(std::isinf(physics::decay_length(E, m, 0.0)));       // stable particle
}

TEST_CASE("decay in volume: long-lifetime limit P -> L_v/lambda without cancellation", "[decay]") {
  const double Ld = 480.0 * units::meter, Lv = 35.0 * units::meter;
  // Series: P = x_v [1 - x_d - x_v/2 + O(x^2)]; at x ~ 1e-6 the O(x^2) term is 1e-12 relative.
  for (double r : {1e6, 1e9, 1e15, 1e30}) {
    const double lambda = r * (Ld + Lv);
    const double xd = Ld / lambda, xv = Lv / lambda;
    const double series = xv * (1.0 - xd - 0.5 * xv);
    CHECK(decay_in_volume_probability(lambda, Ld, Lv) == Approx(series).epsilon(1e-11));
  }
  // Naive exp(-a) - exp(-b) at lambda = 1e30 (L_d + L_v) gives exactly 0; the factorised form keeps x_v.
  const double lambda = 1e30 * (Ld + Lv);
  CHECK(decay_in_volume_probability(lambda, Ld, Lv) > 0.0);
}

TEST_CASE("decay in volume: short-lifetime limit P -> exp(-L_d/lambda), underflow-safe", "[decay]") {
  const double Ld = 64.0 * units::meter, Lv = 23.0 * units::meter;
  // P / exp(-L_d/lambda) = 1 - exp(-L_v/lambda); for x_d >= 100, x_v = x_d 23/64 >= 36 and the far-end
  // term is < 3e-16 relative: P = exp(-x_d) to 1e-15 (x_d = 700 is near the smallest normal double).
  for (double xd : {100.0, 300.0, 700.0}) {
    const double p = decay_in_volume_probability(Ld / xd, Ld, Lv);
    CHECK(p == Approx(std::exp(-xd)).epsilon(1e-15));
  }
  // Moderate x_d: exactly exp(-x_d)(1 - exp(-x_v)), below exp(-x_d).
  const double xd = 10.0, xv = xd * Lv / Ld;
  CHECK(decay_in_volume_probability(Ld / xd, Ld, Lv) == Approx(std::exp(-xd) * (1 - std::exp(-xv))).epsilon(1e-13));
  // Far beyond the exp range: exactly 0, never NaN or negative.
  for (double xd : {746.0, 1e4, 1e300}) {
    const double p = decay_in_volume_probability(Ld / xd, Ld, Lv);
    CHECK(p == 0.0);
    CHECK_FALSE(std::isnan(p));
  }
  CHECK(decay_in_volume_probability(0.0, Ld, Lv) == 0.0);  // prompt decay
}

TEST_CASE("decay in volume equals the integral of the exponential decay density", "[decay]") {
  // int_{L_d}^{L_d+L_v} dz exp(-z/lambda)/lambda by 64-point Gauss-Legendre on 16 panels (converged to
  // ~1e-15 for x_v <= 20 per panel span), independent of the closed form.
  const physics::GaussLegendre gl(64);
  const double Ld = 45.0 * units::meter, Lv = 50.0 * units::meter;
  for (double lambda_m : {1.0, 10.0, 45.0, 100.0, 1e3, 1e5}) {
    const double lambda = lambda_m * units::meter;
    double num = 0.0;
    const int np = 16;
    for (int i = 0; i < np; ++i)
      num += gl.integrate([&](double z) { return std::exp(-z / lambda) / lambda; }, Ld + Lv * i / np,
                          Ld + Lv * (i + 1) / np);
    CHECK(decay_in_volume_probability(lambda, Ld, Lv) == Approx(num).epsilon(1e-12));
  }
}

TEST_CASE("decay in volume: the (E, m, Gamma) form and the maximum over lambda", "[decay]") {
  const double Ld = 1.0, Lv = 1.0;  // GeV^-1, only ratios matter
  // P(lambda) is maximal at lambda* = L_v / ln(1 + L_v/L_d) (dP/dlambda = 0): for L_v = L_d, ln 2.
  const double ls = Lv / std::log(1.0 + Lv / Ld);
  const double pmax = decay_in_volume_probability(ls, Ld, Lv);
  CHECK(pmax == Approx(0.25).epsilon(1e-12));  // exp(-ln2) - exp(-2 ln2) = 1/2 - 1/4
  CHECK(decay_in_volume_probability(ls * 1.01, Ld, Lv) < pmax);
  CHECK(decay_in_volume_probability(ls * 0.99, Ld, Lv) < pmax);
  const double m = 0.2, E = 5.0, Gamma = 1e-3;
  CHECK(decay_in_volume_probability(E, m, Gamma, Ld, Lv) ==
        Approx(decay_in_volume_probability(physics::decay_length(E, m, Gamma), Ld, Lv)).epsilon(1e-15));
}
