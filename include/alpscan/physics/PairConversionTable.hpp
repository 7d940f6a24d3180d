// sigma(a Z -> e+ e- Z) per g_ae^2 for one target nucleus as a table over (m_a, E_a), so that a scan
// point pays a look-up instead of the ~0.6 s four-dimensional integral of physics/AlpPairConversion
// (spec miniboone_argoneut.md D5, A17: "compute once per (m_a, E_a) and tabulate").
//
// The nodes are not uniform in m_a: below 2 m_e the Born cross-section grows like a power of
// 1/(2 m_e - m_a) (the internal electron line approaches the a -> e+ e- pole; measured here: x4 per
// factor ~3 in 2 m_e - m_a near threshold), so ln sigma is interpolated bilinearly in
// (ln(2 m_e - m_a), ln E_a). Outside the nodes the table is clamped: below the first mass node the
// first row is used (sigma is flat as m_a -> 0), above the last mass node (still below 2 m_e) the last
// row (an underestimate: conservative), and E_a is clamped to the node range (sigma rises only
// logarithmically with E_a and saturates under complete screening). At m_a >= 2 m_e sigma is 0 here:
// the ALP then decays, and that is the decay channel's business.
//
// The numbers live in the experiment data files (target<k>_pair_sigma, written by
// tools/tabulate_pair_conversion from the same physics class); tests compare the table with direct
// integrals between its nodes. Units: GeV, sigma in GeV^-2 per g_ae^2.
#pragma once

#include <vector>

namespace alpscan::physics {

class AlpPairConversion;

class PairConversionTable {
 public:
  PairConversionTable() = default;  // empty: sigma = 0 everywhere
  // m_nodes ascending in [0, 2 m_e), E_nodes ascending > 0, sigma[i_m * E_nodes.size() + i_E] > 0.
  // Throws std::invalid_argument (with what is wrong) otherwise.
  PairConversionTable(std::vector<double> m_nodes, std::vector<double> E_nodes, std::vector<double> sigma);
  // Evaluates the integral at every node (the generator and the tests).
  static PairConversionTable compute(const AlpPairConversion& c, std::vector<double> m_nodes,
                                     std::vector<double> E_nodes);
  // Mass nodes m = 2 m_e (1 - 10^(-k/per_decade)), k = 0 .. per_decade x decades: m = 0 first, then
  // closer and closer to threshold.
  static std::vector<double> threshold_mass_nodes(int per_decade, int decades);

  bool empty() const { return m_.empty(); }
  double operator()(double E, double m) const;  // sigma / g_ae^2 [GeV^-2]
  const std::vector<double>& mass_nodes() const { return m_; }
  const std::vector<double>& energy_nodes() const { return E_; }

 private:
  std::vector<double> m_, E_;
  std::vector<double> u_, v_, ln_sigma_;  // -ln(2 m_e - m), ln E, ln sigma
};

}  // namespace alpscan::physics
