// The invariants of an experiment's a-gamma-gamma vertex (model/ProbeKinematics): the rules of spec
// bandpass.md 1.6 (seed 001 L159-L167), checked against numbers worked out by hand with
// hbar c = 1.973269804e-7 eV m.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "alpscan/core/Units.hpp"
#include "alpscan/model/ProbeKinematics.hpp"

using namespace alpscan;
using Catch::Detail::Approx;
using S = model::ProbeVertex::SecondPhoton;

namespace {
constexpr double eV = units::eV;
constexpr double eV2 = units::eV * units::eV;

// ALPS-I as in spec bandpass.md 4.2(b): |m_gamma| = 6e-6 eV of residual gas (m_gamma^2 < 0, seed 001
// L167), 532 nm light (2.33 eV), L = 4.2 m.
model::ProbeVertex alps_like() {
  model::ProbeVertex v;
  v.photon_mass = 6e-6 * eV;
  v.photon_mass_sq_sign = -1.0;
  v.second = S::static_field;
  v.length = 4.2 * units::meter;
  v.photon_energy = 2.33 * eV;
  return v;
}
}  // namespace

TEST_CASE("static field: P2 = -max(1/L, |P1 - m_a^2|/2 omega)^2, P1 = -m_gamma^2 for a gas (seed 001 L159, L167)",
          "[model][probe_kinematics]") {
  const model::ProbeVertex v = alps_like();
  // Light ALP: |P1 - Pa|/2 omega = 3.6e-11 eV^2 / 4.66 eV = 7.7e-12 eV << 1/L = 1.973e-7/4.2 = 4.698e-8 eV.
  const auto lo = model::probe_invariants(v, 1e-13 * eV);
  CHECK(lo.p1 == Approx(-3.6e-11 * eV2).epsilon(1e-12));
  CHECK(lo.pa == Approx(1e-26 * eV2).epsilon(1e-12));
  CHECK(lo.p2 == Approx(-std::pow(4.6982614e-8, 2) * eV2).epsilon(1e-6));
  // Heavy ALP, m_a = 1 meV: (1e-6 + 3.6e-11) eV^2 / 4.66 eV = 2.14600e-7 eV > 1/L.
  const auto hi = model::probe_invariants(v, 1e-3 * eV);
  CHECK(hi.p2 == Approx(-std::pow((1e-6 + 3.6e-11) / 4.66, 2) * eV2).epsilon(1e-9));
  CHECK(hi.p1 == lo.p1);
}

TEST_CASE("static field in a plasma: the mismatch vanishes at m_a = m_gamma and 1/L takes over", "[model][probe_kinematics]") {
  model::ProbeVertex v = alps_like();
  v.photon_mass_sq_sign = +1.0;
  const auto r = model::probe_invariants(v, 6e-6 * eV);
  CHECK(r.p1 == Approx(r.pa).epsilon(1e-15));
  CHECK(r.p2 == Approx(-1.0 / (v.length * v.length)).epsilon(1e-12));
  // The gas of the same |m_gamma| never resonates: |P1 - Pa| = 2 m_gamma^2 there (over 1000 km, where
  // 1/L = 1.97e-13 eV is below the mismatch 7.2e-11 eV^2 / 4.66 eV = 1.5e-11 eV).
  v.photon_mass_sq_sign = -1.0;
  v.length = 1e6 * units::meter;
  CHECK(model::probe_invariants(v, 6e-6 * eV).p2 == Approx(-std::pow(7.2e-11 / 4.66, 2) * eV2).epsilon(1e-9));
}

TEST_CASE("momentum transfer, photon coalescence and decay legs", "[model][probe_kinematics]") {
  model::ProbeVertex v;
  v.photon_mass = 0.3 * units::keV;  // solar core (spec bandpass.md 3.2 item 2)
  v.second = S::momentum_transfer;
  v.momentum_transfer = 9 * units::keV;
  const auto prim = model::probe_invariants(v, 1e-2 * eV);
  CHECK(prim.p1 == Approx(0.09 * units::keV * units::keV));
  CHECK(prim.p2 == Approx(-81 * units::keV * units::keV));
  v.second = S::plasma_photon;
  CHECK(model::probe_invariants(v, 1 * units::keV).p2 == Approx(0.09 * units::keV * units::keV));
  v.second = S::on_shell;
  CHECK(model::probe_invariants(v, 1 * units::keV).p2 == 0.0);
}

TEST_CASE("a vertex without its numbers is refused", "[model][probe_kinematics]") {
  model::ProbeVertex v = alps_like();
  CHECK(model::probe_vertex_problem(v).empty());
  v.length = 0;
  CHECK_FALSE(model::probe_vertex_problem(v).empty());
  v = alps_like();
  v.photon_energy = -1;
  CHECK_FALSE(model::probe_vertex_problem(v).empty());
  v = alps_like();
  v.second = S::momentum_transfer;  // q left at 0
  CHECK_FALSE(model::probe_vertex_problem(v).empty());
  v = alps_like();
  v.photon_mass = std::nan("");
  CHECK_FALSE(model::probe_vertex_problem(v).empty());
}

TEST_CASE("s-channel photon of e+e- -> gamma a: P2 = +s, the outgoing photon and the ALP on shell", "[model][probe_kinematics]") {
  // Belle II at sqrt(s) = 10.58 GeV: P2 = 111.9364 GeV^2 (10.58^2 by hand), P1 = 0 (vacuum), Pa = m_a^2.
  model::ProbeVertex v;
  v.second = S::s_channel;
  v.sqrt_s = 10.58 * units::GeV;
  CHECK(model::probe_vertex_problem(v).empty());
  const auto r = model::probe_invariants(v, 0.5 * units::GeV);
  CHECK(r.p1 == 0.0);
  CHECK(r.p2 == Approx(111.9364 * units::GeV * units::GeV).epsilon(1e-12));
  CHECK(r.p2 > 0);  // time-like, unlike every other virtual leg
  CHECK(r.pa == Approx(0.25 * units::GeV * units::GeV).epsilon(1e-12));
  CHECK(std::string(model::second_photon_name(S::s_channel)) == "s_channel");
  v.sqrt_s = 0;
  CHECK(model::probe_vertex_problem(v).find("sqrt_s") != std::string::npos);
  v.sqrt_s = std::numeric_limits<double>::infinity();
  CHECK_FALSE(model::probe_vertex_problem(v).empty());
}
