// The ALP model at one point of the parameter space: every quantity an experiment family needs --
// couplings, widths, branching ratios, decay length -- from one place. The scan builds one AlpModel
// per point (scan/Scheduler) and hands it to the experiment; families never decode an AlpPoint and
// never compute a width themselves (model/AlpWidths is the one implementation of the widths).
//
// Channels (internal units: GeV, GeV^-1):
//   a -> gamma gamma  from g_gamma(on-shell legs) = g_agg, or |g_agg +- delta g_loop(g_ae)| when the
//                     job asks (ModelOptions)                       (seed 003 Eq. (3), L79; Eq. (9), L105)
//   a -> e+ e-        from g_ae                                      (seed 003 Eq. (4), L81)
//   invisible         EITHER a -> chi chi from (g_achi, m_chi)      (seed 003 Eq. (5), L85-L87)
//                     OR a given br_inv: Gamma_inv = br_inv/(1 - br_inv) (Gamma_gg + Gamma_ee)
// Giving both g_achi > 0 and br_inv > 0 is contradictory (two definitions of one width): the
// constructor throws std::invalid_argument. br_inv = 1 means Gamma_inv = +inf (everything invisible at
// once: BR_inv = 1, BR_gg = BR_ee = 0, decay length 0).
//
// Cost: constructing copies the point and checks it; the widths are computed on first use and cached,
// so a family that needs no width (PASSAT) pays nothing for them. Not thread-safe (like Experiment).
#pragma once

#include <complex>

#include "alpscan/model/AlpPoint.hpp"
#include "alpscan/model/AlpWidths.hpp"

namespace alpscan::model {

// The kinematics of the two photon legs of the a-gamma-gamma vertex: their virtualities q^2 [GeV^2]
// (0 = on shell; a Primakoff exchange has one leg at q^2 = t < 0). The coupling here is a constant and
// ignores them: the bandpass (form-factor) model rescales g_agg per experiment at the kinematics its data
// file declares (experiments/BandpassRescaledExperiment), one representative vertex set per experiment
// (spec bandpass.md 5 A11). The argument records which vertex a family evaluates.
struct PhotonLegs {
  double q1sq = 0.0, q2sq = 0.0;
};
inline constexpr PhotonLegs kOnShellPhotons{};  // decay a -> gamma gamma, real-photon conversion

// Model choices that hold for every point and every experiment of a job (the job's "model" object,
// io/JobSpecIO). Whatever is chosen here reaches every family through g_gamma() and the widths, so
// visible and invisible, production and decay stay consistent.
struct ModelOptions {
  // The photon coupling the ALP has through the electron loop (seed 003 Eqs. (9)-(10), L105-L113,
  // model/ElectronLoopPhotonCoupling): off (the seed's own choice: g_agg is a free parameter and
  // delta g is not added, L113), or added to g_agg with either relative sign -- the sign of
  // delta g relative to alpscan's g_agg depends on epsilon-tensor and Yukawa-phase conventions that
  // the seed does not fix (spec invisible_alps.md 1.2, 2.1), so both are offered and neither is
  // called "the" physical one. With g_agg = 0 the two agree (|delta g|).
  enum class ElectronLoop { off, add, subtract };
  ElectronLoop electron_loop = ElectronLoop::off;
  // The bandpass axion (seed 001; model/BandpassCoupling.hpp): the photon coupling of the two-fermion
  // spectrum whose parameters are axes of the point (m_f_light, m_f_heavy, eps, m_D). Each experiment
  // then sees g_agg R_X at the kinematics its data file declares (experiments/BandpassRescaledExperiment);
  // off, every experiment sees g_agg as before.
  struct Bandpass {
    bool on = false;
  };
  Bandpass bandpass;
};
// "off", "add" or "subtract": the job-file and result-file spelling.
inline const char* electron_loop_name(ModelOptions::ElectronLoop l) {
  return l == ModelOptions::ElectronLoop::add ? "add" : l == ModelOptions::ElectronLoop::subtract ? "subtract" : "off";
}

class AlpModel {
 public:
  // Implicit on purpose: an AlpPoint converts to the model it describes, so tests and tools can keep
  // calling experiment->expected_signal(point). Throws std::invalid_argument for g_achi > 0 together
  // with br_inv > 0, or br_inv outside [0, 1].
  // Inline: it runs once per scan point, and the checks are two comparisons (the message is built
  // out of line, only when a point is refused).
  AlpModel(const AlpPoint& p, const ModelOptions& o = {}) : p_(p), g_gamma_(p.g_agg()) {  // NOLINT
    const double br = p_[Axis::br_inv];
    if (!(br >= 0.0 && br <= 1.0) || (p_[Axis::g_achi] != 0.0 && br != 0.0)) refuse(p_);
    if (o.electron_loop != ModelOptions::ElectronLoop::off) add_electron_loop(o.electron_loop);
  }
  // The model with only these axes set (the others 0): for tests and the families' convenience calls.
  static AlpModel from_couplings(double m_a, double g_agg, double g_ae = 0.0, double br_inv = 0.0);

  const AlpPoint& point() const { return p_; }
  double m_a() const { return p_.m_a(); }

  // The a-gamma-gamma coupling [GeV^-1] at the given photon legs, the one every family uses for
  // production and decay. Today it ignores the legs: g_agg, or |g_agg +- delta g| with the job's
  // model option electron_loop (ModelOptions; delta g is complex above 2 m_e, and |.|^2 is what
  // enters every rate, spec invisible_alps.md 6.1 item 7).
  double g_gamma(const PhotonLegs& legs = kOnShellPhotons) const {
    (void)legs;
    return g_gamma_;
  }
  // The photon coupling induced by g_ae through the electron loop (model/ElectronLoopPhotonCoupling,
  // seed 003 Eq. (9)) [GeV^-1], complex above m_a = 2 m_e; in the seed's sign convention.
  std::complex<double> g_gamma_from_electron_loop() const;

  double g_ae() const { return p_.g_ae(); }          // dimensionless (a ebar gamma5 e Yukawa)
  double g_achi() const { return p_[Axis::g_achi]; }  // GeV^-1 (derivative coupling to Dirac chi)
  double m_chi() const { return p_[Axis::m_chi]; }    // GeV
  // True when the ALP can only decay to two photons (g_ae = 0, no invisible channel): then the total
  // width IS width_gg() exactly and every branching ratio but BR_gg vanishes. A fast path for families.
  bool decays_only_to_photons() const {
    return p_.g_ae() == 0.0 && p_[Axis::g_achi] == 0.0 && p_[Axis::br_inv] == 0.0;
  }

  // Widths [GeV] (cached after the first call).
  const AlpWidths& widths() const {
    if (!have_widths_) compute_widths();
    return w_;
  }
  double width_gg() const { return widths().gg; }
  double width_ee() const { return widths().ee; }
  double width_inv() const { return widths().inv; }
  double width_visible() const { return widths().gg + widths().ee; }
  double width_total() const { return widths().total(); }
  double br_gg() const { return widths().br_gg(); }
  double br_ee() const { return widths().br_ee(); }
  double br_inv() const { return widths().br_inv(); }

  // Lab decay length gamma beta c tau = p/(m_a Gamma_total) [GeV^-1] at ALP energy E [GeV]
  // (0 for E <= m_a, +inf for a stable ALP).
  double decay_length(double E) const;

 private:
  [[noreturn]] static void refuse(const AlpPoint& p);
  void add_electron_loop(ModelOptions::ElectronLoop sign);
  void compute_widths() const;

  AlpPoint p_;
  double g_gamma_;  // the on-shell a-gamma-gamma coupling, with the electron loop if the job asks
  mutable AlpWidths w_;
  mutable bool have_widths_ = false;
};

}  // namespace alpscan::model
