// ALP -> photon conversion in a transverse magnetic field and ALP survival, seed 000 Eqs. (3)-(7)
// (L120-L189) as rebuilt in spec s1.6-s1.7. Relativistic vacuum two-level mixing:
//   P = (g B / q)^2 sin^2(q L / 2) = (g B L / 2)^2 sinc^2(q L / 2),  q = sqrt((m^2/2E)^2 + g^2 B^2).
// B in natural Heaviside-Lorentz units (units::tesla), lengths in GeV^-1.
#pragma once

namespace alpscan::physics {

// sin(x)/x, with its series below |x| = 1e-4.
double sinc(double x);
// 1 - sin(x)/x without cancellation (series below |x| = 1e-2).
double one_minus_sinc(double x);

// Oscillation wave number q [GeV].
double conversion_q(double E, double m, double g, double B);
// Conversion probability (exact two-level formula), bounded by 1.
double conversion_probability(double E, double m, double g, double B, double L);

// <sin^2 phi> over an interval on which phi is linear, phi in [phi_c - chi, phi_c + chi]:
//   1/2 - 1/2 cos(2 phi_c) sin(2 chi)/(2 chi), written as 1/2 (1 - sinc 2chi) + sinc(2chi) sin^2 phi_c
// so that it stays accurate when phi_c and chi are tiny.
double mean_sin2_linear_phase(double phi_c, double chi);

// Conversion shape on an energy bin: P / (g B L/2)^2 with y = (qL/2)^2 at the bin centre and chi
// the half-span of the phase qL/2 over the bin. For a narrow bin (chi <= chi_narrow) the point
// value sinc^2(sqrt y); otherwise the bin average <sin^2>/y (phase linear in u = 1/E, spec s5.3).
double bin_conversion_shape(double y, double chi, double chi_narrow);

// Survival to distance L_tilde: exp(-L_tilde m Gamma / p), Gamma = g^2 m^3/(64 pi), p = sqrt(E^2-m^2)
// (Eqs. 5-7). 0 for m >= E.
double survival_probability(double E, double m, double g, double L_tilde);
// D with P_surv = exp(-g^2 D): D = m^4 L_tilde / (64 pi p)  [GeV^2].
double decay_exponent_per_g2(double E, double m, double L_tilde);

}  // namespace alpscan::physics

namespace alpscan::physics {

// Weak-mixing conversion in a medium (seed 002 F9, L6812-L6849; spec fips_astro_and_helioscopes.md F9/F11):
// the photon has an effective mass^2 m_gamma2 (plasma or buffer gas: m_gamma2 = omega_p^2 > 0; may be
// any sign) and the field region absorbs photons at rate Gamma (inverse absorption length, GeV).
//   q = |m_a^2 - m_gamma2| / (2E),
//   Gamma = 0:  P = (g B L/2)^2 sinc^2(q L/2)    (vacuum: m_gamma2 = 0, F11; helioscopes, light shining
//               through a wall: g B L <= 1e-5 there, so the g^2 B^2 of the exact q (conversion_probability)
//               is a 1e-11 effect, and the rate stays exactly ~ g^2 for tables per g^4 at g = 1)
//   Gamma > 0:  P = (g B/2)^2 [1 + e^{-Gamma L} - 2 e^{-Gamma L/2} cos(q L)] / (q^2 + Gamma^2/4)
// (the standard helioscope formula with absorption, e.g. van Bibber et al., PRD 39 (1989) 2089; it
// reduces to the first line as Gamma -> 0). Valid for g B << q or g B L << 1 (no back-conversion), the
// helioscope regime; the coherent resonance q = 0 sits at m_a^2 = m_gamma2.
double conversion_q_medium(double E, double m_a, double m_gamma2);
double conversion_probability_medium(double E, double m_a, double m_gamma2, double g, double B, double L,
                                     double Gamma = 0.0);

}  // namespace alpscan::physics
