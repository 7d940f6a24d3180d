#include "alpscan/physics/AlpCompton.hpp"

#include <algorithm>
#include <cmath>

#include "alpscan/core/Units.hpp"

namespace alpscan::physics {

namespace {

constexpr double me = units::m_electron;

double kallen(double a, double b, double c) { return a * a + b * b + c * c - 2.0 * (a * b + a * c + b * c); }

double clamp_cos(double c) { return std::clamp(c, -1.0, 1.0); }

// Bracket F(U) of |M|^2/(4 pi alpha g^2) at fixed S (header), and its integral over [U1, U2] (both < 0).
struct ComptonBracket {
  double S, c0, c1, c2;
  ComptonBracket(double S_, double m_a) : S(S_) {
    const double m2 = m_a * m_a, me2 = me * me;
    c0 = -2.0 + 2.0 * m2 / S + 2.0 * me2 * m2 / (S * S);
    c1 = -S + 2.0 * m2 + (4.0 * me2 * m2 - 2.0 * m2 * m2) / S;
    c2 = 2.0 * me2 * m2;
  }
  double integral(double U1, double U2) const {
    const double d = U2 - U1;
    return c0 * d - d * (U2 + U1) / (2.0 * S) + c1 * std::log(U2 / U1) + c2 * d / (U1 * U2);
  }
};

}  // namespace

AlpEnergyInterval two_body_lab_energy_range(double E1, double m1, double m2, double m3, double m4) {
  if (!(E1 > m1)) return {};
  const double s = m1 * m1 + m2 * m2 + 2.0 * m2 * E1;
  if (!(s > (m3 + m4) * (m3 + m4))) return {};
  const double rs = std::sqrt(s), p1 = std::sqrt((E1 - m1) * (E1 + m1));
  const double E3s = (s + m3 * m3 - m4 * m4) / (2.0 * rs);
  const double p3s2 = std::max(0.0, kallen(s, m3 * m3, m4 * m4)) / (4.0 * s);
  const double hi = ((E1 + m2) * E3s + p1 * std::sqrt(p3s2)) / rs;
  if (!(hi > 0)) return {};
  const double lo = ((E1 + m2) * (E1 + m2) * m3 * m3 / s + p3s2) / hi;
  return {std::min(lo, hi), hi};
}

// ---------------------------------------------------------------------------------------------------
// P2
double alp_compton_m2(double s, double t, double m_a) {
  const double m2 = m_a * m_a, me2 = me * me;
  const double S = s - me2, U = 2.0 * me2 + m2 - s - t - me2, A = m2 - t, SU = S * U;
  return 4.0 * units::pi * units::alpha_em * (-A * A / SU + 2.0 * me2 * m2 * A * A / (SU * SU) - 2.0 * m2 * t / SU);
}

double alp_compton_threshold(double m_a) { return m_a * (m_a + 2.0 * me) / (2.0 * me); }

// Range of -U = 2 m_e E_a - m_a^2 in P2 (CM frame): -U = X -+ Y, X = 2 E_e* E_a* - m_a^2, Y = 2 p* p_a*,
// with (X - Y)(X + Y) = m_e^2 [4 p_a*^2 + m_a^2 (2 s + 2 m_e^2 - m_a^2)/s] (all terms positive), so the lower
// end carries no cancellation.
static AlpEnergyInterval compton_abs_u_range(double E_gamma, double m_a) {
  if (!(E_gamma > alp_compton_threshold(m_a))) return {};
  const double m2 = m_a * m_a, me2 = me * me, s = me2 + 2.0 * me * E_gamma;
  const double pas2 = std::max(0.0, kallen(s, m2, me2)) / (4.0 * s);   // p_a*^2
  const double X = (s + me2) * (s + m2 - me2) / (2.0 * s) - m2;
  const double Y = (s - me2) / std::sqrt(s) * std::sqrt(pas2);          // 2 p* p_a*
  const double hi = X + Y;
  if (!(hi > 0)) return {};
  const double lo = me2 * (4.0 * pas2 + m2 * (2.0 * s + 2.0 * me2 - m2) / s) / hi;
  return {std::min(lo, hi), hi};
}

AlpEnergyInterval alp_compton_energy_range(double E_gamma, double m_a) {
  const AlpEnergyInterval u = compton_abs_u_range(E_gamma, m_a);
  if (u.empty()) return {};
  const double m2 = m_a * m_a;
  return {(m2 + u.lo) / (2.0 * me), (m2 + u.hi) / (2.0 * me)};
}

double alp_compton_dsigma_dea(double E_gamma, double E_a, double m_a) {
  const AlpEnergyInterval r = alp_compton_energy_range(E_gamma, m_a);
  if (r.empty() || E_a < r.lo || E_a > r.hi) return 0.0;
  const double S = 2.0 * me * E_gamma, s = S + me * me;
  const double t = 2.0 * me * (E_a - E_gamma);
  return 2.0 * me * alp_compton_m2(s, t, m_a) / (16.0 * units::pi * S * S);
}

double alp_compton_sigma_ea_range(double E_gamma, double m_a, double Ea_lo, double Ea_hi) {
  const AlpEnergyInterval r = alp_compton_energy_range(E_gamma, m_a);
  if (r.empty()) return 0.0;
  const double lo = std::max(Ea_lo, r.lo), hi = std::min(Ea_hi, r.hi);
  if (!(hi > lo)) return 0.0;
  const double S = 2.0 * me * E_gamma, m2 = m_a * m_a;
  // U = m_a^2 - 2 m_e E_a decreases with E_a; integrate F dU from U(hi) to U(lo). At the ends of the full
  // range take -U from compton_abs_u_range (exact lower end).
  const AlpEnergyInterval u = compton_abs_u_range(E_gamma, m_a);
  const double U1 = hi == r.hi ? -u.hi : m2 - 2.0 * me * hi;
  const double U2 = lo == r.lo ? -u.lo : m2 - 2.0 * me * lo;
  return units::alpha_em / (4.0 * S * S) * ComptonBracket(S, m_a).integral(U1, U2);
}

double alp_compton_sigma(double E_gamma, double m_a) {
  const AlpEnergyInterval r = alp_compton_energy_range(E_gamma, m_a);
  return alp_compton_sigma_ea_range(E_gamma, m_a, r.lo, r.hi);
}

double alp_compton_cos_theta(double E_gamma, double E_a, double m_a) {
  const double p_a = std::sqrt(std::max(0.0, (E_a - m_a) * (E_a + m_a)));
  if (!(p_a > 0) || !(E_gamma > 0)) return 1.0;
  return clamp_cos((E_gamma * E_a - 0.5 * m_a * m_a + me * (E_a - E_gamma)) / (E_gamma * p_a));
}

double alp_compton_theta(double E_gamma, double E_a, double m_a) {
  return std::acos(alp_compton_cos_theta(E_gamma, E_a, m_a));
}

// ---------------------------------------------------------------------------------------------------
// D4
AlpEnergyInterval alp_inverse_compton_recoil_range(double E_a, double m_a) {
  // Photon energy range (particle 3 = photon), T = E_a - E_gamma.
  const AlpEnergyInterval g = two_body_lab_energy_range(E_a, m_a, me, 0.0, me);
  if (g.empty()) return {};
  return {std::max(0.0, E_a - g.hi), E_a - g.lo};
}

double alp_inverse_compton_dsigma_dT(double E_a, double T, double m_a) {
  const AlpEnergyInterval r = alp_inverse_compton_recoil_range(E_a, m_a);
  if (r.empty() || T < r.lo || T > r.hi) return 0.0;
  const double m2 = m_a * m_a, s = me * me + m2 + 2.0 * me * E_a, pa2 = (E_a - m_a) * (E_a + m_a);
  return alp_compton_m2(s, -2.0 * me * T, m_a) / (16.0 * units::pi * me * pa2);
}

double alp_inverse_compton_dsigma_degamma(double E_a, double E_gamma, double m_a) {
  return alp_inverse_compton_dsigma_dT(E_a, E_a - E_gamma, m_a);
}

double alp_inverse_compton_sigma_T_range(double E_a, double m_a, double T_lo, double T_hi) {
  const AlpEnergyInterval g = two_body_lab_energy_range(E_a, m_a, me, 0.0, me);  // photon energies
  const AlpEnergyInterval r = alp_inverse_compton_recoil_range(E_a, m_a);
  if (g.empty() || r.empty()) return 0.0;
  const double lo = std::max(T_lo, r.lo), hi = std::min(T_hi, r.hi);
  if (!(hi > lo)) return 0.0;
  const double m2 = m_a * m_a, S = m2 + 2.0 * me * E_a, pa2 = (E_a - m_a) * (E_a + m_a);
  // U = u - m_e^2 = -2 m_e E_gamma = -2 m_e (E_a - T) increases with T; at the ends of the full range
  // take E_gamma from the photon's 2->2 range (no cancellation in E_a - T).
  const double U1 = -2.0 * me * (lo == r.lo ? g.hi : E_a - lo);
  const double U2 = -2.0 * me * (hi == r.hi ? g.lo : E_a - hi);
  return units::alpha_em / (8.0 * me * me * pa2) * ComptonBracket(S, m_a).integral(U1, U2);
}

double alp_inverse_compton_sigma(double E_a, double m_a) {
  const AlpEnergyInterval r = alp_inverse_compton_recoil_range(E_a, m_a);
  return alp_inverse_compton_sigma_T_range(E_a, m_a, r.lo, r.hi);
}

double alp_inverse_compton_cos_theta_e(double E_a, double T, double m_a) {
  const double p_a = std::sqrt(std::max(0.0, (E_a - m_a) * (E_a + m_a)));
  const double p_e = std::sqrt(std::max(0.0, T * (T + 2.0 * me)));
  if (!(p_a > 0) || !(p_e > 0)) return 0.0;
  return clamp_cos((2.0 * T * (me + E_a) - m_a * m_a) / (2.0 * p_a * p_e));
}

double alp_inverse_compton_theta_e(double E_a, double T, double m_a) {
  return std::acos(alp_inverse_compton_cos_theta_e(E_a, T, m_a));
}

double alp_inverse_compton_cos_theta_gamma(double E_a, double T, double m_a) {
  const double p_a = std::sqrt(std::max(0.0, (E_a - m_a) * (E_a + m_a)));
  const double E_g = E_a - T;
  if (!(p_a > 0) || !(E_g > 0)) return 1.0;
  return clamp_cos((2.0 * E_a * E_g - m_a * m_a - 2.0 * me * T) / (2.0 * p_a * E_g));
}

double alp_inverse_compton_theta_gamma(double E_a, double T, double m_a) {
  return std::acos(alp_inverse_compton_cos_theta_gamma(E_a, T, m_a));
}

}  // namespace alpscan::physics
