// The Primakoff cone convolution (physics/PrimakoffConeConvolution on the shared physics/ConeConvolution;
// spec s2.2, issue 12 item 2):
// photons spread over annuli about the cone's axis, each sending a fraction of its ALPs into the cone.
// Checks: (1) against an independent integral for photons flat in solid angle inside a disc of
// half-angle Theta: K = (1/sigma) int dtheta_a dsigma/dtheta_a Lens(theta_a)/(pi Theta^2), where
// Lens is the overlap area of the cone's disc and the photon disc displaced by the emission angle
// (closed form, flat-sky; the lens itself checked against a 2-D midpoint count); (2) the review's
// kept fractions (issue 12 item 2) with the MiniBooNE pi0-decay photon density, recomputed by a
// direct 2-D integral over the cone's disc with exact spherical distances.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/Pi0PhotonSource.hpp"
#include "alpscan/physics/PrimakoffConeConvolution.hpp"
#include "alpscan/physics/PrimakoffScattering.hpp"
#include "alpscan/physics/Quadrature.hpp"

using namespace alpscan;
using namespace alpscan::physics;

namespace {

constexpr double kThetaDet = 10.2246e-3;  // MiniBooNE: arctan(5 m / 489 m)

// Overlap area of discs of radii r1, r2 with centres d apart (flat plane).
double lens_area(double r1, double r2, double d) {
  if (d >= r1 + r2) return 0.0;
  if (d <= std::abs(r1 - r2)) return units::pi * std::pow(std::min(r1, r2), 2);
  const double a1 = std::acos((d * d + r1 * r1 - r2 * r2) / (2 * d * r1));
  const double a2 = std::acos((d * d + r2 * r2 - r1 * r1) / (2 * d * r2));
  return r1 * r1 * (a1 - std::sin(2 * a1) / 2) + r2 * r2 * (a2 - std::sin(2 * a2) / 2);
}

// (1/sigma) int dtheta dsigma/dtheta w(theta): GL in ln(theta) on 0.05-wide panels from 1e-9 to hi.
template <class W>
double emission_average(const PrimakoffScattering& p, double E, double m, double hi, W w) {
  const GaussLegendre gl(12);
  const double y0 = std::log(1e-9), y1 = std::log(hi);
  const int n = static_cast<int>(std::ceil((y1 - y0) / 0.05));
  double s = 0;
  for (int i = 0; i < n; ++i) {
    const double a = y0 + (y1 - y0) * i / n, b = y0 + (y1 - y0) * (i + 1) / n;
    s += gl.integrate([&](double y) { const double th = std::exp(y); return th * p.dsigma_dtheta(E, m, th) * w(th); }, a, b);
  }
  return s / p.sigma(E, m);
}

}  // namespace

TEST_CASE("Primakoff cone convolution: the lens of two discs against a 2-D midpoint count", "[physics]") {
  const double r1 = 1.0, r2 = 3.0;
  for (double d : {0.5, 2.5, 3.7}) {
    const int n = 1500;
    double cnt = 0;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) {
        const double x = -1 + 2.0 * (i + 0.5) / n, y = -1 + 2.0 * (j + 0.5) / n;  // square around disc 1
        if (x * x + y * y < 1 && (x - d) * (x - d) + y * y < r2 * r2) ++cnt;
      }
    CHECK(lens_area(r1, r2, d) == Approx(cnt * 4.0 / n / n).epsilon(2e-3));
  }
}

TEST_CASE("Primakoff cone convolution: photons flat in a 30 mrad disc, against the lens integral", "[physics]") {
  const PrimakoffScattering fe(26, 55.845);
  const double Theta = 0.030;
  // Annuli: 4 of equal solid angle in the cone, then 1.25x steps to Theta (any edges would do).
  std::vector<double> edges{0};
  for (int i = 1; i <= 4; ++i) edges.push_back(kThetaDet * std::sqrt(i / 4.0));
  while (edges.back() * 1.25 < Theta) edges.push_back(edges.back() * 1.25);
  edges.push_back(Theta);
  const double omega = 2 * units::pi * (1 - std::cos(Theta));
  for (auto [m, E] : {std::pair{1e-3, 0.3}, {0.01, 0.3}, {0.03, 0.2}, {0.1, 0.5}}) {
    std::vector<double> w;
    for (std::size_t i = 0; i + 1 < edges.size(); ++i) w.push_back(2 * units::pi * (std::cos(edges[i]) - std::cos(edges[i + 1])) / omega);
    const double K = primakoff_cone_convolution_binned(fe, E, m, edges, w, kThetaDet, 3);
    const double ref = emission_average(fe, E, m, Theta + kThetaDet,
                                        [&](double th) { return lens_area(kThetaDet, Theta, th) / (units::pi * Theta * Theta); });
    INFO("m = " << m << " E = " << E << " K = " << K << " ref = " << ref);
    // Flat-sky vs spherical geometry at 40 mrad: O(theta^2) ~ 1e-3.
    CHECK(K == Approx(ref).epsilon(3e-3));
  }
}

TEST_CASE("Primakoff cone convolution: the review's kept fractions at MiniBooNE (issue 12 item 2)", "[physics]") {
  // Photons of energy E with the angular density of the pi0-decay photons of the MiniBooNE source
  // (Sanford-Wang, the data file's numbers), rho(theta) tabulated on a log grid. Kept fraction:
  // ALPs entering the cone from photons at any angle over the ALPs the code used to count (the
  // photons in the cone, each on axis, sigma(theta_a < theta_det)), both per photon in the cone:
  //   K = int dOmega_g rho A(theta_g) / int_cone dOmega rho
  //     = (1/sigma) int dtheta_a dsigma/dtheta_a P(theta_a),  P = int_cone dOmega rho(dist(x, theta_a)) / int_cone rho,
  // P by a 2-D midpoint rule over the cone's disc (r, phi) with the exact spherical distance.
  SanfordWangPi0Config c;
  c.p_beam = 8.89;
  c.pi_plus.c = {220.7, 1.08, 1.0, 1.978, 1.32, 5.572, 0.0868, 9.686, 1.0};
  c.pi_minus.c = {213.7, 0.9379, 5.454, 1.21, 1.284, 4.781, 0.07338, 8.329, 1.0};
  c.sigma_inel_ref = 192.4;
  c.A_ref = 9.012;
  c.A_target = 55.845;
  c.alpha = 0.8;
  c.sigma_inel_target = 702.0;
  const SanfordWangPi0 src(c);
  const PrimakoffScattering fe(26, 55.845);
  struct Case { double m, E, review_code, review_conv; };
  for (const Case& cs : {Case{0.01, 0.3, 0.44, 0.79}, Case{0.1, 0.5, 0.008, 0.57}}) {
    // rho on 121 log nodes from 1e-5 to 1 rad, log-linear interpolation (flat below 1e-5).
    std::vector<double> lt, lr;
    for (int i = 0; i <= 120; ++i) {
      const double th = 1e-5 * std::pow(1e5, i / 120.0);
      lt.push_back(std::log(th));
      lr.push_back(std::log(std::max(pi0_photon_density(src, cs.E, th), 1e-300)));
    }
    auto rho = [&](double th) {
      const double y = std::log(std::max(th, 1e-5));
      if (y >= lt.back()) return 0.0;
      const int i = std::min(119, static_cast<int>((y - lt[0]) / (lt[1] - lt[0])));
      const double t = (y - lt[i]) / (lt[1] - lt[0]);
      return std::exp((1 - t) * lr[i] + t * lr[i + 1]);
    };
    // This source's photons at 0.3-0.5 GeV are flat far beyond 30 mrad: rho(0.1)/rho(0) > 0.95.
    CHECK(rho(0.1) / rho(1e-3) > 0.9);
    const int nr = 40, nphi = 64;
    double in_cone = 0;
    for (int i = 0; i < nr; ++i) {
      const double r = kThetaDet * (i + 0.5) / nr;
      in_cone += std::sin(r) * rho(r) * 2 * units::pi;
    }
    auto P = [&](double ta) {
      double s = 0;
      for (int i = 0; i < nr; ++i) {
        const double r = kThetaDet * (i + 0.5) / nr;
        for (int j = 0; j < nphi; ++j) {
          const double ph = units::pi * (j + 0.5) / nphi;  // symmetric in phi: half the circle, x2
          const double cd = std::cos(r) * std::cos(ta) + std::sin(r) * std::sin(ta) * std::cos(ph);
          s += std::sin(r) * rho(std::acos(std::min(1.0, cd))) * 2 * units::pi / nphi;
        }
      }
      return s / in_cone;
    };
    const double K = emission_average(fe, cs.E, cs.m, 1.0, P);
    const double code_before = fe.fraction_theta_below(cs.E, cs.m, kThetaDet);
    // The same with the convolution's annuli (the experiment's edges, weights from rho).
    std::vector<double> edges{0};
    for (int i = 1; i <= 4; ++i) edges.push_back(kThetaDet * std::sqrt(i / 4.0));
    const int n_out = static_cast<int>(std::ceil(std::log10(0.5 / kThetaDet) * 8));
    for (int i = 1; i <= n_out; ++i) edges.push_back(kThetaDet * std::pow(0.5 / kThetaDet, double(i) / n_out));
    const GaussLegendre gl(8);
    std::vector<double> w;
    double den = 0;
    for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
      w.push_back(gl.integrate([&](double th) { return 2 * units::pi * std::sin(th) * rho(th); }, edges[i], edges[i + 1]));
      if (edges[i + 1] <= kThetaDet * (1 + 1e-12)) den += w.back();
    }
    const double K_annuli = primakoff_cone_convolution_binned(fe, cs.E, cs.m, edges, w, kThetaDet, 3) / den;
    INFO("m = " << cs.m << " E = " << cs.E << ": on-axis (before) " << code_before << " (review " << cs.review_code
                << "), direct " << K << ", annuli " << K_annuli << " (review " << cs.review_conv << ")");
    // The review's on-axis numbers are reproduced. Its convolution numbers (0.79, 0.57) are those of
    // the photon TRACK LENGTH's angles (reproduced from the flux table in
    // tests/experiments/shower_dump: 0.788, 0.574); the pi0-decay photons alone at the same energy are
    // wider (cascade photons follow harder, more forward parents), so here K is larger: 0.97, 0.92.
    CHECK(code_before == Approx(cs.review_code).margin(0.01));
    CHECK(K_annuli == Approx(K).epsilon(0.01));
    CHECK(K > cs.review_conv);
    CHECK(K < 1.0);
  }
}
