// Fraction of ALPs inside a detector cone when the parent photons are NOT collinear with the beam
// (issue 12 items 1-2): the photon angular distribution about the beam axis convolved with the ALP
// emission angle about each photon.
//
//   F = int d^2theta_g rho(theta_g) kappa(theta_g) = pi int_0^inf d(theta_g^2) rho(theta_g) kappa(theta_g)
//
//  * rho(theta_g): the photons per unit solid angle about the beam axis (small angles: d Omega = d^2 theta),
//    azimuthally symmetric. Normalised to int d^2theta rho = 1, F is the fraction of the photon-on-axis
//    quantity; any other normalisation (e.g. a track length per steradian) carries through linearly.
//  * kappa(theta_g): what ONE photon at angle theta_g to the axis puts inside the cone, with the ALP's
//    azimuth about the photon already integrated: a fraction (PrimakoffScattering::cone_fraction(E, m,
//    theta_g, theta_det)) or a cross-section inside the cone (PrimakoffJ(tau; E theta_g, E theta_det)).
//
// Two forms of rho: a density callable (e.g. the moment-matched cascade shape of ShowerPhotonAngles) or a
// histogram of photon weights in theta_g bins (flat per unit solid angle inside a bin; e.g. the (E_g,
// theta_g) tables of a shower-dump flux). Fixed Gauss-Legendre rules in theta_g^2 on panels between the
// caller's breakpoints (put theta_det, theta_det +- the ALP emission scale and the photon width there:
// kappa has kinks at |theta_g - theta_det| and rho changes scale at its width), each panel at most a
// factor max_ratio wide in theta_g beyond the first: bit-reproducible, never adaptive. physics/ only:
// no I/O.
#pragma once

#include <functional>
#include <vector>

namespace alpscan::physics {

struct ConeConvolutionRule {
  int n_gl = 12;           // Gauss-Legendre nodes per panel (in theta_g^2)
  double max_ratio = 2.0;  // largest theta_hi/theta_lo of a panel (beyond the first breakpoint)
};

using AngularFunction = std::function<double(double)>;  // of theta [rad]

// F = pi int_0^{theta_max} d(theta^2) rho(theta) kappa(theta). breakpoints: angles in (0, theta_max) where
// rho or kappa changes character (any order; outside values ignored). theta_max: beyond it rho kappa is
// negligible (the caller's choice: e.g. 30 photon widths or theta_det + the ALP angle cut-off).
double cone_convolution(const AngularFunction& rho, const AngularFunction& kappa, std::vector<double> breakpoints,
                        double theta_max, const ConeConvolutionRule& rule = {});

// The same for photons given as weights w_i in angle bins [edges_i, edges_i+1] (edges ascending, from >= 0;
// w.size() = edges.size() - 1), flat per solid angle inside a bin: F = sum_i w_i <kappa>_i with <kappa>_i
// the solid-angle average of kappa over the bin (rule.n_gl nodes in theta^2 per bin, or per sub-panel
// where a breakpoint falls inside a bin). With sum w_i = 1, F is the fraction.
double cone_convolution_binned(const std::vector<double>& edges, const std::vector<double>& w,
                               const AngularFunction& kappa, std::vector<double> breakpoints = {},
                               const ConeConvolutionRule& rule = {});

}  // namespace alpscan::physics
