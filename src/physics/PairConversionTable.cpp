#include "alpscan/physics/PairConversionTable.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/AlpPairConversion.hpp"

namespace alpscan::physics {

namespace {
constexpr double kThreshold = 2.0 * units::m_electron;

// Index i with x[i] <= t < x[i+1] and the weight of x[i+1], clamped to the ends (x ascending).
std::pair<std::size_t, double> locate(const std::vector<double>& x, double t) {
  if (x.size() == 1 || t <= x.front()) return {0, 0.0};
  if (t >= x.back()) return {x.size() - 2, 1.0};
  const std::size_t i = static_cast<std::size_t>(std::upper_bound(x.begin(), x.end(), t) - x.begin()) - 1;
  return {i, (t - x[i]) / (x[i + 1] - x[i])};
}
}  // namespace

PairConversionTable::PairConversionTable(std::vector<double> m_nodes, std::vector<double> E_nodes,
                                         std::vector<double> sigma)
    : m_(std::move(m_nodes)), E_(std::move(E_nodes)) {
  if (m_.empty() || E_.empty()) throw std::invalid_argument("pair-conversion table: no mass or energy nodes");
  for (std::size_t i = 0; i < m_.size(); ++i)
    if (!(m_[i] >= 0 && m_[i] < kThreshold) || (i > 0 && !(m_[i] > m_[i - 1])))
      throw std::invalid_argument("pair-conversion table: mass nodes must ascend within [0, 2 m_e) (node " +
                                  std::to_string(i) + ")");
  for (std::size_t i = 0; i < E_.size(); ++i)
    if (!(E_[i] > 0) || (i > 0 && !(E_[i] > E_[i - 1])))
      throw std::invalid_argument("pair-conversion table: energy nodes must be > 0 and ascending (node " +
                                  std::to_string(i) + ")");
  if (sigma.size() != m_.size() * E_.size())
    throw std::invalid_argument("pair-conversion table: " + std::to_string(sigma.size()) + " cross-sections for " +
                                std::to_string(m_.size()) + " masses x " + std::to_string(E_.size()) + " energies");
  for (std::size_t i = 0; i < sigma.size(); ++i)
    if (!(sigma[i] > 0 && std::isfinite(sigma[i])))
      throw std::invalid_argument("pair-conversion table: cross-section " + std::to_string(i) + " is not > 0");
  // Interpolation variables; u = ln(2 m_e - m) decreases with m, so store it negated (ascending).
  for (double m : m_) u_.push_back(-std::log(kThreshold - m));
  for (double E : E_) v_.push_back(std::log(E));
  for (double s : sigma) ln_sigma_.push_back(std::log(s));
}

PairConversionTable PairConversionTable::compute(const AlpPairConversion& c, std::vector<double> m_nodes,
                                                 std::vector<double> E_nodes) {
  std::vector<double> s;
  for (double m : m_nodes)
    for (double E : E_nodes) s.push_back(c.sigma(PairProbe::alp, E, m));
  return PairConversionTable(std::move(m_nodes), std::move(E_nodes), std::move(s));
}

std::vector<double> PairConversionTable::threshold_mass_nodes(int per_decade, int decades) {
  std::vector<double> m;
  for (int k = 0; k <= per_decade * decades; ++k) m.push_back(kThreshold * (1.0 - std::pow(10.0, -double(k) / per_decade)));
  return m;
}

double PairConversionTable::operator()(double E, double m) const {
  if (empty() || !(m < kThreshold) || !(E > 0)) return 0.0;
  const auto [i, a] = locate(u_, -std::log(kThreshold - std::max(m, 0.0)));
  const auto [j, b] = locate(v_, std::log(E));
  const std::size_t nE = E_.size();
  const std::size_t i1 = std::min(i + 1, m_.size() - 1), j1 = std::min(j + 1, nE - 1);
  const double l = (1 - a) * ((1 - b) * ln_sigma_[i * nE + j] + b * ln_sigma_[i * nE + j1]) +
                   a * ((1 - b) * ln_sigma_[i1 * nE + j] + b * ln_sigma_[i1 * nE + j1]);
  return std::exp(l);
}

}  // namespace alpscan::physics
