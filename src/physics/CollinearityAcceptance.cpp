#include "alpscan/physics/CollinearityAcceptance.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace alpscan::physics {

namespace {
// beta = p/E with p = sqrt((E - m)(E + m)).
double beta_of(double E, double m) { return std::sqrt((E - m) * (E + m)) / E; }
}  // namespace

double two_body_opening_angle(double E, double m, double c) {
  if (!(E > m) || !(m >= 0)) return 0.0;
  c = std::clamp(c, -1.0, 1.0);
  // sin(psi/2) = (m/E)/sqrt(1 - beta^2 c^2) and, with 1 - m^2/E^2 = beta^2, cos(psi/2) = beta sqrt(1 - c^2)/sqrt(1 - beta^2 c^2):
  // psi = 2 atan2(m/E, beta sqrt(1 - c^2)), accurate also near psi = pi (c = +-1, back to back).
  return 2.0 * std::atan2(m / E, beta_of(E, m) * std::sqrt((1.0 - c) * (1.0 + c)));
}

double two_body_min_opening_angle(double E, double m) {
  if (!(E > m) || !(m >= 0)) return 0.0;
  return 2.0 * std::asin(m / E);
}

double collinearity_threshold_gamma(double psi0) { return 1.0 / std::sin(0.5 * psi0); }

double collinear_cos_bound(double E, double m, double psi0) {
  if (!(E > m) || !(m >= 0)) return 0.0;
  if (!(psi0 > 0)) throw std::invalid_argument("collinearity: psi0 must be > 0");
  if (m == 0.0) return 1e300;  // massless parent: always collinear
  // 1 - kappa = (1 - r)(1 + r), r = m/(E sin(psi0/2)): no cancellation near threshold.
  const double r = m / (E * std::sin(0.5 * psi0));
  if (!(r < 1.0)) return 0.0;
  return std::sqrt((1.0 - r) * (1.0 + r)) / beta_of(E, m);
}

double collinear_fraction(double E, double m, double psi0) {
  if (!(E > m)) return 0.0;
  return std::min(1.0, collinear_cos_bound(E, m, psi0));
}

namespace {

// Measure of a union of at most 3 intervals [lo, hi] inside [0, 1].
double union_measure(double (*iv)[2], int n) {
  for (int i = 0; i < n; ++i) iv[i][0] = std::clamp(iv[i][0], 0.0, 1.0), iv[i][1] = std::clamp(iv[i][1], 0.0, 1.0);
  for (int i = 1; i < n; ++i)
    for (int j = i; j > 0 && iv[j][0] < iv[j - 1][0]; --j) std::swap(iv[j], iv[j - 1]);
  double total = 0.0, end = 0.0;
  for (int i = 0; i < n; ++i) {
    const double lo = std::max(iv[i][0], end), hi = iv[i][1];
    if (hi > lo) total += hi - lo, end = hi;
  }
  return total;
}

// Exact acceptance for daughters of mass md > 0 (header comment).
double massive_acceptance(double E, double m, const CollinearityCut& cut) {
  const double md = cut.daughter_mass;
  if (!(m > 2.0 * md)) return 0.0;
  const double g2 = (E / m) * (E / m), beta = beta_of(E, m);
  const double r = 2.0 * md / m, mu = r * r;  // m_e^2/E*^2
  const double be = std::sqrt((1.0 - r) * (1.0 + r));
  const double bb = beta * be;
  // |c| at y: sqrt((1 - y/gamma^2))/(beta beta_e), clamped to [0, 1]
  auto c_of_y = [&](double y) {
    const double v = 1.0 - y / g2;
    return v <= 0.0 ? 0.0 : std::min(1.0, std::sqrt(v) / bb);
  };
  const double S = std::sin(cut.psi0), S2 = S * S, C = std::cos(cut.psi0);
  const double y_dot = 2.0 - mu;  // p1.p2 > 0 above
  double iv[3][2];
  int n = 0;
  const double disc = 1.0 - mu * g2 * S2;
  if (disc <= 0.0) {
    iv[n][0] = 0.0, iv[n][1] = c_of_y(y_dot), ++n;
  } else {
    const double yp = (2.0 - mu * S2 + 2.0 * C * std::sqrt(disc)) / S2;
    const double K = (mu - 2.0) * (mu - 2.0) - C * C * (mu * mu - 4.0 * mu * g2);
    const double ym = K / (S2 * yp);  // Vieta, y_+ y_- = K / sin^2 psi0: no cancellation
    iv[n][0] = 0.0, iv[n][1] = c_of_y(std::max(yp, y_dot)), ++n;
    if (ym > y_dot) iv[n][0] = c_of_y(ym), iv[n][1] = c_of_y(y_dot), ++n;
  }
  if (cut.E_thr > 0) {
    const double Es = 0.5 * m;
    iv[n][0] = (1.0 - cut.E_thr / (std::sqrt(g2) * Es)) / bb, iv[n][1] = 1.0, ++n;
  }
  return union_measure(iv, n);
}

}  // namespace

double collinearity_acceptance(double E, double m, const CollinearityCut& cut) {
  if (!(E > m)) return 0.0;
  if (cut.daughter_mass > 0.0) return massive_acceptance(E, m, cut);
  const double a = collinear_fraction(E, m, cut.psi0);
  if (!(cut.E_thr > 0)) return a;
  // E_soft < E_thr <=> beta |c| > 1 - 2 E_thr/E
  const double b = std::clamp((1.0 - 2.0 * cut.E_thr / E) / beta_of(E, m), 0.0, 1.0);
  return a + std::max(0.0, 1.0 - std::max(a, b));
}

}  // namespace alpscan::physics
