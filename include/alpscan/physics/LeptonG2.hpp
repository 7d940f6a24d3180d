// The ALP contribution to the anomalous magnetic moment a_l = (g-2)_l / 2 of a lepton l
// (seed 003 Eq. (49), L469; spec invisible_alps.md 4.2):
//   Delta a_l = (m_l^2 / 16 pi^2) [ 2 g_agamma g_al (h_2(x) - ln(Lambda^2 / m_l^2))     Barr-Zee
//                                   - g_al^2 h_1(x)                                     one loop
//                                   + g_agamma^2 (3 alpha / pi) ln^2(Lambda / m_l) ],   light-by-light
//   x = m_a^2 / m_l^2.
// Couplings as in the seed: g_agamma [GeV^-1] of L = +(1/4) g_agamma a F Fdual (epsilon^{0123} = -1) and
// the DERIVATIVE coupling g_al [GeV^-1] of (g_al/2)(d_mu a) lbar gamma^mu gamma5 l, i.e. the Yukawa
// -i (g_al m_l) a lbar gamma5 l (seed Eq. (1), L69-L71). alpscan's dimensionless g_ae is that Yukawa:
// g_al = g_ae / m_e (converting is the caller's job: experiments/LeptonG2Experiment).
// Sign convention: Eq. (49) as written defines it. It fits the seed's statements (L477): Delta a_e < 0
// needs g_agamma g_ae > 0, Delta a_mu > 0 needs g_agamma g_amu < 0 (for m_a << Lambda,
// h_2 - ln(Lambda^2/m_l^2) ~ -ln(Lambda^2/m_a^2) + 3/2 < 0). The one-loop term is always negative
// (pseudoscalar), the light-by-light term always positive. The sign of Delta a is that of
// a^exp - a^SM (the seed's "a^SM - a" at L452/L456 is a typo, spec 4.1).
//
// Loop functions. Eq. (50) is garbled in the seed ("int 2x^3/(x^2 + z(1-x))", no measure); the
// one-loop pseudoscalar function is (spec 4.2, 6.1 item 1)
//   h_1(x) = int_0^1 dz 2 z^3 / (z^2 + x (1 - z)),                      h_1(0) = 1, h_1 ~ 2 ln(x)/x,
// and Eq. (51), continued to x > 4 in real arithmetic,
//   h_2(x) = 1 - x/3 + (x^2/6) ln x + ((2 + x)/3) sqrt(x (4 - x)) arccos(sqrt(x)/2)     (x < 4)
//          = 1 - x/3 + (x^2/6) ln x - ((2 + x)/3) sqrt(x (x - 4)) arccosh(sqrt(x)/2)    (x > 4),
//   h_2(0) = 1, h_2 ~ ln x + 3/2,
// whose Feynman-parameter form is h_2(x) = 8/3 + (2/3) int_0^1 dz (2 - z) ln(z x + (1 - z)^2) (checked
// numerically; tests/physics/LeptonG2.test.cpp compares both integrals with this code).
// Numerics (spec 4.2 "numerical pitfalls"):
//  * the arccos/arccosh products are evaluated as atan(u)/u, u atan(u) with u^2 = (4 - x)/x, and their
//    continuations atanh(v)/v, v atanh(v) with v^2 = (x - 4)/x: real, exact at x = 4, no 0 * inf;
//    a complex evaluation of the x < 4 form above x = 4 is wrong (h_2(10) = 68 instead of 4.076);
//  * above x = 50 the closed forms lose digits to cancellation (terms ~ x^2 ln x, result ~ ln x / x for
//    h_1; h_1 fails near x = 1e5, h_2 near 4e8 = (10 GeV / m_e)^2), so there both functions are
//    evaluated from their convergent expansions in 1/x, h = ln(x) P(1/x) + Q(1/x) with exact rational
//    coefficients (tools/lepton_g2_series.py), 16 terms: error < (4/x)^16 relative, < 3e-18 at x = 50;
//  * x -> 0: both tend to 1 (x ln x, x^2 ln x -> 0); x <= 0 (massless ALP) returns the limit 1.
#pragma once

namespace alpscan::physics {

// h_1(x), h_2(x) for x = m_a^2 / m_l^2 >= 0 (stable for every x; see above).
double g2_loop_h1(double x);
double g2_loop_h2(double x);
// The two evaluations of each, for tests of their continuity at the switch point x = 50
// (closed form: x > 0, x != 4 allowed; large-x expansion: x > 4, accurate for x >~ 30).
double g2_loop_h1_closed_form(double x);
double g2_loop_h2_closed_form(double x);
double g2_loop_h1_large_x(double x);
double g2_loop_h2_large_x(double x);
inline constexpr double kG2LargeXSwitch = 50.0;

// The three terms of Eq. (49) and their sum (dimensionless).
struct LeptonG2Terms {
  double barr_zee = 0.0;
  double one_loop = 0.0;
  double light_by_light = 0.0;
  double total() const { return barr_zee + one_loop + light_by_light; }
};

// Delta a_l for lepton mass m_l [GeV], ALP mass m_a [GeV], g_agamma [GeV^-1] and the derivative
// coupling g_al [GeV^-1] in the seed's convention (above), UV scale Lambda [GeV] (> m_l).
// alpha = alpha(0) (core/Units.hpp).
LeptonG2Terms lepton_g2_terms(double m_l, double m_a, double g_agamma, double g_al, double uv_scale);
inline double delta_a_lepton(double m_l, double m_a, double g_agamma, double g_al, double uv_scale) {
  return lepton_g2_terms(m_l, m_a, g_agamma, g_al, uv_scale).total();
}

}  // namespace alpscan::physics
