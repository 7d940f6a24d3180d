// Equivalent photons of a relativistic proton that stays intact (elastic emission), the photon
// source of the Primakoff channel p Z -> p Z a of the proton beam dumps.
//
// Source of the channel: B. Dobrich, J. Jaeckel, F. Kahlhoefer, A. Ringwald, K. Schmidt-Hoberg,
// "ALPtraum: ALP production in proton beam dump experiments", JHEP 02 (2016) 018, arXiv:1512.03069,
// s3.1 (equivalent photon approximation) and s3.3 (Primakoff of these photons in the coherent field
// of the target nucleus), as implemented in the public recast code that cites it (J. Jerhot et al.,
// ALPINIST, JHEP 07 (2022) 094; github.com/jjerhot/ALPINIST, ALP_production/modes/photoproduction.py:
// "Budnev photon dist. and ALPtraum photon nucleus interactions"):
//   d^2N_gamma/(dx dq_t^2) = (alpha/pi) [ (1 - x) q_t^2 D(Q^2)/(q_t^2 + x^2 m_p^2) + x^2 C(Q^2)/2 ]
//                            / (x (q_t^2 + x^2 m_p^2)),
//   Q^2 = (q_t^2 + x^2 m_p^2)/(1 - x),   C = G_M^2,   D = (4 m_p^2 G_E^2 + Q^2 G_M^2)/(4 m_p^2 + Q^2),
//   G_E = G_D, G_M = mu_p G_D, G_D = (1 + Q^2/Lambda^2)^-2, Lambda^2 = 0.71 GeV^2, mu_p = 2.793
// (V.M. Budnev, I.F. Ginzburg, G.V. Meledin, V.G. Serbo, Phys. Rept. 15 (1975) 181, with
// the dipole form factors), x = E_gamma/E_p the photon's energy fraction, q_t its transverse momentum
// with respect to the beam (azimuth integrated). For G_E = G_M = 1 (a point-like Dirac particle) the
// q_t integral is closed (tests/physics/ProtonEquivalentPhotons.test.cpp):
//   int_0^{Q} dq_t^2 = (alpha/(pi x)) [(1 - x)(ln(1 + Q/a) - Q/(Q + a)) + (x^2/2) ln(1 + Q/a)], a = x^2 m_p^2.
//
// The ALP then takes the photon's energy (coherent scattering: the nucleus recoil is negligible),
// and its transverse momentum is q_t + Delta (Delta the momentum transfer to the nucleus): exactly the
// structure of the meson-photon Primakoff yield with the photon p_T = q_t, so PrimakoffYield uses
// this flux as its photon p_T spectrum (YieldParams::source = proton_equivalent):
//   H(E, P) = dN_gamma/(dE dP) = (2 P / E_p) d^2N/(dx dq_t^2) |_{x = E/E_p, q_t = P}   per proton,
// and normalises by the proton's inelastic cross-section sigma_pN instead of the photon's sigma_all
// (the proton carries its photon cloud for one interaction length).
#pragma once

namespace alpscan::physics {

inline constexpr double kProtonMass = 0.93827208816;  // GeV (PDG 2022)

// Elastic form factors of the proton (dipole fit; Budnev et al. 1975, ALPtraum s3.1).
struct ProtonFormFactors {
  double dipole_q2 = 0.71;  // Lambda^2 [GeV^2]
  double mu_p = 2.7928473;  // proton magnetic moment [nuclear magnetons] (PDG 2022)
};

// Photon virtuality Q^2 = (q_t^2 + x^2 m_p^2)/(1 - x) [GeV^2].
double proton_photon_virtuality(double x, double qt2);

// d^2N_gamma/(dx dq_t^2) [GeV^-2] at 0 < x < 1 (0 outside).
double proton_photon_flux(double x, double qt2, const ProtonFormFactors& ff);

}  // namespace alpscan::physics
