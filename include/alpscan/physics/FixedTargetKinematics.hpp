// Two-body kinematics on a fixed target: a beam particle (mass m_b, total energy E) on a target particle
// at rest (mass m_t), the CM frame's boost, and the map between a massless product's CM angle and its
// lab angle and energy (spec invisible_alps.md 2.1 "Fixed target"; PADME's e+ on atomic e-, seed 003 L381-L441):
//   s = m_b^2 + m_t^2 + 2 m_t E,   beta_cm = p/(E + m_t),   gamma_cm = (E + m_t)/sqrt(s)
//   lab energy of a massless product:  E_lab = gamma_cm E* (1 + beta_cm c*)
//   aberration:  cos(theta_lab) = (c* + beta_cm)/(1 + beta_cm c*),  c* = (cos(theta_lab) - beta_cm)/(1 - beta_cm cos(theta_lab))
// with c* = cos(theta*) measured from the beam direction. Both maps are increasing in c* (forward in the CM
// = forward and harder in the lab), so a lab window in angle and in energy is ONE interval in c*: the
// cross-section's closed-form integral over c* then gives the acceptance without sampling (spec 3.6).
// Numerics: 1 - beta_cm and 1 - cos(theta) are formed without cancellation (beta_cm -> 1 at PADME:
// 1 - beta_cm ~ 1e-3, and lab angles of 15 mrad have 1 - cos ~ 1e-4).
// Units: GeV, radians. No JSON, no files.
#pragma once

namespace alpscan::physics {

struct FixedTargetFrame {
  double s = 0.0;             // CM energy squared [GeV^2]
  double sqrt_s = 0.0;        // [GeV]
  double beta = 0.0;          // CM velocity in the lab (along the beam)
  double one_minus_beta = 0.0;
  double gamma = 1.0;         // CM Lorentz factor
  double beam_energy = 0.0;   // E [GeV]
  double beam_momentum = 0.0; // p [GeV]
  double target_mass = 0.0;   // m_t [GeV]
};

// The CM frame of a beam of total energy E (> m_b) on a target at rest. Throws std::invalid_argument for
// E <= m_b or a negative mass.
FixedTargetFrame fixed_target_frame(double beam_energy, double beam_mass, double target_mass);

// Massless product of CM energy E* at CM cosine c* (from the beam): lab energy and lab cosine.
double lab_energy_massless(const FixedTargetFrame& f, double e_star, double c_star);
double lab_cos_from_cm(const FixedTargetFrame& f, double c_star);
// The inverse aberration for a lab angle theta [rad] in [0, pi] (1 - cos formed as 2 sin^2(theta/2)).
double cm_cos_from_lab_angle(const FixedTargetFrame& f, double theta_lab);
// The c* at which a massless product of CM energy E* has lab energy E_lab (may lie outside [-1, 1]).
double cm_cos_from_lab_energy(const FixedTargetFrame& f, double e_star, double e_lab);

// Lab energy of a massive product (CM energy E*, CM momentum p*) moving at CM cosine c_star from the beam.
double lab_energy(const FixedTargetFrame& f, double e_star, double p_star, double c_star);

// The c* interval [lo, hi] (within [-1, 1]) in which a massless product of CM energy E* lands at a lab
// angle in [theta_min, theta_max] AND with a lab energy in [E_min, E_max]; empty() when no c* qualifies.
struct CosInterval {
  double lo = 0.0, hi = 0.0;
  bool empty() const { return !(hi > lo); }
};
CosInterval cm_window_massless(const FixedTargetFrame& f, double e_star, double theta_min, double theta_max,
                               double e_min, double e_max);

}  // namespace alpscan::physics
