#include "alpscan/physics/EeToGammaAlp.hpp"

#include <algorithm>
#include <cmath>

#include "alpscan/core/Units.hpp"

namespace alpscan::physics {

double ee_gamma_a_phase_space(double s, double m) {
  if (!(s > 0) || !(m * m < s)) return 0.0;
  const double x = 1.0 - m * m / s;
  return x * x * x;
}

double sigma_ee_to_gamma_a(double s, double m, double g_agg) {
  return units::alpha_em * g_agg * g_agg / 24.0 * ee_gamma_a_phase_space(s, m);
}

double dsigma_dcos_ee_to_gamma_a(double s, double m, double g_agg, double cos_theta) {
  if (std::abs(cos_theta) > 1.0) return 0.0;
  return units::alpha_em * g_agg * g_agg / 64.0 * ee_gamma_a_phase_space(s, m) * (1.0 + cos_theta * cos_theta);
}

double angular_acceptance(double cos_min, double cos_max) {
  const double c1 = std::clamp(cos_min, -1.0, 1.0), c2 = std::clamp(cos_max, -1.0, 1.0);
  if (!(c2 > c1)) return 0.0;
  auto F = [](double c) { return c + c * c * c / 3.0; };
  return (F(c2) - F(c1)) * (3.0 / 8.0);
}

double alp_energy_ee_to_gamma_a(double s, double m) { return (s + m * m) / (2.0 * std::sqrt(s)); }

double width_z_to_gamma_a(double g_aZg, double m, double m_Z) {
  if (!(m < m_Z)) return 0.0;
  const double x = 1.0 - m * m / (m_Z * m_Z);
  return g_aZg * g_aZg * m_Z * m_Z * m_Z * x * x * x / (96.0 * units::pi);
}

double g_aZg_hypercharge(double g_agg, double sin2_theta_W) {
  return g_agg * std::sqrt(sin2_theta_W / (1.0 - sin2_theta_W));
}

double sigma_ee_to_z_to_gamma_a(double s, double m_Z, double Gamma_Z, double Gamma_ee, double Gamma_Zga) {
  const double mz2 = m_Z * m_Z, d = s - mz2;
  return 12.0 * units::pi * Gamma_ee * Gamma_Zga * s / (mz2 * (d * d + s * s * Gamma_Z * Gamma_Z / mz2));
}

}  // namespace alpscan::physics
