#include "alpscan/physics/LightShiningThroughWall.hpp"

#include "alpscan/physics/AlpConversion.hpp"

namespace alpscan::physics {

double regeneration_probability(const LswSetup& s, double m, double g) {
  const LswMagnet& p = s.production;
  const LswMagnet& r = s.regeneration;
  return s.beta_pc * s.beta_rc * conversion_probability_medium(s.omega, m, p.m_gamma_sq, g, p.B, p.L) *
         conversion_probability_medium(s.omega, m, r.m_gamma_sq, g, r.B, r.L);
}

}  // namespace alpscan::physics
