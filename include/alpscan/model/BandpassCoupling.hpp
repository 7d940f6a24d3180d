// The bandpass axion's effective photon coupling at an experiment's kinematics (seed 001 Eqs. (3)-(5),
// L53-L76; spec bandpass.md 1.1-1.3, 3.1). A published or computed limit assumes a constant g; in the
// bandpass model experiment X measures |g_eff(kin_X)| = R_X g_agg, so its bound on the model's g_agg is
// g_X^lim / R_X (spec 3.1):
//   R_vertex = (eps_eff(m_gamma)/eps)^2 |sum_f N_f X_f q_f^2 A(P1/4m_f^2, P2/4m_f^2, Pa/4m_f^2)|, A = -f,
//   R_X = R_production (signal ~ g^2 at one vertex set), or sqrt(R_production R_detection) (~ g_prod^2 g_det^2).
// The paper's spectrum is two Dirac fermions, psi (light, X = +1) and chi (heavy, X = -1), q = 1, N = 1:
// the sum is f(chi) - f(psi) = -F, |F| -> 0 below m_psi and above m_chi, ~1 between (seed L29, L73).
// Internal units (GeV, GeV^2).
#pragma once

#include <vector>

#include "alpscan/model/ProbeKinematics.hpp"

namespace alpscan::model {

struct BandpassFermion {
  double mass = 0.0;      // [GeV]
  double pq_charge = 1.0; // X_f
  double charge = 1.0;    // q_f, in units of the millicharge e eps_eff
  double multiplicity = 1.0;  // N_f (colour)
};

struct BandpassSpectrum {
  std::vector<BandpassFermion> fermions;
  double eps = 0.0;   // kinetic mixing epsilon
  double m_D = 0.0;   // dark photon mass [GeV]
  // The anomaly sum E = sum_f N_f X_f q_f^2: 0 for a bandpass axion (no low-energy coupling); E != 0 is an
  // ordinary ALP at low energy (spec 1.3).
  double anomaly() const;
};

// The paper's two-fermion spectrum: psi (m_light, X = +1), chi (m_heavy, X = -1), q = 1 (seed 001 L37-L42).
BandpassSpectrum two_fermion_bandpass(double m_light, double m_heavy, double eps, double m_D);

// eps_eff/eps at the medium photon mass squared m_gamma^2 (signed: < 0 for a gas): seed 001 Eq. (3),
// m_D^2/(m_gamma^2 - m_D^2) -> -1 in vacuum; |.| regularised at the pole m_gamma^2 = m_D^2 as the two-level
// mixing m_D^2/sqrt((m_gamma^2 - m_D^2)^2 + (2 eps m_D^2)^2) (spec 5 A8; equal to the seed away from it).
double eps_eff_ratio(double m_gamma_sq, double m_D, double eps);

// |sum_f N_f X_f q_f^2 A(...)| at the invariants of one vertex (A = -f, model/TriangleLoopFunction).
double bandpass_form_factor(const BandpassSpectrum& s, const VertexInvariants& v);

// R of one vertex: (eps_eff/eps)^2 |form factor|, eps_eff at the vertex's medium photon mass (seed L68:
// one eps_eff for both legs, spec 5 A10).
double bandpass_vertex_ratio(const BandpassSpectrum& s, const ProbeVertex& v, double m_a);

// R_X of an experiment (spec 3.1): the production vertex, or sqrt(R_prod R_det) for two vertices.
double bandpass_ratio(const BandpassSpectrum& s, const ProbeKinematics& k, double m_a);

}  // namespace alpscan::model
