// ALP production in e+e- collisions through its photon coupling, L = -(g/4) a F Fdual:
//  * e+e- -> gamma* -> gamma a (s-channel photon):
//      sigma(s) = (alpha g^2 / 24) (1 - m^2/s)^3,
//      dsigma/dcos(theta) = (alpha g^2 / 64) (1 - m^2/s)^3 (1 + cos^2 theta),
//    theta = angle of the recoil photon to the beam in the CM frame, electron mass neglected
//    (Dolan, Ferber, Hearty, Kahlhoefer, Schmidt-Hoberg, JHEP 12 (2017) 094, Eq. (2.2)/(2.3) in the
//    form (alpha g^2/128)(1-m^2/s)^3 (3 + cos 2theta) = the expression above);
//  * Z -> gamma a, with L = -(g_aZg/2) a F Zdual:
//      Gamma(Z -> gamma a) = g_aZg^2 m_Z^3 (1 - m^2/m_Z^2)^3 / (96 pi).
//    For an ALP coupled only to hypercharge, L = -(g_BB/4) a B Bdual, B = c_W A - s_W Z gives
//    g_agg = c_W^2 g_BB and g_aZg = s_W c_W g_BB = tan(theta_W) g_agg (Jaeckel & Spannowsky,
//    PLB 753 (2016) 482, "hypercharge" case; identical to Bauer, Neubert, Thamm, JHEP 12 (2017) 044,
//    Eq. for Gamma(Z -> gamma a) with C_gZ = -s_W^2 C_BB, C_gg = C_BB). An ALP with a photon-only
//    coupling that is not embedded in SU(2)xU(1) has no fixed g_aZg ("photon only", g_aZg = 0).
//  * e+e- -> Z -> gamma a near the pole (Breit-Wigner, tree level, no ISR):
//      sigma_Z(s) = 12 pi Gamma_ee Gamma(Z->gamma a) s / (m_Z^2 [(s - m_Z^2)^2 + s^2 Gamma_Z^2/m_Z^2]),
//    with the same (1 + cos^2 theta) photon distribution (spin-1 exchange, same final-state vertex).
//    The gamma*/Z interference is not included: it is proportional to Re of the Z propagator and
//    vanishes at s = m_Z^2; away from the pole the caller must state that it is neglected.
// Units: GeV, GeV^-1 (couplings), GeV^-2 (cross-sections).
#pragma once

namespace alpscan::physics {

// (1 - m^2/s)^3 for m^2 < s, else 0.
double ee_gamma_a_phase_space(double s, double m);
// sigma(e+e- -> gamma a) via the s-channel photon [GeV^-2]; s = CM energy squared [GeV^2].
double sigma_ee_to_gamma_a(double s, double m, double g_agg);
// dsigma/dcos(theta) of the recoil photon (CM frame) [GeV^-2].
double dsigma_dcos_ee_to_gamma_a(double s, double m, double g_agg, double cos_theta);
// Fraction of the (1 + cos^2) distribution with cos_min <= cos(theta) <= cos_max (clamped to [-1, 1]):
//   [F(c2) - F(c1)] / (8/3), F(c) = c + c^3/3. Symmetric cut |cos| < c: (3c + c^3)/4.
double angular_acceptance(double cos_min, double cos_max);

// Energy of the ALP in the CM frame of e+e- -> gamma a: E_a = (s + m^2)/(2 sqrt(s)).
double alp_energy_ee_to_gamma_a(double s, double m);

// Gamma(Z -> gamma a) [GeV] for the Z-photon-ALP coupling g_aZg [GeV^-1] (convention above).
double width_z_to_gamma_a(double g_aZg, double m, double m_Z);
// g_aZg for a hypercharge-only ALP: tan(theta_W) g_agg, tan = sqrt(s2w/(1 - s2w)).
double g_aZg_hypercharge(double g_agg, double sin2_theta_W);

// e+e- -> Z -> gamma a (Breit-Wigner above) [GeV^-2]; Gamma_ee, Gamma_Z and the partial width
// Gamma_Zga = Gamma(Z -> gamma a) in GeV.
double sigma_ee_to_z_to_gamma_a(double s, double m_Z, double Gamma_Z, double Gamma_ee, double Gamma_Zga);

}  // namespace alpscan::physics
