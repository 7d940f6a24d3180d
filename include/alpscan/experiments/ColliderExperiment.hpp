// e+e- collider searches for e+e- -> gamma a, one counting bin per configuration, family "collider". The data
// file selects the final state (option final_state):
//
// three_photons (data/experiments/{belle2_3gamma,belle2_3gamma_50ab,lep_opal_3gamma}.json): a -> gamma gamma
// inside the detector,
//   N(m, g) = L_int eff A(cos) [sigma_gamma(s; m, g) + sigma_Z(s; m, g)] P_in(m, Gamma) BR(a -> gamma gamma)
// for m_a_min <= m <= m_a_max (the published search range; 0 outside), with
//  * sigma_gamma = (alpha g^2/24)(1 - m^2/s)^3 (s-channel photon, massless electrons), physics/EeToGammaAlp;
//  * sigma_Z: e+e- -> Z -> gamma a, only for z_coupling = hypercharge (g_aZg = tan(theta_W) g_agg);
//    photon_only (the default) has no Z term;
//  * A(cos) = the fraction of the (1 + cos^2 theta) recoil-photon distribution inside the CM
//    acceptance [cos_min, cos_max], analytic (physics::angular_acceptance); eff = everything else
//    (decay photons' acceptance, selection, trigger), flat in m;
//  * P_in = probability that the ALP decays within the decay radius R (the tracker/calorimeter radius
//    the analysis needs the decay inside): physics::DecayInVolume with L_d = 0, L_v = R, decay length
//    lambda = beta gamma c tau at the ALP's CM energy E_a = (s + m^2)/(2 sqrt s) (beam boosts neglected;
//    R is an effective radius, independent of the direction);
//  * widths from the point's model::AlpModel: g_ae (a -> e+e-) and the invisible channel (br_inv, or
//    g_achi and m_chi) shorten the lifetime and lower BR(gamma gamma). Production through g_ae (~ g_ae^2 m_e^2)
//    is neglected in this final state (the reference jobs' numbers; the mono-photon mode below has it).
// Signal ~ g^2 for prompt decays (lambda << R); where lambda >~ R the ALP escapes (P_in ~ R/lambda ~ g^2,
// N ~ g^4), which lifts the lower edge of the excluded g at small m. Closed form per point: no tables.
//
// mono_photon (data/experiments/{delphi_monophoton,babar_monophoton,belle2_monophoton_20fb,
// belle2_monophoton_50ab}.json; seed 003 Sec. 3.1, L248-L333; spec invisible_alps.md 3.0-3.3): the ALP leaves
// unseen and one photon is detected. Production through BOTH couplings with massive electrons
// (physics/EeToGammaAlpMassive, seed Eq. (18)), the interference neglected as the seed does (L179, L418; it is
// ~2e-5 (2.3e-5 at 200 GeV) of the rate at DELPHI and 3.7e-4 at BaBar over the whole coupling plane, spec 2.1, and the spec
// gives it only as a total over all angles, so no windowed search can switch it on), per run i:
//   A_X,i(m) = integral over the CM window [cos_min, cos_max] of dsigma_X/dc (X = photon channel per g_agg^2,
//              electron channel per g_ae^2; closed form), times eps_E,i(m), the resolution-smeared photon-energy
//              window (energy_cut = beam_fraction_smeared, seed Eqs. (31)-(32); 1 for energy_cut = none);
//   U_i = the fraction of ALPs that leave unseen: BR_inv + (1 - BR_inv) exp(-R/lambda_i) (unseen = physical:
//         a visible decay inside the radius R vetoes the event; spec 6.1 item 20), or 1 (unseen = seed, the
//         seed's assumption: every ALP is invisible). Both are 1 at br_inv = 1.
// The data file's statistics section selects how the rate meets the data:
//  * counting (DELPHI): N = eff sum_i L_i [g_agg^2 A_g,i + g_ae^2 A_e,i] U_i, with L_i the luminosity of run i
//    (run_sqrt_s, run_luminosity_pb_inv; or one run sqrt_s, luminosity_pb_inv) and eff the trigger efficiency
//    (spec 3.1: the luminosity-weighted form of seed Eq. (33), sigma_ae ~ 1/s). Seed Eq. (29) is this sum.
//  * published_curve with coupling "epsilon" (BaBar, Belle II): the dark-photon recast of seed Eqs. (36)-(37):
//    the collaboration's limit eps_lim(m) on a kinetically mixed dark photon of mass m in the same window
//    excludes the ALP where g_agg^2 A_g + g_ae^2 A_e >= eps_lim^2 A_V (A_V = the window integral of
//    dsigma(e+e- -> gamma A')/dc per eps^2); the prediction is s = eps_eq^2 / eps_lim(m)^2 with
//    eps_eq^2 = U (g_agg^2 A_g + g_ae^2 A_e)/A_V (luminosity, trigger and BDT efficiency cancel in the ratio:
//    the seed's assumption, with the <= 25% shape difference as its uncertainty, L308).
// A second CM window may apply from a mass on (m_a_window_switch: BaBar's Eqs. (34)-(35)).
// Cost: the per-unit-coupling sums are cached per mass (the scan keeps m fixed for runs of points), so a point
// costs a few multiplications (one exp per run where a visible width competes).
#pragma once

#include <limits>
#include <utility>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"

namespace alpscan {

namespace stats {
class PublishedCurveLikelihood;
}

enum class ZCoupling { photon_only, hypercharge };
enum class ColliderFinalState { three_photons, mono_photon };
// Mono-photon: which ALPs leave unseen (see above).
enum class UnseenFraction { physical, seed };
// Mono-photon: the photon-energy selection.
enum class PhotonEnergyCut { none, beam_fraction_smeared };

// Every input in internal units (GeV, GeV^-1 for lengths, GeV^2 for the integrated luminosity).
struct ColliderConfig {
  double sqrt_s = 0.0;               // CM energy
  double luminosity = 0.0;           // integrated luminosity [GeV^2] (1/pb = 1/(1e-9 mb))
  double cos_min = -1.0, cos_max = 1.0;  // CM acceptance of the recoil photon
  double efficiency = 1.0;           // all other acceptance and efficiency factors
  double m_min = 0.0, m_max = 0.0;   // search mass range
  double decay_radius = 0.0;         // R: the ALP must decay within R of the interaction point
  ZCoupling z_coupling = ZCoupling::photon_only;
  double m_Z = 91.1876, Gamma_Z = 2.4952, Gamma_ee = 0.08391, sin2_theta_W = 0.23122;  // only for hypercharge
  ColliderFinalState final_state = ColliderFinalState::three_photons;
  // Mono-photon only: the runs (CM energy, luminosity in GeV^2); one run = {sqrt_s}, {luminosity}.
  std::vector<double> run_sqrt_s, run_luminosity;
  UnseenFraction unseen = UnseenFraction::physical;
  PhotonEnergyCut energy_cut = PhotonEnergyCut::none;
  double x_min = 0.0, x_max = 0.0;              // window in E_gamma / E_beam, E_beam = sqrt(s_i)/2
  double res_const = 0.0, res_stoch = 0.0;      // sigma_E/E = res_const (+) res_stoch / sqrt(E/GeV)
  // From this mass on, the CM window is [cos_min_high, cos_max_high] (+inf: one window).
  double m_window_switch = std::numeric_limits<double>::infinity();
  double cos_min_high = -1.0, cos_max_high = 1.0;
};

class ExperimentInput;
// Fills a ColliderConfig from a collider data file (belle2_3gamma, belle2_3gamma_50ab, lep_opal_3gamma):
// sqrt_s (energy), luminosity_pb_inv (number, in pb^-1: the file format has no inverse-area unit),
// cos_theta_min/cos_theta_max (number, CM recoil-photon acceptance), efficiency, m_a_min/m_a_max
// (energy), decay_radius (length); option z_coupling = photon_only | hypercharge, the latter with
// m_Z, Gamma_Z, Gamma_ee (energy) and sin2_theta_W (number).
// Option final_state = three_photons (absent: the default) | mono_photon. Mono-photon files: sqrt_s and
// luminosity_pb_inv, or run_sqrt_s and run_luminosity_pb_inv (lists, one entry per run); efficiency (not with a
// published curve: it cancels); m_a_min/m_a_max optional (default: 0 and the kinematic end); option unseen =
// physical | seed (decay_radius needed for physical); option energy_cut = none | beam_fraction_smeared (then
// photon_energy_fraction_min/max, energy_resolution_constant, energy_resolution_stochastic); optional
// m_a_window_switch with cos_theta_min_high_mass/cos_theta_max_high_mass.
// Every problem is recorded in the input; the family registers itself (experiments/FamilyRegistry.hpp).
ColliderConfig read_collider_config(ExperimentInput& in);

class ColliderExperiment final : public Experiment {
 public:
  // Throws std::invalid_argument for a value out of range.
  ColliderExperiment(ExperimentInfo info, ColliderConfig cfg);

  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext&) override {}
  double expected_signal(const model::AlpModel& a) override { return signal(a); }

  std::vector<SignalPart> explain(const model::AlpModel& a) override;

  // N for the ALP model a (closed form; mono-photon: the per-mass sums are cached, not thread-safe).
  double signal(const model::AlpModel& a) const;
  // Convenience for tests and tools: N for the model at (m [GeV], g_agg [GeV^-1], g_ae, br_inv).
  double signal(double m, double g_agg, double g_ae = 0.0, double br_inv = 0.0) const;
  // Production cross-section times the angular acceptance, sigma A [GeV^-2] (no efficiency).
  double sigma_accepted(double m, double g_agg) const;
  // P_in for total width Gamma [GeV] at mass m.
  double decay_inside(double m, double Gamma) const;
  double s() const { return cfg_.sqrt_s * cfg_.sqrt_s; }
  double acceptance() const { return acc_; }
  const ColliderConfig& config() const { return cfg_; }

  // Mono-photon, per unit coupling at mass m (no unseen fraction): the rate of each channel summed over
  // the runs -- events per g_agg^2 [GeV^2] and per g_ae^2 (counting), or the window cross-section over the
  // dark photon's, A_X/A_V [per GeV^-2 and per 1] (published curve).
  struct MonoPhotonRates {
    double photon = 0.0, electron = 0.0;
  };
  MonoPhotonRates mono_photon_rates(double m) const;
  // The CM window [c1, c2] at mass m (the high-mass one from m_a_window_switch on).
  std::pair<double, double> window(double m) const;
  // Counting, run i at mass m: trigger x luminosity x energy-window efficiency [GeV^2].
  double run_weight(std::size_t i, double m) const;
  // The dark-photon limit the recast uses (nullptr: counting).
  const stats::PublishedCurveLikelihood* published_curve() const { return curve_; }

 private:
  void check_mono_photon();  // the constructor's checks of a mono-photon configuration
  double three_photon_signal(const model::AlpModel& a) const;
  double mono_photon_signal(const model::AlpModel& a, double* photon_part = nullptr, double* electron_part = nullptr) const;
  void cache_mass(double m) const;

  ExperimentInfo info_;
  ColliderConfig cfg_;
  double acc_ = 1.0;
  const stats::PublishedCurveLikelihood* curve_ = nullptr;
  // Per-mass cache of the mono-photon sums (cached_m_ = NaN: empty).
  mutable double cached_m_ = std::numeric_limits<double>::quiet_NaN();
  mutable double eps_lim_sq_ = 0.0;                         // published curve: eps_lim(m)^2 (0: outside)
  mutable MonoPhotonRates rates_;                           // sums over the runs
  mutable std::vector<double> run_photon_, run_electron_;   // per run, for the unseen fraction per run
};

}  // namespace alpscan
