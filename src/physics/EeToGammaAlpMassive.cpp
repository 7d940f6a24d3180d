#include "alpscan/physics/EeToGammaAlpMassive.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/core/Units.hpp"

namespace alpscan::physics {

namespace {

constexpr double me = units::m_electron;

// beta = sqrt(1 - 4 m_e^2/s) and 1 - beta without cancellation; open = false where the process is closed.
struct Beta {
  bool open = false;
  double b = 0.0, omb = 0.0;  // beta, 1 - beta
};
Beta beta_of(double s, double m_a) {
  Beta r;
  const double r4 = 4.0 * me * me / s;
  if (!(s > 0) || !(r4 < 1.0) || !(m_a * m_a < s)) return r;
  r.open = true;
  r.b = std::sqrt(1.0 - r4);
  r.omb = r4 / (1.0 + r.b);
  return r;
}

// ln[(1 + beta)/(1 - beta)].
double l_beta(const Beta& k) { return std::log((1.0 + k.b) / k.omb); }

// 1 - beta c and 1 + beta c for c in [-1, 1], each without cancellation near |c| = 1.
double one_minus_bc(const Beta& k, double c) { return c >= 0 ? (1.0 - c) + c * k.omb : 1.0 - k.b * c; }
double one_plus_bc(const Beta& k, double c) { return c <= 0 ? (1.0 + c) - c * k.omb : 1.0 + k.b * c; }

}  // namespace

double photon_energy_cm_ee_gamma_a(double s, double m_a) { return (s - m_a * m_a) / (2.0 * std::sqrt(s)); }

double photon_energy_window_efficiency(double s, double m_a, double E_lo, double E_hi, double res_const,
                                       double res_stoch) {
  if (!(s > 0)) return 0.0;
  const double E = photon_energy_cm_ee_gamma_a(s, m_a);
  if (!(E > 0) || !(E_hi > E_lo)) return 0.0;
  const double sigma = std::sqrt(res_const * res_const * E * E + res_stoch * res_stoch * E);
  if (!(sigma > 0)) return (E >= E_lo && E <= E_hi) ? 1.0 : 0.0;
  // Phi(x) = erfc(-x/sqrt 2)/2. Written as the difference of the two upper (or two lower) tails, whichever
  // side E* lies on, so that a window far from E* is not a difference of two numbers near 1.
  const double k = 1.0 / (sigma * std::sqrt(2.0));
  if (E <= 0.5 * (E_lo + E_hi)) return 0.5 * (std::erfc((E_lo - E) * k) - std::erfc((E_hi - E) * k));
  return 0.5 * (std::erfc((E - E_hi) * k) - std::erfc((E - E_lo) * k));
}

double sigma_ee_gamma_a_photon(double s, double m_a) {
  const Beta k = beta_of(s, m_a);
  if (!k.open) return 0.0;
  const double d = s - m_a * m_a;
  return units::alpha_em * (s + 2.0 * me * me) * d * d * d / (24.0 * k.b * s * s * s * s);
}

double dsigma_dc_ee_gamma_a_photon(double s, double m_a, double c) {
  const Beta k = beta_of(s, m_a);
  if (!k.open || std::abs(c) > 1.0) return 0.0;
  const double d = s - m_a * m_a;
  return units::alpha_em * d * d * d / (64.0 * k.b * s * s * s) * (1.0 + k.b * k.b * c * c + 4.0 * me * me / s);
}

double sigma_ee_gamma_a_photon_window(double s, double m_a, double c1, double c2) {
  const Beta k = beta_of(s, m_a);
  c1 = std::clamp(c1, -1.0, 1.0), c2 = std::clamp(c2, -1.0, 1.0);
  if (!k.open || !(c2 > c1)) return 0.0;
  const double d = s - m_a * m_a, a = 1.0 + 4.0 * me * me / s, b2 = k.b * k.b;
  auto F = [&](double c) { return a * c + b2 * c * c * c / 3.0; };
  return units::alpha_em * d * d * d / (64.0 * k.b * s * s * s) * (F(c2) - F(c1));
}

double sigma_ee_gamma_a_electron(double s, double m_a) {
  const Beta k = beta_of(s, m_a);
  if (!k.open) return 0.0;
  const double m2 = m_a * m_a;
  const double num = -2.0 * m2 * k.b * s + (s * s + m2 * m2 - 4.0 * m2 * me * me) * l_beta(k);
  return units::alpha_em * num / (2.0 * (s - m2) * s * s * k.b * k.b);
}

double dsigma_dc_ee_gamma_a_electron(double s, double m_a, double c) {
  const Beta k = beta_of(s, m_a);
  if (!k.open || std::abs(c) > 1.0) return 0.0;
  const double m2 = m_a * m_a;
  const double A = (s * s + m2 * m2 - 4.0 * m2 * me * me) / (2.0 * s * s * k.b);
  const double B = me * me * m2 / (s * s * k.b);
  const double lm = one_minus_bc(k, c), lp = one_plus_bc(k, c);
  return units::alpha_em / (s - m2) * (A / (lm * lp) - B * (1.0 / (lm * lm) + 1.0 / (lp * lp)));
}

double sigma_ee_gamma_a_electron_window(double s, double m_a, double c1, double c2) {
  const Beta k = beta_of(s, m_a);
  c1 = std::clamp(c1, -1.0, 1.0), c2 = std::clamp(c2, -1.0, 1.0);
  if (!k.open || !(c2 > c1)) return 0.0;
  const double m2 = m_a * m_a;
  const double A = (s * s + m2 * m2 - 4.0 * m2 * me * me) / (2.0 * s * s * k.b);
  const double B = me * me * m2 / (s * s * k.b);
  // Antiderivative (spec 2.1): A artanh(beta c)/beta - B [1/(beta(1 - beta c)) - 1/(beta(1 + beta c))].
  auto F = [&](double c) {
    const double lm = one_minus_bc(k, c), lp = one_plus_bc(k, c);
    return A * 0.5 * std::log(lp / lm) / k.b - B * (1.0 / lm - 1.0 / lp) / k.b;
  };
  return units::alpha_em / (s - m2) * (F(c2) - F(c1));
}

double sigma_ee_gamma_a_interference(double s, double m_a) {
  const Beta k = beta_of(s, m_a);
  if (!k.open) return 0.0;
  const double d = s - m_a * m_a;
  return units::alpha_em * me * d * d * l_beta(k) / (2.0 * k.b * k.b * s * s * s);
}

double dsigma_dc_ee_gamma_darkphoton(double s, double m, double c) {
  if (!(s > 0) || !(m * m < s) || !(std::abs(c) < 1.0)) return 0.0;
  const double d = s - m * m, a = units::alpha_em;
  return 2.0 * units::pi * a * a / s * (1.0 - m * m / s) * ((1.0 + c * c) + 4.0 * m * m * s / (d * d)) / (1.0 - c * c);
}

double sigma_ee_gamma_darkphoton_window(double s, double m, double c1, double c2) {
  if (!(c1 > -1.0 && c2 < 1.0))  // the massless form diverges at |c| = 1: a window must stay inside
    throw std::invalid_argument("dark-photon reference cross-section: the window [c1, c2] must lie inside (-1, 1)");
  if (!(s > 0) || !(m * m < s) || !(c2 > c1)) return 0.0;
  const double d = s - m * m, a = units::alpha_em, K = 2.0 + 4.0 * m * m * s / (d * d);
  auto F = [&](double c) { return -c + K * std::atanh(c); };
  return 2.0 * units::pi * a * a / s * (1.0 - m * m / s) * (F(c2) - F(c1));
}

}  // namespace alpscan::physics
