// Decay of a long-lived particle inside a fiducial volume: the one implementation shared by every
// visible-decay experiment (beam dumps now; PASSAT's survival factor is its L_v -> infinity limit).
// A particle of energy E, mass m and total width Gamma has decay length lambda = (p/m)/Gamma
// (gamma beta c tau with hbar = c = 1; lengths in GeV^-1, see core/Units.hpp). It decays between
// L_d and L_d + L_v with probability
//   P = exp(-L_d/lambda) - exp(-(L_d + L_v)/lambda) = exp(-x_d) (-expm1(-x_v)),
// x_d = L_d/lambda, x_v = L_v/lambda. The factorised form has no cancellation at long lifetime
// (P -> x_v exactly as x_d, x_v -> 0, where the difference of two exponentials near 1 would lose
// every digit) and underflows cleanly to 0 at short lifetime (never NaN or negative).
#pragma once

#include <cmath>

namespace alpscan::physics {

// Decay length lambda = p/(m Gamma) [GeV^-1]; p = sqrt(E^2 - m^2). 0 if E <= m, +inf if Gamma = 0.
double decay_length(double E, double m, double Gamma);

// P from the two exponents x_d = L_d/lambda >= 0, x_v = L_v/lambda >= 0. Inline: it is the inner loop
// of every beam-dump signal sum.
inline double decay_in_volume_from_exponents(double x_d, double x_v) {
  if (x_d > 745.0) return 0.0;  // exp underflows (avoids 0 * finite work and denormals)
  return std::exp(-x_d) * -std::expm1(-x_v);
}

// P for decay length lambda [GeV^-1] and distances L_d (to the volume), L_v (its length) [GeV^-1].
// lambda <= 0 (prompt decay or E <= m) gives 0; lambda = inf gives 0.
double decay_in_volume_probability(double lambda, double L_d, double L_v);

// Convenience: P for (E, m, Gamma) directly.
double decay_in_volume_probability(double E, double m, double Gamma, double L_d, double L_v);

}  // namespace alpscan::physics
