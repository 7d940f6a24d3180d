// The Primakoff cone convolution (physics/PrimakoffConeConvolution) tabulated in (m, E), so that a
// mass scan does not redo it at every photon energy of every mass (it was ~95% of a shower-dump
// prepare(): ~0.06 s per mass).
// What is tabulated is the fraction per photon-angle bin,
//   kbar_i(E, m) = <sigma_into_cone(E, m, theta_gamma)>_i / sigma(E, m)   (in [0, 1]),
// the ALPs of a photon in bin i that enter the cone: a ratio of cross-sections, smooth in ln m and in
// v = ln(p_a/m) (the ALP's momentum over its mass; v, not ln E, so that the threshold E -> m is at
// v -> -inf, where kbar tends to its slow-ALP limit, and the grid never straddles it). The caller's
// sum is then sigma(E, m) sum_i w_i kbar_i(E, m): sigma and the photon weights w_i exact, only kbar
// interpolated (cubic Lagrange in both variables, 4 x 4 nodes, clamped to [0, 1]).
// The nodes lie on a fixed lattice ln m = a h, v = b h (h = ln 10 / nodes_per_decade) and are computed
// on first use (memoised): a job computes only the nodes its masses and photon energies touch, and the
// values do not depend on the job. Below p_a/m = 1e-3 (E within 5e-7 of m) the exact convolution is used.
// Accuracy (tests/physics/PrimakoffConeTable.test.cpp): at 12 nodes per decade the weighted sum is within
// 1% of the exact convolution at off-node (E, m) (8 per decade: up to 2.5% at E ~ 1.3 m). physics/ only: no I/O.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "alpscan/physics/PrimakoffScattering.hpp"

namespace alpscan::physics {

class PrimakoffConeTable {
 public:
  // theta_edges: the photon-angle bins (as primakoff_cone_sigma_binned); n_gl: its nodes per sub-panel.
  PrimakoffConeTable(PrimakoffScattering p, std::vector<double> theta_edges, double theta_det, int n_gl = 3,
                     int nodes_per_decade = 12);
  // sum_i w_i <sigma_into_cone>_i / g^2 (= primakoff_cone_sigma_binned within the table's accuracy).
  double sigma_binned(double E, double m, const std::vector<double>& w) const;
  // kbar_i(E, m), one per bin (interpolated).
  void fractions(double E, double m, std::vector<double>& out) const;
  std::size_t nodes_computed() const { return nodes_.size(); }

 private:
  const std::vector<double>& node(std::int64_t a, std::int64_t b) const;  // kbar at lattice node (a, b)
  PrimakoffScattering p_;
  std::vector<double> edges_;
  double theta_det_;
  int n_gl_;
  double h_;
  mutable std::unordered_map<std::int64_t, std::vector<double>> nodes_;
};

}  // namespace alpscan::physics
