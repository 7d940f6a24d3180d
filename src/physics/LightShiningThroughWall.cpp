#include "alpscan/physics/LightShiningThroughWall.hpp"

#include "alpscan/physics/AlpConversion.hpp"

namespace alpscan::physics {

double regeneration_probability(const LswSetup& s, double m, double g) {
  const LswMagnet& p = s.production;
  const LswMagnet& r = s.regeneration;
  return s.beta_pc * s.beta_rc * conversion_probability_medium(s.omega, m, g, p.B, p.L, p.m_gamma_sq) *
         conversion_probability_medium(s.omega, m, g, r.B, r.L, r.m_gamma_sq);
}

}  // namespace alpscan::physics
