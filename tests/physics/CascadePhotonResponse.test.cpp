// Secondary cascade photons of the meson-decay photons (physics/CascadePhotonResponse and
// PrimakoffYield with source = meson_cascade). References: Rossi's asymptotic photon track length
// (closed form, EmCascade.hpp) and the same yield summed in the parents' variables (an independent
// quadrature of the same integral).
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/CascadePhotonResponse.hpp"
#include "alpscan/physics/EmCascade.hpp"
#include "alpscan/physics/PrimakoffYield.hpp"

using namespace alpscan;
using namespace alpscan::physics;

TEST_CASE("cascade photons: the secondary track length of a thick dump approaches Rossi's c_g E0/k^2",
          "[physics][cascade_photons]") {
  // Approximation A, b = 0: dl_g/dk -> c_g E0/k^2 X0 for k << E0 (c_g = 0.57073, EmCascade.hpp), so
  // rho = (dl_g/dk)/(9/7) -> (7/9) c_g E0/k^2. 40 groups per decade (EmCascade: spectra within ~1%
  // of the converged ones); k/E0 = 1e-2 - 3e-3, where the approach to the asymptote is O(k/E0).
  const CascadePhotonResponse R(1.0, 400.0, 40);
  const double cg = rossi_track_length_coefficients(0.0).c_gamma;
  const int g0 = R.groups() - 1;
  for (double k : {1.5, 2.5, 4.0}) {
    const int g = R.group_of(k);
    const double asym = 7.0 / 9.0 * cg * R.centre(g0) / (R.centre(g) * R.centre(g));
    INFO("k = " << R.centre(g) << " E0 = " << R.centre(g0));
    CHECK(R.rho(g0, g) / asym == Approx(1.0).epsilon(0.03));
  }
  // No photons above the primary; the primary itself is not counted (rho at k ~ E0 is small).
  CHECK(R.rho(10, 11) == 0.0);
  CHECK(R.rho(g0, g0) * (R.edges()[g0 + 1] - R.edges()[g0]) < 0.2);
}

TEST_CASE("cascade photons: the yield in the secondaries' variables equals the sum over parents", "[physics][cascade_photons]") {
  // Code: Y_c(E) = K_pre int dP H_c(E, P) J(tau; P, K), H_c summed over parent groups at the child's P.
  // Reference: the same in the parents' variables, K_pre sum_g0 rho(g0 -> E) dE0 sum_i w_i(E0) J(tau; P0_i E/E0, K)
  // over the meson source's own p_T nodes at E0 (no density evaluation at scaled momenta).
  YieldParams p;
  p.pions = PionSpectrum(400, {3.45, 1.57, 0.517}, 4);
  p.E_star = 0.5 * units::m_pi0;
  p.Z = 29;
  p.sigma_all = 6.38 * 1e3 * units::millibarn;
  p.C_phi = 1;
  p.eta_factor = 1.1;
  p.photon_multiplicity = 2;
  p.target.helm.R1 = lewin_smith_r1(63.546, 1.23 * units::fm, 0.6 * units::fm, 2.18 * units::fm * units::fm);
  p.target.helm.s = 0.9 * units::fm;
  p.target.helm.x_cut = 4.49;
  p.pion_pt = PionPtModel{true, 6.1, 0.153, 0.478};
  p.cascade_E_min = 5.0;
  for (double theta : {4.7e-3, 12.2e-3}) {
    p.theta_max = theta;
    YieldParams pm = p, pc = p;
    pc.source = PhotonSource::meson_cascade;
    const PrimakoffYield meson(pm, YieldResolution{}), casc(pc, YieldResolution{});
    const PrimakoffJ J(p.target, YieldResolution{}.j);
    const CascadePhotonResponse R(p.cascade_E_min, 400.0, p.cascade_groups_per_decade);
    for (double E : {12.0, 40.0}) {
      for (double m : {0.01, 0.2}) {
        const double s = m * m / (2 * E), tau = s * s, K = E * theta;
        const int g = R.group_of(E);
        double ref = 0;
        for (int g0 = g; g0 < R.groups(); ++g0) {
          const double E0 = R.centre(g0), dE0 = R.edges()[g0 + 1] - R.edges()[g0];
          double a = 0;
          for (const auto& n : meson.pt_nodes(E0)) a += n.w * J(tau, n.pT * E / E0, K);
          ref += R.rho(g0, g) * dE0 * a;
        }
        ref *= meson.prefactor();
        INFO("theta = " << theta << " E = " << E << " m = " << m);
        CHECK(casc(E, m) == Approx(ref).epsilon(0.01));
      }
    }
  }
}

TEST_CASE("cascade photons: the transverse-kick rule keeps the photons and adds 2 sigma^2 to <P^2>", "[physics][cascade_photons]") {
  // For P' = |P + q| with q a 2-D Gaussian of per-axis r.m.s. sigma independent of P (closed forms):
  // int H' = int H and <P'^2> = <P^2> + 2 sigma^2. Exact for the Rayleigh x azimuth rule up to the
  // truncation at 6 sigma (e^-18) and the GL error of q^3 e^{-q^2/2s^2} on 2 x 8 nodes (< 1e-6).
  YieldParams p;
  p.pions = PionSpectrum(400, {3.45, 1.57, 0.517}, 4);
  p.E_star = 0.5 * units::m_pi0;
  p.Z = 29;
  p.sigma_all = 6.38 * 1e3 * units::millibarn;
  p.C_phi = 1;
  p.target.helm.R1 = lewin_smith_r1(63.546, 1.23 * units::fm, 0.6 * units::fm, 2.18 * units::fm * units::fm);
  p.target.helm.s = 0.9 * units::fm;
  p.target.helm.x_cut = 4.49;
  p.pion_pt = PionPtModel{true, 6.1, 0.153, 0.478};
  p.cascade_E_min = 5.0;
  p.theta_max = 4.7e-3;
  p.source = PhotonSource::meson_cascade;
  YieldParams pk = p;
  pk.cascade_kick_pt = 3.6e-3;
  const PrimakoffYield c0(p, YieldResolution{}), ck(pk, YieldResolution{});
  for (double E : {8.0, 30.0}) {
    double n0 = 0, m0 = 0, n1 = 0, m1 = 0;
    for (const auto& n : c0.pt_nodes(E)) n0 += n.w, m0 += n.w * n.pT * n.pT;
    for (const auto& n : ck.pt_nodes(E)) n1 += n.w, m1 += n.w * n.pT * n.pT;
    REQUIRE(n0 > 0);
    CHECK(n1 == Approx(n0).epsilon(1e-9));
    CHECK(m1 / n1 == Approx(m0 / n0 + 2 * 3.6e-3 * 3.6e-3).epsilon(1e-6));
  }
}
