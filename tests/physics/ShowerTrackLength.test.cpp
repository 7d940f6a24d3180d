// Tsai-Whitis track lengths (physics/ShowerTrackLength) against closed forms. Sources: the forms of
// Tsai, Rev. Mod. Phys. 46 (1974) 815 (seed 003 Eqs. 26-27; spec invisible_alps.md s2.7 and its
// [DER] checks: 0.870 X0 and 0.551 X0).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include <gsl/gsl_sf_gamma.h>

#include "alpscan/physics/Quadrature.hpp"
#include "alpscan/physics/ShowerTrackLength.hpp"

using namespace alpscan::physics;

namespace {
const double kInf = std::numeric_limits<double>::infinity();
// int f over [a, b] in n panels of 16 GL nodes.
template <class F>
double panels(F f, double a, double b, int n) {
  const GaussLegendre gl(16);
  double s = 0;
  for (int i = 0; i < n; ++i) s += gl.integrate(f, a + (b - a) * i / n, a + (b - a) * (i + 1) / n);
  return s;
}
}  // namespace

TEST_CASE("track length: photon depth integral equals its closed form", "[shower]") {
  // Numerical t-integral of I_g vs the closed form, 1e-10 (smooth integrand), incl. y = 0.442 (0/0).
  const double E0 = 20.0;
  for (double y : {0.05, 0.3, 1.0 - std::exp(-7.0 / 12.0), 0.442, 0.9})
    for (double T : {0.5, 5.0, 40.0}) {
      const double k = y * E0;
      const double num = panels([&](double t) { return photon_depth_spectrum(E0, k, t); }, 0.0, T, 40);
      INFO("y = " << y << " T = " << T);
      CHECK(photon_track_length(E0, k, T) == Approx(num).epsilon(1e-9));
    }
  // T -> inf: 27 / (28 k (-ln(1-y))), and T = 400 reaches it (e^{-7T/9} and (1-y)^{4T/3} negligible).
  for (double y : {0.1, 0.5, 0.8}) {
    const double k = y * E0;
    CHECK(photon_track_length(E0, k, kInf) == Approx(27.0 / (28.0 * k * -std::log1p(-y))).epsilon(1e-12));
    CHECK(photon_track_length(E0, k, 400.0) == Approx(photon_track_length(E0, k, kInf)).epsilon(1e-9));
  }
}

TEST_CASE("track length: spec s2.7 photon number int_{50}^{100 GeV} dl_g/dk = 0.551 X0 (T = 40)", "[shower]") {
  // spec invisible_alps.md s2.7 [DER]: 0.551 X0 for E0 = 100 GeV, T = 40 (3 digits quoted).
  const double v = panels([](double k) { return photon_track_length(100.0, k, 40.0); }, 50.0, 100.0 - 1e-12, 200);
  CHECK(v == Approx(0.551).margin(0.001));
}

TEST_CASE("track length: electrons, incomplete-gamma closed forms", "[shower]") {
  const double E0 = 20.0;
  // spec s2.7 [DER]: int_{E0/2}^{E0} dl_e/dE dE = int_0^40 P(4t/3, ln 2) dt = 0.870 X0.
  CHECK(electron_track_length_above(E0, E0 / 2, 40.0) == Approx(0.870).margin(0.001));
  // Direct integral of dl_e/dE (singular ~1/(u ln^2 u) at E -> E0: integrate in w = ln(1 - E/E0))
  // equals the P form, 1e-3.
  const double T = 10.0, Elo = 5.0;
  const double wlo = -25.0, whi = std::log1p(-Elo / E0);
  const double direct = panels(
      [&](double w) {
        const double E = E0 * -std::expm1(w);
        return electron_track_length(E0, E, T) * (E0 - E);
      },
      wlo, whi, 80);
  // + the exact remainder above E0 (1 - e^{-25}) (below, 1 - e^w rounds towards 1), where the integrand's 1/w^2 tail lives.
  const double tail = electron_track_length_within(-std::log1p(-std::exp(wlo)), T);
  CHECK(direct + tail == Approx(electron_track_length_above(E0, Elo, T)).epsilon(1e-3));
  // Energy-weighted total: int_0^E0 E dl_e/dE dE = E0 int_0^T 2^{-4t/3} dt = E0 3 (1 - 2^{-4T/3})/(4 ln 2),
  // exact for the Gamma(4t/3) straggling density (<e^{-u}> = 2^{-k}). 1e-3.
  // In s = ln u (E = E0 e^{-u}, dE = E u ds), s in [-25, ln 40], + the remainder u < e^{-25} where
  // E = E0 to 1e-11: E0 x int P(4t/3, e^{-25}) dt.
  const double ew = panels(
                        [&](double s) {
                          const double u = std::exp(s), E = E0 * std::exp(-u);
                          return E * E * u * electron_track_length(E0, E, T);
                        },
                        -25.0, std::log(40.0), 120) +
                    E0 * electron_track_length_within(std::exp(-25.0), T);
  CHECK(ew == Approx(E0 * 3.0 * (1.0 - std::pow(2.0, -4.0 * T / 3.0)) / (4.0 * std::log(2.0))).epsilon(2e-3));
  // Depth t = 3/4 (k = 1): I_e = 1/E0 exactly (flat in E).
  CHECK(electron_depth_spectrum(E0, 3.0, 0.75) == Approx(1.0 / E0).epsilon(1e-12));
}
