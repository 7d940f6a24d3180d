// The bandpass decorator (experiments/BandpassRescaledExperiment): the wrapped experiment sees
// g_agg R_X with R_X from model/BandpassCoupling at its declared kinematics; the fermion-mass axes join
// its axes; an experiment without kinematics, or a bound on g_ae alone, is refused or left alone.
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/BandpassRescaledExperiment.hpp"
#include "alpscan/model/BandpassCoupling.hpp"

using namespace alpscan;
using Catch::Detail::Approx;

namespace {

// A toy whose signal is (g_gamma / 1e-10)^2 (g_ae + 1): it shows exactly which couplings it was handed.
class Toy final : public Experiment {
 public:
  explicit Toy(ExperimentInfo i) : info_(std::move(i)) {}
  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext&) override {}
  double expected_signal(const model::AlpModel& a) override { return std::pow(a.g_gamma() / 1e-10, 2) * (a.g_ae() + 1); }

 private:
  ExperimentInfo info_;
};

model::ProbeKinematics lsw_kinematics() {
  model::ProbeKinematics k;
  k.signal = model::ProbeKinematics::Signal::production_and_detection;
  k.production.photon_mass = 6e-6 * units::eV;
  k.production.photon_mass_sq_sign = -1;
  k.production.second = model::ProbeVertex::SecondPhoton::static_field;
  k.production.length = 4.2 * units::meter;
  k.production.photon_energy = 2.33 * units::eV;
  k.detection = k.production;
  return k;
}

ExperimentInfo toy_info(bool with_kinematics, std::vector<Axis> axes = {Axis::m_a, Axis::g_agg, Axis::g_ae}) {
  ExperimentInfo i;
  i.name = "toy";
  i.axes = std::move(axes);
  if (with_kinematics) i.probe_kinematics = lsw_kinematics();
  return i;
}

model::ModelOptions bandpass_on() {
  model::ModelOptions o;
  o.bandpass.on = true;
  return o;
}

AlpPoint point(double m_a_eV, double g, double g_ae, double m_light_eV, double m_heavy_eV) {
  AlpPoint p;
  p[Axis::m_a] = m_a_eV * units::eV;
  p[Axis::g_agg] = g;
  p[Axis::g_ae] = g_ae;
  p[Axis::m_f_light] = m_light_eV * units::eV;
  p[Axis::m_f_heavy] = m_heavy_eV * units::eV;
  p[Axis::eps] = 2.5e-9;              // the seed's benchmark dark photon (seed 001 L142)
  p[Axis::m_D] = 6e-4 * units::eV;
  return p;
}

}  // namespace

TEST_CASE("bandpass decorator: the wrapped experiment sees g_agg R_X, g_ae unchanged", "[experiments][bandpass]") {
  ExperimentPtr e = with_bandpass_coupling(std::make_unique<Toy>(toy_info(true)), bandpass_on());
  const auto& axes = e->info().axes;
  CHECK(std::count(axes.begin(), axes.end(), Axis::m_f_light) == 1);
  CHECK(std::count(axes.begin(), axes.end(), Axis::m_f_heavy) == 1);
  CHECK(std::count(axes.begin(), axes.end(), Axis::eps) == 1);
  CHECK(std::count(axes.begin(), axes.end(), Axis::m_D) == 1);
  const AlpPoint p = point(1e-7, 1e-9, 0.5, 1e-6, 1e-5);
  const model::BandpassSpectrum s = model::two_fermion_bandpass(1e-6 * units::eV, 1e-5 * units::eV, 2.5e-9, 6e-4 * units::eV);
  const double R = model::bandpass_ratio(s, lsw_kinematics(), 1e-7 * units::eV);
  // spec bandpass.md 4.2(b): |F| = 0.604 for ALPS in the seed's Fig. 2 spectrum; eps_eff ~ 1 in the lab.
  CHECK(R == Approx(0.604).epsilon(6e-3));
  CHECK(e->expected_signal(p) == Approx(std::pow(R * 1e-9 / 1e-10, 2) * 1.5).epsilon(1e-12));
  CHECK(e->expected_signal(p) == e->expected_signal(p));  // the cached R is the computed one
  // Heavy ALP above m_chi: |F| -> 0 (spec 4.2(b): 9.3e-3 at 1 meV), the experiment loses its reach.
  CHECK(e->expected_signal(point(1e-3, 1e-9, 0, 1e-6, 1e-5)) == Approx(std::pow(9.3e-3 * 10, 2)).epsilon(1.2e-2));
}

TEST_CASE("bandpass decorator: off, a g_ae-only bound, or missing kinematics", "[experiments][bandpass]") {
  // Off: the experiment itself comes back (bit-identical results).
  auto raw = std::make_unique<Toy>(toy_info(false));
  Experiment* before = raw.get();
  CHECK(with_bandpass_coupling(std::move(raw), model::ModelOptions{}).get() == before);
  // A bound on g_ae alone does not see the photon coupling.
  auto ge = std::make_unique<Toy>(toy_info(false, {Axis::m_a, Axis::g_ae}));
  Experiment* ge_before = ge.get();
  CHECK(with_bandpass_coupling(std::move(ge), bandpass_on()).get() == ge_before);
  // A photon-coupling experiment without declared kinematics is refused with its name.
  try {
    with_bandpass_coupling(std::make_unique<Toy>(toy_info(false)), bandpass_on());
    FAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).find("toy declares no probe_kinematics") != std::string::npos);
  }
}

TEST_CASE("bandpass decorator: the dark photon comes from the point's axes eps, m_D", "[experiments][bandpass]") {
  // A stellar Primakoff vertex (omega_p = 2 keV >> m_D): R = (eps_eff/eps)^2 |F| with
  // eps_eff/eps = m_D^2/(omega_p^2 - m_D^2) (seed 001 Eq. (3), L58), so doubling m_D multiplies R by
  // 16 (1 + O(m_D^2/omega_p^2)) and eps drops out (|F| does not depend on the dark photon).
  ExperimentInfo i = toy_info(false);
  model::ProbeKinematics k;
  k.production.photon_mass = 2e3 * units::eV;
  k.production.second = model::ProbeVertex::SecondPhoton::momentum_transfer;
  k.production.momentum_transfer = 20e3 * units::eV;
  i.probe_kinematics = k;
  auto e = std::make_unique<BandpassRescaledExperiment>(std::make_unique<Toy>(i), bandpass_on());
  AlpPoint p = point(1e-3, 1e-9, 0, 1e-6, 1e-5);
  const double r0 = e->ratio(p);
  p[Axis::m_D] = 1.2e-3 * units::eV;
  const double mg2 = std::pow(2e3, 2), w0 = std::pow(6e-4, 2), w1 = std::pow(1.2e-3, 2);
  const double expected = std::pow(w1 / (mg2 - w1) / (w0 / (mg2 - w0)), 2);
  CHECK(e->ratio(p) / r0 == Approx(expected).epsilon(1e-9));
  CHECK(expected == Approx(16).epsilon(1e-6));
  p[Axis::eps] = 1e-10;  // eps cancels in eps_eff/eps away from the pole (spec 5 A8 regularisation ~ eps m_D^2)
  CHECK(e->ratio(p) / r0 == Approx(expected).epsilon(1e-9));
}
