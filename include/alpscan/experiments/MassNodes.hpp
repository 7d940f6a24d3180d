// Log-spaced ALP mass nodes for the yield tables the experiments build in prepare().
#pragma once

#include <vector>

namespace alpscan {

struct MassNodes {
  std::vector<double> m, ln_m;  // nodes [GeV] and their logarithms, increasing
};

// Nodes log-spaced over the job's mass range [m_min, m_max], at least 2, about per_decade per decade.
// Guarded against m <= 0 (the range starts at m_floor at the lowest) and a zero-width range (widened
// by a factor 1.1 each way). The first and last nodes are exactly the range edges.
MassNodes log_mass_nodes(double m_min, double m_max, double per_decade, double m_floor);

// Given masses as nodes (e.g. a job's own masses, PrepareContext::m_a_values): those finite and above
// m_floor, ascending and distinct, with their logarithms.
MassNodes mass_nodes_of(std::vector<double> m, double m_floor);

// Where m falls among the nodes (ln_m increasing, at least 2): the interval k in [0, size - 2]
// (clamped, so m outside the nodes extrapolates from the end interval) and the fraction t of ln m
// between ln_m[k] and ln_m[k + 1], for interpolation linear in ln m.
struct NodeBracket {
  int k;
  double t;
};
NodeBracket bracket_log_mass(const std::vector<double>& ln_m, double m);

}  // namespace alpscan
