// e+e- -> gamma a with massive electrons, through BOTH ALP couplings (seed 003 Eq. (18), L171; spec
// invisible_alps.md 2.1, where all three terms were re-derived by an independent Dirac-trace computation):
//   photon channel  (s-channel photon, ~ g_agg^2):
//     sigma_ag = alpha g_agg^2 (s + 2 m_e^2)(s - m_a^2)^3 / (24 beta s^4)
//     dsigma_ag/dc = alpha g_agg^2 (s - m_a^2)^3 / (64 beta s^3) [1 + beta^2 c^2 + 4 m_e^2/s]
//   electron channel (t/u-channel electron, "associated production", ~ g_ae^2):
//     sigma_ae = alpha g_ae^2 [-2 m_a^2 beta s + (s^2 + m_a^4 - 4 m_a^2 m_e^2) L_beta] / [2 (s - m_a^2) s^2 beta^2]
//     dsigma_ae/dc = alpha g_ae^2 / (s - m_a^2) { A / (1 - beta^2 c^2) - B [1/(1 - beta c)^2 + 1/(1 + beta c)^2] },
//       A = (s^2 + m_a^4 - 4 m_a^2 m_e^2) / (2 s^2 beta),  B = m_e^2 m_a^2 / (s^2 beta)
//   interference (~ g_agg g_ae; total only, sign convention-dependent, spec 2.1):
//     |sigma_int| = alpha |g_agg g_ae| m_e (s - m_a^2)^2 L_beta / (2 beta^2 s^3)
// with beta = sqrt(1 - 4 m_e^2/s), L_beta = ln[(1 + beta)/(1 - beta)], c = cos(theta*) of the photon in the
// CM frame measured from either beam (both channels are symmetric under c -> -c).
//
// Coupling convention: g_agg [GeV^-1]; g_ae is alpscan's DIMENSIONLESS Yukawa (-i g_ae a ebar gamma5 e).
// The seed writes the derivative coupling g_ae^seed [GeV^-1] = g_ae / m_e, so its alpha (g_ae^seed)^2 m_e^2
// is our alpha g_ae^2 and its g_agg g_ae^seed m_e^2 is our g_agg g_ae m_e.
//
// Every function here is PER UNIT COUPLING (g_agg = 1 GeV^-1, g_ae = 1): a family tabulates these once per
// mass and rescales by the point's couplings (seed 003 Eq. (29), L256: sigma = g_ae^2 sigma_e + g_agg^2 sigma_g
// with the interference neglected, as the seed does, L179 and L418). Units: GeV, cross-sections in GeV^-2.
// Numerics: 1 - beta and 1 -+ beta c are formed without cancellation (1 - beta = (4 m_e^2/s)/(1 + beta)),
// so the electron channel's collinear peak (width ~ m_e/sqrt(s)) is exact at LEP energies too.
// Every function returns 0 where the process is closed (s <= 4 m_e^2 or m_a^2 >= s).
#pragma once

namespace alpscan::physics {

// Photon channel: sigma_ag / g_agg^2 (GeV^-2 per GeV^-2: a pure number).
double sigma_ee_gamma_a_photon(double s, double m_a);
double dsigma_dc_ee_gamma_a_photon(double s, double m_a, double c);
// Integral of dsigma_ag/dc over c in [c1, c2] (clamped to [-1, 1]; 0 if c2 <= c1), closed form.
double sigma_ee_gamma_a_photon_window(double s, double m_a, double c1, double c2);

// Electron channel: sigma_ae per g_ae^2 [GeV^-2].
double sigma_ee_gamma_a_electron(double s, double m_a);
double dsigma_dc_ee_gamma_a_electron(double s, double m_a, double c);
double sigma_ee_gamma_a_electron_window(double s, double m_a, double c1, double c2);

// |sigma_int| per |g_agg g_ae| [GeV^-1] (full angular range only: the spec gives no differential form).
double sigma_ee_gamma_a_interference(double s, double m_a);

// Photon energy in the CM frame, E* = (s - m_a^2) / (2 sqrt(s)).
double photon_energy_cm_ee_gamma_a(double s, double m_a);

// Fraction of the (monochromatic, E*) CM photons whose MEASURED energy lies in [E_lo, E_hi] [GeV], for a
// Gaussian calorimeter resolution at the true energy, sigma_E / E* = res_const (+) res_stoch / sqrt(E*/GeV)
// (quadrature sum; DELPHI's Eq. (32) of seed 003, L272, with its energy window Eq. (31); spec 3.1):
//   eps_E = Phi((E_hi - E*)/sigma_E) - Phi((E_lo - E*)/sigma_E).
// Both channels (and the dark photon) share it: E* depends on s and m_a only (seed L270). 0 where E* <= 0.
double photon_energy_window_efficiency(double s, double m_a, double E_lo, double E_hi, double res_const,
                                       double res_stoch);

// The reference process of the dark-photon recasts (BaBar, Belle II; seed 003 Eqs. (36)-(37), L315-L323;
// spec 2.2, verified there against a Dirac trace): e+e- -> gamma A' with kinetic mixing epsilon, massless
// electrons, per epsilon^2:
//   dsigma_V/dc = (2 pi alpha^2 / s)(1 - m^2/s) [(1 + c^2) + 4 m^2 s/(s - m^2)^2] / (1 - c^2),
// integrated in closed form over [c1, c2] (-1 < c1, c2 < 1, else std::invalid_argument: the massless form
// diverges at c = +-1).
double dsigma_dc_ee_gamma_darkphoton(double s, double m, double c);
double sigma_ee_gamma_darkphoton_window(double s, double m, double c1, double c2);

}  // namespace alpscan::physics
