// The yield table every table-driven experiment builds in prepare(): coupling-independent values
// (a yield, a flux, a detector response) on fixed energy bins x ALP mass nodes, with a named
// interpolation policy in mass, and its save/restore as plain numbers for the prepared-table cache
// (scan/PreparedTables through Experiment::save_prepared/restore_prepared). It knows nothing of what
// the values mean, of the energy grid (the experiment owns the bins; the table only counts them) or of
// files. Layout: value(k, j) at mass node k, energy bin j, stored mass-major.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <vector>

#include "alpscan/experiments/MassNodes.hpp"

namespace alpscan {

// How a value between two mass nodes m_k < m < m_k+1 is obtained from a = value(k, j), b = value(k+1, j),
// with t = (ln m - ln m_k)/(ln m_k+1 - ln m_k):
enum class MassInterpolation {
  // a + t (b - a): linear in ln m (PASSAT; exact for a + c ln m).
  linear_in_ln_m,
  // a (b/a)^t where a > 0 and b > 0 (ln Y linear in ln m: exact for a power law c m^p, the shape of a
  // yield falling towards the coherence limit or a threshold), else a + t (b - a) (a yield that is 0 at
  // a node: kinematically closed there). Beam dumps, electron dumps.
  log_where_positive,
  // No interpolation: the nodes are the scan's own masses and only they are in the table (values that
  // change too fast in m to interpolate, e.g. the shower dumps' resonant line and threshold terms).
  exact_nodes,
};
const char* mass_interpolation_name(MassInterpolation p);

class YieldTable {
 public:
  // Where a mass falls: node interval k and fraction t (see MassInterpolation); k < 0: not covered.
  struct Bracket {
    int k = -1;
    double t = 0.0;
  };

  YieldTable() = default;
  // Zero values on nodes x n_energy bins. exact_nodes needs ascending nodes, the others at least 2.
  YieldTable(MassNodes nodes, std::size_t n_energy, MassInterpolation policy);

  // Fill by energy bin: row(j, masses, out) sets out[k] = value at (nodes.m[k], bin j) for every k
  // (for generators that share work across masses at one energy, e.g. PrimakoffYield::at_masses).
  void fill_by_energy(const std::function<void(std::size_t j, const std::vector<double>& m, std::vector<double>& out)>& row);
  // Fill by mass node: row(k, m_k, out) sets out[j] for every energy bin j (out has n_energy entries).
  void fill_by_mass(const std::function<void(std::size_t k, double m, double* out)>& row);

  // m inside the table: between the first and last node (exact_nodes: equal to a node).
  bool covers(double m) const { return bracket(m).k >= 0; }
  Bracket bracket(double m) const;
  // The value at energy bin j and a covered mass (b = bracket(m), b.k >= 0), by the policy.
  double at(std::size_t j, const Bracket& b) const;
  double at(std::size_t j, double m) const { return at(j, bracket(m)); }
  // The stored values of node k (n_energy of them).
  const double* node_values(std::size_t k) const { return values_.data() + k * n_energy_; }

  MassInterpolation policy() const { return policy_; }
  const MassNodes& nodes() const { return nodes_; }
  std::size_t n_mass() const { return nodes_.m.size(); }
  std::size_t n_energy() const { return n_energy_; }
  bool empty() const { return nodes_.m.empty(); }

  // Appends {tag, policy, n_mass, n_energy, m[n_mass], ln_m[n_mass], values[n_mass n_energy]} to v.
  void save(std::vector<double>& v) const;
  // Reads a table that save() wrote at v[pos] and advances pos past it. Rejected (false, *this
  // unchanged) unless the tag and the policy match, the table has exactly n_energy bins and the nodes
  // (masses and logarithms) are bit for bit expected_nodes: a cache of another layout, grid or mass
  // range is never misread.
  bool restore(const std::vector<double>& v, std::size_t& pos, MassInterpolation policy, std::size_t n_energy,
               const MassNodes& expected_nodes);

 private:
  MassNodes nodes_;
  std::size_t n_energy_ = 0;
  MassInterpolation policy_ = MassInterpolation::linear_in_ln_m;
  std::vector<double> values_;  // [k * n_energy + j]
  std::vector<double> ln_values_;  // ln of values_ where > 0 (log_where_positive only)
  void take_logs();                // ln_values_ after values_ changed
};

// An experiment's prepared tables as one vector for Experiment::save_prepared(): {tag, each table's
// save()}; tag = the experiment's layout version (anything it appends comes after).
std::vector<double> save_yield_tables(double tag, std::initializer_list<const YieldTable*> tables);
// Experiment::restore_prepared(): the tables back, each by restore() with this policy, energy bins and
// mass nodes (those prepare() would make for the job). The first form requires v to end after them;
// the second leaves pos after them. On false the tables may be half restored: the caller rebuilds.
bool restore_yield_tables(const std::vector<double>& v, double tag, std::initializer_list<YieldTable*> tables,
                          MassInterpolation policy, std::size_t n_energy, const MassNodes& nodes);
bool restore_yield_tables(const std::vector<double>& v, double tag, std::initializer_list<YieldTable*> tables,
                          MassInterpolation policy, std::size_t n_energy, const MassNodes& nodes, std::size_t& pos);

}  // namespace alpscan
