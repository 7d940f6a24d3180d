// Light shining through a wall (LSW): photon -> ALP in the production magnet, ALP through the wall,
// ALP -> photon in the regeneration magnet (seed 002 Eq. (28), L2274-L2302; spec fips_astro_and_helioscopes.md
// F8, F11). Each conversion is the two-level probability of physics/AlpConversion with the FULL coherence
// factor, P = (g B L/2)^2 [sin(qL/2)/(qL/2)]^2, q = |m_a^2 - m_gamma^2|/(2 omega) (plus the negligible g B),
// and m_gamma^2 the signed photon mass^2 of the residual gas (seed 001 L167). Optical cavities multiply the
// photon number in the production magnet (beta_PC, power build-up) and the regeneration probability
// (beta_RC):
//   P(gamma -> a -> gamma) = beta_PC beta_RC P_gen P_reg  ->  (1/16) beta_PC beta_RC (g B L)^4 at low mass.
// Internal units: B in GeV^2 (units::tesla), L in GeV^-1, omega and masses in GeV.
#pragma once

namespace alpscan::physics {

struct LswMagnet {
  double B = 0.0;           // transverse field [GeV^2]
  double L = 0.0;           // magnetic length [GeV^-1]
  double m_gamma_sq = 0.0;  // signed photon mass^2 of the medium [GeV^2] (< 0 for a gas, n > 1)
};

struct LswSetup {
  LswMagnet production, regeneration;
  double omega = 0.0;    // laser photon energy [GeV]
  double beta_pc = 1.0;  // power build-up of the production cavity (1: none)
  double beta_rc = 1.0;  // resonant enhancement of the regeneration cavity (1: none)
};

// beta_PC beta_RC P_gen P_reg for an ALP of mass m [GeV] and coupling g [GeV^-1].
double regeneration_probability(const LswSetup& s, double m, double g);

}  // namespace alpscan::physics
