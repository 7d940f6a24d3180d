// BMPT pion spectrum and forward photon counting (seed 000, spec passat.md s1.2, s3.3).
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

TEST_CASE("BMPT pion spectrum normalisation (seed 000 Eq. 12, L318-L322; spec s1.2, s3.3)", "[physics][spectrum]") {
  const BmptShape s{3.45, 1.57, 0.517};
  CHECK(bmpt_shape_integral(s) == Approx(0.125030).epsilon(1e-5));
  CHECK(PionSpectrum(400, s, 4).norm() == Approx(1.9995e-4).epsilon(1e-4));
  CHECK(PionSpectrum(450, s, 4).norm() == Approx(1.5799e-4).epsilon(1e-4));
  CHECK(400 * bmpt_mean_x(s) == Approx(112.18).epsilon(1e-4));
  CHECK(450 * bmpt_mean_x(s) == Approx(126.20).epsilon(1e-4));
  // direct quadrature of dN/dE (x = t^2 removes the x^-0.517 endpoint): 4 pi0 per POT
  const PionSpectrum pi(400, s, 4);
  GaussLegendre gl(40);
  double n = 0;
  for (int k = 0; k < 20; ++k)
    n += gl.integrate([&](double t) { return pi.dN_dE(400 * t * t) * 2 * t * 400; }, k / 20.0, (k + 1) / 20.0);
  CHECK(n == Approx(4.0).epsilon(1e-6));
}

namespace {
// Forward photons per POT with E_gamma in [e1, e2]: int dE int dc n_gamma(E, c).
double photons_in_window(const PionSpectrum& pi, double e1, double e2, double pT_cap = 1e300) {
  const double Es = 0.5 * units::m_pi0;
  GaussLegendre gl(24);
  double sum = 0;
  const int ne = 200;
  for (int i = 0; i < ne; ++i) {
    const double a = e1 + (e2 - e1) * i / ne, b = a + (e2 - e1) / ne;
    sum += gl.integrate(
        [&](double E) {
          const double c0 = photon_c_min(E, pi.E_beam(), Es, pT_cap);
          if (c0 >= 1) return 0.0;
          return gl.integrate([&](double c) { return forward_photon_density(pi, E, c); }, c0, 1.0);
        },
        a, b);
  }
  return sum;
}
}  // namespace

TEST_CASE("Forward photons per POT: 2.0 in total, 1.36 (BDF) and 1.01 (NOMAD) in the windows (spec s3.3)", "[physics][spectrum]") {
  const BmptShape s{3.45, 1.57, 0.517};
  const PionSpectrum bdf(400, s, 4), nomad(450, s, 4);
  // total = N_pi * 1/2 (w(cos theta*) = 1/2, seed 000 L353-L355); the window edges at E -> 0 use
  // decade-graded pieces because of the E^0.483 behaviour at E -> 0 (below 1e-9 GeV: < 1e-13).
  double total = 0;
  for (double lo = 1e-9, hi = 1e-8; hi <= 100.5; lo = hi, hi *= 10) total += photons_in_window(bdf, lo, hi);
  total += photons_in_window(bdf, 100, 400);
  CHECK(total == Approx(2.0).epsilon(2e-3));
  CHECK(photons_in_window(bdf, 50, 400) == Approx(1.36).epsilon(5e-3));
  CHECK(photons_in_window(nomad, 50, 140) == Approx(1.01).epsilon(5e-3));
  // c-substitution Jacobian: p_T = E* at c = 0, 0 at c = 1
  CHECK(photon_pt(0.5 * units::m_pi0, 0.0) == Approx(0.5 * units::m_pi0));
  CHECK(photon_pt(0.5 * units::m_pi0, 1.0) == 0.0);
}
