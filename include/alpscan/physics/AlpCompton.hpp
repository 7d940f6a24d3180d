// Compton-like ALP production gamma e- -> a e- and inverse Compton a e- -> gamma e- for the
// pseudoscalar electron coupling L = i g_ae a ebar gamma5 e (spec miniboone_argoneut.md s1.1), on a
// free electron at rest. All cross sections are per target electron and per unit g_ae^2 (multiply
// by g_ae^2, and by Z for an atom: spec s5 A4). Units: GeV (energies, masses), GeV^-2 (sigma),
// GeV^-3 (dsigma/dE). Angles in rad.
//
// Squared amplitude (spec s1.3 P2), averaged over the photon polarisation and the electron spin.
// With s = (k_gamma + p_e)^2, t = (k_gamma - k_a)^2, u = (p_e - k_a)^2, s + t + u = 2 m_e^2 + m_a^2,
// S = s - m_e^2 > 0, U = u - m_e^2 < 0 (so S + U = m_a^2 - t):
//   |M|^2 = 4 pi alpha g^2 [ -(m_a^2 - t)^2/(S U) + 2 m_e^2 m_a^2 (m_a^2 - t)^2/(S U)^2 - 2 m_a^2 t/(S U) ].
// Re-checked for this implementation against an explicit numerical Dirac trace (4x4 gamma matrices,
// -g_munu polarisation sum) to 1e-14 at random kinematics; reference trace values are in
// tests/physics/AlpCompton.test.cpp.
//
// P2, gamma(E_gamma) e-(rest) -> a e-: u = m_e^2 + m_a^2 - 2 m_e E_a, so dt = 2 m_e dE_a and
//   dsigma/dt = |M|^2/(16 pi S^2),  dsigma/dE_a = 2 m_e |M|^2/(16 pi S^2),  S = 2 m_e E_gamma.
// Threshold s > (m_a + m_e)^2, i.e. E_gamma > m_a (m_a + 2 m_e)/(2 m_e). The E_a range is the 2->2 range
// (cos theta* = -1 .. 1 in the CM frame), computed from -U = X -+ Y, X = 2 E_e* E_a* - m_a^2, Y = 2 p* p_a*,
// with (X - Y)(X + Y) = m_e^2 [4 p_a*^2 + m_a^2 (2 s + 2 m_e^2 - m_a^2)/s] (no cancellation at E_a,min). ALP lab angle to the photon, from t = 2 m_e (E_a - E_gamma):
//   cos theta_a = [E_gamma E_a - m_a^2/2 + m_e (E_a - E_gamma)]/(E_gamma p_a);  theta_a = 0 at E_a,max.
//
// D4, a(E_a) e-(rest) -> gamma e-: same invariants (time-reversed P2), t = -2 m_e T with T the electron
// recoil kinetic energy, u = m_e^2 - 2 m_e E_gamma, E_gamma = E_a - T. Averaging over the electron spin
// only gives |M|^2_inv = 2 |M|^2_P2(s, t), s = m_e^2 + m_a^2 + 2 m_e E_a, and with
// lambda^1/2(s, m_a^2, m_e^2) = 2 m_e p_a:
//   dsigma/dT = dsigma/dE_gamma = |M|^2_P2(s, -2 m_e T)/(16 pi m_e p_a^2)   (spec s1.3 D4).
// Angles to the ALP direction:
//   cos theta_e     = (2 T (m_e + E_a) - m_a^2)/(2 p_a sqrt(T^2 + 2 m_e T)),
//   cos theta_gamma = (2 E_a E_gamma - m_a^2 - 2 m_e T)/(2 p_a E_gamma).
// No cut E_a > m_a sqrt(2 m_e^2 + m_a^2)/(2 m_e) (newest alplib) is applied: it has no physical basis.
//
// Totals: the bracket is a Laurent polynomial in U at fixed S,
//   F(U) = c0 - U/S + c1/U + c2/U^2,  c0 = -2 + 2 m_a^2/S + 2 m_e^2 m_a^2/S^2,
//   c1 = -S + 2 m_a^2 + (4 m_e^2 m_a^2 - 2 m_a^4)/S,  c2 = 2 m_e^2 m_a^2,
// and is integrated in closed form (exact; no quadrature). P2: sigma = alpha/(4 S^2) int F dU;
// D4: sigma = alpha/(8 m_e^2 p_a^2) int F dU. The D4 total equals alplib's icompton_sigma (Borexino 2008
// eq. 14, newest version) to rounding; the P2 total is NOT alplib's compton_sigma (wrong for m_a > 0,
// spec P2) but the exact integral. Tests integrate the differential forms with fixed Gauss-Legendre rules.
//
// Constants: units::alpha_em (CODATA 2018) and units::m_electron (PDG). The spec's s4.2 numbers were
// evaluated with alpha = 1/137 (alplib); they are reproduced to all quoted digits after the rescaling
// by 137.036/137 (ratio ours/spec = 0.99974 unscaled).
#pragma once

namespace alpscan::physics {

// An energy interval [lo, hi] (GeV); empty() when the process is closed.
struct AlpEnergyInterval {
  double lo = 0.0, hi = 0.0;
  bool empty() const { return !(hi > lo); }
};

// Lab energy range of particle 3 in 1 + 2 -> 3 + 4 with particle 2 at rest: beam energy E1 (total) of
// mass m1 on a target of mass m2. {0, 0} below threshold (s <= (m3 + m4)^2 or E1 <= m1). The lower end
// uses E3+ E3- = (E1 + m2)^2 m3^2/s + p3*^2 (no cancellation).
AlpEnergyInterval two_body_lab_energy_range(double E1, double m1, double m2, double m3, double m4);

// --- P2: gamma e- -> a e- ---------------------------------------------------------------------------
// Spin/polarisation-averaged |M|^2 per g_ae^2 (dimensionless) at invariants s, t.
double alp_compton_m2(double s, double t, double m_a);
// Photon threshold energy m_a (m_a + 2 m_e)/(2 m_e) [GeV].
double alp_compton_threshold(double m_a);
// Range of the ALP energy E_a [GeV] for photon energy E_gamma.
AlpEnergyInterval alp_compton_energy_range(double E_gamma, double m_a);
// dsigma/dE_a [GeV^-3] per g_ae^2 per electron; 0 outside the range.
double alp_compton_dsigma_dea(double E_gamma, double E_a, double m_a);
// sigma [GeV^-2] per g_ae^2 per electron (closed form); 0 below threshold.
double alp_compton_sigma(double E_gamma, double m_a);
// The part of sigma with E_a in [Ea_lo, Ea_hi] (clipped to the range) [GeV^-2].
double alp_compton_sigma_ea_range(double E_gamma, double m_a, double Ea_lo, double Ea_hi);
// ALP lab angle to the photon: cos theta_a (clamped to [-1, 1]; 1 for p_a = 0) and theta_a [rad].
double alp_compton_cos_theta(double E_gamma, double E_a, double m_a);
double alp_compton_theta(double E_gamma, double E_a, double m_a);

// --- D4: a e- -> gamma e- ---------------------------------------------------------------------------
// Range of the electron recoil kinetic energy T [GeV] for ALP energy E_a (total); empty if E_a <= m_a.
AlpEnergyInterval alp_inverse_compton_recoil_range(double E_a, double m_a);
// dsigma/dT [GeV^-3] per g_ae^2 per electron; 0 outside the range.
double alp_inverse_compton_dsigma_dT(double E_a, double T, double m_a);
// dsigma/dE_gamma [GeV^-3] = dsigma/dT at T = E_a - E_gamma.
double alp_inverse_compton_dsigma_degamma(double E_a, double E_gamma, double m_a);
// sigma [GeV^-2] per g_ae^2 per electron (closed form).
double alp_inverse_compton_sigma(double E_a, double m_a);
// The part of sigma with T in [T_lo, T_hi] (clipped to the range) [GeV^-2]; e.g. a visible-energy cut.
double alp_inverse_compton_sigma_T_range(double E_a, double m_a, double T_lo, double T_hi);
// Angles of the outgoing electron and photon to the ALP direction (clamped cos; theta in rad).
// cos theta_e is returned as 0 at T = 0 (the m_a -> 0 limit there); cos theta_gamma as 1 at E_gamma = 0.
double alp_inverse_compton_cos_theta_e(double E_a, double T, double m_a);
double alp_inverse_compton_theta_e(double E_a, double T, double m_a);
double alp_inverse_compton_cos_theta_gamma(double E_a, double T, double m_a);
double alp_inverse_compton_theta_gamma(double E_a, double T, double m_a);

}  // namespace alpscan::physics
