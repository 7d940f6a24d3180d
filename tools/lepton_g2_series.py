#!/usr/bin/python3
"""Exact coefficients of the large-x expansions of the g-2 loop functions (physics/LeptonG2.cpp).

For x > 4 the closed forms of h_1 and h_2 (spec invisible_alps.md 4.2) are, with w = 1/x,
v = sqrt(1 - 4w) and arccosh(sqrt(x)/2) = atanh(v) = ln(x)/2 + ln((1 + v)/2):
  h_1 = 1 + 2x + x(1-x) ln x - 2x(3-x) atanh(v)/v,
  h_2 = 1 - x/3 + (x^2/6) ln x - ((2+x)/3) x v atanh(v).
1/v and ln((1+v)/2) are analytic in w for |w| < 1/4, so each function is ln(x) P(w) + Q(w) with
power series P, Q converging for x > 4; the powers of x above w^0 (h_2) and w^1 (h_1) cancel exactly,
which is the cancellation the closed forms suffer numerically. Run by hand (needs sympy); prints the
C++ arrays pasted into src/physics/LeptonG2.cpp.
"""
import sympy as sp

N = 17  # coefficients of w^0 .. w^16
w = sp.symbols("w", positive=True)
v = sp.sqrt(1 - 4 * w)
inv_v = sp.series(1 / v, w, 0, N + 2).removeO()
A = sp.series(sp.log((1 + v) / 2), w, 0, N + 3).removeO()
xv = sp.series(v / w, w, 0, N + 2).removeO()
x = 1 / w
series = {
    "h1_log": x - x**2 - (3 * x - x**2) * inv_v,
    "h1_rest": 1 + 2 * x - 2 * (3 * x - x**2) * inv_v * A,
    "h2_log": x**2 / 6 - (2 + x) * xv / 6,
    "h2_rest": 1 - x / 3 - (2 + x) / 3 * xv * A,
}
for name, expr in series.items():
    e = sp.expand(expr)
    for k in (-2, -1):
        assert sp.simplify(e.coeff(w, k)) == 0, (name, k)
    cs = [sp.Rational(sp.nsimplify(e.coeff(w, k))) for k in range(N)]
    body = ", ".join(f"{c.p}.0" if c.q == 1 else f"{c.p}.0 / {c.q}" for c in cs)
    print(f"constexpr double k_{name}[{N}] = {{{body}}};")
