// ALP pair conversion a Z -> e+ e- Z through g_ae (spec miniboone_argoneut.md s1.4 D5, A17; seed 004
// L47-L49), Born amplitude in the static screened Coulomb field of an infinitely heavy nucleus:
//   M = g e^2 Z G(|q|^2)/|q|^2 ubar(p-) [ gamma^0 S(k - p+) Gamma + Gamma S(p- - k) gamma^0 ] v(p+),
//   S(l) = (lslash + m_e)/(l^2 - m_e^2),  q = p+ + p- - k (3-vector, q^0 = 0, E_a = E+ + E-),
// Gamma = gamma^5 (ALP, coupling g_ae) or epsslash (photon, coupling e; polarisations averaged): the
// photon mode is Bethe-Heitler and is the normalisation check (spec: sigma(gamma C) = 0.279 b at 1 GeV).
// G = Tsai elastic: a^2|q|^2/(1 + a^2|q|^2) x 1/(1 + |q|^2/d), a = 111 Z^{-1/3}/m_e, d = 0.164 A^{-2/3} GeV^2.
// sum_spins |M|^2 = (coupling)^2 e^4 Z^2 G^2/|q|^4 Tr[(p-slash + m) O (p+slash - m) gamma^0 O^dagger gamma^0],
// the trace evaluated numerically with explicit Dirac matrices.
//   dsigma = (1/(2 k)) sum|M|^2 2 pi delta(E_a - E+ - E-) d^3p+ d^3p- / ((2 pi)^6 4 E+ E-),
// and with d^3p+ d^3p- delta(...) = dE+ d^2p+T d^2qT (E+/p+z)(E-/p-z) (p-T = qT - p+T, forward leptons):
//   sigma = 1/(8 k (2 pi)^4) int dE+ int d^2p+T int d^2qT sum|M|^2/(p+z p-z).
// Variables x = E+/E, ln p+T, ln qT, phi = angle(qT, p+T): the Coulomb peak lies along ln qT (not in the
// relative azimuth of the two leptons), so a fixed Gauss-Legendre product rule (no VEGAS, no MC) converges.
// Backward-going leptons (p_z < 0) are neglected: exact to O(m_e/E) at the beam energies here.
// Near-cancelling differences (E - p_z, k.p, q_z) are formed as (m^2 + p_T^2)/(E + p_z).
// dsigma/dx is symmetric under x -> 1 - x (C invariance), so sigma = 2 int_{m_e/E}^{1/2} dx dsigma/dx.
// Accuracy of the default rule: 5e-4 relative (against 8/16 and 10/20-node rules, photon and ALP modes);
// cost ~1.3 s (ALP) / 2.6 s (photon, two polarisations) per sigma(E) on one core: tabulate once per m_a.
// Checks (tests/physics/AlpPairConversion.test.cpp): photon mode at 100 GeV equals the complete-screening
// Bethe-Heitler dsigma/dx with L = ln(a m_e) + 1/2; sigma(gamma C, 1 GeV) = 0.2802 b (spec: 0.279 +- 0.005 b).
// Units: GeV; sigma in GeV^-2 (ALP: per g_ae^2). Elastic (Z^2) term only; valid for m_a < 2 m_e.
#pragma once

#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

enum class PairProbe { alp, photon };

struct PairConversionResolution {
  int n_x = 12;                // GL nodes per x panel (panels [x_lo, 1/2], [1/2, x_hi])
  int n_log = 6;               // GL nodes per ln p_T / ln q_T panel
  double log_width = 1.5;      // panel width in ln p_T and ln q_T
  int n_phi = 8;               // GL nodes per phi panel (panels graded towards phi = 0)
  double pt_lo = 1e-3;         // p+T range [pt_lo, pt_hi] in units of m_e
  double pt_hi = 300.0;
  double q_lo = 1e-3;          // q_T from q_lo x min(1/a, q_z,min) ...
  double q_hi = 300.0;         // ... to q_hi m_e
};

class AlpPairConversion {
 public:
  AlpPairConversion(double Z, double A, PairConversionResolution res = {});

  // sum_spins |M|^2 / (coupling^2 e^4 Z^2) without G^2/|q|^4, i.e. the bare trace, at x = E+/E, p+T, qT, phi
  // (photon: polarisation-averaged). 0 outside the physical region. For tests.
  double trace(PairProbe probe, double E, double m_a, double x, double pT, double qT, double phi) const;
  // Photon-mode Ward identity residual: |M(eps -> k)|^2 summed over spins / |M(eps_x)|^2 (should be ~ 0).
  double ward_residual(double E, double x, double pT, double qT, double phi) const;

  // dsigma/dx [GeV^-2] (ALP: per g^2) at x = E+/E, and the total.
  double dsigma_dx(PairProbe probe, double E, double m_a, double x) const;
  double sigma(PairProbe probe, double E, double m_a) const;

  double screening_radius() const { return a_; }  // a [GeV^-1]
  double dipole_scale() const { return d_; }      // d [GeV^2]

 private:
  double Z_, A_, a_, d_;
  PairConversionResolution res_;
  GaussLegendre gl_x_, gl_log_, gl_phi_;
};

}  // namespace alpscan::physics
