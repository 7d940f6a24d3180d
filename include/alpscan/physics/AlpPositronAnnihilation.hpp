// ALP production by positron annihilation on a free electron at rest, for the pseudoscalar electron
// coupling L = i g_ae a ebar gamma5 e (spec miniboone_argoneut.md s1.1). Cross sections are per target
// electron and per unit g_ae^2 (multiply by g_ae^2, and by Z for an atom: spec s5 A4). Units: GeV
// (energies, masses), GeV^-1 (delta-function coefficient), GeV^-2 (sigma), GeV^-3 (dsigma/dE_a).
//
// ENERGY CONVENTION: E_+ is always the TOTAL positron energy (rest mass included); s = 2 m_e^2 + 2 m_e E_+.
//
// P3, resonant e+ e- -> a (spec s1.3 P3, seed L51-55). s = m_a^2 at
//   E_R = m_a^2/(2 m_e) - m_e   (total positron energy; kinetic m_a^2/(2 m_e) - 2 m_e),
//   E_a = E_R + m_e = m_a^2/(2 m_e)   (the ALP carries all the energy, along the positron direction).
// E.g. m_a = 10 MeV: E_a = 97.85 MeV, E_R = 97.34 MeV (spec V4). Open for m_a > 2 m_e. (m_a^2/(2 m_e)
// itself is the ALP energy, = E_R + m_e; it is not the total positron energy.)
// sigma = C_res delta(E_+ - E_R), beta_e = sqrt(1 - 4 m_e^2/m_a^2):
//   derived (default): C_res = pi g^2/(4 m_e beta_e)   [= pi g^2/(2 beta_e) delta(s - m_a^2)]
//     from sigma = pi |M|^2 delta(s - m_a^2)/(s beta_e), |M|^2 = (1/4) sum|M|^2 = g^2 s/2; the same
//     |M|^2 gives Gamma(a -> ee) = g^2 m_a beta_e/(8 pi) (spec s1.2), and the narrow-width Breit-Wigner
//     with spin factor 1/4 gives the same C_res (spec P3).
//   paper: C_res = 2 pi m_e g^2/(m_a^2 beta_e)   (seed Eq. (2), L53-55; alplib resonance_peak).
//   derived/paper = m_a^2/(8 m_e^2): 1.08 at m_a = 1.5 MeV, 47.9 at 10 MeV, 191 at 20 MeV; the paper
//   normalisation underestimates the resonant yield (spec s5 A1). Use `paper` only to reproduce the seed.
// Yield: N_a = Z n_e-track C_res l_+(E_R), with l_+ the positron track length per unit TOTAL energy.
//
// P4, associated e+(p1) e-(p2, rest) -> a(k_a) gamma(k) (spec s1.3 P4). T = (p1 - k_a)^2 - m_e^2 =
// -2 m_e E_gamma, U = (p2 - k_a)^2 - m_e^2 = m_a^2 - 2 m_e E_a, T + U = m_a^2 - s, T U > 0:
//   |M|^2 = 4 pi alpha g^2 [ ((s - m_a^2)^2 + 2 m_a^2 s)/(T U) - 2 m_e^2 m_a^2 (s - m_a^2)^2/(T U)^2 ],
// averaged over both spins (the crossing of the P2 amplitude, sign -1 for the crossed fermion; checked
// here against an explicit numerical Dirac trace to 1e-14: reference values in the tests).
//   dsigma/dt = |M|^2/(16 pi s (s - 4 m_e^2)),  dsigma/dE_a = 2 m_e |M|^2/(16 pi s (s - 4 m_e^2)).
// Open for s > m_a^2 (E_+ > E_R) and E_+ > m_e. No soft-photon cut is applied here; the spec's
// recommendation s > m_a^2 (1 + delta), delta = 1e-3, is available as alp_assoc_threshold_energy(m_a,
// delta) for the caller's E_+ integration. Total in closed form with a = -U, b = -T, D = s - m_a^2:
//   int F da = (N/D) ln(a/b) - 2 m_e^2 m_a^2 [1/b - 1/a + (2/D) ln(a/b)],  N = D^2 + 2 m_a^2 s,
//   sigma = alpha/(4 s (s - 4 m_e^2)) [int F da] over the 2->2 range. a and b both run over
//   (D/2)(1 -+ beta), beta = sqrt(1 - 4 m_e^2/s), so the full-range total is
//   sigma = alpha/(4 s^2 beta^2 D) [2 (D^2 + 2 m_a^2 s - 4 m_e^2 m_a^2) ln((1+beta)/(1-beta)) - 4 m_a^2 beta s]
//   (exact; tests check it against fixed Gauss-Legendre integrals of dsigma/dE_a). Near threshold it
//   grows as 1/D (soft photon, the radiative tail of the resonance). alplib's M2AssociatedProduction and
//   associated_dsigma_dcos_CM do not match the trace and are not used (spec P4).
// ALP lab angle to the positron: cos theta = [2 E_+ E_a - m_a^2 - 2 m_e^2 + 2 m_e (E_a - E_+)]/(2 p_+ p_a);
// theta = 0 at E_a,max.
#pragma once

#include <optional>
#include <string_view>

#include "alpscan/physics/AlpCompton.hpp"

namespace alpscan::physics {

// Normalisation of the resonant delta-function coefficient (spec s5 A1).
enum class ResonanceNorm { derived, paper };
const char* to_string(ResonanceNorm n);                                  // "derived" | "paper"
std::optional<ResonanceNorm> parse_resonance_norm(std::string_view s);   // inverse of to_string

// --- P3: e+ e- -> a ---------------------------------------------------------------------------------
// ALP energy at resonance, m_a^2/(2 m_e) [GeV].
double alp_resonance_alp_energy(double m_a);
// Resonant TOTAL positron energy E_R = m_a^2/(2 m_e) - m_e [GeV].
double alp_resonance_positron_energy(double m_a);
// beta_e = sqrt(1 - 4 m_e^2/m_a^2) for m_a > 2 m_e, else 0.
double alp_resonance_beta_e(double m_a);
// C_res/g_ae^2 [GeV^-1]: sigma = g_ae^2 C_res delta(E_+ - E_R) per electron; 0 for m_a <= 2 m_e.
double alp_resonance_coefficient(double m_a, ResonanceNorm norm = ResonanceNorm::derived);

// --- P4: e+ e- -> a gamma ---------------------------------------------------------------------------
// Spin-averaged |M|^2 per g_ae^2 (dimensionless) at s, T, U (header).
double alp_assoc_m2(double s, double T, double U, double m_a);
// Lowest total positron energy with s >= m_a^2 (1 + delta) and E_+ >= m_e [GeV].
double alp_assoc_threshold_energy(double m_a, double delta = 0.0);
// Range of E_a [GeV] for total positron energy E_plus.
AlpEnergyInterval alp_assoc_energy_range(double E_plus, double m_a);
// dsigma/dE_a [GeV^-3] per g_ae^2 per electron; 0 outside the range.
double alp_assoc_dsigma_dea(double E_plus, double E_a, double m_a);
// sigma [GeV^-2] per g_ae^2 per electron (closed form); 0 below threshold.
double alp_assoc_sigma(double E_plus, double m_a);
// The part of sigma with E_a in [Ea_lo, Ea_hi] (clipped to the range) [GeV^-2].
double alp_assoc_sigma_ea_range(double E_plus, double m_a, double Ea_lo, double Ea_hi);
// ALP lab angle to the positron direction (clamped cos; theta in rad; cos = 1 for p_a = 0).
double alp_assoc_cos_theta(double E_plus, double E_a, double m_a);
double alp_assoc_theta(double E_plus, double E_a, double m_a);

}  // namespace alpscan::physics
