#include "alpscan/physics/AlpConversion.hpp"

#include <cmath>
#include <limits>

#include "alpscan/core/Units.hpp"
#include "alpscan/model/AlpWidths.hpp"

namespace alpscan::physics {

double sinc(double x) {
  if (std::fabs(x) < 1e-4) return 1.0 - x * x / 6.0;
  return std::sin(x) / x;
}

double one_minus_sinc(double x) {
  const double x2 = x * x;
  if (std::fabs(x) < 1e-2) return x2 / 6.0 * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0));
  return 1.0 - std::sin(x) / x;
}

double conversion_q(double E, double m, double g, double B) {
  return std::hypot(m * m / (2.0 * E), g * B);
}

double conversion_probability(double E, double m, double g, double B, double L) {
  const double a = 0.5 * g * B * L;
  const double s = sinc(0.5 * conversion_q(E, m, g, B) * L);
  return a * a * s * s;
}

double mean_sin2_linear_phase(double phi_c, double chi) {
  const double s = std::sin(phi_c);
  // sinc(x) and one_minus_sinc(x) at x = 2 chi with one sin(x) between them: the same branches and
  // arithmetic as the two functions, so the same values (the per-bin inner loop of PASSAT and the
  // helioscopes, where sin is most of the cost).
  const double x = 2.0 * chi, x2 = x * x;
  const bool tiny = std::fabs(x) < 1e-4, small = std::fabs(x) < 1e-2;
  const double r = tiny ? 0.0 : std::sin(x) / x;
  const double sinc_x = tiny ? 1.0 - x * x / 6.0 : r;
  const double one_minus_sinc_x = small ? x2 / 6.0 * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0)) : 1.0 - r;
  return 0.5 * one_minus_sinc_x + sinc_x * s * s;
}

double bin_conversion_shape(double y, double chi, double chi_narrow) {
  if (!(y > 0)) return 1.0;
  const double phi = std::sqrt(y);
  if (chi <= chi_narrow) {
    const double s = sinc(phi);
    return s * s;
  }
  return mean_sin2_linear_phase(phi, chi) / y;
}

double decay_exponent_per_g2(double E, double m, double L_tilde) {
  if (!(m < E)) return std::numeric_limits<double>::infinity();
  const double p = std::sqrt((E - m) * (E + m));
  return m * model::width_a_to_gg(1.0, m) * L_tilde / p;
}

double survival_probability(double E, double m, double g, double L_tilde) {
  if (!(m < E)) return 0.0;
  return std::exp(-g * g * decay_exponent_per_g2(E, m, L_tilde));
}

}  // namespace alpscan::physics

namespace alpscan::physics {

double conversion_q_medium(double E, double m_a, double m_gamma2) {
  return std::fabs(m_a * m_a - m_gamma2) / (2.0 * E);
}

double conversion_probability_medium(double E, double m_a, double m_gamma2, double g, double B, double L,
                                     double Gamma) {
  const double q = conversion_q_medium(E, m_a, m_gamma2);
  if (!(Gamma > 0)) {
    const double a = 0.5 * g * B * L;
    const double s = sinc(0.5 * q * L);
    return a * a * s * s;
  }
  const double h = 0.5 * g * B;
  const double e = std::exp(-0.5 * Gamma * L);
  // 1 + e^2 - 2 e cos(qL) = (1 - e)^2 + 4 e sin^2(qL/2): no cancellation when both are small.
  const double sn = std::sin(0.5 * q * L);
  return h * h * ((1.0 - e) * (1.0 - e) + 4.0 * e * sn * sn) / (q * q + 0.25 * Gamma * Gamma);
}

}  // namespace alpscan::physics
