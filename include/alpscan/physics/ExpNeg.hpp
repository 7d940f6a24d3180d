// e^{-x} and 1 - e^{-x} = -expm1(-x) for x >= 0, inline and branch-free, so that the per-point loops
// over energy bins of the decay-in-volume families (beam dumps, electron dumps, PASSAT's survival)
// vectorise: libm's exp is an opaque call per element and was most of a point's cost (issue 17 item 2).
//
// Method: x = k ln 2 + r with |r| <= ln2/2 (Cody-Waite, ln 2 split so that k ln2_hi is exact),
// e^r - 1 = p(r) by its Taylor series to r^13 (truncation < 5e-18 relative), then
//   e^{-x} = 2^k (1 + p),   1 - e^{-x} = (1 - 2^k) - 2^k p   (both exact steps but the last rounding;
// k = 0 gives -p, accurate to the last bit however small x is). 2^k is applied as two factors 2^k1 2^k2
// so that results down to the smallest subnormal come out right. Both agree with std::exp/std::expm1 to
// <= 2 ulp on [0, 745] (tests/physics/ExpNeg.test.cpp), i.e. a sum of such terms differs from the libm
// sum by ~1e-16 relative, far below the 1e-12 the reference jobs allow; they are NOT bit-identical to libm.
// Beyond exp's underflow (x > 745.13, also +inf) e^{-x} is 0 and 1 - e^{-x} is 1, as with libm.
// No branches, so loops over arrays of x vectorise (on AVX2/AVX-512 machines through ALPSCAN_VECTOR_CLONES;
// the SSE2 baseline has no vector 64-bit compare, there the loops stay scalar).
#pragma once

#include <cstdint>
#include <cstring>

namespace alpscan::physics {

namespace exp_neg_detail {

inline std::uint64_t bits(double d) {
  std::uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}
inline double from_bits(std::uint64_t u) {
  double d;
  std::memcpy(&d, &u, sizeof d);
  return d;
}

constexpr double kShift = 6755399441055744.0;          // 1.5 * 2^52: x + kShift rounds x to an integer
constexpr double kLog2e = 1.4426950408889634074;
constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2, upper 32 bits (k ln2_hi exact for |k| < 2^21)
constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 - kLn2Hi
// Clamp: keeps k >= -1076; e^{-746} = 1.2e-324 rounds to 0 (below half the smallest subnormal), as does
// e^{-x} for every x above exp's underflow threshold 745.13, so no separate test is needed.
constexpr double kMaxX = 746.0;

// min(x, hi) for x >= 0 (NaN and +inf give hi) as a bit select: a conditional expression here makes GCC
// duplicate the whole evaluation for the constant arm and then refuse to vectorise the loop.
inline double clamp_hi(double x, double hi) {
  const std::uint64_t keep = -static_cast<std::uint64_t>(x < hi);  // all ones where x < hi
  return from_bits((bits(x) & keep) | (bits(hi) & ~keep));
}

// The reduction of y = -x (x in [0, kMaxX]): k (as a double), r, p = e^r - 1, and 2^k as s1 * s2.
struct Reduced {
  double p, s1, s2;
};
inline Reduced reduce(double x) {
  const double y = -clamp_hi(x, kMaxX);
  const double kd = (y * kLog2e + kShift) - kShift;  // nearest integer to y/ln2 (k <= 0)
  const double r = (y - kd * kLn2Hi) - kd * kLn2Lo;
  // e^r - 1 = r + r^2 q(r), |r| <= 0.3466, q(r) = sum_{n=2..13} r^(n-2)/n! by Estrin's scheme (pairs, then
  // pairs of pairs): a dependency chain of ~8 operations instead of Horner's 24, so that successive
  // elements overlap (the loops are latency-bound otherwise).
  const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const double p0 = 1.0 / 2 + r * (1.0 / 6), p1 = 1.0 / 24 + r * (1.0 / 120), p2 = 1.0 / 720 + r * (1.0 / 5040);
  const double p3 = 1.0 / 40320 + r * (1.0 / 362880), p4 = 1.0 / 3628800 + r * (1.0 / 39916800);
  const double p5 = 1.0 / 479001600 + r * (1.0 / 6227020800.0);
  const double q = (p0 + r2 * p1) + r4 * (p2 + r2 * p3) + r8 * (p4 + r2 * p5);
  const double p = r + r2 * q;
  // 2^k = 2^k1 2^k2 with k1 ~ k/2: each factor normal (k >= -1076), products exact but the last.
  const double k1 = (kd * 0.5 + kShift) - kShift;
  const double k2 = kd - k1;
  const std::uint64_t one = bits(1.0), shift = bits(kShift);
  const double s1 = from_bits(one + ((bits(k1 + kShift) - shift) << 52));
  const double s2 = from_bits(one + ((bits(k2 + kShift) - shift) << 52));
  return {p, s1, s2};
}

}  // namespace exp_neg_detail

// Put before a function whose loops call exp_neg(): GCC compiles it for baseline x86-64 and for AVX2 and
// AVX-512 machines and picks one when the program loads (target_clones). Every clone performs the same
// IEEE operations per element (no FMA contraction: -ffp-contract=off; sums in the order written), so the
// results do not depend on the machine's vector width.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define ALPSCAN_VECTOR_CLONES __attribute__((target_clones("default", "arch=x86-64-v3", "arch=x86-64-v4")))
#else
#define ALPSCAN_VECTOR_CLONES
#endif

// e^{-x} for x >= 0.
inline double exp_neg(double x) {
  const exp_neg_detail::Reduced t = exp_neg_detail::reduce(x);
  return ((1.0 + t.p) * t.s1) * t.s2;
}

// 1 - e^{-x} = -expm1(-x) for x >= 0, to full relative precision also for small x.
inline double one_minus_exp_neg(double x) {
  const exp_neg_detail::Reduced t = exp_neg_detail::reduce(x);
  const double s = t.s1 * t.s2;  // 2^k, or 0 below the smallest subnormal (then the result is 1)
  return (1.0 - s) - s * t.p;
}

// e^{-x} and 1 - e^{-x} from one reduction (the same values as exp_neg and one_minus_exp_neg).
inline void exp_neg_and_complement(double x, double& e, double& one_minus_e) {
  const exp_neg_detail::Reduced t = exp_neg_detail::reduce(x);
  e = ((1.0 + t.p) * t.s1) * t.s2;
  const double s = t.s1 * t.s2;
  one_minus_e = (1.0 - s) - s * t.p;
}

// x[0] + ... + x[n-1] in four interleaved partial sums (x[j] into sum j mod 4, then (s0 + s1) + (s2 + s3)):
// four independent chains of additions instead of one, for the per-bin terms of a point.
inline double sum4(const double* x, int n) {
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  int j = 0;
  for (; j + 4 <= n; j += 4) {
    s0 += x[j];
    s1 += x[j + 1];
    s2 += x[j + 2];
    s3 += x[j + 3];
  }
  for (; j < n; ++j) s0 += x[j];
  return (s0 + s1) + (s2 + s3);
}

}  // namespace alpscan::physics
