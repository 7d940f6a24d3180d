// physics/ConeConvolution: photon angular distribution x ALP emission kernel -> ALPs inside a cone.
// Checked against (1) a closed form: Gaussian photons (width s1) and a Gaussian ALP emission about each
// photon (width s2) give a Gaussian of width sqrt(s1^2 + s2^2) about the axis, F = 1 - exp(-c^2/(2(s1^2 +
// s2^2))); (2) a direct 2-D integral over the photon direction in Cartesian angles (theta_x, theta_y) with
// the real Primakoff kernel PrimakoffScattering::cone_fraction; (3) the binned form against the density
// form for a density that is flat per bin (identical by construction of the integrand).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "alpscan/physics/ConeConvolution.hpp"
#include "alpscan/physics/PrimakoffScattering.hpp"
#include "alpscan/physics/Quadrature.hpp"

using namespace alpscan::physics;
using Catch::Detail::Approx;

namespace {
constexpr double kPi = 3.14159265358979323846;

double gauss2d(double t, double s) { return std::exp(-t * t / (2 * s * s)) / (2 * kPi * s * s); }

// Fraction of a 2-D Gaussian of width s centred at distance d inside the circle of radius c (the Rice
// distribution's CDF), by its own radial quadrature (exp-scaled Bessel I0 to stay finite).
double rice_cdf(double d, double s, double c) {
  const GaussLegendre gl(32);
  double out = 0.0;
  const int n = 16;
  for (int p = 0; p < n; ++p)
    out += gl.integrate(
        [&](double r) {
          const double x = r * d / (s * s);
          // e^{-x} I0(x); its asymptotic series beyond x = 50 (relative error < 1e-6), where I0 overflows
          const double i0e = x < 50 ? std::cyl_bessel_i(0.0, x) * std::exp(-x)
                                    : (1 + 1 / (8 * x) + 9 / (128 * x * x)) / std::sqrt(2 * kPi * x);
          return r / (s * s) * std::exp(-(r - d) * (r - d) / (2 * s * s)) * i0e;
        },
        c * p / n, c * (p + 1) / n);
  return out;
}
}  // namespace

TEST_CASE("cone convolution: Gaussian photons x Gaussian emission = Gaussian of the summed variances", "[cone_convolution]") {
  for (auto [s1, s2, c] : {std::tuple{3.0, 2.0, 4.4}, std::tuple{1.0, 5.0, 4.4}, std::tuple{8.0, 0.5, 4.4}}) {
    const double F = cone_convolution([&](double t) { return gauss2d(t, s1); }, [&](double t) { return rice_cdf(t, s2, c); },
                                      {c, s1, s2}, c + 10 * std::max(s1, s2));
    const double exact = 1 - std::exp(-c * c / (2 * (s1 * s1 + s2 * s2)));
    INFO("s1 = " << s1 << " s2 = " << s2);
    CHECK(F == Approx(exact).epsilon(1e-5));
  }
  // Collinear limit: a photon density much narrower than everything else returns kappa(0).
  const double k0 = rice_cdf(0.0, 2.0, 4.4);
  CHECK(cone_convolution([](double t) { return gauss2d(t, 1e-3); }, [&](double t) { return rice_cdf(t, 2.0, 4.4); },
                         {1e-3, 4.4}, 1e-2) == Approx(k0).epsilon(1e-6));
}

TEST_CASE("cone convolution: the Primakoff kernel against a direct 2-D integral over the photon direction", "[cone_convolution]") {
  // E137-like: 5 GeV photons on aluminium, ALP masses 10 and 100 MeV, cone 4.4 mrad, photons spread with a
  // 2-D Gaussian of width 2 mrad. Direct: Gauss-Legendre in theta_x and theta_y on [-6, 6] photon widths
  // (panels 1 width wide, 8 x 8 nodes each), the same kernel. Tolerance 1e-3: the direct rule's accuracy.
  const PrimakoffScattering ps(13, 26.98);
  const double E = 5.0, c = 4.4e-3, s = 2e-3;
  for (double m : {0.01, 0.1}) {
    auto kappa = [&](double t) { return ps.cone_fraction(E, m, t, c); };
    const double F = cone_convolution([&](double t) { return gauss2d(t, s); }, kappa, {c, s, 2 * c}, 8 * s);
    const GaussLegendre gl(8);
    double direct = 0.0;
    for (int i = -6; i < 6; ++i)
      for (int j = -6; j < 6; ++j)
        direct += gl.integrate(
            [&](double x) {
              return gl.integrate([&](double y) { const double t = std::hypot(x, y); return gauss2d(t, s) * kappa(t); },
                                  j * s, (j + 1) * s);
            },
            i * s, (i + 1) * s);
    INFO("m = " << m << " F = " << F << " direct = " << direct << " collinear = " << kappa(0.0));
    CHECK(F == Approx(direct).epsilon(1e-3));
    CHECK(F < kappa(0.0));  // spreading the photons can only lose ALPs from a cone centred on them
  }
}

TEST_CASE("cone convolution: binned photons equal the density form for a density flat per bin", "[cone_convolution]") {
  const std::vector<double> edges{0.0, 1e-3, 2.5e-3, 4e-3, 7e-3, 12e-3};
  const std::vector<double> w{0.2, 0.3, 0.25, 0.15, 0.1};
  auto rho = [&](double t) {
    for (std::size_t i = 0; i + 1 < edges.size(); ++i)
      if (t >= edges[i] && t < edges[i + 1]) return w[i] / (kPi * (edges[i + 1] * edges[i + 1] - edges[i] * edges[i]));
    return 0.0;
  };
  auto kappa = [](double t) { return rice_cdf(t, 1.5e-3, 4.4e-3); };
  const double Fb = cone_convolution_binned(edges, w, kappa, {4.4e-3});
  const double Fd = cone_convolution(rho, kappa, {1e-3, 2.5e-3, 4e-3, 4.4e-3, 7e-3}, 12e-3);
  CHECK(Fb == Approx(Fd).epsilon(1e-4));  // the two use different panels inside the bins
  CHECK(Fb > 0.3);
  CHECK(Fb < 0.9);
  CHECK_THROWS(cone_convolution_binned({0.0, 1.0}, {1.0, 2.0}, kappa));
}
