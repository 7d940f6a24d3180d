#include "alpscan/physics/DecayProductAcceptance.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <utility>

#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

namespace {
constexpr double kPi = 3.14159265358979323846;

bool on_face(double x, double y, const RectFace& f) { return std::abs(x) < f.half_x && std::abs(y) < f.half_y; }

// One azimuth where a daughter's circle crosses a face edge: the angle (sorting, interval lengths) and its
// unit vector (the interval midpoints without trigonometric calls; the prepare() hot path).
struct Cut {
  double a, cx, sy;
};

// Azimuths phi in [0, 2 pi) where the point c + rho (cos phi, sin phi) crosses a face edge line (appended
// at cuts[n..], at most 8); sign = -1 rotates by -pi (the partner daughter at phi + pi).
int crossings(double cx, double cy, double rho, const RectFace& f, double sign, Cut* cuts) {
  if (!(rho > 0)) return 0;
  int n = 0;
  const double shift = sign > 0 ? 0.0 : -kPi;
  auto add = [&](double a, double co, double si) {
    a += shift;
    if (a < 0) a += 2 * kPi;
    if (a >= 2 * kPi) a -= 2 * kPi;
    cuts[n++] = {a, sign * co, sign * si};
  };
  for (double x : {-f.half_x, f.half_x}) {  // cx + rho cos phi = x
    const double c = (x - cx) / rho;
    if (std::abs(c) <= 1) {
      const double a = std::acos(c), s = std::sqrt(std::max(0.0, 1.0 - c * c));
      add(a, c, s), add(-a, c, -s);
    }
  }
  for (double y : {-f.half_y, f.half_y}) {  // cy + rho sin phi = y
    const double sn = (y - cy) / rho;
    if (std::abs(sn) <= 1) {
      const double a = std::asin(sn), co = std::sqrt(std::max(0.0, 1.0 - sn * sn));
      add(a, co, sn), add(kPi - a, -co, sn);
    }
  }
  return n;
}

const GaussLegendre& gauss_legendre(int n) {
  // The rule of the last call (one n per caller in practice), per thread: no allocation per call.
  thread_local std::unique_ptr<GaussLegendre> gl;
  if (!gl || gl->size() != n) gl = std::make_unique<GaussLegendre>(n);
  return *gl;
}
}  // namespace

double decay_products_on_face(double E, double m, double m_d, double X, double Y, double ell, const RectFace& face,
                              double E_th, const DecayProductRule& rule) {
  if (!(m > 2.0 * m_d) || !(E > m) || rule.n_cos < 1) return 0.0;
  if (!(face.half_x > 0) || !(face.half_y > 0)) throw std::invalid_argument("decay_products_on_face: face half-sizes must be > 0");
  if (E < E_th) return 0.0;
  const double gamma = E / m, beta = std::sqrt((E - m) * (E + m)) / E;
  const double Es = 0.5 * m, ps = std::sqrt(std::max(0.0, Es * Es - m_d * m_d));
  const GaussLegendre& gl = gauss_legendre(rule.n_cos);
  // Pieces in c between the points where the accepted set jumps: a daughter's energy crosses E_th
  // (E_1 = E_th at c = (E_th/gamma - E*)/(beta p*), E_2 at minus that) or its p_L changes sign
  // (c = -+beta E*/p*). Between them the hit pattern changes continuously (kinks only).
  double cb[6] = {-1.0, 1.0};
  int ncb = 2;
  if (beta * ps > 0) {
    const double c1 = (E_th / gamma - Es) / (beta * ps), c0 = beta * Es / ps;
    for (double c : {c1, -c1, c0, -c0})
      if (c > -1.0 && c < 1.0) cb[ncb++] = c;
  }
  for (int i = 1; i < ncb; ++i)  // insertion sort of <= 6 break points
    for (int j = i; j > 0 && cb[j] < cb[j - 1]; --j) std::swap(cb[j], cb[j - 1]);
  double acc = 0.0;
  Cut cut[18];
  for (int piece = 0; piece + 1 < ncb; ++piece)
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
    // Exact in phi: the hit pattern changes only where a daughter's circle crosses a face edge; test one
    // interior point of each interval between crossings (daughter 2 at phi + pi).
    int n = 0;
    cut[n++] = {0.0, 1.0, 0.0};
    if (r1 >= 0) n += crossings(X, Y, r1, face, 1.0, cut + n);
    if (r2 >= 0) n += crossings(X, Y, r2, face, -1.0, cut + n);
    cut[n++] = {2 * kPi, 1.0, 0.0};
    std::sort(cut, cut + n, [](const Cut& p, const Cut& q) { return p.a < q.a; });
    double len = 0.0;
    for (int k = 0; k + 1 < n; ++k) {
      const double d = cut[k + 1].a - cut[k].a;
      if (!(d > 0)) continue;
      // The midpoint's direction is the normalised sum of the end directions (its opposite beyond pi);
      // near d = pi, where the sum vanishes, the end direction turned by pi/2 (interior: the pattern is
      // constant between crossings, any interior point tests it).
      double cp, sp;
      if (d > 2.5 && d < 3.8) {
        cp = -cut[k].sy, sp = cut[k].cx;
      } else {
        const double sx = cut[k].cx + cut[k + 1].cx, sy = cut[k].sy + cut[k + 1].sy;
        const double inv = (d < kPi ? 1.0 : -1.0) / std::sqrt(sx * sx + sy * sy);
        cp = sx * inv, sp = sy * inv;
      }
      double dep = 0.0;
      if (r1 >= 0 && on_face(X + r1 * cp, Y + r1 * sp, face)) dep += E1;
      if (r2 >= 0 && on_face(X - r2 * cp, Y - r2 * sp, face)) dep += E2;
      if (dep >= E_th) len += d;
    }
    acc += 0.5 * wci * len / (2 * kPi);
  }
  return acc;
}

double decay_products_on_face_ring(double E, double m, double m_d, double r, double ell, const RectFace& face,
                                   double E_th, const DecayProductRule& rule) {
  if (rule.n_psi < 1) return 0.0;
  // A square face is also symmetric under x <-> y (the decay is isotropic in azimuth): the nodes psi and
  // pi/2 - psi (k and n_psi - 1 - k) give the same value, so half of them are evaluated, twice weighted.
  const bool square = face.half_x == face.half_y;
  double s = 0.0;
  for (int k = 0; k < rule.n_psi; ++k) {
    const int mirror = rule.n_psi - 1 - k;
    if (square && mirror < k) break;
    const double psi = 0.5 * kPi * (k + 0.5) / rule.n_psi;
    const double f = decay_products_on_face(E, m, m_d, r * std::cos(psi), r * std::sin(psi), ell, face, E_th, rule);
    s += square && mirror != k ? 2.0 * f : f;
  }
  return s / rule.n_psi;
}

}  // namespace alpscan::physics
