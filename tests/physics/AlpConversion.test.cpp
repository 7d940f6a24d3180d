// ALP-photon conversion and survival probabilities (PASSAT, seed 000).
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

TEST_CASE("P_conv: coherent limit (gBL/2)^2 with spec s3.3 values", "[physics][conversion]") {
  const double g = 1e-4, E = 100.0, m = 1e-15;  // m -> 0: qL << 1
  struct C { double B, L, want; };
  // spec s3.3: NOMAD 2.2052e-8; CAST 1.4825e-5; BabyIAXO 9.8009e-7; CAST-20T 8.404e-5; BabyIAXO-20T 9.801e-5
  const C cases[] = {{0.4, 7.5, 2.2052e-8}, {8.4, 9.26, 1.4825e-5}, {2.0, 10.0, 9.8009e-7},
                     {20.0, 9.26, 8.404e-5}, {20.0, 10.0, 9.801e-5}};
  for (const C& c : cases) {
    const double P = conversion_probability(E, m, g, c.B * units::tesla, c.L * units::meter);
    CHECK(P == Approx(c.want).epsilon(1e-3));
    // spec s1.6 handy number gBL/2 = 0.49500 (g/GeV^-1)(B/T)(L/m)
    const double a = 0.49500 * g * c.B * c.L;
    CHECK(P == Approx(a * a).epsilon(1e-4));
  }
  // V9 (seed 000 L453-L454, spec s3.1): muon shield 1.8 T x 50 m: 1.98e-7 at g = 1e-5.
  CHECK(conversion_probability(E, m, 1e-5, 1.8 * units::tesla, 50 * units::meter) == Approx(1.98e-7).epsilon(3e-3));
}

TEST_CASE("P_conv: strong mixing, sinc^2 fall-off and the incoherent average", "[physics][conversion]") {
  const double B = 2.0 * units::tesla, L = 10.0 * units::meter;
  // m = 0: P = sin^2(gBL/2) exactly (two-level mixing at maximal mixing angle), bounded by 1.
  for (double g : {1e-3, 1e-2, 3.17e-2, 0.1}) {
    const double a = 0.5 * g * B * L;
    CHECK(conversion_probability(100.0, 0.0, g, B, L) == Approx(std::sin(a) * std::sin(a)).epsilon(1e-12));
  }
  double pmax = 0;
  for (int i = 0; i < 2000; ++i) {
    const double g = 1e-4 * std::pow(1e4, i / 1999.0);
    for (double m : {0.0, 1e-9, 1e-7, 1e-5}) pmax = std::max(pmax, conversion_probability(100.0, m, g, B, L));
  }
  CHECK(pmax <= 1.0);
  CHECK(pmax > 0.999);  // the scan passes through full conversion
  // sinc^2 zero at qL/2 = pi: m^2 L/(4E) = pi, g -> 0.
  const double E = 100.0, m0 = std::sqrt(4.0 * E * units::pi / L);
  CHECK(conversion_probability(E, m0, 1e-8, B, L) / std::pow(0.5e-8 * B * L, 2) < 1e-12);
  // Incoherent limit (spec s1.6): the E-average of P over many oscillations -> 2 g^2 B^2 E^2/m^4.
  // Brute-force average over u = 1/E in a narrow window around E = 100 GeV (phase linear in u).
  const double g = 1e-6, m = 1e-5;  // m^2 L/(4E) ~ 1.3e4 rad
  const double u0 = 1.0 / E, hu = 0.02 * u0;
  GaussLegendre gl(16);
  double avg = 0;
  const int nseg = 4000;
  for (int s = 0; s < nseg; ++s) {
    const double a = u0 - hu + 2 * hu * s / nseg, b = a + 2 * hu / nseg;
    avg += gl.integrate([&](double u) { return conversion_probability(1.0 / u, m, g, B, L) * u * u; }, a, b);
  }
  avg /= 2 * hu * u0 * u0;  // <P u^2>/u0^2 removes the E^2 dependence inside the window
  CHECK(avg == Approx(2 * g * g * B * B * E * E / std::pow(m, 4)).epsilon(3e-3));
}

TEST_CASE("Bin average of sin^2 for a linear phase against direct quadrature", "[physics][conversion]") {
  GaussLegendre gl(40);
  for (double phic : {1e-6, 0.3, 2.0, 50.0}) {
    for (double chi : {1e-5, 0.05, 1.0, 7.3}) {
      double direct = 0;
      const int n = 64;
      for (int s = 0; s < n; ++s) {
        const double a = -chi + 2 * chi * s / n, b = a + 2 * chi / n;
        direct += gl.integrate([&](double t) { return std::pow(std::sin(phic + t), 2); }, a, b);
      }
      direct /= 2 * chi;
      CHECK(mean_sin2_linear_phase(phic, chi) == Approx(direct).epsilon(1e-9).margin(1e-18));
    }
  }
  // tiny arguments keep full relative precision (no 1 - cos cancellation)
  CHECK(mean_sin2_linear_phase(1e-9, 1e-12) == Approx(1e-18).epsilon(1e-6));
}

TEST_CASE("Survival probability exp(-L / L_lab), L_lab = p/(m Gamma) (seed 000 Eqs. 5-7)", "[physics][decay]") {
  const double g = 1e-4, m = 1e-3, E = 100.0, Lt = 842.5 * units::meter;
  const double Llab = std::sqrt(E * E - m * m) / (m * model::width_a_to_gg(g, m));
  CHECK(survival_probability(E, m, g, Lt) == Approx(std::exp(-Lt / Llab)).epsilon(1e-13));
  CHECK(survival_probability(E, 2 * E, g, Lt) == 0.0);
  CHECK(survival_probability(E, 1e-12, g, Lt) == Approx(1.0).epsilon(1e-15));
}

TEST_CASE("P_conv in a medium: plateau (gBL/2)^2, coherence zeros, resonance shift, absorption", "[physics][conversion][helioscope]") {
  const double g = 1e-10, B = 9.0 * units::tesla, L = 9.26 * units::meter, E = 4.2 * units::keV;
  const double plateau = std::pow(0.5 * g * B * L, 2);
  // Low-mass plateau: (gBL/2)^2; spec s1.6 handy number gBL/2 = 0.49500 (g/GeV^-1)(B/T)(L/m).
  CHECK(conversion_probability_medium(E, 1e-6 * units::eV, 0.0, g, B, L) == Approx(plateau).epsilon(1e-12));
  CHECK(plateau == Approx(std::pow(0.49500 * 1e-10 * 9.0 * 9.26, 2)).epsilon(1e-4));
  // Vacuum agrees with the two-level formula (g B << q) at a mass of 0.03 eV.
  const double m = 0.03 * units::eV;
  CHECK(conversion_probability_medium(E, m, 0.0, g, B, L) == Approx(conversion_probability(E, m, g, B, L)).epsilon(1e-9));
  // Coherence zeros: qL/2 = n pi, q = m^2/2E -> m_n = sqrt(4 pi n E / L).
  for (int n : {1, 2, 5}) {
    const double mn = std::sqrt(4.0 * units::pi * n * E / L);
    CHECK(conversion_probability_medium(E, mn, 0.0, g, B, L) / plateau < 1e-12);
    // half-way between zeros: sinc^2 = 1/((n+1/2) pi)^2
    const double mh = std::sqrt(4.0 * units::pi * (n + 0.5) * E / L);
    CHECK(conversion_probability_medium(E, mh, 0.0, g, B, L) / plateau == Approx(1.0 / std::pow((n + 0.5) * units::pi, 2)).epsilon(1e-9));
  }
  // The first zero of CAST at 4.2 keV: m_1 = 0.03354 eV (hand: sqrt(4 pi 4200 eV / (9.26 m / 1.97327e-7 eV m))
  // = sqrt(52779 / 4.6928e7) eV).
  CHECK(std::sqrt(4.0 * units::pi * E / L) / units::eV == Approx(0.03354).epsilon(1e-3));
  // Medium: the resonance moves to m_a = m_gamma (full coherence again), and the pattern depends only on
  // |m_a^2 - m_gamma^2|: a photon mass of 0.3 eV restores the plateau at m_a = 0.3 eV and puts the
  // first zero at m_a^2 = m_gamma^2 +- 4 pi E / L.
  const double mg = 0.3 * units::eV, mg2 = mg * mg;
  CHECK(conversion_probability_medium(E, mg, mg2, g, B, L) == Approx(plateau).epsilon(1e-12));
  CHECK(conversion_probability_medium(E, 0.3 * units::eV, 0.0, g, B, L) / plateau < 1e-3);  // vacuum at 0.3 eV: lost
  const double m1 = std::sqrt(mg2 + 4.0 * units::pi * E / L);
  CHECK(conversion_probability_medium(E, m1, mg2, g, B, L) / plateau < 1e-12);
  const double m1lo = std::sqrt(mg2 - 4.0 * units::pi * E / L);
  CHECK(conversion_probability_medium(E, m1lo, mg2, g, B, L) / plateau < 1e-12);
  // Absorption: Gamma -> 0 continuity; at q = 0 the closed form (gB/2)^2 (1 - e^{-GL/2})^2 / (G/2)^2;
  // for Gamma L >> 1 the incoherent limit (gB/2)^2 / (q^2 + G^2/4).
  CHECK(conversion_probability_medium(E, m, 0.0, g, B, L, 1e-9 / L) ==
        Approx(conversion_probability_medium(E, m, 0.0, g, B, L)).epsilon(1e-8));
  const double G = 0.7 / L, h2 = std::pow(0.5 * g * B, 2);
  CHECK(conversion_probability_medium(E, mg, mg2, g, B, L, G) ==
        Approx(h2 * std::pow(1 - std::exp(-0.35), 2) / (0.25 * G * G)).epsilon(1e-12));
  const double Gbig = 60.0 / L, q = m * m / (2 * E);
  CHECK(conversion_probability_medium(E, m, 0.0, g, B, L, Gbig) == Approx(h2 / (q * q + 0.25 * Gbig * Gbig)).epsilon(1e-12));
}
