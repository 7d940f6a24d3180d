#include "alpscan/physics/DecayProductAcceptance.hpp"

#include <algorithm>
#include <cmath>
#include <vector>
#include <stdexcept>

#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

namespace {
constexpr double kPi = 3.14159265358979323846;

bool on_face(double x, double y, const RectFace& f) { return std::abs(x) < f.half_x && std::abs(y) < f.half_y; }

// Azimuths phi in [0, 2 pi) where the point c + rho (cos phi, sin phi) crosses a face edge line (appended).
void crossings(double cx, double cy, double rho, const RectFace& f, double shift, std::vector<double>& out) {
  if (!(rho > 0)) return;
  auto add = [&](double a) {
    a = std::fmod(a + shift, 2 * kPi);
    out.push_back(a < 0 ? a + 2 * kPi : a);
  };
  for (double x : {-f.half_x, f.half_x}) {  // cx + rho cos phi = x
    const double c = (x - cx) / rho;
    if (std::abs(c) <= 1) add(std::acos(c)), add(-std::acos(c));
  }
  for (double y : {-f.half_y, f.half_y}) {  // cy + rho sin phi = y
    const double sn = (y - cy) / rho;
    if (std::abs(sn) <= 1) add(std::asin(sn)), add(kPi - std::asin(sn));
  }
}
}  // namespace

double decay_products_on_face(double E, double m, double m_d, double X, double Y, double ell, const RectFace& face,
                              double E_th, const DecayProductRule& rule) {
  if (!(m > 2.0 * m_d) || !(E > m) || rule.n_cos < 1) return 0.0;
  if (!(face.half_x > 0) || !(face.half_y > 0)) throw std::invalid_argument("decay_products_on_face: face half-sizes must be > 0");
  if (E < E_th) return 0.0;
  const double gamma = E / m, beta = std::sqrt((E - m) * (E + m)) / E;
  const double Es = 0.5 * m, ps = std::sqrt(std::max(0.0, Es * Es - m_d * m_d));
  const GaussLegendre gl(rule.n_cos);
  // Pieces in c between the points where the accepted set jumps: a daughter's energy crosses E_th
  // (E_1 = E_th at c = (E_th/gamma - E*)/(beta p*), E_2 at minus that) or its p_L changes sign
  // (c = -+beta E*/p*). Between them the hit pattern changes continuously (kinks only).
  std::vector<double> cb{-1.0, 1.0};
  if (beta * ps > 0) {
    const double c1 = (E_th / gamma - Es) / (beta * ps), c0 = beta * Es / ps;
    for (double c : {c1, -c1, c0, -c0})
      if (c > -1.0 && c < 1.0) cb.push_back(c);
  }
  std::sort(cb.begin(), cb.end());
  double acc = 0.0;
  for (std::size_t piece = 0; piece + 1 < cb.size(); ++piece)
  for (int i = 0; i < gl.size(); ++i) {
    const double half = 0.5 * (cb[piece + 1] - cb[piece]);
    if (!(half > 0)) break;
    const double c = 0.5 * (cb[piece] + cb[piece + 1]) + half * gl.nodes()[i];
    const double wci = gl.weights()[i] * half;
    const double s = std::sqrt(std::max(0.0, 1.0 - c * c));
    // daughter 1 along +c, daughter 2 along -c (opposite azimuth)
    const double E1 = gamma * (Es + beta * ps * c), E2 = gamma * (Es - beta * ps * c);
    const double pL1 = gamma * (ps * c + beta * Es), pL2 = gamma * (-ps * c + beta * Es);
    const double pT = ps * s;
    const double r1 = pL1 > 0 ? ell * pT / pL1 : -1.0, r2 = pL2 > 0 ? ell * pT / pL2 : -1.0;
    // Exact in phi: the hit pattern changes only where a daughter's circle crosses a face edge; test the
    // midpoint of each interval between crossings (daughter 2 at phi + pi).
    std::vector<double> cut{0.0, 2 * kPi};
    if (r1 >= 0) crossings(X, Y, r1, face, 0.0, cut);
    if (r2 >= 0) crossings(X, Y, r2, face, -kPi, cut);
    std::sort(cut.begin(), cut.end());
    double len = 0.0;
    for (std::size_t k = 0; k + 1 < cut.size(); ++k) {
      if (!(cut[k + 1] > cut[k])) continue;
      const double phi = 0.5 * (cut[k] + cut[k + 1]), cp = std::cos(phi), sp = std::sin(phi);
      double dep = 0.0;
      if (r1 >= 0 && on_face(X + r1 * cp, Y + r1 * sp, face)) dep += E1;
      if (r2 >= 0 && on_face(X - r2 * cp, Y - r2 * sp, face)) dep += E2;
      if (dep >= E_th) len += cut[k + 1] - cut[k];
    }
    acc += 0.5 * wci * len / (2 * kPi);
  }
  return acc;
}

double decay_products_on_face_ring(double E, double m, double m_d, double r, double ell, const RectFace& face,
                                   double E_th, const DecayProductRule& rule) {
  if (rule.n_psi < 1) return 0.0;
  double s = 0.0;
  for (int k = 0; k < rule.n_psi; ++k) {
    const double psi = 0.5 * kPi * (k + 0.5) / rule.n_psi;
    s += decay_products_on_face(E, m, m_d, r * std::cos(psi), r * std::sin(psi), ell, face, E_th, rule);
  }
  return s / rule.n_psi;
}

}  // namespace alpscan::physics
