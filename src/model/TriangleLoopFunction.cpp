#include "alpscan/model/TriangleLoopFunction.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <vector>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

namespace alpscan::model {

namespace {
constexpr double kPi = 3.14159265358979323846;
using cplx = std::complex<double>;
}  // namespace

cplx arcsin2_sqrt(double x) {
  if (x < 0) {
    const double s = std::asinh(std::sqrt(-x));
    return {-s * s, 0.0};
  }
  if (x <= 1) {
    const double s = std::asin(std::sqrt(x));
    return {s * s, 0.0};
  }
  const double t = std::acosh(std::sqrt(x));
  return cplx(kPi / 2, t) * cplx(kPi / 2, t);
}

cplx arcsin2_sqrt_derivative(double x) {
  if (x == 0) return {1.0, 0.0};
  if (x < 0) {
    const double s = std::sqrt(-x);
    return {std::asinh(s) / (s * std::sqrt(1 - x)), 0.0};
  }
  if (x < 1) {
    const double s = std::sqrt(x);
    return {std::asin(s) / (s * std::sqrt(1 - x)), 0.0};
  }
  const double t = std::acosh(std::sqrt(x));
  return cplx(0, 1) * cplx(kPi / 2, t) / (std::sqrt(x) * std::sqrt(x - 1));
}

namespace {
cplx series_from(int first, double a, double b, double c, int orders);
}

cplx triangle_f_series(double a, double b, double c, int orders) { return series_from(0, a, b, c, orders); }

cplx triangle_f_plus_one(double a, double b, double c) {
  if (std::abs(a) + std::abs(b) + std::abs(c) < 0.3) return series_from(1, a, b, c, 40);
  return triangle_f(a, b, c) + 1.0;
}

namespace {
cplx series_from(int first, double a, double b, double c, int orders) {
  // f = -2 sum_n 4^n sum_{p+q+r=n} n!/(p! q! r!) (p+r)! (q+r)! (p+q)! / (2n+2)! a^p b^q c^r (spec 1.4),
  // the coefficient from log-gamma (n <= 40 keeps every factorial finite in double, but not their products).
  double s = 0;
  for (int n = first; n <= orders; ++n) {
    double t = 0;
    for (int p = 0; p <= n; ++p)
      for (int q = 0; q <= n - p; ++q) {
        const int r = n - p - q;
        const double lc = std::lgamma(n + 1.0) - std::lgamma(p + 1.0) - std::lgamma(q + 1.0) - std::lgamma(r + 1.0) +
                          std::lgamma(p + r + 1.0) + std::lgamma(q + r + 1.0) + std::lgamma(p + q + 1.0) -
                          std::lgamma(2.0 * n + 3.0) + n * std::log(4.0);
        t += std::exp(lc) * std::pow(a, p) * std::pow(b, q) * std::pow(c, r);
      }
    s += t;
  }
  return {-2 * s, 0.0};
}
}  // namespace

cplx triangle_f_one_zero(double b, double c) {
  if (b == 0 && c == 0) return {-1.0, 0.0};
  if (b == 0) return -arcsin2_sqrt(c) / c;
  if (c == 0) return -arcsin2_sqrt(b) / b;
  // A(c) - A(b) cancels as b -> c: there the derivative (the error of the difference quotient is
  // ~ A''' (c - b)^2, far below double precision at the 1e-6 relative switch).
  if (std::abs(c - b) <= 1e-6 * std::max(std::abs(b), std::abs(c))) return -arcsin2_sqrt_derivative(0.5 * (b + c));
  return -(arcsin2_sqrt(c) - arcsin2_sqrt(b)) / (c - b);
}

namespace {

struct Invariants {
  double a, b, c;  // b the largest in modulus
};

// The inner integral over y in closed form (spec 1.5): D = 4 b y^2 + B y + C, roots y+- with the -i0 of
// the propagator shifting y+ to y+ + i0 and y- to y- - i0.
cplx inner(double x, const Invariants& v) {
  const double a = v.a, b = v.b, c = v.c;
  const double B = 4 * x * a - 4 * (1 - x) * b - 4 * x * c;
  const double C = 1 - 4 * x * (1 - x) * a;
  const double D = B * B - 16 * b * C;
  const double w = 1 - x;
  if (D >= 0) {
    const double r = std::sqrt(D);
    if (r < 1e-12 * std::max(1.0, std::abs(B))) {  // a double root: the integrand is 1/(4 b (y - y0)^2)
      const double y0 = -B / (8 * b);
      return {(1 / y0 - 1 / (w - y0)) / (4 * b), 0.0};
    }
    auto L = [&](double y, double sign) {
      const double re = std::log(std::max(std::abs(w - y), 1e-300)) - std::log(std::max(std::abs(y), 1e-300));
      return cplx(re, (y > 0 && y < w) ? sign * kPi : 0.0);
    };
    return (L((-B + r) / (8 * b), +1.0) - L((-B - r) / (8 * b), -1.0)) / r;
  }
  const cplx r(0.0, std::sqrt(-D));
  auto L = [&](cplx y) { return std::log(w - y) - std::log(-y); };
  return (L((-B + r) / (8 * b)) - L((-B - r) / (8 * b))) / r;
}

struct Part {
  const Invariants* v;
  bool imag;
};

double part(double x, void* p) {
  const Part& q = *static_cast<const Part*>(p);
  const cplx j = inner(x, *q.v);
  return q.imag ? j.imag() : j.real();
}

// Break points in (0, 1): the zeros of C (a root at y = 0, a > 1), of D at z = 0 (c > 1), and of Delta(x).
std::vector<double> break_points(const Invariants& v) {
  std::vector<double> pts = {0.0, 1.0};
  auto add = [&](double x) {
    if (x > 1e-12 && x < 1 - 1e-12) pts.push_back(x);
  };
  for (double s : {v.a, v.c})
    if (s > 1) {
      const double d = std::sqrt(1 - 1 / s);
      add((1 - d) / 2);
      add((1 + d) / 2);
    }
  // Delta(x) = (k1 x + k0)^2 - 16 b (1 - 4 a x + 4 a x^2)
  const double k1 = 4 * (v.a + v.b - v.c), k0 = -4 * v.b;
  const double q2 = k1 * k1 - 64 * v.a * v.b, q1 = 2 * k1 * k0 + 64 * v.a * v.b, q0 = k0 * k0 - 16 * v.b;
  if (std::abs(q2) > 1e-14 * (std::abs(q1) + std::abs(q0))) {
    const double disc = q1 * q1 - 4 * q2 * q0;
    if (disc >= 0) {
      const double sq = std::sqrt(disc);
      const double t = -0.5 * (q1 + std::copysign(sq, q1));  // stable roots
      if (t != 0) {
        add(t / q2);
        add(q0 / t);
      }
    }
  } else if (q1 != 0) {
    add(-q0 / q1);
  }
  std::sort(pts.begin(), pts.end());
  pts.erase(std::unique(pts.begin(), pts.end(), [](double x, double y) { return std::abs(x - y) < 1e-12; }), pts.end());
  return pts;
}

}  // namespace

cplx triangle_f_integral(double a, double b, double c) {
  // Permute (f is symmetric) so that b has the largest modulus: the roots y+- divide by b.
  std::array<double, 3> s = {a, b, c};
  const auto big = std::max_element(s.begin(), s.end(), [](double x, double y) { return std::abs(x) < std::abs(y); });
  std::swap(*big, s[1]);
  const Invariants v{s[0], s[1], s[2]};
  if (v.b == 0) return {-1.0, 0.0};
  std::vector<double> pts = break_points(v);
  const std::size_t limit = 2000;
  gsl_integration_workspace* ws = gsl_integration_workspace_alloc(limit);
  gsl_error_handler_t* old = gsl_set_error_handler_off();
  double res[2] = {0, 0};
  for (int k = 0; k < 2; ++k) {
    Part p{&v, k == 1};
    gsl_function fn{&part, &p};
    double err = 0;
    std::vector<double> bp = pts;  // qagp may reorder its copy
    const int status = gsl_integration_qagp(&fn, bp.data(), bp.size(), 1e-13, 1e-10, limit, ws, &res[k], &err);
    if (status != GSL_SUCCESS && std::abs(err) > 1e-7 * std::max(1.0, std::abs(res[k]))) {
      gsl_set_error_handler(old);
      gsl_integration_workspace_free(ws);
      throw std::runtime_error("triangle_f: the outer integral did not converge (a, b, c) = (" + std::to_string(a) +
                               ", " + std::to_string(b) + ", " + std::to_string(c) + ")");
    }
  }
  gsl_set_error_handler(old);
  gsl_integration_workspace_free(ws);
  return {-2 * res[0], -2 * res[1]};
}

cplx triangle_f(double a, double b, double c) {
  if (a == 0 && b == 0 && c == 0) return {-1.0, 0.0};
  if (std::abs(a) + std::abs(b) + std::abs(c) < 0.3) return triangle_f_series(a, b, c);
  if (a == 0) return triangle_f_one_zero(b, c);
  if (b == 0) return triangle_f_one_zero(a, c);
  if (c == 0) return triangle_f_one_zero(a, b);
  return triangle_f_integral(a, b, c);
}

}  // namespace alpscan::model
