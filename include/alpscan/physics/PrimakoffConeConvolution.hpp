// Primakoff ALPs that enter a forward cone from photons spread in angle (spec miniboone_argoneut.md
// s2.2; issue 12 item 2): the photon angular distribution convolved with the Primakoff emission
// angle. For photons of energy E whose directions fill the annuli [theta_i, theta_i+1) about the
// cone's axis (flat in solid angle within each annulus), the fraction of their Primakoff ALPs
// (gamma N -> a N, physics/PrimakoffScattering) with a direction within theta_det of the axis is
//   <A>_i(E, m) = (1/Omega_i) int_i dOmega_gamma A(E, m, theta_gamma),
//   A = PrimakoffScattering::cone_fraction (the emission angle's azimuth about the photon done
//   analytically), the annulus average by Gauss-Legendre in 1 - cos(theta_gamma) (uniform solid angle).
// ALPs in the cone per photon weight w_i: sum_i w_i <A>_i. A photon far outside the cone still sends
// a fraction ~ (theta_det/theta_gamma)^2 / ln(...) of its ALPs in: for m >= 10 MeV the emission
// angle (~ m^2/2E^2 up to the form factor's ~ sqrt(d)/E) is comparable with a 10 mrad cone and
// the photons outside outnumber those inside.
#pragma once

#include <vector>

#include "alpscan/physics/PrimakoffScattering.hpp"

namespace alpscan::physics {

// <A> of one annulus [theta_lo, theta_hi).
double primakoff_annulus_cone_fraction(const PrimakoffScattering& p, double E, double m, double theta_lo,
                                       double theta_hi, double theta_det, int nodes);
// <A>_i for each annulus of theta_edges (ascending, >= 0, [rad]) into out (theta_edges.size() - 1
// values); nodes = Gauss-Legendre nodes per annulus. 0 where m >= E.
void primakoff_annulus_cone_fractions(const PrimakoffScattering& p, double E, double m,
                                      const std::vector<double>& theta_edges, double theta_det, int nodes,
                                      std::vector<double>& out);

}  // namespace alpscan::physics
