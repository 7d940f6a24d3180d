// Gauss-Legendre quadrature: exact on polynomials, deterministic.
// References: seed 000 = ../shared/seeds/000_1c1e6b540ff0680d.txt, spec = ../shared/spec/passat.md.
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/physics/AlpConversion.hpp"
#include "alpscan/physics/HelmFormFactor.hpp"
#include "alpscan/physics/MesonPhotonSpectrum.hpp"
#include "alpscan/physics/Quadrature.hpp"

using namespace alpscan;
using namespace alpscan::physics;
using Catch::Detail::Approx;

TEST_CASE("Gauss-Legendre integrates polynomials exactly and is deterministic", "[physics][quadrature]") {
  GaussLegendre gl(5);  // exact to degree 9
  const double v = gl.integrate([](double x) { return std::pow(x, 9) + 3 * x * x; }, 0.0, 2.0);
  CHECK(v == Approx(1024.0 / 10.0 + 8.0).epsilon(1e-13));
  double w = 0;
  for (double x : gl.weights()) w += x;
  CHECK(w == Approx(2.0).epsilon(1e-14));
  GaussLegendre gl2(5);
  CHECK(gl2.integrate([](double x) { return std::exp(x); }, 0, 1) == gl.integrate([](double x) { return std::exp(x); }, 0, 1));
}
