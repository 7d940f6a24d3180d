// Do the decay products of an ALP reach the detector? (issue 12 item 3; shared by every dump.)
//
// A two-body decay a -> d d (d = gamma: daughter mass 0; d = e+-: m_e), isotropic in the ALP rest frame
// (spin 0), of an ALP of energy E and mass m whose line of flight crosses the detector plane at (X, Y)
// (face coordinates, the face centred at the origin) and which decays a distance ell before that plane.
// A daughter at rest-frame angle theta* (cos c) and azimuth phi to the ALP direction has
//   E_d = gamma (E* + beta p* c),  p_L = gamma (p* c + beta E*),  p_T = p* sqrt(1 - c^2),
//   E* = m/2, p* = sqrt(m^2/4 - m_d^2),
// and hits the plane at (X, Y) + ell (p_T/p_L) (cos phi, sin phi) (p_L <= 0: never); its partner at the
// opposite azimuth with c -> -c. The ALP's own tilt (mrad) is neglected against the daughters' angles
// (second order in small angles). The event is accepted when the energy of the daughters that hit the
// rectangular face |x| < half_x, |y| < half_y is >= E_th (a calorimeter's deposited-energy threshold).
//
// Quadrature (fixed, bit-reproducible): Gauss-Legendre in c on [-1, 1]; the azimuth is exact (the hit
// pattern changes only where a daughter's circle crosses a face edge: the intervals between those
// crossings are tested at their midpoints and summed), so the only error is the c rule's at the kinks
// (c is split where a daughter crosses E_th or turns backwards, where the accepted set jumps; n_cos = 24
// per piece: < 0.002, against a Monte Carlo in tests/physics/DecayProductAcceptance.test.cpp).
// ring_average(): the same averaged over the ALP's impact azimuth psi at radius r (the production is
// azimuthally symmetric about the beam; the rectangle's reflection symmetry reduces psi to [0, pi/2]).
#pragma once

namespace alpscan::physics {

struct RectFace {
  double half_x = 0.0, half_y = 0.0;  // half-sizes (same unit as X, Y, ell)
};

struct DecayProductRule {
  int n_cos = 24;  // Gauss-Legendre nodes in cos(theta*)
  int n_psi = 4;   // midpoint nodes in the impact azimuth on [0, pi/2] (ring_average)
};

// Probability (0..1) that the products deposit >= E_th on the face. E, m, m_d, E_th in GeV.
double decay_products_on_face(double E, double m, double m_d, double X, double Y, double ell, const RectFace& face,
                              double E_th, const DecayProductRule& rule = {});
// The same averaged over the impact point (r cos psi, r sin psi), psi uniform.
double decay_products_on_face_ring(double E, double m, double m_d, double r, double ell, const RectFace& face,
                                   double E_th, const DecayProductRule& rule = {});

}  // namespace alpscan::physics
