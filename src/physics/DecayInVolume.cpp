#include "alpscan/physics/DecayInVolume.hpp"

#include "alpscan/model/AlpWidths.hpp"

namespace alpscan::physics {

// One implementation of the decay length: the model's (model/AlpWidths).
double decay_length(double E, double m, double Gamma) { return model::decay_length(E, m, Gamma); }

double decay_in_volume_probability(double lambda, double L_d, double L_v) {
  if (!(lambda > 0) || std::isinf(lambda)) return 0.0;
  return decay_in_volume_from_exponents(L_d / lambda, L_v / lambda);
}

double decay_in_volume_probability(double E, double m, double Gamma, double L_d, double L_v) {
  return decay_in_volume_probability(decay_length(E, m, Gamma), L_d, L_v);
}

}  // namespace alpscan::physics
