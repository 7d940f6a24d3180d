// Positron beam on a thin fixed target, e+ e-(atomic, at rest) -> gamma a with an INVISIBLE (or escaping) ALP,
// seen as a single photon of missing mass M^2_miss = (p_e+ + p_e- - p_gamma)^2 = m_a^2: PADME's current run
// and the POSEYDON set-up (seed 003 L381-L441; spec invisible_alps.md 3.6; family "positron_target",
// data/experiments/{padme_run,poseydon}.json).
//   N = N_poT n_e d_t [ g_ae^2 (eps sigma)_e + g_agg^2 (eps sigma)_gamma ] x P_inv        (Eqs. (45)-(46), L433)
// * n_e d_t = N_A Z rho d_t / A, the target's electrons per area (the seed's "rho_C/M_C" at L433 is a typo
//   for rho_C, spec 3.6: 1.0539e22 cm^-2 for 100 um of diamond);
// * (eps sigma)_X = the cross-section of physics/EeToGammaAlpMassive (massive electrons, both channels,
//   interference neglected as the seed does, L418) integrated in closed form over the ONE c* interval
//   into which the lab cuts theta in [theta_min, theta_max], E_gamma in [E_min, E_max] map
//   (physics/FixedTargetKinematics; truth level: the resolution does not move the cuts);
// * P_inv = BR_inv + (1 - BR_inv) <exp(-L / lambda)>: the ALP decays invisibly, or visibly only beyond the
//   calorimeter at distance L (option invisible_fraction = model, from the point's model::AlpModel; the
//   ALP's lab momentum averaged over the accepted c* with the channel's own dsigma/dc*; path length L along
//   the beam, the ALP's lab angle neglected). invisible_fraction = all is the seed's factor 1 (BR_inv = 1).
// Two selections (option selection):
// * all_accepted: every accepted signal event (POSEYDON's 100-event and 2.3-event lines, L437): one value
//   per point, a counting likelihood;
// * missing_mass_window (PADME's current run, L437): the events within +-k sigma(M^2) of m_a^2, a stated
//   fraction f_w of the signal (the seed's 85% for k = 1.5), and the background B in the same window -- two
//   values per point (signal, background) for the "significance" likelihood (S >= Z sqrt(B)).
//   sigma(M^2)^2 = [2 (E+ + m_e - p+ cos theta) sigma_E]^2 + [2 E_gamma p+ sin theta sigma_theta]^2 (spec 3.6) with
//   sigma_E/E = a/sqrt(E) (+) b/E (+) c (Eq. (44), L416) and sigma_theta = spatial resolution / L_cal, averaged
//   (in quadrature) over the accepted c* with the channel's dsigma/dc*, the two channels mixed by the point's
//   accepted events. ASSUMPTION (the seed's Fig. 6a spectrum was not found, shared/data/external/README.md 2):
//   the background is FLAT in M^2_miss over [0, M^2_end], M^2_end = s - 2 E_min (E+ + m_e - p+ cos theta_min)
//   (the largest M^2_miss any accepted photon can have), normalised to B_ref = 3800 events per 1e11 positrons
//   on target (L403): B = B_ref (N_poT / N_ref) |window ∩ [0, M^2_end]| / M^2_end.
// Per point: two closed-form window integrals and an average of exp over 24 nodes per channel, cached per
// mass (the scan keeps m_a constant along runs of points); prepare() builds nothing.
#pragma once

#include <array>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/physics/FixedTargetKinematics.hpp"

namespace alpscan {

enum class PositronSelection { all_accepted, missing_mass_window };
enum class InvisibleFraction { model, all };

// Every input in internal units (GeV, GeV^-1 for lengths, radians).
struct PositronTargetConfig {
  double beam_energy = 0.0;          // E+ (total)
  double positrons_on_target = 0.0;  // N_poT
  double target_Z = 0.0, target_A = 0.0;  // A in g/mol
  double target_density = 0.0;       // g/cm^3
  double target_thickness = 0.0;     // [GeV^-1]
  double theta_min = 0.0, theta_max = 0.0;  // lab photon angle cut [rad]
  double E_min = 0.0, E_max = 0.0;   // lab photon energy cut [GeV]
  double calorimeter_distance = 0.0; // target to ECAL [GeV^-1]
  InvisibleFraction invisible = InvisibleFraction::model;
  PositronSelection selection = PositronSelection::all_accepted;
  // missing_mass_window only:
  double spatial_resolution = 0.0;   // [GeV^-1]
  double res_stochastic = 0.0;       // a in sigma_E/E = a/sqrt(E[GeV]) (+) b/E (+) c
  double res_noise = 0.0;            // b [GeV]
  double res_constant = 0.0;         // c
  double window_half_width = 0.0;    // k: the window is m_a^2 +- k sigma(M^2)
  double window_signal_fraction = 0.0;  // f_w: the signal fraction in that window
  double background_ref = 0.0;       // background events passing the selection ...
  double background_pot_ref = 0.0;   // ... per this many positrons on target
};

class ExperimentInput;
// Fills a PositronTargetConfig from a positron_target data file (padme_run, poseydon): keys beam_energy,
// positrons_on_target, target_Z, target_A_g_per_mol, target_density_g_per_cm3, target_thickness,
// theta_min, theta_max, E_gamma_min, E_gamma_max, calorimeter_distance; options selection
// (all_accepted | missing_mass_window) and invisible_fraction (model | all); with missing_mass_window also
// spatial_resolution, energy_resolution_stochastic, energy_resolution_noise, energy_resolution_constant,
// window_half_width_sigma, window_signal_fraction, background_events_ref, background_positrons_on_target_ref.
PositronTargetConfig read_positron_target_config(ExperimentInput& in);

class PositronTargetExperiment final : public Experiment {
 public:
  // Throws std::invalid_argument for a value out of range, or a selection the likelihood does not match
  // (missing_mass_window needs the significance likelihood's two values per point, all_accepted one).
  PositronTargetExperiment(ExperimentInfo info, PositronTargetConfig cfg);

  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext&) override {}
  double expected_signal(const model::AlpModel& a) override;
  void expected_signal_bins(const model::AlpModel& a, double* out) override;
  std::vector<SignalPart> explain(const model::AlpModel& a) override;

  // ---- pieces, for tests and tools (internal units) ----
  const physics::FixedTargetFrame& frame() const { return frame_; }
  // n_e d_t [GeV^2] (divide by 1/cm^2 = 1/units::cm^2 for cm^-2).
  double electrons_per_area() const { return ne_dt_; }
  // The c* interval of the lab cuts at mass m.
  physics::CosInterval cut_window(double m) const;
  // Accepted cross-sections per unit coupling [GeV^-2]: electron channel per g_ae^2 (dimensionless g_ae),
  // photon channel per g_agg^2 [GeV^-2 per GeV^-2].
  double sigma_accepted_electron(double m) const;
  double sigma_accepted_photon(double m) const;
  // Acceptances (accepted / total cross-section) of the two channels.
  double acceptance_electron(double m) const;
  double acceptance_photon(double m) const;
  // sigma(M^2) [GeV^2] of a photon of lab energy E at lab angle theta (missing_mass_window configs).
  double sigma_m2(double E, double theta) const;
  // <sigma(M^2)^2>^(1/2) over the accepted c* of one channel [GeV^2] (electron: true, photon: false).
  double sigma_m2_channel(double m, bool electron) const;
  // The largest M^2_miss of an accepted photon, s - 2 E_min (E+ + m_e - p+ cos theta_min) [GeV^2].
  double m2_end() const { return m2_end_; }
  // Background events in the window m^2 +- k sigma_m2 (missing_mass_window configs).
  double background_in_window(double m, double sigma_m2) const;
  // Fraction of the ALPs (electron or photon channel) that look invisible for the model a.
  double invisible_fraction(const model::AlpModel& a, bool electron);
  const PositronTargetConfig& config() const { return cfg_; }

 private:
  static constexpr int kNodes = 24;
  struct MassTerms {
    double m = -1.0;
    double sig_e = 0.0, sig_g = 0.0;      // accepted cross-sections per unit coupling
    double var_e = 0.0, var_g = 0.0;      // <sigma(M^2)^2> per channel
    std::array<double, kNodes> p_alp{};   // ALP lab momentum at the nodes
    std::array<double, kNodes> w_e{}, w_g{};  // normalised channel weights at the nodes
  };
  const MassTerms& terms(double m);
  void compute_terms(double m, MassTerms& t) const;
  struct Split {
    double electron = 0.0, photon = 0.0;  // accepted events of each channel, invisible fraction applied
    double var_m2 = 0.0;                  // the mixed <sigma(M^2)^2>
  };
  Split split(const model::AlpModel& a);

  ExperimentInfo info_;
  PositronTargetConfig cfg_;
  physics::FixedTargetFrame frame_;
  double ne_dt_ = 0.0;
  double m2_end_ = 0.0;
  MassTerms cache_;
};

}  // namespace alpscan
