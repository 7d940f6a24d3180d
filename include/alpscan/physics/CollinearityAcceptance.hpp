// Single-ring acceptance of two-body ALP decays a -> gamma gamma / e+ e- in MiniBooNE (spec
// miniboone_argoneut.md s1.4 D1/D2, s2.7 cut 7, A7; seed 004 L47, L129-L136).
//
// Rest-frame isotropic decay, c = cos(theta*) to the boost uniform on [-1, 1], massless daughters
// (E_a >> m_e for e+e-): lab energies E_{1,2} = (E_a/2)(1 +- beta c), beta = p_a/E_a, and the opening
// angle from m_a^2 = 2 E_1 E_2 (1 - cos psi):
//     sin^2(psi/2) = m_a^2 / (E_a^2 (1 - beta^2 c^2)),
// smallest at c = 0: psi_min = 2 arcsin(m_a/E_a) = 2 arcsin(1/gamma). psi < psi0 <=> |c| < c1 with
//     c1 = sqrt(max(0, 1 - kappa))/beta,  kappa = m_a^2/(E_a^2 sin^2(psi0/2)) = 2 m_a^2/(E_a^2 (1 - cos psi0)),
// so the collinear fraction is f_coll = min(1, c1); f_coll = 0 exactly for E_a <= m_a/sin(psi0/2)
// (22.93 m_a at psi0 = 5 deg).
// Soft-partner exception (spec A7, seed L47: "or if one of the electrons/positrons are too soft"):
// the decay also passes when the softer daughter, E_soft = (E_a/2)(1 - beta |c|), has E_soft < E_thr,
// i.e. |c| > c2 = (1 - 2 E_thr/E_a)/beta. The accepted |c| set is [0, min(1, c1)) U (clamp(c2, 0, 1), 1]:
//     f_acc = a + max(0, 1 - max(a, b)),  a = min(1, c1), b = clamp(c2, 0, 1).
//
// Massive daughters (option daughter_mass = m_e for a -> e+e-; exact, not in the spec): rest-frame energy
// E* = m_a/2, velocity beta_e, mu = m_e^2/E*^2 = 1 - beta_e^2. With y = E_1 E_2/E*^2 = gamma^2 (1 - beta^2 beta_e^2 c^2),
// m_a^2 = 2 m_e^2 + 2 (E_1 E_2 - p_1 p_2 cos psi) gives p_1 p_2 cos psi = E*^2 (y + mu - 2) and
// p_1^2 p_2^2 = E*^4 (y^2 + 2 mu y - 4 mu gamma^2 + mu^2), so psi < psi0 <=> y > 2 - mu and
//     Q(y) = sin^2(psi0) y^2 + 2 (mu sin^2(psi0) - 2) y + (mu - 2)^2 - cos^2(psi0) (mu^2 - 4 mu gamma^2) > 0,
// with roots y_+- = [2 - mu sin^2 psi0 +- 2 cos psi0 sqrt(1 - mu gamma^2 sin^2 psi0)]/sin^2 psi0 (no real roots:
// every decay with y > 2 - mu is collinear). Accepted: y > y_+ (symmetric decays, the massless region) and,
// when the backward daughter still moves forward (beta > beta_e), 2 - mu < y < y_- near |c| = 1 (its lab energy
// is then ~ gamma E*(1 - beta beta_e), a few m_e: the soft exception covers it anyway). Each y bound maps to
// |c| = sqrt((1 - y/gamma^2)/(beta beta_e)^2), and E_soft = gamma E* (1 - beta beta_e |c|) (total energy).
// The massless formula is the mu -> 0 limit (y_- < 2 drops out). At (300, 13) MeV the electron mass raises
// f_coll from 0.114 to 0.139: the massless formula is an approximation near threshold.
// Units: GeV, rad.
#pragma once

namespace alpscan::physics {

inline constexpr double kDefaultCollinearityAngle = 5.0 * 3.14159265358979323846 / 180.0;  // psi0 [rad]

struct CollinearityCut {
  double psi0 = kDefaultCollinearityAngle;  // maximum opening angle for one ring [rad]
  double E_thr = 0.010;                     // softer daughter below this is not a second particle [GeV]; <= 0: off
  double daughter_mass = 0.0;               // 0: massless daughters (spec formula); m_e: exact a -> e+e- [GeV]
};

// Opening angle psi [rad] for rest-frame cos(theta*) = c (massless daughters). E <= m: 0 (no decay in flight).
double two_body_opening_angle(double E, double m, double c);
// psi_min = 2 arcsin(m/E) [rad].
double two_body_min_opening_angle(double E, double m);
// E_a/m_a below which f_coll = 0: 1/sin(psi0/2) (22.926 at 5 deg).
double collinearity_threshold_gamma(double psi0);
// c1 = sqrt(max(0, 1 - kappa))/beta (may exceed 1): the |cos theta*| bound of psi < psi0.
double collinear_cos_bound(double E, double m, double psi0);
// f_coll: fraction of decays with psi < psi0 (strict cut, no soft exception).
double collinear_fraction(double E, double m, double psi0 = kDefaultCollinearityAngle);
// f_acc with the soft-partner exception (E_thr <= 0: no exception) and the chosen daughter mass
// (daughter_mass = 0, E_thr <= 0: equals collinear_fraction). 0 if m <= 2 daughter_mass or E <= m.
double collinearity_acceptance(double E, double m, const CollinearityCut& cut = {});

}  // namespace alpscan::physics
