#include "alpscan/physics/AlpPairConversion.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/core/Units.hpp"

namespace alpscan::physics {

namespace {

// Plain complex arithmetic (std::complex's operator* goes through the C99 Annex G NaN/inf path, __muldc3,
// unless -fcx-limited-range; these products are the inner loop).
struct cd {
  double r = 0.0, i = 0.0;
  cd() = default;
  cd(double re, double im = 0.0) : r(re), i(im) {}
  bool zero() const { return r == 0.0 && i == 0.0; }
};
inline cd operator*(cd a, cd b) { return {a.r * b.r - a.i * b.i, a.r * b.i + a.i * b.r}; }
inline cd operator+(cd a, cd b) { return {a.r + b.r, a.i + b.i}; }
inline cd operator-(cd a) { return {-a.r, -a.i}; }
inline cd operator*(double s, cd a) { return {s * a.r, s * a.i}; }
inline cd& operator+=(cd& a, cd b) { a.r += b.r, a.i += b.i; return a; }
inline cd conj(cd a) { return {a.r, -a.i}; }

struct M4 {
  cd a[4][4] = {};
};

M4 mul(const M4& x, const M4& y) {
  M4 r;
  for (int i = 0; i < 4; ++i)
    for (int k = 0; k < 4; ++k) {
      const cd xik = x.a[i][k];
      if (xik.zero()) continue;
      for (int j = 0; j < 4; ++j) r.a[i][j] += xik * y.a[k][j];
    }
  return r;
}
M4 add(const M4& x, const M4& y, double sx = 1.0, double sy = 1.0) {
  M4 r;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) r.a[i][j] = sx * x.a[i][j] + sy * y.a[i][j];
  return r;
}
// gamma^0 X^dagger gamma^0 (gamma^0 = diag(1, 1, -1, -1))
M4 bar(const M4& x) {
  static const double g0[4] = {1, 1, -1, -1};
  M4 r;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) r.a[i][j] = (g0[i] * g0[j]) * conj(x.a[j][i]);
  return r;
}
double re_trace_prod(const M4& x, const M4& y) {
  double t = 0.0;
  for (int i = 0; i < 4; ++i)
    for (int k = 0; k < 4; ++k) t += x.a[i][k].r * y.a[k][i].r - x.a[i][k].i * y.a[k][i].i;
  return t;
}

// Dirac representation.
struct Gammas {
  M4 g[4], g5;
  Gammas() {
    const cd I(0, 1), mI(0, -1), one(1), mone(-1), z(0);
    g[0].a[0][0] = g[0].a[1][1] = one;
    g[0].a[2][2] = g[0].a[3][3] = mone;
    // gamma^i = [[0, sigma_i], [-sigma_i, 0]]
    const cd s[3][2][2] = {{{z, one}, {one, z}}, {{z, mI}, {I, z}}, {{one, z}, {z, mone}}};
    for (int i = 0; i < 3; ++i)
      for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 2; ++c) {
          g[i + 1].a[r][c + 2] = s[i][r][c];
          g[i + 1].a[r + 2][c] = -s[i][r][c];
        }
    g5.a[0][2] = g5.a[1][3] = g5.a[2][0] = g5.a[3][1] = one;
  }
};
const Gammas& gam() {
  static const Gammas G;
  return G;
}

// vslash + c 1 for contravariant v.
M4 slash(const double v[4], double c = 0.0) {
  const Gammas& G = gam();
  M4 r;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      r.a[i][j] = v[0] * G.g[0].a[i][j] + (-v[1]) * G.g[1].a[i][j] + (-v[2]) * G.g[2].a[i][j] + (-v[3]) * G.g[3].a[i][j];
      if (i == j) r.a[i][j] += cd(c);
    }
  return r;
}

struct Kin {
  bool ok = false;
  double pp[4], pm[4], l1[4], l2[4];  // p+, p-, k - p+, p- - k
  double D1 = 0, D2 = 0;              // (k - p+)^2 - m^2, (p- - k)^2 - m^2
  double q2 = 0;                      // |q|^2
  double ppz = 0, pmz = 0;
};

Kin kinematics(double E, double ma, double x, double pT, double qT, double phi) {
  constexpr double me = units::m_electron;
  Kin K;
  const double Ep = x * E, Em = (1.0 - x) * E;
  const double qx = qT * std::cos(phi), qy = qT * std::sin(phi);
  const double mx = qx - pT, my = qy;  // p-T = qT - p+T
  const double pmT2 = mx * mx + my * my;
  const double ap = (Ep - me) * (Ep + me) - pT * pT, am = (Em - me) * (Em + me) - pmT2;
  if (!(ap > 0) || !(am > 0)) return K;
  const double ppz = std::sqrt(ap), pmz = std::sqrt(am);
  const double kz = std::sqrt((E - ma) * (E + ma));
  const double dEp = (me * me + pT * pT) / (Ep + ppz);  // E+ - p+z
  const double dEm = (me * me + pmT2) / (Em + pmz);    // E- - p-z
  const double dEk = ma * ma / (E + kz);               // E - k
  const double qz = dEk - dEp - dEm;                   // p+z + p-z - k
  K.q2 = qT * qT + qz * qz;
  // k.p = E (E_p - p_z) + p_z (E - k): no cancellation
  const double kpp = E * dEp + ppz * dEk, kpm = E * dEm + pmz * dEk;
  K.D1 = ma * ma - 2.0 * kpp;
  K.D2 = ma * ma - 2.0 * kpm;
  const double pp[4] = {Ep, pT, 0.0, ppz}, pm[4] = {Em, mx, my, pmz};
  for (int i = 0; i < 4; ++i) K.pp[i] = pp[i], K.pm[i] = pm[i];
  K.l1[0] = Em, K.l1[1] = -pT, K.l1[2] = 0.0, K.l1[3] = kz - ppz;
  K.l2[0] = -Ep, K.l2[1] = mx, K.l2[2] = my, K.l2[3] = pmz - kz;
  K.ppz = ppz, K.pmz = pmz;
  K.ok = true;
  return K;
}

// gamma^0 X and X gamma^0: sign flips of rows / columns 2, 3.
M4 g0_left(M4 x) {
  for (int i = 2; i < 4; ++i)
    for (int j = 0; j < 4; ++j) x.a[i][j] = -x.a[i][j];
  return x;
}
M4 g0_right(M4 x) {
  for (int i = 0; i < 4; ++i)
    for (int j = 2; j < 4; ++j) x.a[i][j] = -x.a[i][j];
  return x;
}
// X Y for a sparse Y (skips zero entries of Y).
M4 mul_sparse_right(const M4& x, const M4& y) {
  M4 r;
  for (int k = 0; k < 4; ++k)
    for (int j = 0; j < 4; ++j) {
      const cd ykj = y.a[k][j];
      if (ykj.zero()) continue;
      for (int i = 0; i < 4; ++i) r.a[i][j] += x.a[i][k] * ykj;
    }
  return r;
}

// Tr[(p-slash + m) O (p+slash - m) Obar], O = gamma^0 S1 Gamma + Gamma S2 gamma^0.
double trace_with(const Kin& K, const M4& Gamma) {
  constexpr double me = units::m_electron;
  const M4 S1 = slash(K.l1, me), S2 = slash(K.l2, me);
  const M4 O = add(g0_left(mul_sparse_right(S1, Gamma)), g0_right(mul(Gamma, S2)), 1.0 / K.D1, 1.0 / K.D2);
  const M4 A = mul(slash(K.pm, me), O);
  const M4 B = mul(slash(K.pp, -me), bar(O));
  return re_trace_prod(A, B);
}

double probe_trace(PairProbe probe, const Kin& K) {
  const Gammas& G = gam();
  if (probe == PairProbe::alp) return trace_with(K, G.g5);
  // eps = x, y: epsslash = -gamma^i; the sign drops out of |M|^2.
  return 0.5 * (trace_with(K, G.g[1]) + trace_with(K, G.g[2]));
}

}  // namespace

AlpPairConversion::AlpPairConversion(double Z, double A, PairConversionResolution res)
    : Z_(Z), A_(A), res_(res), gl_x_(res.n_x), gl_log_(res.n_log), gl_phi_(res.n_phi) {
  if (!(Z > 0) || !(A > 0)) throw std::invalid_argument("AlpPairConversion: Z, A > 0");
  a_ = 111.0 / (std::cbrt(Z) * units::m_electron);
  d_ = 0.164 / std::cbrt(A * A);
}

double AlpPairConversion::trace(PairProbe probe, double E, double m_a, double x, double pT, double qT,
                                double phi) const {
  const Kin K = kinematics(E, probe == PairProbe::photon ? 0.0 : m_a, x, pT, qT, phi);
  return K.ok ? probe_trace(probe, K) : 0.0;
}

double AlpPairConversion::ward_residual(double E, double x, double pT, double qT, double phi) const {
  const Kin K = kinematics(E, 0.0, x, pT, qT, phi);
  if (!K.ok) return 0.0;
  const double k[4] = {1.0, 0.0, 0.0, 1.0};  // k/E
  return std::fabs(trace_with(K, slash(k))) / std::fabs(trace_with(K, gam().g[1]));
}

double AlpPairConversion::dsigma_dx(PairProbe probe, double E, double m_a, double x) const {
  constexpr double me = units::m_electron;
  const double ma = probe == PairProbe::photon ? 0.0 : m_a;
  if (!(ma < 2.0 * me) || !(E > 2.0 * me)) return 0.0;
  const double Ep = x * E, Em = (1.0 - x) * E;
  if (!(Ep > me) || !(Em > me)) return 0.0;
  const double kz = std::sqrt((E - ma) * (E + ma));
  const double e2 = 4.0 * units::pi * units::alpha_em;
  const double coupling2 = probe == PairProbe::photon ? e2 : 1.0;
  const double pref = E / (8.0 * kz * std::pow(2.0 * units::pi, 4)) * coupling2 * e2 * e2 * Z_ * Z_;

  const double pp = std::sqrt((Ep - me) * (Ep + me));
  const double pt_lo = res_.pt_lo * me, pt_hi = std::min(res_.pt_hi * me, pp);
  const double qzmin = me * me / (2.0 * Ep) + me * me / (2.0 * Em) - ma * ma / (2.0 * E);
  const double q_lo = res_.q_lo * std::min(1.0 / a_, qzmin), q_hi = res_.q_hi * me;
  if (!(pt_hi > pt_lo)) return 0.0;

  auto panels = [&](double lo, double hi, auto&& body) {  // GL in ln, panels of width <= log_width
    const double ua = std::log(lo), ub = std::log(hi);
    const int n = std::max(1, static_cast<int>(std::ceil((ub - ua) / res_.log_width)));
    for (int s = 0; s < n; ++s) {
      const double a = ua + (ub - ua) * s / n, b = ua + (ub - ua) * (s + 1) / n;
      for (int i = 0; i < gl_log_.size(); ++i) {
        const double u = 0.5 * (a + b) + 0.5 * (b - a) * gl_log_.nodes()[i];
        body(std::exp(u), 0.5 * (b - a) * gl_log_.weights()[i]);
      }
    }
  };
  static const double phi_edges[5] = {0.0, units::pi / 32, units::pi / 8, units::pi / 2, units::pi};
  double sum = 0.0;
  panels(pt_lo, pt_hi, [&](double pT, double wp) {
    panels(q_lo, q_hi, [&](double qT, double wq) {
      double sphi = 0.0;
      for (int j = 0; j < 4; ++j) {
        const double a = phi_edges[j], b = phi_edges[j + 1];
        for (int i = 0; i < gl_phi_.size(); ++i) {
          const double phi = 0.5 * (a + b) + 0.5 * (b - a) * gl_phi_.nodes()[i];
          const Kin K = kinematics(E, ma, x, pT, qT, phi);
          if (!K.ok) continue;
          const double x2 = a_ * a_ * K.q2;
          const double G = x2 / (1.0 + x2) / (1.0 + K.q2 / d_);
          const double v = G * G / (K.q2 * K.q2) * probe_trace(probe, K) / (K.ppz * K.pmz);
          sphi += 0.5 * (b - a) * gl_phi_.weights()[i] * v;
        }
      }
      sum += wp * wq * pT * pT * qT * qT * 2.0 * sphi;  // phi in [0, 2 pi) = 2 x [0, pi]
    });
  });
  return pref * sum;
}

double AlpPairConversion::sigma(PairProbe probe, double E, double m_a) const {
  constexpr double me = units::m_electron;
  if (!(E > 2.0 * me)) return 0.0;
  // Born dsigma/dx is symmetric under x -> 1 - x (C invariance; checked numerically in the unit test):
  // twice the integral over [m_e/E, 1/2].
  return 2.0 * gl_x_.integrate([&](double x) { return dsigma_dx(probe, E, m_a, x); }, me / E, 0.5);
}

}  // namespace alpscan::physics
