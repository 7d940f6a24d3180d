#include "alpscan/physics/ConeConvolution.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

namespace {

constexpr double kPi = 3.14159265358979323846;

// The panel edges in theta: 0, the sorted breakpoints in (lo, hi), hi; panels beyond the first split so
// that each is at most max_ratio wide.
std::vector<double> panel_edges(std::vector<double> b, double lo, double hi, double max_ratio) {
  std::vector<double> e{lo};
  std::sort(b.begin(), b.end());
  for (double x : b)
    if (x > lo && x < hi && x > e.back()) e.push_back(x);
  e.push_back(hi);
  std::vector<double> out{e.front()};
  for (std::size_t i = 1; i < e.size(); ++i) {
    const double a = out.back(), c = e[i];
    const int n = a > 0 ? std::max(1, static_cast<int>(std::ceil(std::log(c / a) / std::log(max_ratio) - 1e-12))) : 1;
    for (int k = 1; k <= n; ++k) out.push_back(k == n ? c : a * std::pow(c / a, double(k) / n));
  }
  return out;
}

// pi int_{a}^{b} d(theta^2) f(theta).
template <class F>
double area_integral(const GaussLegendre& gl, F&& f, double a, double b) {
  return kPi * gl.integrate([&](double s) { return f(std::sqrt(s)); }, a * a, b * b);
}

void check_rule(const ConeConvolutionRule& r) {
  if (r.n_gl < 1 || !(r.max_ratio > 1.0)) throw std::invalid_argument("cone_convolution: n_gl >= 1 and max_ratio > 1 required");
}

}  // namespace

double cone_convolution(const AngularFunction& rho, const AngularFunction& kappa, std::vector<double> breakpoints,
                        double theta_max, const ConeConvolutionRule& rule) {
  check_rule(rule);
  if (!(theta_max > 0)) return 0.0;
  const GaussLegendre gl(rule.n_gl);
  const std::vector<double> e = panel_edges(std::move(breakpoints), 0.0, theta_max, rule.max_ratio);
  double s = 0.0;
  for (std::size_t i = 0; i + 1 < e.size(); ++i)
    s += area_integral(gl, [&](double t) { return rho(t) * kappa(t); }, e[i], e[i + 1]);
  return s;
}

double cone_convolution_binned(const std::vector<double>& edges, const std::vector<double>& w,
                               const AngularFunction& kappa, std::vector<double> breakpoints,
                               const ConeConvolutionRule& rule) {
  check_rule(rule);
  if (edges.size() < 2 || w.size() != edges.size() - 1 || !(edges.front() >= 0))
    throw std::invalid_argument("cone_convolution_binned: need ascending edges >= 0 and one weight per bin");
  const GaussLegendre gl(rule.n_gl);
  double s = 0.0;
  for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
    const double a = edges[i], b = edges[i + 1];
    if (!(b > a)) throw std::invalid_argument("cone_convolution_binned: edges must increase");
    if (w[i] == 0.0) continue;
    // Breakpoints inside the bin split it (no ratio limit: a bin is the caller's resolution).
    std::vector<double> e{a};
    std::vector<double> bp = breakpoints;
    std::sort(bp.begin(), bp.end());
    for (double x : bp)
      if (x > a && x < b && x > e.back()) e.push_back(x);
    e.push_back(b);
    double k = 0.0;
    for (std::size_t j = 0; j + 1 < e.size(); ++j) k += area_integral(gl, kappa, e[j], e[j + 1]);
    s += w[i] * k / (kPi * (b * b - a * a));
  }
  return s;
}

}  // namespace alpscan::physics
