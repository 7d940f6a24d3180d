// The bandpass triangle f(a, b, c) (model/TriangleLoopFunction; seed 001 Eq. (5), L66-L76; spec
// bandpass.md 1.4-1.5 and 4.2(a)): closed forms, an independent 2-D quadrature of the Feynman-parameter
// integral written here, the spec's reference values, the three paths against each other where two
// apply, the permutation symmetry (seed 001 L76) and the seed's Fig. 1 configuration.
#include <catch2/catch.hpp>

#include <cmath>
#include <complex>

#include <gsl/gsl_integration.h>

#include "alpscan/model/TriangleLoopFunction.hpp"

using namespace alpscan::model;
using Catch::Detail::Approx;
using cplx = std::complex<double>;

namespace {
constexpr double kPi = 3.14159265358979323846;

// -2 int_0^1 dx int_0^(1-x) dy / D(x, y), D = 1 - 4 x z a - 4 y z b - 4 x y c, z = 1 - x - y, by a
// 200 x 200 Gauss-Legendre product rule (valid where D > 0 on the simplex: real f, no threshold).
double direct_f(double a, double b, double c) {
  gsl_integration_glfixed_table* t = gsl_integration_glfixed_table_alloc(200);
  double s = 0;
  for (std::size_t i = 0; i < 200; ++i) {
    double x, wx;
    gsl_integration_glfixed_point(0, 1, i, &x, &wx, t);
    for (std::size_t j = 0; j < 200; ++j) {
      double y, wy;
      gsl_integration_glfixed_point(0, 1 - x, j, &y, &wy, t);
      const double z = 1 - x - y;
      s += wx * wy / (1 - 4 * x * z * a - 4 * y * z * b - 4 * x * y * c);
    }
  }
  gsl_integration_glfixed_table_free(t);
  return -2 * s;
}

void check_close(cplx got, cplx want, double tol) {
  INFO("got " << got << ", want " << want);
  CHECK(std::abs(got - want) <= tol * std::max(1.0, std::abs(want)));
}
}  // namespace

TEST_CASE("triangle f: normalisation and one-invariant closed forms (spec 1.4)", "[model][bandpass]") {
  check_close(triangle_f(0, 0, 0), -1.0, 1e-15);                // heavy fermion
  check_close(triangle_f(0, 0, 0.5), -kPi * kPi / 8, 1e-12);    // -arcsin^2(sqrt(1/2))/(1/2)
  check_close(triangle_f(0, 0, 1), -kPi * kPi / 4, 1e-12);      // the threshold cusp
  // Spacelike: -asinh^2(sqrt|c|)/|c|.
  check_close(triangle_f(0, -100, 0), -std::pow(std::asinh(10.0), 2) / 100, 1e-12);
  // Above threshold, x = 3: A = (pi/2 + i acosh(sqrt 3))^2, f = -A/3.
  const cplx A3 = cplx(kPi / 2, std::acosh(std::sqrt(3.0))) * cplx(kPi / 2, std::acosh(std::sqrt(3.0)));
  check_close(triangle_f(3, 0, 0), -A3 / 3.0, 1e-12);
}

TEST_CASE("triangle f: the general path against a direct 2-D quadrature where f is real", "[model][bandpass]") {
  for (const auto& v : {std::array<double, 3>{0.2, -5, 0.3}, {-2, -0.5, 0.1}, {0.5, 0.3, -40}, {-0.3, -0.4, -0.2},
                        {0.9, -3, 0.6}}) {
    INFO("(a, b, c) = (" << v[0] << ", " << v[1] << ", " << v[2] << ")");
    const cplx f = triangle_f(v[0], v[1], v[2]);
    CHECK(std::abs(f.imag()) < 1e-12);
    // The product rule converges slowly near the corners where D varies fastest (c = -40): 1e-6.
    CHECK(f.real() == Approx(direct_f(v[0], v[1], v[2])).epsilon(1e-6));
  }
}

TEST_CASE("triangle f: the spec's reference values (bandpass.md 1.5, mpmath)", "[model][bandpass]") {
  struct Ref {
    double a, b, c;
    cplx f;
    double tol;  // the spec prints 10 significant digits (8 for the last four rows)
  };
  const Ref refs[] = {
      {0, 0, -100, {-0.0898934086, 0}, 1e-9},
      {0, -3, 0.7, {-0.7342620219, 0}, 1e-9},
      {0.2, -5, 0.3, {-0.5385011037, 0}, 1e-9},
      {-2, -0.5, 0.1, {-0.6022449772, 0}, 1e-9},
      {0.5, 0.3, -40, {-0.1824819237, 0}, 1e-9},
      {-0.3, 0, 0, {-0.9134515125, 0}, 1e-9},
      {0, 0, 3, {-0.3845301201, -1.2003144153}, 1e-9},
      {0, 0, 250, {0.0378198100, -0.0433901212}, 1e-9},
      {0, -2, 5, {-0.2424469221, -0.6479020862}, 1e-9},
      {0, 0.5, 2, {-0.7158209502, -1.8459445240}, 1e-9},
      {0, 1.5, 1.5, {0.7603459963, -1.8137993642}, 1e-9},
      {0.3, -2, 5, {-0.22757866, -0.72012923}, 1e-7},
      {-1, -0.2, 3, {-0.48227796, -0.83632785}, 1e-7},
      {2, -1, 0.5, {-0.92547197, -1.24039071}, 1e-7},
      {3, -0.5, 7, {0.29892014, -0.37312461}, 1e-7},
  };
  for (const Ref& r : refs) {
    INFO("(a, b, c) = (" << r.a << ", " << r.b << ", " << r.c << ")");
    check_close(triangle_f(r.a, r.b, r.c), r.f, r.tol);
    CHECK(triangle_f(r.a, r.b, r.c).imag() <= 1e-12);  // Im f = -2 pi int delta(D) <= 0
  }
}

TEST_CASE("triangle f: the three paths agree where two apply; permutation symmetry (seed 001 L76)", "[model][bandpass]") {
  // The integral path on one-zero configurations, above and below the thresholds.
  for (const auto& bc : {std::array<double, 2>{0, 3}, {-2, 5}, {0.5, 2}, {1.5, 1.5}, {-3, 0.7}, {0, 250}})
    check_close(triangle_f_integral(0, bc[0], bc[1]), triangle_f_one_zero(bc[0], bc[1]), 1e-8);
  // The series against the integral just inside its switch (|a| + |b| + |c| < 0.3).
  check_close(triangle_f_series(0.1, -0.1, 0.09), triangle_f_integral(0.1, -0.1, 0.09), 1e-10);
  check_close(triangle_f_series(0.0, 0.0, 0.29), triangle_f_one_zero(0.0, 0.29), 1e-12);
  // The difference quotient near b = c against the derivative.
  check_close(triangle_f_one_zero(2.0, 2.0 + 1e-7), triangle_f_one_zero(2.0, 2.0), 1e-6);
  // f + 1 keeps its digits where f -> -1: -(a + b + c)/3 - (8/45)(a^2 + ...) at 1e-11 (spec 1.4 series).
  CHECK(triangle_f_plus_one(1e-11, -2e-11, 3e-11).real() == Approx(-(2e-11) / 3).epsilon(1e-9));
  check_close(triangle_f_plus_one(0.1, -0.2, 0.05), triangle_f(0.1, -0.2, 0.05) + 1.0, 1e-15);
  // Symmetry of the general path under all permutations.
  const cplx f0 = triangle_f(0.3, -2, 5);
  for (const auto& p : {std::array<double, 3>{-2, 0.3, 5}, {5, -2, 0.3}, {0.3, 5, -2}, {-2, 5, 0.3}, {5, 0.3, -2}})
    check_close(triangle_f(p[0], p[1], p[2]), f0, 1e-9);
}

TEST_CASE("bandpass form factor F = f(psi) - f(chi) in the seed's Fig. 1 configuration (spec 4.2(a))", "[model][bandpass]") {
  // m_chi = 1e3 m_psi, two on-shell photons, one invariant P with r = sqrt|P| / m_psi (seed 001 L76).
  auto F = [](double r, bool timelike) {
    const double x = (timelike ? 1 : -1) * r * r / 4;  // P / (4 m_psi^2)
    return std::abs(triangle_f(0, 0, x) - triangle_f(0, 0, x * 1e-6));
  };
  struct Row {
    double r, timelike, spacelike;
  };
  // The spec's table (3-4 significant digits: 3e-3 relative covers the rounding of the last digit).
  const Row rows[] = {{0.01, 8.33e-6, 8.33e-6}, {1, 0.0966, 0.0737}, {2, 1.467, 0.223},  {10, 1.148, 0.786},
                      {100, 1.008, 0.991},      {1e3, 1.097, 0.926}, {2e3, 2.467, 0.777}, {1e5, 0.00947, 0.00848}};
  for (const Row& w : rows) {
    INFO("r = " << w.r);
    CHECK(F(w.r, true) == Approx(w.timelike).epsilon(3e-3));
    CHECK(F(w.r, false) == Approx(w.spacelike).epsilon(3e-3));
  }
  // Low-energy limit |F| -> (r^2/12)(1 - 1e-6) (spec 1.4: F ~ -(S/12)(1/m_psi^2 - 1/m_chi^2)), exact to O(r^4).
  CHECK(F(1e-3, true) == Approx(1e-6 / 12 * (1 - 1e-6)).epsilon(1e-6));
  // The cusps at sqrt P = 2 m_psi and 2 m_chi: pi^2/4 - 1 and ~pi^2/4 (spec 1.4).
  CHECK(F(2, true) == Approx(kPi * kPi / 4 - 1).epsilon(1e-5));
}
