// The ALP-photon coupling induced at one loop by the ALP-electron coupling (seed 003 Eqs. (9)-(10),
// L103-L111, from its ref. [13]; spec invisible_alps.md 1.4):
//   delta g_agamma = (alpha / pi) g_ae^seed B_1(4 m_e^2 / m_a^2),   B_1(tau) = 1 - tau f(tau)^2,
//   f(tau) = arcsin(1/sqrt(tau))                                   for tau >= 1,
//   f(tau) = pi/2 + (i/2) ln[(1 + sqrt(1 - tau)) / (1 - sqrt(1 - tau))]   for tau < 1 (complex: above
//            2 m_e the loop electrons are on shell).
// The seed's g_ae^seed is the derivative coupling [GeV^-1] (Eq. (1), L69); ours is the dimensionless
// pseudoscalar Yukawa g_ae = m_e g_ae^seed (the seed's "-i g_al m_l a lbar gamma5 l", L71), so
//   delta g = (alpha / pi) (g_ae / m_e) B_1(4 m_e^2 / m_a^2)  [GeV^-1].
// Limits: B_1 -> 1 for tau -> 0 (m_a >> m_e: delta g -> (alpha/pi) g_ae/m_e = 2.32e-3 g_ae^seed; the
// seed rounds it to "~0.001 g_ae", L111); B_1 -> -1/(3 tau) for tau >> 1 (m_a << m_e). The seed prints
// "+1/(3 tau)" (L111), a sign typo: arcsin x = x + x^3/6 + ... gives tau f^2 = 1 + 1/(3 tau) + ...
// (spec 1.4 and 6.1 item 6).
// Sign: Eq. (9) is in the seed's convention (+(1/4) g a F Fdual, Eq. (1)); the relative sign of delta g
// and this code's g_agg (L = -(g_agg/4) a F Fdual) depends on epsilon-tensor and Yukawa-phase
// conventions the seed does not pin down (spec 1.2, 2.1): model/AlpModel adds it to g_agg only when the
// job asks (ModelOptions::electron_loop), with the sign the job names.
#pragma once

#include <complex>

namespace alpscan::model {

// B_1(tau), tau = 4 m_e^2 / m_a^2 > 0 (seed Eq. (10), L109).
std::complex<double> loop_function_b1(double tau);

// delta g_agamma [GeV^-1] at ALP mass m_a [GeV] for the dimensionless g_ae (seed Eq. (9), L105, with
// g_ae^seed = g_ae / m_e; alpha = alpha(0)). Complex above m_a = 2 m_e.
std::complex<double> loop_photon_coupling_from_electron(double g_ae, double m_a);

}  // namespace alpscan::model
