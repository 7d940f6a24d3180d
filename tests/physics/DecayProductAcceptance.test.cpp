// physics/DecayProductAcceptance: the face acceptance of two-body decay products against a simple Monte
// Carlo written here (isotropic rest-frame directions from three Gaussians, a full Lorentz boost along
// the ALP, straight lines to the plane, the deposited-energy threshold), and limiting cases.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "alpscan/physics/DecayProductAcceptance.hpp"

using namespace alpscan::physics;
using Catch::Detail::Approx;

namespace {
constexpr double kMe = 0.51099895e-3;

double mc(double E, double m, double md, double X, double Y, double ell, const RectFace& f, double Eth, int n) {
  std::mt19937_64 rng(137);
  std::normal_distribution<double> N(0.0, 1.0);
  const double g = E / m, b = std::sqrt(1 - 1 / (g * g));
  const double Es = m / 2, ps = std::sqrt(Es * Es - md * md);
  int acc = 0;
  for (int i = 0; i < n; ++i) {
    double x = N(rng), y = N(rng), z = N(rng);
    const double r = std::sqrt(x * x + y * y + z * z);
    x *= ps / r, y *= ps / r, z *= ps / r;
    double dep = 0;
    for (int sgn : {1, -1}) {
      const double px = sgn * x, py = sgn * y, pz = g * (sgn * z + b * Es), Ed = g * (Es + b * sgn * z);
      if (pz <= 0) continue;
      const double hx = X + ell * px / pz, hy = Y + ell * py / pz;
      if (std::abs(hx) < f.half_x && std::abs(hy) < f.half_y) dep += Ed;
    }
    if (dep >= Eth) ++acc;
  }
  return double(acc) / n;
}
}  // namespace

TEST_CASE("decay products on a rectangular face: quadrature against a Monte Carlo", "[decay_products]") {
  // E137-like: 3 m x 3 m (Run 2) and 2 m x 3 m (Run 1) faces, decays 20-200 m before them, threshold 2 GeV.
  const RectFace run2{1.5, 1.5}, run1{1.0, 1.5};
  struct Case {
    double E, m, md, X, Y, ell;
    RectFace f;
  };
  const Case cases[] = {
      {10.0, 0.01, 0.0, 0.0, 0.0, 200.0, run2},  {5.0, 0.1, 0.0, 0.0, 0.0, 150.0, run2},
      {5.0, 0.1, 0.0, 1.2, 0.3, 100.0, run1},    {3.0, 0.05, 0.0, 0.5, 1.4, 200.0, run2},
      {8.0, 0.3, 0.0, 0.2, 0.1, 50.0, run2},     {4.0, 0.01, kMe, 0.0, 0.0, 200.0, run1},
      {2.5, 0.2, 0.0, 0.0, 0.0, 20.0, run2},
  };
  for (const Case& c : cases) {
    const double q = decay_products_on_face(c.E, c.m, c.md, c.X, c.Y, c.ell, c.f, 2.0);
    const double r = mc(c.E, c.m, c.md, c.X, c.Y, c.ell, c.f, 2.0, 400000);
    INFO("E = " << c.E << " m = " << c.m << " (X, Y) = (" << c.X << ", " << c.Y << ") ell = " << c.ell << ": quadrature "
                << q << " MC " << r);
    // MC statistics <= 0.0008; the c rule at 24 nodes per piece converges to < 0.002 (found by doubling).
    CHECK(std::abs(q - r) < 0.005);
  }
}

TEST_CASE("decay products on a rectangular face: limits", "[decay_products]") {
  const RectFace f{1.5, 1.5};
  // Light ALP far above threshold: collinear products, accepted iff the line of flight hits the face.
  CHECK(decay_products_on_face(10.0, 1e-4, 0.0, 0.3, 0.2, 200.0, f, 2.0) == Approx(1.0));
  CHECK(decay_products_on_face(10.0, 1e-4, 0.0, 1.6, 0.2, 200.0, f, 2.0) == 0.0);
  // Below the threshold nothing is accepted; below the pair threshold no decay.
  CHECK(decay_products_on_face(1.9, 1e-2, 0.0, 0.0, 0.0, 200.0, f, 2.0) == 0.0);
  CHECK(decay_products_on_face(10.0, 1e-3, kMe, 0.0, 0.0, 200.0, f, 2.0) == 0.0);
  // Decay at the face (ell = 0): every product lands on the impact point.
  CHECK(decay_products_on_face(5.0, 0.3, 0.0, 0.0, 0.0, 0.0, f, 2.0) == Approx(1.0));
  // Ring average at r = 0 is the central value; far outside the face it vanishes for a light ALP.
  CHECK(decay_products_on_face_ring(5.0, 0.1, 0.0, 0.0, 150.0, f, 2.0) ==
        Approx(decay_products_on_face(5.0, 0.1, 0.0, 0.0, 0.0, 150.0, f, 2.0)));
  CHECK(decay_products_on_face_ring(10.0, 1e-3, 0.0, 3.0, 150.0, f, 2.0) == 0.0);
}

TEST_CASE("decay products on a rectangular face: the ring average uses the square's x <-> y symmetry", "[decay_products]") {
  // decay_products_on_face_ring evaluates half the impact azimuths of a square face (psi and pi/2 - psi are
  // mirror images); it must equal the plain midpoint average over every node, evaluated here one by one.
  const double pi = 3.14159265358979323846;
  const RectFace sq{1.5, 1.5}, rect{1.0, 1.5};
  CHECK(decay_products_on_face(5.0, 0.1, 0.0, 1.1, 0.4, 150.0, sq, 2.0) ==
        Approx(decay_products_on_face(5.0, 0.1, 0.0, 0.4, 1.1, 150.0, sq, 2.0)).epsilon(1e-12));
  for (int n_psi : {5, 6}) {
    const DecayProductRule rule{8, n_psi};
    for (double r : {0.8, 1.4, 2.3}) {
      for (const RectFace& f : {sq, rect}) {
        double s = 0.0;
        for (int k = 0; k < n_psi; ++k) {
          const double psi = 0.5 * pi * (k + 0.5) / n_psi;
          s += decay_products_on_face(5.0, 0.1, 0.0, r * std::cos(psi), r * std::sin(psi), 150.0, f, 2.0, rule);
        }
        INFO("n_psi = " << n_psi << " r = " << r << " half_x = " << f.half_x);
        CHECK(decay_products_on_face_ring(5.0, 0.1, 0.0, r, 150.0, f, 2.0, rule) == Approx(s / n_psi).epsilon(1e-12).margin(1e-15));
      }
    }
  }
}
