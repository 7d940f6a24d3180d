#include "alpscan/model/BandpassCoupling.hpp"

#include <cmath>
#include <complex>

#include "alpscan/model/TriangleLoopFunction.hpp"

namespace alpscan::model {

namespace {
// |a| + |b| + |c| below which triangle_f_plus_one sums its series without the leading -1
// (model/TriangleLoopFunction.cpp): there f + 1 is exact where f is not.
constexpr double kHeavySeriesLimit = 0.3;
}  // namespace

double BandpassSpectrum::anomaly() const {
  double e = 0;
  for (const auto& f : fermions) e += f.multiplicity * f.pq_charge * f.charge * f.charge;
  return e;
}

BandpassSpectrum two_fermion_bandpass(double m_light, double m_heavy, double eps, double m_D) {
  BandpassSpectrum s;
  s.fermions = {{m_light, +1.0, 1.0, 1.0}, {m_heavy, -1.0, 1.0, 1.0}};
  s.eps = eps;
  s.m_D = m_D;
  return s;
}

double eps_eff_ratio(double m_gamma_sq, double m_D, double eps) {
  const double mD2 = m_D * m_D;
  const double d = m_gamma_sq - mD2;
  return mD2 / std::sqrt(d * d + 4 * eps * eps * mD2 * mD2);
}

double bandpass_form_factor(const BandpassSpectrum& s, const VertexInvariants& v) {
  // sum_f w_f A_f = -sum_f w_f f_f. A nearly heavy fermion (small invariants, the series region of
  // triangle_f_plus_one) contributes w_f (1 - (f_f + 1)): the constants w_f add to the anomaly E over such
  // fermions, exactly 0 when all are heavy, so their difference ~ |P|/m^2 is not lost to rounding. Any other
  // fermion contributes -w_f f_f with f itself: for a light fermion |f| ~ (m^2/|P|) ln^2 is far below 1e-16
  // and f + 1 would round it away (at m_a = 1 MeV, m_chi = 1e-5 eV, |f| ~ 1e-19; issue 15 item 2).
  double heavy_weights = 0.0;  // sum of w_f over the nearly heavy fermions: small integers, exact
  std::complex<double> sum = 0.0;
  for (const auto& f : s.fermions) {
    const double k = 1.0 / (4 * f.mass * f.mass);
    const double a = v.p1 * k, b = v.p2 * k, c = v.pa * k;
    const double w = f.multiplicity * f.pq_charge * f.charge * f.charge;
    if (std::abs(a) + std::abs(b) + std::abs(c) < kHeavySeriesLimit) {
      heavy_weights += w;
      sum -= w * triangle_f_plus_one(a, b, c);
    } else {
      sum -= w * triangle_f(a, b, c);
    }
  }
  return std::abs(heavy_weights + sum);
}

double bandpass_vertex_ratio(const BandpassSpectrum& s, const ProbeVertex& v, double m_a) {
  const VertexInvariants inv = probe_invariants(v, m_a);
  const double e = eps_eff_ratio(inv.p1, s.m_D, s.eps);
  return e * e * bandpass_form_factor(s, inv);
}

double bandpass_ratio(const BandpassSpectrum& s, const ProbeKinematics& k, double m_a) {
  const double r = bandpass_vertex_ratio(s, k.production, m_a);
  if (k.signal == ProbeKinematics::Signal::one_vertex || !k.detection) return r;
  return std::sqrt(r * bandpass_vertex_ratio(s, *k.detection, m_a));
}

}  // namespace alpscan::model
