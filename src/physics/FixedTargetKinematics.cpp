#include "alpscan/physics/FixedTargetKinematics.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace alpscan::physics {

FixedTargetFrame fixed_target_frame(double E, double m_b, double m_t) {
  if (!(m_b >= 0 && m_t >= 0 && E > m_b)) throw std::invalid_argument("fixed target: need E > m_beam >= 0, m_target >= 0");
  FixedTargetFrame f;
  f.beam_energy = E;
  f.target_mass = m_t;
  f.beam_momentum = std::sqrt((E - m_b) * (E + m_b));
  f.s = m_b * m_b + m_t * m_t + 2.0 * m_t * E;
  f.sqrt_s = std::sqrt(f.s);
  const double et = E + m_t;
  f.beta = f.beam_momentum / et;
  // 1 - p/(E + m_t) = (E - p + m_t)/(E + m_t), with E - p = m_b^2/(E + p).
  f.one_minus_beta = (m_b * m_b / (E + f.beam_momentum) + m_t) / et;
  f.gamma = et / f.sqrt_s;
  return f;
}

double lab_energy_massless(const FixedTargetFrame& f, double e_star, double c) {
  return f.gamma * e_star * (1.0 + f.beta * c);
}

double lab_energy(const FixedTargetFrame& f, double e_star, double p_star, double c) {
  return f.gamma * (e_star + f.beta * p_star * c);
}

double lab_cos_from_cm(const FixedTargetFrame& f, double c) { return (c + f.beta) / (1.0 + f.beta * c); }

double cm_cos_from_lab_angle(const FixedTargetFrame& f, double theta) {
  const double h = std::sin(0.5 * theta);
  const double omc = 2.0 * h * h;  // 1 - cos(theta)
  // c* = (cos - beta)/(1 - beta cos): numerator (1 - beta) - (1 - cos), denominator (1 - beta) + beta (1 - cos).
  return (f.one_minus_beta - omc) / (f.one_minus_beta + f.beta * omc);
}

double cm_cos_from_lab_energy(const FixedTargetFrame& f, double e_star, double e_lab) {
  return (e_lab / (f.gamma * e_star) - 1.0) / f.beta;
}

CosInterval cm_window_massless(const FixedTargetFrame& f, double e_star, double theta_min, double theta_max,
                               double e_min, double e_max) {
  CosInterval w;
  if (!(e_star > 0) || !(theta_max > theta_min) || !(e_max > e_min)) return w;
  // Larger lab angle = smaller c*; higher lab energy = larger c*.
  w.lo = std::max({-1.0, cm_cos_from_lab_angle(f, theta_max), cm_cos_from_lab_energy(f, e_star, e_min)});
  w.hi = std::min({1.0, cm_cos_from_lab_angle(f, theta_min), cm_cos_from_lab_energy(f, e_star, e_max)});
  if (!(w.hi > w.lo)) w.lo = w.hi = 0.0;
  return w;
}

}  // namespace alpscan::physics
