#include "alpscan/experiments/MassNodes.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace alpscan {

MassNodes mass_nodes_of(std::vector<double> m, double m_floor) {
  m.erase(std::remove_if(m.begin(), m.end(), [&](double x) { return !(x > m_floor) || !std::isfinite(x); }), m.end());
  std::sort(m.begin(), m.end());
  m.erase(std::unique(m.begin(), m.end()), m.end());
  MassNodes n;
  n.m = std::move(m);
  for (double x : n.m) n.ln_m.push_back(std::log(x));
  return n;
}

MassNodes log_mass_nodes(double m_min, double m_max, double per_decade, double m_floor) {
  double lo = std::max(m_min, m_floor);
  double hi = std::max(m_max, lo);
  if (hi <= lo * 1.0001) {
    lo /= 1.1;
    hi *= 1.1;
  }
  const int nm = std::max(2, 1 + static_cast<int>(std::ceil(std::log10(hi / lo) * per_decade)));
  MassNodes nodes;
  nodes.m.resize(nm);
  nodes.ln_m.resize(nm);
  for (int k = 0; k < nm; ++k) {
    nodes.ln_m[k] = std::log(lo) + (std::log(hi) - std::log(lo)) * k / (nm - 1);
    nodes.m[k] = std::exp(nodes.ln_m[k]);
  }
  // Exact edges (exp(log(x)) need not round-trip).
  nodes.m.front() = lo;
  nodes.m.back() = hi;
  nodes.ln_m.front() = std::log(lo);
  nodes.ln_m.back() = std::log(hi);
  return nodes;
}

NodeBracket bracket_log_mass(const std::vector<double>& ln_m, double m) {
  const int nm = static_cast<int>(ln_m.size());
  const double lm = std::log(m);
  int k = static_cast<int>(std::upper_bound(ln_m.begin(), ln_m.end(), lm) - ln_m.begin()) - 1;
  k = std::clamp(k, 0, nm - 2);
  return {k, (lm - ln_m[k]) / (ln_m[k + 1] - ln_m[k])};
}

}  // namespace alpscan
