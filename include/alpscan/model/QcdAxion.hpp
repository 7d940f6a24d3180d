// QCD-axion benchmark relations (seed 004 appendix A, L276-L296, which takes them from its ref. [64];
// spec miniboone_argoneut.md V14), used to draw the QCD-axion bands beside the exclusion curves.
// Internal units: m_a in GeV, g_agg in GeV^-1, g_ae dimensionless.
#pragma once

namespace alpscan::model {

// Seed Eq. (A1): f_a = (5.691e6 eV / m_a) GeV.  Returns f_a [GeV].
double qcd_axion_fa(double m_a);
// Seed Eq. (A2), KSVZ-type: g_agg = (m_a/GeV) (0.203 E/N - 0.39) [GeV^-1].
double qcd_axion_g_agg(double m_a, double E_over_N);
// Seed Eqs. (A3)-(A5), DFSZ I/II without the loop factors: |g_ae| = m_e |C_ae| / f_a, |C_ae| = sin^2(beta)/3.
double qcd_axion_g_ae(double m_a, double sin2_beta);

// The bands' edges. KSVZ: the seed's E/N = 2 to 44/3 (L284). DFSZ: the seed's tan(beta) = 0.25 to 120
// (L298: "sin beta = 0.242536 and 0.999965"; the spec's V14 notes say 170, which the seed does not).
inline constexpr double kKsvzEoverNLow = 2.0, kKsvzEoverNHigh = 44.0 / 3.0;
inline constexpr double kDfszTanBetaLow = 0.25, kDfszTanBetaHigh = 120.0;
double sin2_beta(double tan_beta);

}  // namespace alpscan::model
