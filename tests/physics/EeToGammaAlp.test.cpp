// e+e- -> gamma a and Z -> gamma a (physics/EeToGammaAlp) against closed forms computed here.
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/EeToGammaAlp.hpp"
#include "alpscan/physics/Quadrature.hpp"

using namespace alpscan;
using namespace alpscan::physics;

namespace {
constexpr double pb = 1e-9 * units::millibarn;  // GeV^-2
}

TEST_CASE("sigma(e+e- -> gamma a) = alpha g^2/24 (1 - m^2/s)^3", "[collider][xsec]") {
  const double s = 10.58 * 10.58, g = 1e-3;
  // m -> 0: alpha g^2/24 = 7.2973525693e-3 * 1e-6 / 24 GeV^-2 = 3.0406e-10 GeV^-2 = 0.11840 pb
  // (1 GeV^-2 = 0.389379 mb).
  CHECK(sigma_ee_to_gamma_a(s, 0.0, g) / pb == Approx(7.2973525693e-3 * 1e-6 / 24.0 * 0.3893794e9).epsilon(1e-5));
  // Independent of s for m << sqrt(s) (no 1/s: the coupling is dimensionful).
  CHECK(sigma_ee_to_gamma_a(200.0 * 200.0, 0.0, g) == Approx(sigma_ee_to_gamma_a(s, 0.0, g)).epsilon(1e-14));
  // (1 - m^2/s)^3: m^2 = s/2 -> 1/8; m^2 = 0.9 s -> 1e-3; ~ g^2.
  CHECK(sigma_ee_to_gamma_a(s, std::sqrt(0.5 * s), g) / sigma_ee_to_gamma_a(s, 0.0, g) == Approx(0.125).epsilon(1e-12));
  CHECK(sigma_ee_to_gamma_a(s, std::sqrt(0.9 * s), g) / sigma_ee_to_gamma_a(s, 0.0, g) == Approx(1e-3).epsilon(1e-9));
  CHECK(sigma_ee_to_gamma_a(s, 1.0, 3 * g) / sigma_ee_to_gamma_a(s, 1.0, g) == Approx(9.0).epsilon(1e-14));
  // Closed below threshold.
  CHECK(sigma_ee_to_gamma_a(s, 10.58, g) == 0.0);
  CHECK(sigma_ee_to_gamma_a(s, 11.0, g) == 0.0);
}

TEST_CASE("dsigma/dcos integrates to the total; acceptance closed form", "[collider][xsec]") {
  const double s = 10.58 * 10.58, m = 2.0, g = 1e-3;
  GaussLegendre gl(16);  // exact for the degree-2 polynomial (1 + c^2)
  const double total = gl.integrate([&](double c) { return dsigma_dcos_ee_to_gamma_a(s, m, g, c); }, -1.0, 1.0);
  CHECK(total == Approx(sigma_ee_to_gamma_a(s, m, g)).epsilon(1e-13));
  // Shape 1 + cos^2: forward/central = 2.
  CHECK(dsigma_dcos_ee_to_gamma_a(s, m, g, 1.0) / dsigma_dcos_ee_to_gamma_a(s, m, g, 0.0) == Approx(2.0).epsilon(1e-14));
  // Symmetric cut |cos| < c: (3c + c^3)/4.
  for (double c : {0.3, 0.8, 0.93}) CHECK(angular_acceptance(-c, c) == Approx((3 * c + c * c * c) / 4).epsilon(1e-14));
  // Asymmetric cut against the direct integral.
  const double a = gl.integrate([&](double c) { return dsigma_dcos_ee_to_gamma_a(s, m, g, c); }, -0.945, 0.96);
  CHECK(angular_acceptance(-0.945, 0.96) == Approx(a / total).epsilon(1e-13));
  CHECK(angular_acceptance(-1.0, 1.0) == Approx(1.0).epsilon(1e-15));
  CHECK(angular_acceptance(-2.0, 2.0) == Approx(1.0).epsilon(1e-15));  // clamped
  CHECK(angular_acceptance(0.5, 0.2) == 0.0);
  CHECK(dsigma_dcos_ee_to_gamma_a(s, m, g, 1.5) == 0.0);
}

TEST_CASE("ALP energy in e+e- -> gamma a", "[collider][xsec]") {
  const double rs = 10.58, s = rs * rs;
  CHECK(alp_energy_ee_to_gamma_a(s, 0.0) == Approx(rs / 2));
  for (double m : {0.1, 1.0, 5.0, 10.0}) {
    const double Ea = alp_energy_ee_to_gamma_a(s, m), Eg = (s - m * m) / (2 * rs);
    CHECK(Ea + Eg == Approx(rs).epsilon(1e-14));                         // energy conservation
    CHECK(std::sqrt(Ea * Ea - m * m) == Approx(Eg).epsilon(1e-12));      // back-to-back momenta
  }
}

TEST_CASE("Gamma(Z -> gamma a): closed form and the hypercharge coupling", "[collider][zwidth]") {
  const double mZ = 91.1876, s2w = 0.23122, g = 1e-3;
  const double gz = g_aZg_hypercharge(g, s2w);
  CHECK(gz == Approx(g * std::sqrt(s2w / (1 - s2w))).epsilon(1e-15));
  // Independent form (Bauer, Neubert, Thamm, JHEP 12 (2017) 044): L = e^2 C_gg a/Lambda F Fdual +
  // 2 e^2/(s_W c_W) C_gZ a/Lambda F Zdual, Gamma(Z -> gamma a) = 8 pi alpha^2 mZ^3 |C_gZ|^2/(3 s_W^2 c_W^2 Lambda^2)
  // (1 - m^2/mZ^2)^3, Gamma(a -> gamma gamma) = 4 pi alpha^2 m^3 C_gg^2/Lambda^2 = g^2 m^3/64 pi -> C_gg/Lambda =
  // g/(16 pi alpha); hypercharge only: C_gg = C_BB, C_gZ = -s_W^2 C_BB.
  const double a = units::alpha_em, c2w = 1 - s2w, pi = units::pi;
  const double C = g / (16 * pi * a), CgZ = s2w * C;
  for (double m : {0.0, 1.0, 30.0}) {
    const double x = 1 - m * m / (mZ * mZ);
    const double bnt = 8 * pi * a * a * mZ * mZ * mZ * CgZ * CgZ / (3 * s2w * c2w) * x * x * x;
    CHECK(width_z_to_gamma_a(gz, m, mZ) == Approx(bnt).epsilon(1e-12));
  }
  // Size: BR(Z -> gamma a) = 3.0e-4 at g_agg = 1e-3 GeV^-1 (Gamma_Z = 2.4952 GeV).
  CHECK(width_z_to_gamma_a(gz, 0.0, mZ) / 2.4952 == Approx(3.03e-4).epsilon(0.01));
  CHECK(width_z_to_gamma_a(gz, mZ, mZ) == 0.0);
}

TEST_CASE("e+e- -> Z -> gamma a: Breit-Wigner peak", "[collider][zwidth]") {
  const double mZ = 91.1876, GZ = 2.4952, Gee = 0.08391, Gga = 1e-4;
  const double peak = 12 * units::pi * Gee * Gga / (mZ * mZ * GZ * GZ);
  CHECK(sigma_ee_to_z_to_gamma_a(mZ * mZ, mZ, GZ, Gee, Gga) == Approx(peak).epsilon(1e-14));
  // Half maximum at sqrt(s) ~ mZ +- GZ/2 (narrow width).
  const double rs = mZ + GZ / 2;
  CHECK(sigma_ee_to_z_to_gamma_a(rs * rs, mZ, GZ, Gee, Gga) / peak == Approx(0.5).epsilon(0.03));
  // sigma_peak(Z -> all) = 12 pi Gee/(mZ^2 GZ) = 59.4 nb (the LEP-1 number, no ISR).
  CHECK(sigma_ee_to_z_to_gamma_a(mZ * mZ, mZ, GZ, Gee, GZ) / (1e-6 * units::millibarn) == Approx(59.4).epsilon(0.005));
}
