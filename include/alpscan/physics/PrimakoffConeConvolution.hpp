// Primakoff ALPs that enter a forward cone from photons spread in angle (spec miniboone_argoneut.md
// s2.2; issue 12 item 2): the shared photon-angle convolution (physics/ConeConvolution,
// cone_convolution_binned) with the Primakoff kernel kappa(theta_gamma) = PrimakoffScattering::
// cone_fraction(E, m, theta_gamma, theta_det) (gamma N -> a N, the emission angle's azimuth about the
// photon done analytically). For photon weights w_i in the angle bins [theta_i, theta_i+1) about the
// cone's axis (flat in solid angle within a bin):  N_in = sum_i w_i <kappa>_i.
// What this file adds is where kappa changes: it falls from ~1 to ~0 across the cone's edge within the
// emission angle's core theta_c ~ m^2/2E^2 (|t| = 2|t|_min), then as a tail ~ (theta_det/theta)^2; so
// the bins are split at theta_det +- theta_c 4^k (floor 1e-4 theta_det: a thinner layer weighs < 1e-4).
// A photon far outside the cone still sends a fraction of its ALPs in: for m >= 10 MeV the emission
// angle (~ m^2/2E^2 up to the form factor's ~ sqrt(d)/E) is comparable with a 10 mrad cone and the
// photons outside outnumber those inside.
#pragma once

#include <vector>

#include "alpscan/physics/PrimakoffScattering.hpp"

namespace alpscan::physics {

// Breakpoints of kappa inside [0, theta_hi]: theta_det and theta_det +- theta_c 4^k.
std::vector<double> primakoff_cone_breakpoints(double E, double m, double theta_det, double theta_hi);

// sum_i w_i <sigma_into_cone>_i / g^2 (the ALP cross-section into the cone; divide by sigma for the
// fraction) for the bins of theta_edges (ascending from >= 0 [rad]; w.size() = edges - 1),
// n_gl Gauss-Legendre nodes per sub-panel. 0 for m >= E.
double primakoff_cone_sigma_binned(const PrimakoffScattering& p, double E, double m,
                                         const std::vector<double>& theta_edges, const std::vector<double>& w,
                                         double theta_det, int n_gl = 3);
// The fraction: sum_i w_i <kappa>_i, kappa = cone_fraction.
double primakoff_cone_convolution_binned(const PrimakoffScattering& p, double E, double m,
                                         const std::vector<double>& theta_edges, const std::vector<double>& w,
                                         double theta_det, int n_gl = 3);

}  // namespace alpscan::physics
