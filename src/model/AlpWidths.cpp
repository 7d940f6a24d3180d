#include "alpscan/model/AlpWidths.hpp"

#include <cmath>
#include <limits>

#include "alpscan/core/Units.hpp"

namespace alpscan::model {

double width_a_to_gg(double g, double m) { return g * g * m * m * m / (64.0 * units::pi); }

double width_gg_per_g2(double m) { return width_a_to_gg(1.0, m); }

double gg_decay_exponent_per_g2(double L, double m, double p) {
  const double m4 = m * m * m * m;
  return L * m4 / (64.0 * units::pi * p);
}

double width_a_to_ee(double g_ae, double m) {
  const double r = 4.0 * units::m_electron * units::m_electron / (m * m);
  if (r >= 1.0) return 0.0;
  return g_ae * g_ae * m / (8.0 * units::pi) * std::sqrt(1.0 - r);
}

double width_a_to_chichi(double g_achi, double m_chi, double m) {
  if (!(m > 2.0 * m_chi)) return 0.0;
  const double r = 4.0 * m_chi * m_chi / (m * m);
  return g_achi * g_achi * m_chi * m_chi * m / (8.0 * units::pi) * std::sqrt(1.0 - r);
}

double width_inv_from_br(double br_inv, double visible) {
  if (!(br_inv > 0)) return 0.0;
  if (!(br_inv < 1)) return std::numeric_limits<double>::infinity();
  return br_inv / (1.0 - br_inv) * visible;
}

double decay_length(double E, double m, double Gamma) {
  if (!(E > m)) return 0.0;
  if (!(Gamma > 0)) return std::numeric_limits<double>::infinity();
  // p = sqrt((E - m)(E + m)): no cancellation when E is just above m.
  const double p = std::sqrt((E - m) * (E + m));
  return p / (m * Gamma);
}

double AlpWidths::br_inv() const {
  if (std::isinf(inv)) return 1.0;
  return total() > 0 ? inv / total() : 0.0;
}

AlpWidths widths(double m, double g_agg, double g_ae, double br_inv) {
  AlpWidths w;
  w.gg = width_a_to_gg(g_agg, m);
  w.ee = width_a_to_ee(g_ae, m);
  w.inv = width_inv_from_br(br_inv, w.gg + w.ee);
  return w;
}

}  // namespace alpscan::model
