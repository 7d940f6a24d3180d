#include "alpscan/model/BandpassCoupling.hpp"

#include <cmath>
#include <complex>

#include "alpscan/model/TriangleLoopFunction.hpp"

namespace alpscan::model {

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
  // sum_f w_f A_f = sum_f w_f (-f_f) = E - sum_f w_f (f_f + 1): for a bandpass spectrum (E = 0) the
  // heavy-fermion limits cancel exactly instead of in rounding (see triangle_f_plus_one).
  std::complex<double> sum = s.anomaly();
  for (const auto& f : s.fermions) {
    const double k = 1.0 / (4 * f.mass * f.mass);
    sum -= f.multiplicity * f.pq_charge * f.charge * f.charge * triangle_f_plus_one(v.p1 * k, v.p2 * k, v.pa * k);
  }
  return std::abs(sum);
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
