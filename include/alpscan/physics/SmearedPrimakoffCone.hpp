// Primakoff production into a detector cone by photons that are NOT collinear with the beam -- the fast
// form of the convolution "photon angular density x Primakoff kernel" (physics/ConeConvolution with the
// kernel PrimakoffJ(tau; E theta_g, E theta_c)), with the order of the integrals exchanged:
//
//   J_s(tau) = int d^2theta_g rho(theta_g) J(tau; E theta_g, E theta_c)
//            = int_0^{Delta_c} dDelta Delta^3 F^2(t) C(Delta/E) / t^2,    t = tau + Delta^2,
//   C(x) = int d^2theta_g rho(theta_g) f_acc(x; theta_g, theta_c)   (f_acc = physics::acceptance_fraction:
//          the fraction of the azimuths of an ALP at angle x to its photon that fall inside the cone),
//
// C is the photon distribution's acceptance for an ALP offset by x = Delta/E from its photon: it does not
// depend on the ALP mass, so it is tabulated once per photon energy and every mass costs one 1-D integral,
// as the collinear J. For a Gaussian-mixture rho = sum_i w_i G_i (physics/CascadeAngles) C = sum_i w_i Q_i,
// and the Q_i(x) = cone_convolution(G_i, f_acc(x; ., theta_c)) do not depend on the energy at all:
// PhotonSmearedCone tabulates them once (per cone), on a log grid of x (linear interpolation in ln x;
// constant below x_lo = 1e-2 theta_c, where C changes by O(x^2/theta_c^2); zero beyond 1 rad).
// Checked in tests/physics/SmearedPrimakoffCone.test.cpp against PrimakoffJ (collinear limit) and the
// direct cone_convolution with PrimakoffJ.
#pragma once

#include <functional>
#include <vector>

#include "alpscan/physics/PrimakoffYield.hpp"

namespace alpscan::physics {

class PhotonSmearedCone {
 public:
  // V: the mixture's variances (<theta^2> of each 2-D Gaussian) [rad^2]; theta_c: the cone [rad].
  PhotonSmearedCone(std::vector<double> V, double theta_c, int per_decade = 32);
  double theta_c() const { return theta_c_; }
  // C on the grid for mixture weights w (one per variance).
  std::vector<double> acceptance(const std::vector<double>& w) const;
  // C(x) from a table made by acceptance().
  double at(const std::vector<double>& C, double x) const;

 private:
  std::vector<double> V_;
  double theta_c_ = 0.0, lnx0_ = 0.0, dlnx_ = 0.0;
  int nx_ = 0;
  std::vector<double> Q_;  // [i][x]
};

// J_s(tau; C) for the target (Helm form factor, optional Tsai screening). C(Delta) is the acceptance at
// transverse momentum Delta [GeV] (e.g. PhotonSmearedCone::at(C, Delta/E)); K = E theta_c is put as a
// breakpoint (C changes fastest there); C must be constant for Delta < K x_lo/theta_c (see above).
double primakoff_J_smeared(const PrimakoffTarget& target, double tau, double K, const std::function<double(double)>& C);

}  // namespace alpscan::physics
