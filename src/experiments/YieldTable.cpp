#include "alpscan/experiments/YieldTable.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace alpscan {

namespace {
constexpr double kTag = 20261205.1;  // save() layout version
}  // namespace

const char* mass_interpolation_name(MassInterpolation p) {
  switch (p) {
    case MassInterpolation::linear_in_ln_m: return "linear in ln m";
    case MassInterpolation::log_where_positive: return "ln Y linear in ln m where both nodes are > 0, else linear";
    case MassInterpolation::exact_nodes: return "exact nodes only";
  }
  return "?";
}

YieldTable::YieldTable(MassNodes nodes, std::size_t n_energy, MassInterpolation policy)
    : nodes_(std::move(nodes)), n_energy_(n_energy), policy_(policy) {
  const std::size_t nm = nodes_.m.size();
  if (nodes_.ln_m.size() != nm || !std::is_sorted(nodes_.m.begin(), nodes_.m.end()))
    throw std::invalid_argument("YieldTable: mass nodes must be ascending, with their logarithms");
  if (policy_ != MassInterpolation::exact_nodes && nm < 2)
    throw std::invalid_argument("YieldTable: interpolation in mass needs at least 2 nodes");
  values_.assign(nm * n_energy_, 0.0);
}

void YieldTable::fill_by_energy(
    const std::function<void(std::size_t, const std::vector<double>&, std::vector<double>&)>& row) {
  std::vector<double> r;
  for (std::size_t j = 0; j < n_energy_; ++j) {
    r.assign(n_mass(), 0.0);
    row(j, nodes_.m, r);
    for (std::size_t k = 0; k < n_mass(); ++k) values_[k * n_energy_ + j] = r[k];
  }
  take_logs();
}

void YieldTable::take_logs() {
  ln_values_.clear();
  if (policy_ != MassInterpolation::log_where_positive) return;
  ln_values_.resize(values_.size());
  for (std::size_t i = 0; i < values_.size(); ++i) ln_values_[i] = values_[i] > 0 ? std::log(values_[i]) : 0.0;
}

void YieldTable::fill_by_mass(const std::function<void(std::size_t, double, double*)>& row) {
  for (std::size_t k = 0; k < n_mass(); ++k) row(k, nodes_.m[k], values_.data() + k * n_energy_);
  take_logs();
}

YieldTable::Bracket YieldTable::bracket(double m) const {
  const std::vector<double>& nm = nodes_.m;
  if (policy_ == MassInterpolation::exact_nodes) {
    const auto it = std::lower_bound(nm.begin(), nm.end(), m);
    if (it == nm.end() || *it != m) return {};
    return {static_cast<int>(it - nm.begin()), 0.0};
  }
  if (nm.empty() || !(m >= nm.front() && m <= nm.back())) return {};
  const NodeBracket b = bracket_log_mass(nodes_.ln_m, m);
  return {b.k, b.t};
}

double YieldTable::at(std::size_t j, const Bracket& b) const {
  const std::size_t k = static_cast<std::size_t>(b.k);
  const double a = values_[k * n_energy_ + j];
  if (policy_ == MassInterpolation::exact_nodes) return a;
  const double c = values_[(k + 1) * n_energy_ + j];
  // At a node (t = 0: a scan at the job's masses) the stored value itself, as both formulas give.
  if (b.t == 0.0) return a;
  // ln Y linear in ln m from the logarithms taken once (one exp per value instead of a pow: the per-mass
  // caches of the dumps read hundreds of values per mass); equal to a (c/a)^t to a few ulp, and c itself
  // at the last node (t = 1).
  if (policy_ == MassInterpolation::log_where_positive && a > 0 && c > 0) {
    if (b.t == 1.0) return c;
    const double la = ln_values_[k * n_energy_ + j], lc = ln_values_[(k + 1) * n_energy_ + j];
    return std::exp(la + b.t * (lc - la));
  }
  return a + b.t * (c - a);
}

void YieldTable::save(std::vector<double>& v) const {
  v.push_back(kTag);
  v.push_back(static_cast<double>(policy_));
  v.push_back(static_cast<double>(n_mass()));
  v.push_back(static_cast<double>(n_energy_));
  v.insert(v.end(), nodes_.m.begin(), nodes_.m.end());
  v.insert(v.end(), nodes_.ln_m.begin(), nodes_.ln_m.end());
  v.insert(v.end(), values_.begin(), values_.end());
}

bool YieldTable::restore(const std::vector<double>& v, std::size_t& pos, MassInterpolation policy,
                         std::size_t n_energy, const MassNodes& expected) {
  if (pos > v.size() || v.size() - pos < 4) return false;
  const double* h = v.data() + pos;
  const std::size_t nm = expected.m.size();
  if (h[0] != kTag || h[1] != static_cast<double>(policy) || h[2] != static_cast<double>(nm) ||
      h[3] != static_cast<double>(n_energy))
    return false;
  const std::size_t body = 2 * nm + nm * n_energy;
  if (v.size() - pos - 4 < body) return false;
  const double* m = h + 4;
  const double* ln_m = m + nm;
  // Bit-for-bit node comparison (memcmp semantics would also be fine: nodes are finite).
  if (!std::equal(expected.m.begin(), expected.m.end(), m) || !std::equal(expected.ln_m.begin(), expected.ln_m.end(), ln_m))
    return false;
  nodes_ = expected;
  n_energy_ = n_energy;
  policy_ = policy;
  values_.assign(ln_m + nm, ln_m + nm + nm * n_energy);
  take_logs();
  pos += 4 + body;
  return true;
}

std::vector<double> save_yield_tables(double tag, std::initializer_list<const YieldTable*> tables) {
  std::vector<double> v = {tag};
  for (const YieldTable* t : tables) t->save(v);
  return v;
}

bool restore_yield_tables(const std::vector<double>& v, double tag, std::initializer_list<YieldTable*> tables,
                          MassInterpolation policy, std::size_t n_energy, const MassNodes& nodes, std::size_t& pos) {
  if (v.empty() || v[0] != tag) return false;
  pos = 1;
  for (YieldTable* t : tables)
    if (!t->restore(v, pos, policy, n_energy, nodes)) return false;
  return true;
}

bool restore_yield_tables(const std::vector<double>& v, double tag, std::initializer_list<YieldTable*> tables,
                          MassInterpolation policy, std::size_t n_energy, const MassNodes& nodes) {
  std::size_t pos = 0;
  return restore_yield_tables(v, tag, tables, policy, n_energy, nodes, pos) && pos == v.size();
}

}  // namespace alpscan
