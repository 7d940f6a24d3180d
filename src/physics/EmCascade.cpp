#include "alpscan/physics/EmCascade.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <gsl/gsl_sf_expint.h>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

RossiCoefficients rossi_track_length_coefficients(double b) {
  // Closed forms of the s = 1 Mellin quantities (see the header), with beta = 4/3 + 2b:
  //   sigma0 = B(1) = 1 - beta/6,  A(1) = C(1) = 1 + b,
  //   A'(1) = beta (pi^2/6 - 5/4) + 5/36   [int_0^1 w^2 ln w/(1-w) dw = 5/4 - pi^2/6],
  //   C'(1) = -3 beta/4 - 1/9,  B'(1) = -1/2 + 7 beta/72,
  //   D'(1) = sigma0 (A'(1) - C'(1)) - B'(1) C(1).
  const double pi = units::pi;
  const double beta = 4.0 / 3.0 + 2.0 * b;
  const double sigma0 = 1.0 - beta / 6.0, A1 = 1.0 + b;
  const double Ap = beta * (pi * pi / 6.0 - 1.25) + 5.0 / 36.0;
  const double Cp = -0.75 * beta - 1.0 / 9.0;
  const double Bp = -0.5 + 7.0 * beta / 72.0;
  const double Dp = sigma0 * (Ap - Cp) - Bp * A1;
  return {sigma0 / Dp, A1 / Dp};
}

namespace {
constexpr double kSigma0 = 7.0 / 9.0;
constexpr double kB = 4.0 / 3.0;

double E1(double x) {  // exponential integral, 0 beyond underflow
  if (!(x > 0)) return std::numeric_limits<double>::infinity();
  if (x > 650.0) return 0.0;
  return gsl_sf_expint_E1(x);
}

// A photon energy fraction v with x = -ln(1 - v) carried exactly (v -> 0 and v -> 1 ends).
struct Frac {
  double v, x;
};
Frac frac_v(double v) { return {v, v >= 1.0 ? std::numeric_limits<double>::infinity() : -std::log1p(-v)}; }
Frac frac_x(double x) { return {-std::expm1(-x), x}; }  // x = ln(E/E') for a recoil to E'

// int_{v1}^{v2} phi(v) dv (number of photons per X0).
double brem_number(BremSpectrum s, Frac a, Frac b) {
  if (!(b.v > a.v)) return 0.0;
  if (s == BremSpectrum::CompleteScreening) {
    auto F = [](double v) { return kB * (std::log(v) - v) + 0.5 * v * v; };
    return F(b.v) - F(a.v);
  }
  return kB * (E1(a.x) - E1(b.x));  // phi = (4/3)/x, dv = e^{-x} dx
}
// int_{v1}^{v2} v phi(v) dv (energy fraction radiated per X0), v1 may be 0.
double brem_energy(BremSpectrum s, Frac a, Frac b) {
  if (!(b.v > a.v)) return 0.0;
  if (s == BremSpectrum::CompleteScreening) {
    auto G = [](double v) { return kB * v - (2.0 / 3.0) * v * v + v * v * v / 3.0; };
    return G(b.v) - G(a.v);
  }
  // (4/3) int (e^{-x} - e^{-2x})/x dx; E1(x) - E1(2x) -> ln 2 at x -> 0.
  auto H = [](double x) {
    if (!(x > 0)) return std::log(2.0);
    return E1(x) - E1(2.0 * x);
  };
  return kB * (H(a.x) - H(b.x));
}
// Pair: Psi(u) = int_0^u psi, U(u) = int_0^u u' psi(u') du'.
double Psi(double u) { return u - (2.0 / 3.0) * u * u + (4.0 / 9.0) * u * u * u; }
double Upsi(double u) { return 0.5 * u * u - (4.0 / 9.0) * u * u * u + u * u * u * u / 3.0; }
}  // namespace

EmCascade::EmCascade(const CascadeGrid& grid, const CascadeMedium& medium, BremSpectrum brem)
    : eps_(medium.critical_energy), medium_(medium) {
  if (!(grid.E_min > 0 && grid.E_max > grid.E_min && grid.groups_per_decade > 0))
    throw std::invalid_argument("EmCascade: need 0 < E_min < E_max and groups_per_decade > 0");
  if (medium.atten_E.size() != medium.atten_mu.size())
    throw std::invalid_argument("EmCascade: attenuation table sizes differ");
  const double decades = std::log10(grid.E_max / grid.E_min);
  n_ = std::max(1, static_cast<int>(std::ceil(decades * grid.groups_per_decade - 1e-9)));
  const double lr = std::log(grid.E_max / grid.E_min) / n_;  // ln r
  edges_.resize(n_ + 1);
  for (int j = 0; j <= n_; ++j) edges_[j] = grid.E_min * std::exp(lr * j);
  edges_[n_] = grid.E_max;
  K_.assign(static_cast<std::size_t>(4) * n_ * n_, 0.0);
  leak_rate_.assign(2 * n_, 0.0);

  // In-group nodes: s = ln(E/a_g) = lr u^2, u in (0, 1) (the u^2 map absorbs the ln singularity of
  // the recoil kernels at the lower edge); weight of the flat-in-ln E average: 2u du.
  static const GaussLegendre gl(16);
  std::vector<double> su, wu;
  for (int q = 0; q < gl.size(); ++q) {
    const double u = 0.5 * (1.0 + gl.nodes()[q]);
    su.push_back(lr * u * u);
    wu.push_back(gl.weights()[q] * u);  // (1/2) w * 2u
  }
  const double a0 = edges_[0];
  for (int g = 0; g < n_; ++g) {
    const int ig = 2 * g, ie = 2 * g + 1;
    // Ionisation crossing rate E_c d(a_g)/n_g, with the edge density d(a_g) of a local power law
    // E^{-a} in the group, a = 2E/(E + E_c) at the centre (the approximation-B shape ~ 1/(E + E_c)^2:
    // flat for E << E_c, where ionisation dominates, E^-2 above): d(a_g) = (n_g/dE_g) f,
    // f = (r - 1)(1 - a)/(r^{1-a} - 1) (f = 1 for a = 0: exact for pure ionisation).
    double ion = 0.0;
    if (eps_ > 0) {
      const double c = std::sqrt(edges_[g] * edges_[g + 1]);
      const double a = 2.0 * c / (c + eps_), b = 1.0 - a;
      const double f = std::abs(b) < 1e-12 ? std::expm1(lr) / lr : std::expm1(lr) * b / std::expm1(b * lr);
      ion = eps_ * f / (edges_[g + 1] - edges_[g]);
    }
    for (std::size_t q = 0; q < su.size(); ++q) {
      const double s = su[q], w = wu[q];
      const double E = edges_[g] * std::exp(s);
      // -- electron at E: photons into h <= g (fraction v = a/E = e^{-(s + (g-h) lr)}).
      for (int h = 0; h <= g; ++h) {
        const Frac lo = frac_v(std::exp(-(s + (g - h) * lr)));
        const Frac hi = h == g ? frac_v(1.0) : frac_v(std::exp(-(s + (g - h - 1) * lr)));
        k(2 * h, ie) += w * brem_number(brem, lo, hi);
      }
      leak_rate_[ie] += w * E * brem_energy(brem, frac_v(0.0), frac_v(std::exp(-(s + g * lr))));
      // -- recoil of the electron into h < g: E' in [a_h, a_h+1], x = ln(E/E').
      double out = 0.0;
      for (int h = 0; h < g; ++h) {
        const double r = w * brem_number(brem, frac_x(s + (g - h - 1) * lr), frac_x(s + (g - h) * lr));
        k(2 * h + 1, ie) += r;
        out += r;
      }
      {
        const Frac lo = frac_x(s + g * lr), hi = frac_v(1.0);  // E' < a0
        const double r = w * brem_number(brem, lo, hi);
        out += r;
        leak_rate_[ie] += w * E * (brem_number(brem, lo, hi) - brem_energy(brem, lo, hi));
      }
      k(ie, ie) -= out;
      // -- photon at k = E: attenuation and pairs into h <= g (u = a/k).
      const double mu = photon_attenuation(E);
      const double pr = 2.0 * mu / kSigma0;
      k(ig, ig) -= w * mu;
      for (int h = 0; h <= g; ++h) {
        const double u1 = std::exp(-(s + (g - h) * lr));
        const double u2 = h == g ? 1.0 : std::exp(-(s + (g - h - 1) * lr));
        k(2 * h + 1, ig) += w * pr * (Psi(u2) - Psi(u1));
      }
      leak_rate_[ig] += w * pr * E * Upsi(a0 / E);
    }
    // -- ionisation: E_c per X0 across the lower edge, density n_g / dE_g.
    k(ie, ie) -= ion;
    if (g > 0)
      k(2 * (g - 1) + 1, ie) += ion;
    else
      leak_rate_[ie] += ion * a0;
  }
}

double EmCascade::photon_attenuation(double E) const {
  const auto& X = medium_.atten_E;
  const auto& Y = medium_.atten_mu;
  if (X.empty()) return kSigma0;
  if (X.size() == 1 || E <= X.front()) return Y.front();
  if (E >= X.back()) return Y.back();
  const std::size_t i = static_cast<std::size_t>(std::upper_bound(X.begin(), X.end(), E) - X.begin()) - 1;
  const double t = std::log(E / X[i]) / std::log(X[i + 1] / X[i]);
  return std::exp((1.0 - t) * std::log(Y[i]) + t * std::log(Y[i + 1]));
}

CascadeResult EmCascade::solve(const std::vector<double>& photon_source, const std::vector<double>& lepton_source,
                               double T, double lambda, double depth_step) const {
  if (static_cast<int>(photon_source.size()) != n_ || static_cast<int>(lepton_source.size()) != n_)
    throw std::invalid_argument("EmCascade::solve: source size != number of groups");
  if (!(T > 0)) throw std::invalid_argument("EmCascade::solve: T must be > 0");
  const int m = 2 * n_;
  std::vector<double> src(m);
  for (int g = 0; g < n_; ++g) {
    src[2 * g] = photon_source[g];
    src[2 * g + 1] = lepton_source[g];
  }
  std::vector<double> L(m, 0.0);
  double weight = 1.0;  // injected fraction of the sources

  // Solve (alpha I - beta K) x = rhs by back substitution over the 2 x 2 group blocks, top group first.
  auto block_solve = [&](double alpha, double beta, std::vector<double>& rhs, std::vector<double>& x) {
    for (int g = n_ - 1; g >= 0; --g) {
      const int i0 = 2 * g, i1 = 2 * g + 1;
      double r0 = rhs[i0], r1 = rhs[i1];
      for (int j = 2 * g + 2; j < m; ++j) {
        r0 += beta * k(i0, j) * x[j];
        r1 += beta * k(i1, j) * x[j];
      }
      const double m00 = alpha - beta * k(i0, i0), m01 = -beta * k(i0, i1);
      const double m10 = -beta * k(i1, i0), m11 = alpha - beta * k(i1, i1);
      const double det = m00 * m11 - m01 * m10;
      x[i0] = (r0 * m11 - m01 * r1) / det;
      x[i1] = (m00 * r1 - m10 * r0) / det;
    }
  };

  if (std::isinf(T)) {
    // 0 - S = K L  ->  (0 I - 1 K) L = S.
    std::vector<double> rhs = src;
    block_solve(0.0, 1.0, rhs, L);
  } else {
    if (!(depth_step > 0)) throw std::invalid_argument("EmCascade::solve: depth_step must be > 0");
    const int steps = std::max(1, static_cast<int>(std::ceil(T / depth_step - 1e-9)));
    const double h = T / steps;
    const bool distributed = lambda > 0;
    auto qw = [&](double t) { return distributed ? std::exp(-t / lambda) / lambda : 0.0; };
    std::vector<double> u(m, 0.0), un(m), rhs(m);
    if (!distributed) u = src;
    weight = distributed ? -std::expm1(-T / lambda) : 1.0;
    for (int s = 0; s < steps; ++s) {
      const double t0 = s * h, t1 = (s + 1) * h;
      const double qs = 0.5 * h * (qw(t0) + qw(t1));
      // rhs = u + (h/2) K u + (h/2)(q0 + q1)
      for (int i = 0; i < m; ++i) {
        double ku = 0.0;
        for (int j = (i / 2) * 2; j < m; ++j) ku += k(i, j) * u[j];
        rhs[i] = u[i] + 0.5 * h * ku + qs * src[i];
      }
      block_solve(1.0, 0.5 * h, rhs, un);
      for (int i = 0; i < m; ++i) {
        L[i] += 0.5 * h * (u[i] + un[i]);
        u[i] = un[i];
      }
    }
  }

  CascadeResult r;
  r.edges = edges_;
  r.photon_track.resize(n_);
  r.lepton_track.resize(n_);
  r.photon_created.resize(n_);
  r.lepton_created.resize(n_);
  for (int g = 0; g < n_; ++g) {
    r.photon_track[g] = L[2 * g];
    r.lepton_track[g] = L[2 * g + 1];
    r.ionisation_energy += eps_ * L[2 * g + 1];
    r.leak_energy += leak_rate_[2 * g] * L[2 * g] + leak_rate_[2 * g + 1] * L[2 * g + 1];
  }
  for (int h = 0; h < n_; ++h) {
    double cg = weight * src[2 * h], ce = weight * src[2 * h + 1];
    for (int g = h; g < n_; ++g) {
      cg += k(2 * h, 2 * g + 1) * L[2 * g + 1];
      ce += k(2 * h + 1, 2 * g) * L[2 * g];
    }
    r.photon_created[h] = cg;
    r.lepton_created[h] = ce;
  }
  return r;
}

CascadeResult EmCascade::solve_thick_lepton_absorption(const std::vector<double>& photon_source,
                                                     const std::vector<double>& lepton_source,
                                                     const std::vector<double>& lepton_absorption) const {
  if (static_cast<int>(photon_source.size()) != n_ || static_cast<int>(lepton_source.size()) != n_ ||
      static_cast<int>(lepton_absorption.size()) != n_)
    throw std::invalid_argument("EmCascade::solve_thick_lepton_absorption: vector size != number of groups");
  // Back substitution over the 2 x 2 group blocks, top group first (as solve() with T = inf), the
  // absorption on the lepton diagonal.
  const int m = 2 * n_;
  std::vector<double> x(m, 0.0);
  for (int g = n_ - 1; g >= 0; --g) {
    const int i0 = 2 * g, i1 = 2 * g + 1;
    double r0 = photon_source[g], r1 = lepton_source[g];
    for (int j = 2 * g + 2; j < m; ++j) {
      r0 += k(i0, j) * x[j];
      r1 += k(i1, j) * x[j];
    }
    const double m00 = -k(i0, i0), m01 = -k(i0, i1);
    const double m10 = -k(i1, i0), m11 = lepton_absorption[g] - k(i1, i1);
    const double det = m00 * m11 - m01 * m10;
    x[i0] = (r0 * m11 - m01 * r1) / det;
    x[i1] = (m00 * r1 - m10 * r0) / det;
  }
  CascadeResult r;
  r.edges = edges_;
  r.photon_track.resize(n_);
  r.lepton_track.resize(n_);
  for (int g = 0; g < n_; ++g) {
    r.photon_track[g] = x[2 * g];
    r.lepton_track[g] = x[2 * g + 1];
  }
  return r;
}

}  // namespace alpscan::physics
