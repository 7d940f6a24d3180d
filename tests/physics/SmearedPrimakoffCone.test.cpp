// physics/SmearedPrimakoffCone: the exchanged-order Primakoff convolution against (1) PrimakoffJ in the
// collinear limit (C = the step f_acc(Delta; 0, K)) and (2) the direct convolution of a Gaussian mixture of
// photon angles with PrimakoffJ(tau; E theta_g, E theta_c) (physics/ConeConvolution), for the E137 target
// (aluminium, Helm form factor, Tsai screening) and without screening.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/ConeConvolution.hpp"
#include "alpscan/physics/PrimakoffYield.hpp"
#include "alpscan/physics/SmearedPrimakoffCone.hpp"

using namespace alpscan;
using namespace alpscan::physics;
using Catch::Detail::Approx;

namespace {
PrimakoffTarget aluminium(bool screened) {
  PrimakoffTarget t;
  t.helm.R1 = lewin_smith_r1(26.98, 1.23 * units::fm, 0.6 * units::fm, 2.18 * units::fm * units::fm);
  t.helm.s = 0.9 * units::fm;
  t.helm.x_cut = 4.49;
  if (screened) {
    t.screening = Screening::tsai;
    t.screening_q = tsai_screening_momentum(13, 111, units::m_electron);
  }
  return t;
}
}  // namespace

TEST_CASE("smeared Primakoff cone: collinear limit equals PrimakoffJ", "[smeared_primakoff]") {
  for (bool scr : {true, false}) {
    const PrimakoffTarget t = aluminium(scr);
    const PrimakoffJ J(t, JResolution{});
    for (double E : {3.0, 10.0})
      for (double m : {1e-3, 0.01, 0.1, 0.3}) {
        const double tau = std::pow(m, 4) / (4 * E * E), K = E * 4.4e-3;
        const double js = primakoff_J_smeared(t, tau, K, [&](double D) { return D < K ? 1.0 : 0.0; });
        INFO("screened " << scr << " E = " << E << " m = " << m);
        CHECK(js == Approx(J(tau, 0.0, K)).epsilon(2e-4));
      }
  }
}

TEST_CASE("smeared Primakoff cone: against the direct convolution with PrimakoffJ", "[smeared_primakoff]") {
  // A three-Gaussian mixture of photon angles (widths 0.3, 1.5, 8 mrad), cone 4.4 mrad.
  const std::vector<double> V{0.09e-6, 2.25e-6, 64e-6}, w{0.3, 0.5, 0.2};
  const double tc = 4.4e-3, kPi = 3.14159265358979323846;
  const PhotonSmearedCone cone(V, tc);
  const std::vector<double> C = cone.acceptance(w);
  for (bool scr : {true, false}) {
    const PrimakoffTarget t = aluminium(scr);
    const PrimakoffJ J(t, JResolution{});
    for (double E : {3.0, 10.0})
      for (double m : {0.01, 0.1}) {
        const double tau = std::pow(m, 4) / (4 * E * E);
        const double fast = primakoff_J_smeared(t, tau, E * tc, [&](double D) { return cone.at(C, D / E); });
        auto rho = [&](double th) {
          double s = 0;
          for (std::size_t i = 0; i < V.size(); ++i) s += w[i] * std::exp(-th * th / V[i]) / (kPi * V[i]);
          return s;
        };
        const double direct = cone_convolution(rho, [&](double th) { return J(tau, E * th, E * tc); },
                                               {1.5e-4, 3e-4, 1.5e-3, tc, 8e-3, 1.6e-2}, 8e-2, ConeConvolutionRule{16, 1.5});
        INFO("screened " << scr << " E = " << E << " m = " << m << " fast " << fast << " direct " << direct
                         << " collinear " << J(tau, 0.0, E * tc));
        // The x grid (32 per decade, linear in ln x) and both rules: 0.1% (found: 2e-5).
        CHECK(fast == Approx(direct).epsilon(1e-3));
      }
  }
}
