// The mass-independent part of a Primakoff yield at one energy, shared by every mass of a table.
//
// Every photon source of PrimakoffYield gives Y(E; m) = sum_n c_n J(tau; P_n, K_n), and J's numeric part
// is, on the tau = 0 rule of ln Delta (PrimakoffJ::Nodes), sum_i acc_i g(tau, u_i) with g = r^2 F^2
// (x screening) the ONLY mass-dependent factor (PrimakoffJ::mass_factor) and acc_i = weight x f_acc.
// Summed over sources, p_T nodes and both cones of an annulus that is one measure
// mu(u) = sum c_n acc_{n,i} delta(u - u_i) -- thousands of points. It is projected onto Lagrange
// interpolation at n Gauss-Legendre nodes per panel of width h in u = ln Delta:
//   W_k = sum_{i in panel} mu_i L_k(u_i),   so   sum_k W_k g(u_k) = sum_i mu_i p_g(u_i),
// p_g the degree n-1 interpolant of g in the panel. The error is that of interpolating g: g is
// analytic in a strip |Im u| < pi/2 (poles of r^2 and of the screening factor at Delta^2 = -tau, -q_s^2),
// so with h = 0.5, n = 12 it is ~(h/2pi)^n ~ 1e-12 per panel, except in the panel where tau + Delta^2
// crosses the form-factor cutoff (F^2 has a double zero there, then is 0): that panel is summed over
// the collected points themselves. tests/physics/PrimakoffMeasure.test.cpp measures the whole against
// the direct 2-D quadrature. The kinks of f_acc
// (at |K - P|, K + P for every node) stay inside mu, which the tau = 0 rules integrate exactly.
// The closed-form stretch below Delta_a (PrimakoffJ::closed) is kept node by node (one log1p each).
// So a mass costs (panels x n) form-factor evaluations, ~360, instead of (p_T nodes x sources x ~50).
#pragma once

#include <vector>

#include "alpscan/physics/PrimakoffYield.hpp"

namespace alpscan::physics {

class PrimakoffMeasure {
 public:
  // J: the target (form factor, screening) every added source must share.
  explicit PrimakoffMeasure(const PrimakoffJ& J, int n_gl = 12, double panel_width = 0.5);

  void clear();
  // Adds coef x J(tau; pT, K) for every tau (J must have this measure's target).
  void add(const PrimakoffJ& J, double coef, double pT, double K);
  // Projects the collected points onto the panels; call after the last add().
  void finish();
  // sum of coef J(tau; pT, K) over everything added (finish() first).
  double operator()(double tau) const;

  int panels() const { return n_panels_; }

 private:
  const PrimakoffJ* J_;
  int n_;
  double h_;
  std::vector<double> x_, lambda_;          // GL nodes on [-1, 1] and their barycentric weights
  std::vector<double> closed_c_, closed_d_;  // closed stretches: coef x f0 and Delta_a
  std::vector<double> u_raw_, w_raw_;        // collected points: ln Delta and coef x acc
  double u0_ = 0.0;
  int n_panels_ = 0;
  std::vector<double> d2_, W_;  // panel nodes: Delta^2 and the projected weights (n_panels x n)
  std::vector<char> used_;      // panel has any weight
  std::vector<std::size_t> raw_start_;  // the collected points by panel: [raw_start_[p], raw_start_[p+1])
  std::vector<double> raw_d2_, raw_w_;
  PrimakoffJ::Nodes scratch_;
};

}  // namespace alpscan::physics
