// Where an experiment probes the ALP-photon coupling: the invariants of the three legs of its
// a-gamma-gamma vertices (spec bandpass.md 1.6 and 3, seed 001 L149-L167). The bandpass model (issue 15,
// experiments/BandpassRescaledExperiment) evaluates g_eff at each experiment's own kinematics, so every
// experiment that depends on g_agg declares them as data (its data file's
// "probe_kinematics" section, io/ProbeKinematicsJson) and no experiment needs a bandpass branch.
//
// One vertex per conversion or emission. Leg 1 is the propagating photon in its medium:
//   P1 = s m_gamma^2 (s = +1 a plasma, -1 a gas with refractive index n > 1, seed 001 L167),
// leg 2 the second photon:
//   static_field:       P2 = -max(1/L, |m_gamma^2 - m_a^2| / (2 omega))^2   (seed 001 L159; spec 5 A3)
//   momentum_transfer:  P2 = -q^2                    (Primakoff on a screened charge, q ~ Debye scale)
//   plasma_photon:      P2 = +m_gamma^2              (photon coalescence gamma gamma -> a)
//   on_shell:           P2 = 0                       (decay a -> gamma gamma)
//   s_channel:          P2 = +s                      (time-like virtual photon of a collider, e+e- -> gamma a)
// and the ALP leg Pa = m_a^2. m_gamma is also the medium photon mass of the dark-photon suppression
// eps_eff(m_gamma) (spec bandpass.md 1.1). Internal units: GeV, GeV^2, lengths in GeV^-1.
#pragma once

#include <optional>
#include <string>

namespace alpscan::model {

struct ProbeVertex {
  enum class SecondPhoton { static_field, momentum_transfer, plasma_photon, on_shell, s_channel };
  double photon_mass = 0.0;         // |m_gamma| of the medium [GeV]
  double photon_mass_sq_sign = 1.0; // +1 plasma, -1 gas (n > 1)
  SecondPhoton second = SecondPhoton::on_shell;
  double length = 0.0;              // static_field: the shortest length over which B or m_gamma changes [GeV^-1]
  double photon_energy = 0.0;       // static_field: omega [GeV]
  double momentum_transfer = 0.0;   // momentum_transfer: q [GeV]
  double sqrt_s = 0.0;              // s_channel: the collision energy sqrt(s) [GeV]
};

// The three invariants of one vertex [GeV^2].
struct VertexInvariants {
  double p1 = 0.0, p2 = 0.0, pa = 0.0;
};

struct ProbeKinematics {
  // one_vertex: the observable goes as g^2 at one vertex (cooling, astrophysical conversion, PVLAS);
  // production_and_detection: as g_prod^2 g_det^2 (LSW, helioscopes, the SN1987A gamma burst), which
  // the bandpass rescaling treats as sqrt(R_prod R_det) (spec bandpass.md 3.1).
  enum class Signal { one_vertex, production_and_detection };
  Signal signal = Signal::one_vertex;
  ProbeVertex production;
  std::optional<ProbeVertex> detection;  // set iff signal == production_and_detection
  std::string source;                    // why these values
};

// Problems of a vertex as text (empty: valid): finite, non-negative numbers; L, omega > 0 for a static
// field; q > 0 for a momentum transfer; sqrt(s) > 0 for an s-channel photon.
std::string probe_vertex_problem(const ProbeVertex& v);
// The invariants of vertex v for an ALP of mass m_a [GeV].
VertexInvariants probe_invariants(const ProbeVertex& v, double m_a);

const char* signal_name(ProbeKinematics::Signal s);
const char* second_photon_name(ProbeVertex::SecondPhoton s);

}  // namespace alpscan::model
