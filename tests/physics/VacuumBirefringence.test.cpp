// ALP-induced vacuum dichroism (rotation) and birefringence (ellipticity) against the Maiani-Petronzio-
// Zavattini / Raffelt-Stodolsky closed forms and their low-mass limits (derived in VacuumBirefringence.hpp).
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/VacuumBirefringence.hpp"

using namespace alpscan;
using namespace alpscan::physics;
using Catch::Detail::Approx;

namespace {
// PVLAS-like numbers: 2.5 T over 1.64 m, 1064 nm, N = 2F/pi with F = 7e5.
const double B = 2.5 * units::tesla, L = 1.64 * units::meter, omega = 1239.841984 / 1064.0 * units::eV;
const double N = 2.0 * 7e5 / units::pi, g = 1e-7;
}  // namespace

TEST_CASE("vacuum birefringence: textbook forms at any mass", "[physics][birefringence]") {
  for (double m_eV : {3e-4, 1e-3, 2.2e-3, 1e-2}) {
    const double m = m_eV * units::eV;
    const double k = g * B * omega / (m * m);
    const double eps = N * k * k * std::pow(std::sin(m * m * L / (4 * omega)), 2);
    const double y = m * m * L / (2 * omega);
    const double psi = 0.5 * N * k * k * (y - std::sin(y));
    CHECK(alp_rotation(m, g, B, L, omega, N) == Approx(eps).epsilon(1e-9));
    CHECK(alp_ellipticity(m, g, B, L, omega, N) == Approx(psi).epsilon(1e-9));
    // PVLAS's indices: eps_1 = (pi L/lambda) Delta kappa, lambda = 2 pi/omega
    CHECK(alp_dichroism_index(m, g, B, L, omega) == Approx(eps / N * 2 / (omega * L)).epsilon(1e-9));
    CHECK(alp_birefringence_index(m, g, B, L, omega) == Approx(psi / N * 2 / (omega * L)).epsilon(1e-9));
  }
}

TEST_CASE("vacuum birefringence: low-mass limits eps -> N(gBL)^2/16, psi -> N g^2B^2L^3m^2/(96 omega)",
          "[physics][birefringence]") {
  const double m = 1e-6 * units::eV;  // y = 4e-6: corrections O(y^2) ~ 1e-11
  CHECK(alp_rotation(m, g, B, L, omega, N) == Approx(N * std::pow(g * B * L, 2) / 16).epsilon(1e-9));
  CHECK(alp_ellipticity(m, g, B, L, omega, N) ==
        Approx(N * g * g * B * B * L * L * L * m * m / (96 * omega)).epsilon(1e-9));
  // rotation zeros at m^2 L/(4 omega) = n pi; ellipticity grows to (N/2)(gBL/2)^2/y at large y
  const double m1 = std::sqrt(4 * units::pi * omega / L);
  CHECK(alp_rotation(m1, g, B, L, omega, N) / alp_rotation(m, g, B, L, omega, N) < 1e-20);
  const double mh = 0.1 * units::eV;
  const double y = mh * mh * L / (2 * omega);
  CHECK(alp_ellipticity(mh, g, B, L, omega, N) ==
        Approx(0.5 * N * std::pow(g * B * L / 2, 2) / y).epsilon(1.5 / y));
}
