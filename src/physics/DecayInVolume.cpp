#include "alpscan/physics/DecayInVolume.hpp"

#include <limits>

namespace alpscan::physics {

double decay_length(double E, double m, double Gamma) {
  if (!(E > m)) return 0.0;
  if (!(Gamma > 0)) return std::numeric_limits<double>::infinity();
  // p = sqrt((E - m)(E + m)): no cancellation when E is just above m.
  const double p = std::sqrt((E - m) * (E + m));
  return p / (m * Gamma);
}

double decay_in_volume_probability(double lambda, double L_d, double L_v) {
  if (!(lambda > 0) || std::isinf(lambda)) return 0.0;
  return decay_in_volume_from_exponents(L_d / lambda, L_v / lambda);
}

double decay_in_volume_probability(double E, double m, double Gamma, double L_d, double L_v) {
  return decay_in_volume_probability(decay_length(E, m, Gamma), L_d, L_v);
}

}  // namespace alpscan::physics
