// The proton's equivalent photons (physics/ProtonEquivalentPhotons) and the Primakoff yield on them
// (PrimakoffYield with source = proton_equivalent). Every reference is computed here independently:
// a closed form, the narrow-width photon-fusion formula, a direct 3-D integral.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "alpscan/core/Units.hpp"
#include "alpscan/model/AlpWidths.hpp"
#include "alpscan/physics/HelmFormFactor.hpp"
#include "alpscan/physics/PrimakoffYield.hpp"
#include "alpscan/physics/ProtonEquivalentPhotons.hpp"
#include "alpscan/physics/Quadrature.hpp"

using namespace alpscan;
using namespace alpscan::physics;

namespace {

// int_lo^hi f(u) du in u = ln q by n panels of 16 Gauss-Legendre nodes (the test's own rule).
template <class F>
double integrate_log(F&& f, double lo, double hi, int n = 200) {
  const GaussLegendre gl(16);
  const double a = std::log(lo), h = (std::log(hi) - a) / n;
  double s = 0;
  for (int p = 0; p < n; ++p)
    s += gl.integrate([&](double u) { const double q = std::exp(u); return f(q) * q; }, a + p * h, a + (p + 1) * h);
  return s;
}

// dN/dx = int_0^{Qmax} dq_t^2 d^2N/(dx dq_t^2), q_t^2 = q^2, dq_t^2 = 2 q dq.
double flux_x(double x, const ProtonFormFactors& ff, double qmax) {
  return integrate_log([&](double q) { return 2.0 * q * proton_photon_flux(x, q * q, ff); }, 1e-9, qmax);
}

YieldParams cu_proton_yield(double theta_max) {
  YieldParams p;
  p.source = PhotonSource::proton_equivalent;
  p.proton_energy = 400.0;
  p.E_star = 0.5 * units::m_pi0;  // required > 0, unused by this source
  p.Z = 29;
  p.sigma_all = 1.0;  // sigma_pN = 1 GeV^-2: Y is then dsigma(pZ -> pZa)/dE per g^2
  p.C_phi = 1.0;
  p.theta_max = theta_max;
  p.target.helm.R1 = lewin_smith_r1(63.546, 1.23 * units::fm, 0.6 * units::fm, 2.18 * units::fm * units::fm);
  p.target.helm.s = 0.9 * units::fm;
  p.target.helm.x_cut = 4.49;
  return p;
}

}  // namespace

TEST_CASE("proton equivalent photons: point-like limit against the closed Weizsacker-Williams form",
          "[physics][proton_photons]") {
  // G_E = G_M = 1 (Lambda -> infinity, mu_p = 1): C = D = 1 and
  //   int_0^Q dq_t^2 = (alpha/(pi x)) [(1 - x)(ln(1 + Q/a) - Q/(Q + a)) + (x^2/2) ln(1 + Q/a)], a = x^2 m_p^2.
  const ProtonFormFactors point{1e30, 1.0};
  for (double x : {0.01, 0.1, 0.5, 0.9}) {
    for (double qmax : {0.05, 1.0, 30.0}) {
      const double a = x * x * kProtonMass * kProtonMass, Q = qmax * qmax;
      const double closed = units::alpha_em / (units::pi * x) *
                            ((1 - x) * (std::log1p(Q / a) - Q / (Q + a)) + 0.5 * x * x * std::log1p(Q / a));
      INFO("x = " << x << " q_max = " << qmax);
      CHECK(flux_x(x, point, qmax) == Approx(closed).epsilon(1e-8));
    }
  }
  // The dipole form factors cut the flux off above Lambda ~ 0.84 GeV: for Q^2 >> 4 m_p^2, Lambda^2 the
  // flux is (alpha/pi) (1 - x) G_M^2/(x q_t^2), G_M^2 = mu_p^2 (Lambda^2/Q^2)^4, Q^2 = q_t^2/(1 - x), so the
  // tail beyond q is (alpha/pi) mu_p^2 Lambda^8 (1 - x)^5/(4 x q^8) (corrections O(4 Lambda^2/Q^2) ~ 1% at 20 GeV).
  const ProtonFormFactors dip;
  for (double x : {0.01, 0.1}) {
    const double tail = integrate_log([&](double q) { return 2.0 * q * proton_photon_flux(x, q * q, dip); }, 20.0, 1e4);
    const double asym = units::alpha_em / units::pi * dip.mu_p * dip.mu_p * std::pow(dip.dipole_q2, 4) *
                        std::pow(1 - x, 5) / (4 * x * std::pow(20.0, 8));
    INFO("x = " << x << " tail " << tail << " asymptotic " << asym);
    CHECK(tail / asym == Approx(1.0).epsilon(0.02));
  }
  // and below the point-like flux at every q_t (G_D <= 1; mu_p^2 G_D^2 > 1 only in the magnetic term
  // where Q^2 ~ 0.1-0.3 GeV^2: checked on the integral, the physically meaningful quantity).
  CHECK(flux_x(0.1, dip, 30.0) < flux_x(0.1, point, 30.0));
}

TEST_CASE("proton equivalent photons: Primakoff yield without an angular cut equals photon fusion in the narrow-width form",
          "[physics][proton_photons]") {
  // Independent route: the nucleus as a source of equivalent photons (Helm form factor, the frame where
  // it moves with Lorentz factor gN), fused with a photon of the proton,
  //   sigma(gamma Z -> a Z) = int domega n_Z(omega) 8 pi^2 Gamma_gg/m delta(s - m^2),  s = 4 E' omega,
  //   n_Z(omega) = (Z^2 alpha/pi^2)(1/omega) int d^2q q^2 F^2(q^2 + q_L^2)/(q^2 + q_L^2)^2,  q_L = omega/gN,
  // E' = E/(2 gN) the proton photon's energy in that frame, Gamma_gg = g^2 m^3/(64 pi). Result is
  // independent of gN (checked with two). Then dsigma(pZ -> pZa)/dE = (1/E_p) dN/dx sigma(gamma Z -> aZ).
  // The code's route: Y = alpha Z^2/(4 sigma_pN) int dP H(E, P) J(tau; P, K) with the acceptance K far
  // outside every P + Delta (theta_max = 1 rad).
  const YieldParams p = cu_proton_yield(1.0);
  const PrimakoffYield y(p, YieldResolution{});
  const HelmFormFactor& F = p.target.helm;
  const ProtonFormFactors ff;
  for (double m : {0.01, 0.1, 0.4}) {
    for (double E : {20.0, 150.0}) {
      const double x = E / p.proton_energy;
      for (double gN : {30.0, 3000.0}) {
        const double Ep = E / (2 * gN), omega = m * m / (4 * Ep), qL = omega / gN;
        const double qc = F.q_cut();
        if (qL >= qc) continue;
        const double qmax = std::sqrt(qc * qc - qL * qL);
        const double I = integrate_log(
            [&](double q) {
              const double t = q * q + qL * qL;
              return 2 * units::pi * q * q * q * F.squared(t) / (t * t);  // d^2q = 2 pi q dq
            },
            1e-9, qmax, 400);
        const double nZ = 29.0 * 29.0 * units::alpha_em / (units::pi * units::pi) / omega * I;
        const double sigma = nZ / (4 * Ep) * 8 * units::pi * units::pi * model::width_a_to_gg(1.0, m) / m;
        const double ref = flux_x(x, ff, 20.0) / p.proton_energy * sigma;
        INFO("m = " << m << " E = " << E << " gN = " << gN);
        CHECK(y(E, m) == Approx(ref).epsilon(2e-4));
      }
    }
  }
}

TEST_CASE("proton equivalent photons: the angular acceptance against a direct 3-D integral", "[physics][proton_photons]") {
  // The ALP's transverse momentum is q_t + Delta (photon p_T plus the kick of the nucleus): inside a
  // cone theta < theta_max when |q_t + Delta| < K = E theta_max. Direct reference on the test's own
  // rules: P (photon p_T) and Delta in ln, split where the integrand has kinks (Delta = |K - P|, K + P;
  // P = K, graded towards it: the acceptance jumps there), the angle phi between them by the law of
  // cosines (fraction of (0, pi) with P^2 + Delta^2 + 2 P Delta cos phi < K^2), the Primakoff kernel
  // Delta^3 F^2(tau + Delta^2)/(tau + Delta^2)^2 and H = (2P/E_p) d^2N/(dx dq_t^2).
  auto pieces = [](auto&& f, std::vector<double> bp, int panels) {
    std::sort(bp.begin(), bp.end());
    double s = 0;
    for (std::size_t i = 0; i + 1 < bp.size(); ++i)
      if (bp[i + 1] > bp[i]) s += integrate_log(f, bp[i], bp[i + 1], panels);
    return s;
  };
  for (double theta : {2e-3, 12.2e-3}) {  // NuCal-like cone, CHARM's outer angle
    const YieldParams p = cu_proton_yield(theta);
    const PrimakoffYield y(p, YieldResolution{});
    const HelmFormFactor& F = p.target.helm;
    const ProtonFormFactors ff;
    for (double m : {0.05, 0.3}) {
      const double E = 40.0, x = E / p.proton_energy, K = E * theta, s = m * m / (2 * E), tau = s * s;
      const double qc = F.q_cut();
      auto frac = [&](double P, double D) {
        const double c = (K * K - P * P - D * D) / (2 * P * D);  // cos phi at the cone's edge
        if (c >= 1) return 1.0;
        if (c <= -1) return 0.0;
        return 1.0 - std::acos(c) / units::pi;
      };
      auto inner = [&](double P) {
        std::vector<double> bp = {1e-7, qc};
        for (double b : {std::fabs(K - P), K + P})
          if (b > 1e-7 && b < qc) bp.push_back(b);
        return pieces([&](double D) { const double t = tau + D * D; return D * D * D * F.squared(t) / (t * t) * frac(P, D); },
                      bp, 6);
      };
      std::vector<double> bp = {1e-6, 10.0, K};
      for (int k = 1; k <= 8; ++k) {
        bp.push_back(K * (1 - std::pow(10.0, -k)));
        bp.push_back(K * (1 + std::pow(10.0, -k)));
      }
      const double ref = units::alpha_em * 29 * 29 / 4.0 *
                         pieces([&](double P) { return 2 * P / p.proton_energy * proton_photon_flux(x, P * P, ff) * inner(P); },
                                bp, 3);
      INFO("theta_max = " << theta << " m = " << m);
      CHECK(y(E, m) == Approx(ref).epsilon(1e-3));
    }
  }
}
