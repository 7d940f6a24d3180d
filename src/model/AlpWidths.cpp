#include "alpscan/model/AlpWidths.hpp"

#include <cmath>

#include "alpscan/core/Units.hpp"

namespace alpscan::model {

double width_a_to_gg(double g, double m) { return g * g * m * m * m / (64.0 * units::pi); }

double width_a_to_ee(double g_ae, double m) {
  const double r = 4.0 * units::m_electron * units::m_electron / (m * m);
  if (r >= 1.0) return 0.0;
  return g_ae * g_ae * m / (8.0 * units::pi) * std::sqrt(1.0 - r);
}

AlpWidths widths(double m, double g_agg, double g_ae, double br_inv) {
  AlpWidths w;
  w.gg = width_a_to_gg(g_agg, m);
  w.ee = width_a_to_ee(g_ae, m);
  if (br_inv > 0 && br_inv < 1) w.inv = br_inv / (1.0 - br_inv) * (w.gg + w.ee);
  return w;
}

}  // namespace alpscan::model
