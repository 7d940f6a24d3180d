#include "alpscan/physics/LeptonG2.hpp"

#include <cmath>

#include "alpscan/core/Units.hpp"

namespace alpscan::physics {

namespace {

// Coefficients of w^0 .. w^16 (w = 1/x) of h = ln(x) P(w) + Q(w), exact rationals from
// tools/lepton_g2_series.py (converging for x > 4, error ~ (4/x)^17).
constexpr double k_h1_log[17] = {0.0, 2.0, 10.0, 42.0, 168.0, 660.0, 2574.0, 10010.0, 38896.0, 151164.0, 587860.0, 2288132.0, 8914800.0, 34767720.0, 135727830.0, 530365050.0, 2074316640.0};
constexpr double k_h1_rest[17] = {0.0, -11.0 / 3, -89.0 / 6, -589.0 / 10, -3464.0 / 15, -18899.0 / 21, -489757.0 / 140, -489185.0 / 36, -16629716.0 / 315, -158036447.0 / 770, -158128825.0 / 198, -3639486251.0 / 1170, -5203073966.0 / 429, -7810331279.0 / 165, -3173256072599.0 / 17160, -14062590867527.0 / 19448, -28143414506884.0 / 9945};
constexpr double k_h2_log[17] = {1.0, 4.0 / 3, 3.0, 8.0, 70.0 / 3, 72.0, 231.0, 2288.0 / 3, 2574.0, 8840.0, 92378.0 / 3, 108528.0, 386308.0, 4160240.0 / 3, 5014575.0, 18249120.0, 66786710.0};
constexpr double k_h2_rest[17] = {3.0 / 2, -8.0 / 9, -11.0 / 4, -124.0 / 15, -463.0 / 18, -2894.0 / 35, -32749.0 / 120, -869404.0 / 945, -441709.0 / 140, -7604785.0 / 693, -145985317.0 / 3780, -294470654.0 / 2145, -487260233.0 / 990, -34318070702.0 / 19305, -14785902973.0 / 2288, -861558674764.0 / 36465, -13408662546767.0 / 154440};

double horner(const double (&c)[17], double w) {
  double s = 0.0;
  for (int k = 16; k >= 0; --k) s = s * w + c[k];
  return s;
}

// F(x) = sqrt(x/(4-x)) arccos(sqrt(x)/2) for x < 4 and its continuation sqrt(x/(x-4)) arccosh(sqrt(x)/2)
// for x > 4, i.e. atan(u)/u with u^2 = (4-x)/x, resp. atanh(v)/v with v^2 = (x-4)/x; F(4) = 1.
// G(x) = sqrt(x(4-x)) arccos(sqrt(x)/2) / x = u atan(u), resp. -v atanh(v); G(4) = 0.
// (arccos(sqrt(x)/2) = atan(u): cos = sqrt(x)/2, tan = sqrt(4-x)/sqrt(x); arccosh(sqrt(x)/2) = atanh(v).)
struct FG {
  double F, G;
};
FG arc_terms(double x) {
  if (x < 4) {
    const double u = std::sqrt((4 - x) / x);
    return u == 0 ? FG{1.0, 0.0} : FG{std::atan(u) / u, u * std::atan(u)};
  }
  const double v = std::sqrt((x - 4) / x);
  return v == 0 ? FG{1.0, 0.0} : FG{std::atanh(v) / v, -v * std::atanh(v)};
}

}  // namespace

double g2_loop_h1_closed_form(double x) {
  const FG a = arc_terms(x);
  return 1 + 2 * x + x * (1 - x) * std::log(x) - 2 * x * (3 - x) * a.F;
}

double g2_loop_h2_closed_form(double x) {
  const FG a = arc_terms(x);
  return 1 - x / 3 + (x * x / 6) * std::log(x) + ((2 + x) / 3) * x * a.G;
}

double g2_loop_h1_large_x(double x) {
  const double w = 1 / x;
  return std::log(x) * horner(k_h1_log, w) + horner(k_h1_rest, w);
}

double g2_loop_h2_large_x(double x) {
  const double w = 1 / x;
  return std::log(x) * horner(k_h2_log, w) + horner(k_h2_rest, w);
}

double g2_loop_h1(double x) {
  if (!(x > 0)) return 1.0;  // massless ALP: the limit x -> 0
  return x > kG2LargeXSwitch ? g2_loop_h1_large_x(x) : g2_loop_h1_closed_form(x);
}

double g2_loop_h2(double x) {
  if (!(x > 0)) return 1.0;
  return x > kG2LargeXSwitch ? g2_loop_h2_large_x(x) : g2_loop_h2_closed_form(x);
}

LeptonG2Terms lepton_g2_terms(double m_l, double m_a, double g_agamma, double g_al, double uv_scale) {
  const double x = (m_a / m_l) * (m_a / m_l);
  const double pre = m_l * m_l / (16 * units::pi * units::pi);
  const double log_uv = std::log(uv_scale / m_l);  // ln(Lambda/m_l); ln(Lambda^2/m_l^2) = 2 log_uv
  LeptonG2Terms t;
  t.barr_zee = pre * 2 * g_agamma * g_al * (g2_loop_h2(x) - 2 * log_uv);
  t.one_loop = -pre * g_al * g_al * g2_loop_h1(x);
  t.light_by_light = pre * g_agamma * g_agamma * (3 * units::alpha_em / units::pi) * log_uv * log_uv;
  return t;
}

}  // namespace alpscan::physics
