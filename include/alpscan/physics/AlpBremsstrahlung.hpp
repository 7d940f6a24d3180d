// ALP bremsstrahlung off an electron in the field of an atom, e Z -> e Z a, for the pseudoscalar
// coupling L = -i g_ae a ebar gamma5 e. Weizsacker-Williams form with the effective photon flux chi
// in complete screening (Y.S. Tsai, Phys. Rev. D 34 (1986) 1326; spec invisible_alps.md s2.6):
//   dsigma/dx = alpha^2 g_ae^2 / (2 pi m_e^2) { x (1 + 2f/3)/(1 + f)^2 [Z^2 ln(184 Z^-1/3) + Z ln(1194 Z^-2/3)]
//                                             + x (Z^2 + Z) h(f) },
//   h(f) = (1 + f) ln(1 + f)/(3 f^2) - (1 + 4f + 2f^2)/(3 f (1 + f)^2)   (-> -1/2 as f -> 0),
//   f = m_a^2 (1 - x) / (m_e^2 x^2),  x = E_a/E,  clipped at 0.
// For f >> 1 it is alpha^2 g^2 Z^2 ln(184 Z^-1/3) x^3/(3 pi m_a^2 (1 - x)), the heavy-ALP WW form
// (cf. Bjorken, Essig, Schuster, Toro, PRD 80 (2009) 075018 for the vector analogue, which is x2).
// Complete screening keeps the chi of t_min -> 0; at m_a^2/2E above the screening momentum the true chi
// differs by O(ln) terms (not modelled, see the data files' notes).
#pragma once

namespace alpscan::physics {

// h(f) above, with its series -1/2 + 17 f/18 for small f.
double brems_h(double f);

// dsigma/dx [GeV^-2] per unit g_ae^2 for an electron of energy E [GeV] on an atom (Z), ALP mass m.
// 0 outside m/E <= x <= 1 - m_e/E.
double alp_brems_dsigma_dx(double E, double x, double m, double Z);

// Fraction of the ALPs at (E, x) emitted inside theta < theta_max, from the leading 1/U^2 angular
// shape, U = x E^2 theta^2 + U0, U0 = m^2 (1 - x)/x + m_e^2 x (BEST 2009, App. A):
//   f_acc = x E^2 theta_max^2 / (U0 + x E^2 theta_max^2).
double alp_brems_acceptance(double E, double x, double m, double theta_max);

// The smallest momentum the atom must absorb, q_min = U/(2E(1 - x)) = m^2/(2 E_a) + m_e^2 E_a/(2 E (E - E_a))
// [GeV] (collinear emission, E >> m, m_e; BEST 2009 App. A). The complete-screening formula above holds
// while q_min is below the nucleus' coherence momentum (the atom recoils as a whole); beyond it the nuclear
// form factor suppresses the coherent Z^2 term by (d/q_min^2)^2 or more, which the formula does not know.
double alp_brems_min_momentum_transfer(double E, double x, double m);
// sqrt(d) with d = 0.164 GeV^2 A^(-2/3), the nuclear form factor's scale (seed 003 Eq. (21), L211; spec
// 2.4) [GeV], A the mass number.
double nuclear_coherence_momentum(double A);

}  // namespace alpscan::physics
