#include "alpscan/physics/AlpPositronAnnihilation.hpp"

#include <algorithm>
#include <cmath>

#include "alpscan/core/Units.hpp"

namespace alpscan::physics {

namespace {

constexpr double me = units::m_electron;

// int F da from (a1, b1) to (a2, b2), a + b = D (header).
double assoc_bracket_integral(double s, double m_a, double a1, double b1, double a2, double b2) {
  const double m2 = m_a * m_a, D = s - m2, N = D * D + 2.0 * m2 * s;
  const double L = std::log((a2 * b1) / (a1 * b2));
  return N / D * L - 2.0 * me * me * m2 * ((1.0 / b2 - 1.0 / b1) + (1.0 / a1 - 1.0 / a2) + 2.0 / D * L);
}

}  // namespace

const char* to_string(ResonanceNorm n) { return n == ResonanceNorm::paper ? "paper" : "derived"; }

std::optional<ResonanceNorm> parse_resonance_norm(std::string_view s) {
  if (s == "derived") return ResonanceNorm::derived;
  if (s == "paper") return ResonanceNorm::paper;
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------
// P3
double alp_resonance_alp_energy(double m_a) { return m_a * m_a / (2.0 * me); }

double alp_resonance_positron_energy(double m_a) { return m_a * m_a / (2.0 * me) - me; }

double alp_resonance_beta_e(double m_a) {
  if (!(m_a > 2.0 * me)) return 0.0;
  return std::sqrt((m_a - 2.0 * me) * (m_a + 2.0 * me)) / m_a;
}

double alp_resonance_coefficient(double m_a, ResonanceNorm norm) {
  const double beta = alp_resonance_beta_e(m_a);
  if (!(beta > 0)) return 0.0;
  if (norm == ResonanceNorm::paper) return 2.0 * units::pi * me / (m_a * m_a * beta);
  return units::pi / (4.0 * me * beta);
}

// ---------------------------------------------------------------------------------------------------
// P4
double alp_assoc_m2(double s, double T, double U, double m_a) {
  const double m2 = m_a * m_a, D = s - m2, TU = T * U;
  return 4.0 * units::pi * units::alpha_em * ((D * D + 2.0 * m2 * s) / TU - 2.0 * me * me * m2 * D * D / (TU * TU));
}

double alp_assoc_threshold_energy(double m_a, double delta) {
  return std::max(me, (m_a * m_a * (1.0 + delta) - 2.0 * me * me) / (2.0 * me));
}

// In the CM frame a = -U and b = -T both run over (D/2)(1 -+ beta), beta = sqrt(1 - 4 m_e^2/s), D = s - m_a^2;
// the lower end is written as 2 m_e^2 D/(s (1 + beta)) (no cancellation).
struct AssocRange {
  double s = 0, D = 0, beta = 0, lo = 0, hi = 0;  // lo, hi: range of a (= range of b)
  bool open = false;
};

static AssocRange assoc_range(double E_plus, double m_a) {
  AssocRange r;
  if (!(E_plus > me)) return r;
  r.s = 2.0 * me * (me + E_plus);
  r.D = r.s - m_a * m_a;
  if (!(r.D > 0)) return r;
  r.beta = std::sqrt((E_plus - me) / (E_plus + me));  // = sqrt(1 - 4 m_e^2/s)
  r.hi = 0.5 * r.D * (1.0 + r.beta);
  r.lo = 2.0 * me * me * r.D / (r.s * (1.0 + r.beta));
  r.open = r.hi > r.lo;
  return r;
}

AlpEnergyInterval alp_assoc_energy_range(double E_plus, double m_a) {
  const AssocRange r = assoc_range(E_plus, m_a);
  if (!r.open) return {};
  const double m2 = m_a * m_a;
  return {(m2 + r.lo) / (2.0 * me), (m2 + r.hi) / (2.0 * me)};
}

double alp_assoc_dsigma_dea(double E_plus, double E_a, double m_a) {
  const AlpEnergyInterval r = alp_assoc_energy_range(E_plus, m_a);
  if (r.empty() || E_a < r.lo || E_a > r.hi) return 0.0;
  const double s = 2.0 * me * (me + E_plus);
  const double U = m_a * m_a - 2.0 * me * E_a, T = -2.0 * me * (E_plus + me - E_a);
  return 2.0 * me * alp_assoc_m2(s, T, U, m_a) / (16.0 * units::pi * s * (s - 4.0 * me * me));
}

double alp_assoc_sigma_ea_range(double E_plus, double m_a, double Ea_lo, double Ea_hi) {
  const AssocRange k = assoc_range(E_plus, m_a);
  const AlpEnergyInterval r = alp_assoc_energy_range(E_plus, m_a);
  if (!k.open || r.empty()) return 0.0;
  const double lo = std::max(Ea_lo, r.lo), hi = std::min(Ea_hi, r.hi);
  if (!(hi > lo)) return 0.0;
  const double m2 = m_a * m_a, Etot = E_plus + me;
  // a = -U = 2 m_e E_a - m_a^2, b = -T = 2 m_e E_gamma = 2 m_e (E_+ + m_e - E_a); exact ends of the range.
  const double a1 = lo == r.lo ? k.lo : 2.0 * me * lo - m2, b1 = lo == r.lo ? k.hi : 2.0 * me * (Etot - lo);
  const double a2 = hi == r.hi ? k.hi : 2.0 * me * hi - m2, b2 = hi == r.hi ? k.lo : 2.0 * me * (Etot - hi);
  const double s = k.s;
  return units::alpha_em / (4.0 * s * (s - 4.0 * me * me)) * assoc_bracket_integral(s, m_a, a1, b1, a2, b2);
}

double alp_assoc_sigma(double E_plus, double m_a) {
  const AlpEnergyInterval r = alp_assoc_energy_range(E_plus, m_a);
  return alp_assoc_sigma_ea_range(E_plus, m_a, r.lo, r.hi);
}

double alp_assoc_cos_theta(double E_plus, double E_a, double m_a) {
  const double p_a = std::sqrt(std::max(0.0, (E_a - m_a) * (E_a + m_a)));
  const double p_p = std::sqrt(std::max(0.0, (E_plus - me) * (E_plus + me)));
  if (!(p_a > 0) || !(p_p > 0)) return 1.0;
  const double c = (2.0 * E_plus * E_a - m_a * m_a - 2.0 * me * me + 2.0 * me * (E_a - E_plus)) / (2.0 * p_p * p_a);
  return std::clamp(c, -1.0, 1.0);
}

double alp_assoc_theta(double E_plus, double E_a, double m_a) {
  return std::acos(alp_assoc_cos_theta(E_plus, E_a, m_a));
}

}  // namespace alpscan::physics
