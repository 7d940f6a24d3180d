// Helioscope signal rate: solar Primakoff ALPs (physics/SolarAxionFlux) converting to X-rays in a
// transverse magnetic field (physics/AlpConversion, weak mixing with the coherence loss at high mass).
//   R(m_a) = integral_{E_min}^{E_max} dE  dPhi/dE(E, m_a; g = 1) * P(E, m_a; g = 1)    [per area per time]
// so the expected counts are N = g^4 * R(m_a) * A * t * eps (flux ~ g^2, conversion ~ g^2 in the weak-mixing
// regime g B L << 1 that holds at every coupling a helioscope can reach).
//
// Quadrature. The phase qL/2 = |m_a^2 - m_gamma^2| L / (4E) is linear in u = 1/E, so the window is cut into
// kSegments equal steps in u. On a step whose phase span is small (half-span chi <= 0.3 rad) the integrand is
// integrated point by point (Gauss-Legendre); on a wider step the oscillating sin^2 is replaced by its exact
// mean over the step (physics::mean_sin2_linear_phase) times the Gauss-Legendre integral of the smooth rest
// (flux * (gB/2)^2 / q^2), which is exact for a smooth factor constant over the step; with 2048 steps the
// smooth factor varies by < 0.4% over one, so the averaged form is accurate to well below 1% at any mass
// (tested against a brute-force quadrature in tests/physics/HelioscopeRate.test.cpp).
#pragma once

namespace alpscan::physics {

struct HelioscopeMagnet {
  double B = 0.0;         // transverse field [GeV^2]
  double L = 0.0;         // magnet length [GeV^-1]
  double E_min = 0.0;     // analysis window [GeV]
  double E_max = 0.0;
  double m_gamma2 = 0.0;  // photon mass^2 in the bore [GeV^2]: 0 in vacuum, omega_p^2 with a buffer gas
};

// R(m_a) in natural units [GeV^-1 = GeV^2 (per area) * GeV (per time) / GeV^4 (g^4)].
double helioscope_rate_per_g4(double m_a, const HelioscopeMagnet& mag);

}  // namespace alpscan::physics
