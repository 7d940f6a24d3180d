// The equal-mass fermion triangle of the bandpass axion (seed 001 Eq. (5), L66-L73; spec bandpass.md
// 1.2-1.5): with a, b, c the invariants of the three legs over 4 m_f^2 (P/(4 m^2), timelike > 0),
//   f(a, b, c) = int dx dy dz (-2) delta(1 - x - y - z) / (1 - 4 x z a - 4 y z b - 4 x y c - i0),
// symmetric in (a, b, c); f(0,0,0) = -1 (heavy fermion), f -> 0 when an invariant >> 1 (light fermion).
// The seed evaluates it with LoopTools, which Debian does not package; this is the spec's own path:
//   * |a| + |b| + |c| < 0.3: the all-orders series (spec 1.4), 40 orders;
//   * one invariant exactly 0: the closed form f(0, b, c) = -[A(c) - A(b)]/(c - b), A(x) = arcsin^2(sqrt x)
//     continued to x < 0 and x > 1 (spec 1.4);
//   * otherwise the inner integral in closed form and the outer one by adaptive Gauss-Kronrod with break
//     points at the integrable singularities (spec 1.5), ~1e-9 relative.
// Cost: series and closed form ~1 us; the general path ~1e3 integrand calls (tables, not per point).
#pragma once

#include <complex>

namespace alpscan::model {

// A(x) = arcsin^2(sqrt(x + i0)): -asinh^2(sqrt(-x)) for x < 0, (pi/2 + i acosh(sqrt x))^2 for x > 1.
std::complex<double> arcsin2_sqrt(double x);
// dA/dx (x != 0, 1; the limit 1 at x = 0).
std::complex<double> arcsin2_sqrt_derivative(double x);

// f(a, b, c) by the path above.
std::complex<double> triangle_f(double a, double b, double c);

// f(a, b, c) + 1 without the cancellation of f -> -1 at small invariants (the series without its first
// term): a bandpass difference f(psi) - f(chi) of two nearly heavy fermions is ~ |P|/m^2, far below the
// double-precision resolution of f itself (spec 1.4: |F| = 8e-12 at the seed's Fig. 2 MWD point).
std::complex<double> triangle_f_plus_one(double a, double b, double c);

// The individual paths, exposed so that tests can check each against the others where both apply.
std::complex<double> triangle_f_series(double a, double b, double c, int orders = 40);
std::complex<double> triangle_f_one_zero(double b, double c);  // f(0, b, c)
std::complex<double> triangle_f_integral(double a, double b, double c);

}  // namespace alpscan::model
