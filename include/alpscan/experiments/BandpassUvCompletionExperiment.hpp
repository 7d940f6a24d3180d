// The bandpass axion's UV-completion conditions as experiments of a bandpass job (family
// "bandpass_uv_completion"; issue 15 item 3; seed 001 Sec. "Constraints on the UV completion",
// Eqs. (6)-(10), L86-L116; spec bandpass.md 3.3). They bound the model's own parameters -- the in-band
// coupling g_agg, the fermion masses, the dark photon (eps, m_D) -- not a signal: the prediction is
// r = X/X_max and the likelihood a hard cut (stats/TheoryBoundLikelihood). The seed draws them as the
// black dashed line of its Figs. 2-3.
//
// Conditions (option "condition"; alpha/pi = e^2/(4 pi^2); f_a = (alpha/pi) eps^2 / g, seed Eq. (5), L69):
//   dark_photon          eps m_D <= eps_m_D_max (1.5e-12 eV: stellar dark-photon cooling, seed Eq. (6), L88-L90)
//   fa_above_ma          f_a >= m_a  <=>  g m_a <= (alpha/pi) eps^2                   (seed Eq. (7), L92-L96)
//                        normalisation "paper_literal": eps^2 -> (1e-12 eV / m_D)^2 as printed in Eq. (7)
//                        (spec 5 A1: the printed form uses the dark-photon bound with 1e-12 for 1.5e-12)
//   perturbativity       f_a >= m_heavy (Yukawas y ~ m_f/f_a <~ 1)  <=>  g <= (alpha/pi) eps^2 / m_heavy,
//                        m_heavy = max(m_f_light, m_f_heavy)                          (seed Eq. (8), L98-L104)
//   millicharge_stellar  |eps_eff(m_gamma)| <= eps_eff_max in a star of plasma mass m_gamma, with the
//                        shared eps_eff of model/BandpassCoupling (seed Eqs. (3), (9), L106-L110)
//   millicharge_lab      eps <= eps_max (PVLAS millicharge bound 2e-7, seed L112-L116)
// None of them is rescaled by the bandpass form factor: they constrain the in-band g itself.
// Closed forms per point; prepare() does nothing.
#pragma once

#include "alpscan/experiments/Experiment.hpp"

namespace alpscan {

struct BandpassUvCompletionConfig {
  enum class Condition { dark_photon, fa_above_ma, perturbativity, millicharge_stellar, millicharge_lab };
  Condition condition = Condition::dark_photon;
  double eps_m_D_max = 0.0;     // dark_photon [GeV]
  bool paper_literal = false;   // fa_above_ma: Eq. (7) as printed
  double literal_scale = 0.0;   // fa_above_ma paper_literal: the 1e-12 eV of Eq. (7) [GeV]
  double eps_eff_max = 0.0;     // millicharge_stellar
  double photon_mass = 0.0;     // millicharge_stellar: the star's plasma mass [GeV]
  double eps_max = 0.0;         // millicharge_lab
};

class ExperimentInput;
BandpassUvCompletionConfig read_bandpass_uv_completion_config(ExperimentInput& in);

class BandpassUvCompletionExperiment final : public Experiment {
 public:
  // info.likelihood must be a theory_bound; the condition's numbers > 0. Throws std::invalid_argument.
  BandpassUvCompletionExperiment(ExperimentInfo info, BandpassUvCompletionConfig cfg);
  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext&) override {}
  // r = X / X_max at the point (its axes m_a, g_agg, m_f_light, m_f_heavy, eps, m_D as the condition needs).
  double expected_signal(const model::AlpModel& a) override;
  // f_a = (alpha/pi) eps^2 / g [GeV] (seed Eq. (5)); +infinity at g = 0.
  static double decay_constant(double g_agg, double eps);

 private:
  ExperimentInfo info_;
  BandpassUvCompletionConfig cfg_;
};

}  // namespace alpscan
