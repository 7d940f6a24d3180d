#include "alpscan/model/ProbeKinematics.hpp"

#include <algorithm>
#include <cmath>

namespace alpscan::model {

std::string probe_vertex_problem(const ProbeVertex& v) {
  if (!(v.photon_mass >= 0) || !std::isfinite(v.photon_mass)) return "photon_mass must be finite and >= 0";
  if (v.photon_mass_sq_sign != 1.0 && v.photon_mass_sq_sign != -1.0) return "the sign of m_gamma^2 must be +1 or -1";
  switch (v.second) {
    case ProbeVertex::SecondPhoton::static_field:
      if (!(v.length > 0) || !std::isfinite(v.length)) return "a static field needs a length > 0";
      if (!(v.photon_energy > 0) || !std::isfinite(v.photon_energy)) return "a static field needs a photon energy > 0";
      break;
    case ProbeVertex::SecondPhoton::momentum_transfer:
      if (!(v.momentum_transfer > 0) || !std::isfinite(v.momentum_transfer)) return "a momentum transfer q > 0 is needed";
      break;
    case ProbeVertex::SecondPhoton::s_channel:
      if (!(v.sqrt_s > 0) || !std::isfinite(v.sqrt_s)) return "an s-channel photon needs sqrt_s > 0";
      break;
    default:
      break;
  }
  return "";
}

VertexInvariants probe_invariants(const ProbeVertex& v, double m_a) {
  VertexInvariants r;
  const double mg2 = v.photon_mass * v.photon_mass;
  r.p1 = v.photon_mass_sq_sign * mg2;
  r.pa = m_a * m_a;
  switch (v.second) {
    case ProbeVertex::SecondPhoton::static_field: {
      // seed 001 L159 writes (m_gamma^2 - m_a^2)/(2 omega); its modulus is the momentum mismatch
      // (spec bandpass.md 5 A3), with the signed P1 of the medium (a gas has m_gamma^2 < 0).
      const double q = std::max(1.0 / v.length, std::abs(r.p1 - r.pa) / (2.0 * v.photon_energy));
      r.p2 = -q * q;
      break;
    }
    case ProbeVertex::SecondPhoton::momentum_transfer:
      r.p2 = -v.momentum_transfer * v.momentum_transfer;
      break;
    case ProbeVertex::SecondPhoton::plasma_photon:
      r.p2 = r.p1;
      break;
    case ProbeVertex::SecondPhoton::on_shell:
      r.p2 = 0.0;
      break;
    case ProbeVertex::SecondPhoton::s_channel:
      // the photon of e+e- annihilation carries the whole collision four-momentum: time-like, P2 = +s
      r.p2 = v.sqrt_s * v.sqrt_s;
      break;
  }
  return r;
}

const char* signal_name(ProbeKinematics::Signal s) {
  return s == ProbeKinematics::Signal::one_vertex ? "one_vertex" : "production_and_detection";
}

const char* second_photon_name(ProbeVertex::SecondPhoton s) {
  switch (s) {
    case ProbeVertex::SecondPhoton::static_field: return "static_field";
    case ProbeVertex::SecondPhoton::momentum_transfer: return "momentum_transfer";
    case ProbeVertex::SecondPhoton::plasma_photon: return "plasma_photon";
    case ProbeVertex::SecondPhoton::on_shell: return "on_shell";
    case ProbeVertex::SecondPhoton::s_channel: return "s_channel";
  }
  return "on_shell";
}

}  // namespace alpscan::model
