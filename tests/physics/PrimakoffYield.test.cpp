// Unit tests of the Primakoff reduction (spec s1.3-s1.5; seed 000 Eqs. 8-11, L191-L261, L500-L509).
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/PrimakoffYield.hpp"

using namespace alpscan;
using namespace alpscan::physics;
using Catch::Detail::Approx;

namespace {
const double kFm = units::fm;
PrimakoffTarget mo_target(Screening s = Screening::none) {
  PrimakoffTarget t;
  t.helm = {lewin_smith_r1(95.95, 1.23 * kFm, 0.6 * kFm, 2.18 * kFm * kFm), 0.9 * kFm, 4.49};
  t.screening = s;
  t.screening_q = tsai_screening_momentum(42, 111, units::m_electron);
  return t;
}
}  // namespace

TEST_CASE("J closed form for F = 1, p_T = 0, Delta_c = K (spec s1.5 unit test)", "[physics][primakoff]") {
  const double K = 0.2;
  PrimakoffTarget t;
  t.helm = {1e-12, 0.0, 0.2 * 1e-12};  // R1 -> 0 (F = 1) with cutoff q_cut = x_cut/R1 = K
  PrimakoffJ J(t, JResolution{});
  for (double tau : {1e-50, 1e-20, 1e-6, 1e-3, 0.01}) {
    const double want = 0.5 * (std::log1p(K * K / tau) - K * K / (tau + K * K));
    // Delta_c = sqrt(K^2 - tau) here, so the exact value is the kernel integral up to sqrt(K^2 - tau).
    const double dc = std::sqrt(K * K - tau);
    const double exact = primakoff_kernel_integral(tau, 0.0, dc);
    CHECK(J(tau, 0.0, K) == Approx(exact).epsilon(1e-7));
    if (tau < 1e-6) CHECK(J(tau, 0.0, K) == Approx(want).epsilon(1e-7));
  }
}

TEST_CASE("Kernel integral against direct quadrature", "[physics][primakoff]") {
  GaussLegendre gl(30);
  for (double tau : {1e-8, 1e-4, 1.0}) {
    const double a = 1e-3, b = 0.5;
    double direct = 0;
    for (int k = 0; k < 40; ++k) {
      const double ua = std::log(a) + (std::log(b) - std::log(a)) * k / 40, ub = std::log(a) + (std::log(b) - std::log(a)) * (k + 1) / 40;
      direct += gl.integrate([&](double u) { const double d = std::exp(u); return std::pow(d, 4) / std::pow(tau + d * d, 2); }, ua, ub);
    }
    CHECK(primakoff_kernel_integral(tau, a, b) == Approx(direct).epsilon(1e-12));
  }
}

TEST_CASE("Acceptance fraction equals the direct azimuthal fraction", "[physics][primakoff]") {
  const double K = 0.1;
  for (double pT : {0.02, 0.0675, 0.1, 0.15}) {
    for (double D : {0.001, 0.05, 0.09, 0.13, 0.2, 0.3}) {
      const int n = 200000;
      int in = 0;
      for (int i = 0; i < n; ++i) {
        const double phi = 2 * units::pi * (i + 0.5) / n;
        const double x = pT + D * std::cos(phi), y = D * std::sin(phi);
        in += (x * x + y * y < K * K);
      }
      CHECK(acceptance_fraction(D, pT, K) == Approx(double(in) / n).margin(2e-5));
    }
  }
  CHECK(acceptance_fraction(0.05, 0.0, 0.1) == 1.0);
  CHECK(acceptance_fraction(0.15, 0.0, 0.1) == 0.0);
}

TEST_CASE("Small-tau structure: J linear in ln tau with slope -1/2 iff p_T < K (spec s1.5)", "[physics][primakoff]") {
  PrimakoffJ J(mo_target(), JResolution{});
  const double K = 0.05;
  // p_T < K: J(tau1) - J(tau2) = -1/2 ln(tau1/tau2)
  for (double pT : {0.0, 0.01, 0.049}) {
    const double d = J(1e-40, pT, K) - J(1e-20, pT, K);
    CHECK(d == Approx(-0.5 * std::log(1e-40 / 1e-20)).epsilon(1e-9));
  }
  // p_T > K: no log, J independent of tau
  CHECK(J(1e-40, 0.06, K) == Approx(J(1e-20, 0.06, K)).epsilon(1e-9));
  // closed + numeric split reproduces the full J; the tau = 0 numeric part is reusable
  const auto p0 = J.parts(0.0, 0.02, K);
  REQUIRE(J.reusable(1e-30, p0));
  CHECK(J.closed(1e-30, p0) + p0.numeric == Approx(J(1e-30, 0.02, K)).epsilon(1e-10));
  CHECK_FALSE(J.reusable(1e-10, p0));
}

TEST_CASE("Reduction reproduces the literal (theta, phi) integral of Eqs. 8-10 (x C_phi = pi)", "[physics][primakoff]") {
  // At large tau the literal integrand is smooth enough for a brute-force 2-D Gauss-Legendre rule
  // (spec s1.5: agreement to 1e-6 there). int_0^thmax dtheta int_0^pi dphi of
  //   (1/4) F^2 E^2 Delta^2 theta/(tau+Delta^2)^2  [Eq. 9 / (alpha g^2 Z^2), positive form],
  //   Delta^2 = (p_T - E theta)^2 + 4 E p_T theta sin^2(phi/2)  (Eq. 10 rewritten, spec s1.3)
  // must equal (pi/4) J(tau; p_T, K), K = E theta_max.
  const PrimakoffTarget t = mo_target();
  PrimakoffJ J(t, JResolution{});
  const double E = 100.0, thmax = 2.1e-3, pT = 0.03, m = 2.0;
  const double tau = std::pow(m * m / (2 * E), 2);  // sqrt(tau) = 0.02 GeV
  GaussLegendre gl(48);
  double lit = 0;
  const int nth = 60, nph = 30;
  for (int i = 0; i < nth; ++i) {
    const double ta = thmax * i / nth, tb = thmax * (i + 1) / nth;
    lit += gl.integrate(
        [&](double th) {
          double s = 0;
          for (int k = 0; k < nph; ++k) {
            const double pa = units::pi * k / nph, pb = units::pi * (k + 1) / nph;
            s += gl.integrate(
                [&](double ph) {
                  const double d2 = std::pow(pT - E * th, 2) + 4 * E * pT * th * std::pow(std::sin(ph / 2), 2);
                  return 0.25 * t.helm.squared(tau + d2) * E * E * d2 * th / std::pow(tau + d2, 2);
                },
                pa, pb);
          }
          return s;
        },
        ta, tb);
  }
  CHECK(lit == Approx(0.25 * units::pi * J(tau, pT, E * thmax)).epsilon(1e-5));
}

TEST_CASE("Tsai screening removes the ln(1/m) growth (spec A3)", "[physics][primakoff]") {
  PrimakoffJ Js(mo_target(Screening::tsai), JResolution{});
  PrimakoffJ J0(mo_target(Screening::none), JResolution{});
  const double K = 0.5, pT = 0.03;
  CHECK(Js(1e-60, pT, K) == Approx(Js(1e-40, pT, K)).epsilon(1e-8));  // flat plateau
  CHECK(Js(1e-40, pT, K) < J0(1e-40, pT, K) / 5);
}

TEST_CASE("Yield: reuse path equals the direct path; slope dY/dln m = -2 Y1 (spec s5.3)", "[physics][primakoff]") {
  for (int cast = 0; cast < 2; ++cast) {
    YieldParams p;
    p.pions = PionSpectrum(400, {3.45, 1.57, 0.517}, 4);
    p.E_star = 0.5 * units::m_pi0;
    p.Z = 42;
    p.sigma_all = 1.2e4 * units::millibarn;
    p.C_phi = units::pi;
    p.eta_factor = 1.1;
    p.theta_max = cast ? 0.36e-3 : 8.3e-3;
    p.pT_cap = cast ? 0.036 : 1e300;
    p.target = mo_target();
    PrimakoffYield Y(p, YieldResolution{});
    const double E = 100.0;
    std::vector<double> ms = {1e-15, 1e-12, 1e-9, 1e-6, 1e-4, 3e-3}, out;
    Y.at_masses(E, ms, out);
    for (std::size_t k = 0; k < ms.size(); ++k) CHECK(out[k] == Approx(Y(E, ms[k])).epsilon(1e-9));
    // Y1 = prefactor * int dc n_gamma Theta(K - p_T): p_T < K <=> c > c_K (independent 1-D GL).
    const double K = E * p.theta_max, Es = p.E_star;
    double c0 = photon_c_min(E, 400, Es, p.pT_cap);
    if (K < Es) c0 = std::max(c0, std::sqrt(1 - K * K / (Es * Es)));
    GaussLegendre gl(40);
    const double Y1 = Y.prefactor() * gl.integrate([&](double c) { return forward_photon_density(p.pions, E, c); }, c0, 1.0);
    const double slope = (Y(E, 1e-12) - Y(E, 1e-9)) / std::log(1e-9 / 1e-12);
    CHECK(slope == Approx(2 * Y1).epsilon(1e-6));
  }
}

TEST_CASE("J against a brute-force midpoint sum in ln Delta (realistic Helm, p_T != 0)", "[physics][primakoff]") {
  const PrimakoffTarget t = mo_target();
  PrimakoffJ J(t, JResolution{});
  const double K = 0.05;
  for (double pT : {0.02, 0.0675}) {
    for (double tau : {1e-24, 1e-12}) {
      const double dc = std::sqrt(std::pow(t.helm.q_cut(), 2) - tau);
      const double ua = std::log(1e-6 * std::sqrt(tau)), ub = std::log(dc);
      const int n = 400000;
      double s = 0;
      for (int i = 0; i < n; ++i) {
        const double d = std::exp(ua + (ub - ua) * (i + 0.5) / n), d2 = d * d;
        s += d2 * d2 / std::pow(tau + d2, 2) * t.helm.squared(tau + d2) * acceptance_fraction(d, pT, K);
      }
      s *= (ub - ua) / n;
      CHECK(J(tau, pT, K) == Approx(s).epsilon(2e-5));
    }
  }
}

TEST_CASE("J from the tau = 0 nodes equals the direct J for masses too heavy for reuse", "[physics][primakoff]") {
  // The yield table's path for tau beyond reusable(): only r^2 is re-evaluated on the tau = 0 rule.
  PrimakoffJ J(mo_target(), JResolution{});
  const double K = 0.05;
  int used = 0;
  for (double pT : {0.0, 0.01, 0.049, 0.0501, 0.06}) {
    PrimakoffJ::Nodes n;
    const auto p0 = J.parts(0.0, pT, K, &n);
    REQUIRE(n.valid);
    for (double tau : {1e-20, 1e-18, 1e-16, 1e-15, 1e-14, 1e-13}) {
      double Jn = 0;
      if (J.reusable(tau, p0) || !J.from_nodes(tau, p0, n, Jn)) continue;
      ++used;
      INFO("pT=" << pT << " tau=" << tau);
      CHECK(Jn == Approx(J(tau, pT, K)).epsilon(1e-9));
    }
    double Jn = 0;
    CHECK_FALSE(J.from_nodes(1e-8, p0, n, Jn));  // F^2 shift bound too large: direct J needed
  }
  CHECK(used >= 15);
  // not recorded with screening (the screened integrand depends on tau through a^2 tau as well)
  PrimakoffJ Js(mo_target(Screening::tsai), JResolution{});
  PrimakoffJ::Nodes ns;
  const auto ps = Js.parts(0.0, 0.02, K, &ns);
  double x = 0;
  CHECK_FALSE(Js.from_nodes(1e-16, ps, ns, x));
}

TEST_CASE("Yield at heavy masses (node path) equals the direct 2-D integral, CAST and wide acceptance", "[physics][primakoff]") {
  for (int cast = 0; cast < 2; ++cast) {
    YieldParams p;
    p.pions = PionSpectrum(400, {3.45, 1.57, 0.517}, 4);
    p.E_star = 0.5 * units::m_pi0;
    p.Z = 42;
    p.sigma_all = 1.2e4 * units::millibarn;
    p.C_phi = units::pi;
    p.eta_factor = 1.1;
    p.theta_max = cast ? 0.36e-3 : 8.3e-3;
    p.pT_cap = cast ? 0.036 : 1e300;
    p.target = mo_target();
    PrimakoffYield Y(p, YieldResolution{});
    std::vector<double> ms = {3e-4, 1e-3, 2e-3, 5e-3, 1e-2}, out;
    for (double E : {50.0, 80.0, 150.0, 390.0}) {
      Y.at_masses(E, ms, out);
      for (std::size_t k = 0; k < ms.size(); ++k) {
        INFO("cast=" << cast << " E=" << E << " m=" << ms[k]);
        CHECK(out[k] == Approx(Y(E, ms[k])).epsilon(1e-9));
      }
    }
  }
}
