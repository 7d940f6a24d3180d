// Visible-decay ELECTRON beam dump (SLAC E137, E141, NA64): ALPs made in the electromagnetic shower of
// the beam electrons in a thick target, flying through a shield of length L_d and decaying in a region of
// length L_v to gamma gamma and/or e+ e- (the channels the detector sees, from the data file):
//   N = N_EOT eff BR_det int dE [g_agg^2 Y_g(E; m) + g_ae^2 Y_e(E; m)] P_dec(E; m, Gamma_tot),
//   Gamma_tot from the point's model::AlpModel (gamma gamma, e+ e-, invisible from br_inv or a -> chi chi),
//   BR_det = detected width / Gamma_tot,
// P_dec from physics/DecayInVolume. Two production channels, each per unit coupling^2 per EOT per GeV:
//  * photon coupling: Primakoff conversion gamma Z -> a Z of the shower photons on the target nuclei,
//    Y_g = n X0 * dl_g/dk(E0, E) * sigma_P(E; m, theta < theta_max), with the photon track length of the
//    whole shower (option photon_track_length = cascade, the default: physics/EmCascade, Rossi's
//    approximation A with an electron of E0 injected at the front, every generation of photons) or
//    Tsai-Whitis' first-generation closed form (= tsai_whitis, physics/ShowerTrackLength; integrated to
//    infinite depth it keeps the beam electron radiating at full strength, 0.96 E0/k^2 at k << E0 against
//    the whole shower's 0.57 E0/k^2: 1.6x too many photons at k = E0/20), and sigma_P the Primakoff
//    cross-section with the ALP inside the acceptance cone. The shower photons are NOT collinear with
//    the beam (option photon_angles = multiple_scattering, the default): the photons of energy k have the
//    angular density of the cascade's multiple scattering (physics/CascadeAngles: a mixture of Gaussians
//    over the variance each photon inherits, Rossi-Greisen E_s), convolved (physics/ConeConvolution) with
//    the Primakoff kernel of a photon at theta_g,
//    (alpha Z^2/4) J(tau; E theta_g, E theta_max) (physics/PrimakoffJ; Helm form factor, Tsai screening);
//    photon_angles = collinear is the earlier J(tau; 0, E theta_max);
//  * electron coupling: bremsstrahlung e Z -> e Z a (physics/AlpBremsstrahlung, Tsai 1986 WW form)
//    integrated over the electron track length, Y_e(E_a) = n X0 int dE dl_e/dE (1/E) dsigma/dx f_acc,
//    dl_e/dE of the beam electron only (Tsai-Whitis straggling: secondary e+- are not counted, a lower
//    estimate at E << E0).
// Here n X0 = N_A X0[g/cm^2]/A is the number of nuclei per area in one radiation length.
// Long lifetime: production ~ g^2 and P_dec ~ L_v Gamma m/p ~ g^2, so N ~ g^4 (lower edge); the upper
// edge is set by gamma beta c tau ~ L_d.
//
// OPEN decay region (L_v = +inf; the data file's L_decay_length = 0): every ALP that passes L_d is a
// signal -- a visible decay in the downstream calorimeters or, beyond them, missing energy -- and so is
// an invisible decay before L_d (missing energy); visible decays before L_d are not. This is the NA64
// active-dump signature (ECAL dump, first HCAL module as the shield; PRL 125 (2020) 081801):
//   P = exp(-L_d/lambda) + BR_inv (1 - exp(-L_d/lambda)),   N = N_EOT eff int dE [..] P,
// so N ~ g^2 at long lifetime (flat lower edge) and the upper edge is again gamma beta c tau ~ L_d.
//
// Acceptance (option decay_acceptance):
//  * disc (the earlier model; E141, NA64): the ALP's line of flight inside theta < h/(L_d + L_v) (the
//    detector face at the END of the decay region, conservative), h = detector half-size (radius of the
//    equal-area disc for a square face); for an open region theta < h/L_d;
//  * face (E137): the decay products must reach the real rectangular face(s) with the deposited energy
//    >= E_min (physics/DecayProductAcceptance). One face per run, weighted by the run's share of the
//    charge (E137: 2 m x 3 m for a third, 3 m x 3 m for the rest). The ALP's impact point on the face
//    plane is binned in rings (the ALP yield between cones theta_i = r_i/(L_d + L_v), photon angles
//    convolved), the decay position in slices of the decay region; prepare() tabulates per energy bin
//    and slice sum_rings Y_ring A(E, m, r_ring, ell_slice), and a point weights the slices by its own
//    decay probability in each (N = sum_j sum_s W_js P_s), so the per-point cost stays a table look-up.
//
// prepare() tabulates Y_g and Y_e on energy bins uniform in ln E - ln(1 - E/E0 + 1e-4) (E_min..E0) and log-spaced mass nodes
// (ln Y interpolated in ln m). Per mass a cache holds the bin weights and decay exponents per unit width,
// so a point costs the widths, one pass over the bins (or the closed long-lifetime form).
#pragma once

#include <utility>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/experiments/YieldTable.hpp"
#include "alpscan/physics/CascadeAngles.hpp"
#include "alpscan/physics/DumpShowerFlux.hpp"
#include "alpscan/physics/PrimakoffYield.hpp"
#include "alpscan/physics/SmearedPrimakoffCone.hpp"

namespace alpscan {

// Every input in internal units (GeV, GeV^-1 for lengths, GeV^2 for 1/area).
struct ElectronDumpConfig {
  double E0 = 0.0;          // beam energy
  double N_EOT = 0.0;       // electrons on target
  double Z = 0.0, A = 0.0;  // target material
  double n_X0 = 0.0;        // nuclei per area in one radiation length, N_A X0/A [GeV^2]
  double thickness_X0 = 0.0;  // target thickness in radiation lengths (may be +inf)
  double helm_s = 0.0, helm_r1_c1 = 0.0, helm_r1_c0 = 0.0, helm_r1_c2 = 0.0, helm_cut = 0.0;
  physics::Screening screening = physics::Screening::tsai;
  double screening_coeff = 111.0;
  // Geometry
  double L_d = 0.0;        // end of the target to the start of the decay region (for a short or active
                           // dump, where decays inside it are lost: from the production point, i.e. the
                           // dump plus the shield; E141, NA64)
  double L_v = 0.0;        // length of the decay region; +inf = open region (see above)
  double half_size = 0.0;  // detector half-size (radius)
  // Decay-product acceptance (option decay_acceptance = face): one rectangular face per run, centred on
  // the beam axis at L_d + L_v, and the run's share of the charge (sums to 1).
  bool face_acceptance = false;
  std::vector<double> face_half_x, face_half_y, run_fraction;
  // Selection. `efficiency` is the detection efficiency times, with option efficiency = calibrated, the
  // data file's calibration_factor (one overall efficiency calibrated to the collaboration's own limit where
  // the selection was never published: E137, issue 12); both are in (0, 1].
  double efficiency = 1.0;
  double E_min = 0.0;      // ALP energy threshold
  bool detect_gg = true, detect_ee = true;
  bool photon_production = true, electron_production = true;
  bool photon_track_cascade = true;  // photon track length of the whole shower (else Tsai-Whitis)
  bool photon_angles = true;         // multiple-scattering angles of the shower photons (else collinear)
  double scattering_energy = 0.0212; // E_s of the Rossi-Greisen multiple scattering [GeV]
  // Numerics (not physics)
  int n_E_bins = 96;
  int cascade_groups_per_decade = 160;  // EmCascade resolution (the beam fills the top group: 1.4% wide)
  double cascade_depth_step = 0.05;    // X0, finite targets
  double m_nodes_per_decade = 8.0;
  int n_decay_slices = 4;   // face acceptance: slices of the decay region
  int n_face_rings = 8;     // face acceptance: rings of the ALP impact radius, out to 2 x the largest half-diagonal
  double fast_tol = 1e-9;
};

class ExperimentInput;
// Fills an ElectronDumpConfig from an electron_dump data file (e137, e141, na64_*): E_beam, N_EOT, Z,
// A, X0_g_per_cm2, target_thickness_X0 (optional, absent = thick), the Helm form factor, L_decay_start,
// L_decay_length (0 = open decay region), detector_half_size, efficiency, E_min; options
// photon_track_length, screening, channels, production, efficiency (optional: calibrated | physical, with
// parameters/calibration_factor; absent = physical); num_* (optional).
// Every problem is recorded in the input; the family registers itself (experiments/FamilyRegistry.hpp).
ElectronDumpConfig read_electron_dump_config(ExperimentInput& in);

class ElectronDumpExperiment final : public Experiment {
 public:
  ElectronDumpExperiment(ExperimentInfo info, ElectronDumpConfig cfg);

  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext& ctx) override;
  double expected_signal(const model::AlpModel& a) override;

  // Convenience for tests and tools: expected_signal() of the model at m [GeV], g_agg [GeV^-1], g_ae [1],
  // br_inv, after prepare().
  double signal(double m, double g_agg, double g_ae, double br_inv = 0.0);
  // Direct (slow, no table) yields per unit coupling^2 per EOT per GeV inside the acceptance.
  double yield_photon_direct(double E, double m) const;
  double yield_electron_direct(double E, double m) const;
  // The same at bin centre j as signal() uses them: the tables (ln Y linear in ln m between nodes where
  // both are > 0, MassInterpolation::log_where_positive), direct outside the job's mass range.
  double yield_photon_table(int bin, double m) const { return table_mean(tab_g_, bin, m); }
  double yield_electron_table(int bin, double m) const { return table_mean(tab_e_, bin, m); }
  const std::vector<double>& mass_nodes() const { return tab_g_.nodes().m; }

  std::vector<double> save_prepared() const override;
  bool restore_prepared(const PrepareContext& ctx, const std::vector<double>& v) override;
  // The signal of the same tables summed bin by bin and slice by slice with libm's exp/expm1 in every bin,
  // without the long-lifetime forms, the power series or the tail cut of expected_signal(): the reference
  // of those fast paths (tests; slow).
  double signal_summed_bins(const model::AlpModel& a);
  // Reference signal without tables: direct yields on n_panels x 8 GL nodes in ln E.
  double signal_reference(double m, double g_agg, double g_ae, double br_inv = 0.0, int n_panels = 24) const;

  const ElectronDumpConfig& config() const { return cfg_; }
  bool open_region() const { return open_; }
  double theta_max() const { return theta_max_; }
  const std::vector<double>& bin_energies() const { return E_; }
  // Photon track length dl_g/dk [X0/GeV] per beam electron (the option's model; the cascade is solved in
  // prepare()).
  double photon_track_length(double k) const;
  // Angular distribution of the shower photons of energy k (after prepare(); with photon_angles =
  // multiple_scattering): the variance mixture of the cascade group containing k.
  physics::GaussianMixtureAngles photon_angles(double k) const;
  // Primakoff yield per unit g^2 per EOT per GeV with the ALP inside each cone of cones() about the beam
  // axis (the photon angles convolved when the option is on: physics/SmearedPrimakoffCone, after prepare()).
  const std::vector<double>& cones() const { return cones_; }
  std::vector<double> photon_yield_in_cones(double E, double m) const;
  // The same for any cone by the direct convolution (physics/ConeConvolution of the photon angles with
  // PrimakoffJ(tau; E theta_g, E theta_c)): slow, the reference of the tests.
  double photon_yield_in_cone_direct(double E, double m, double theta_c) const;
  // Decay slices (1 with the disc acceptance) and, per slice s, the yields per unit coupling^2 per EOT per
  // GeV whose products are accepted when the ALP decays in that slice (yield_*_direct = their mean: the
  // accepted yield of a long-lived ALP, which decays uniformly along the region).
  int slices() const { return S_; }
  std::vector<double> photon_yield_slices(double E, double m) const;
  std::vector<double> electron_yield_slices(double E, double m) const;
  // Run-weighted face acceptance of the decay products of an ALP whose line of flight crosses the face
  // plane at radius r (averaged over its azimuth), decaying ell before that plane (face option).
  double face_acceptance(double E, double m, double r, double ell) const;

 private:
  // Slice values of bin j (S_ of them) from the table, or direct outside the job's mass range.
  void table(const YieldTable& t, int j, const YieldTable::Bracket& b, double m, double* out) const;
  double table_mean(const YieldTable& t, int j, double m) const;
  std::vector<double> acceptance_matrix(double E, double m) const;  // face: [ring][slice]
  std::vector<double> slices_from_cones(const std::vector<double>& cum, const std::vector<double>& A) const;
  std::vector<double> yield_electron_in_cones(double E, double m) const;  // per cone of cones_
  std::vector<double> photon_yield_in_cones(double E, double m, const std::vector<std::vector<double>>* C_E) const;
  std::vector<std::vector<double>> smeared_acceptances(double E) const;  // per cone: PhotonSmearedCone::acceptance
  void make_energy_bins();  // E_, dE_ (prepare() and restore_prepared())
  void set_mass(double m);
  bool point_couplings(const model::AlpModel& alp, double& m, double& gg2, double& ge2) const;
  double electron_tl(double E) const;  // dl_e/dE from the prepared table
  void build_photon_cascade();         // prepare(): the whole shower's photon track length

  ExperimentInfo info_;
  ElectronDumpConfig cfg_;
  bool open_ = false;  // L_v = +inf
  double theta_max_ = 0.0;
  double q_coherent_ = 0.0;  // nuclear coherence momentum of the target [GeV]: brems beyond it is dropped
  int S_ = 1;                     // decay slices (1: disc acceptance)
  std::vector<double> ring_r_;    // face option: ring edges [length] at the face plane, ring_r_[0] = 0
  physics::PrimakoffJ J_;

  // ln(dl_e/dE) on nodes uniform in w = ln(1 - E/E0) (built in the constructor)
  double w_lo_ = 0.0, w_hi_ = 0.0, dw_ = 0.0;
  std::vector<double> ln_tle_;
  double tail_tl_ = 0.0;  // int dl_e/dE over E0 (1 - e^{w_lo}) < E < E0
  physics::GroupSpectrum photon_cascade_;  // photon track length per group (cascade option)
  // Photon angles (option photon_angles): cascade group edges, the variance bins and the weights per
  // group (group-major), physics::CascadeVarianceMixture
  std::vector<double> ang_edges_, ang_V_, ang_w_;
  std::vector<double> cones_;                         // the acceptance cones [rad]
  std::vector<physics::PhotonSmearedCone> smeared_;   // per cone (photon_angles), built in prepare()/restore
  void build_smeared_cones();
  std::vector<double> group_weights(double k) const;  // the mixture weights of the group containing k

  std::vector<double> E_, dE_;  // bin centres (decreasing) and widths
  YieldTable tab_g_, tab_e_;     // Y_g, Y_e (E_j; m_k), log-spaced mass nodes over the job's range
  bool prepared_ = false;

  struct MassCache {
    double m = -1.0;
    int n = 0;                  // bins with E > m (a prefix)
    std::vector<double> Wg, We; // N_EOT eff Y dE per bin and slice, index j S + s (per unit coupling^2)
    std::vector<double> a;      // L_d m/p: x_d = Gamma a
    double rv = 0.0;            // L_v/L_d (0 for an open region)
    double Cg = 0.0, Ce = 0.0;  // sum W a rv / S: the long-lifetime N = Gamma_det (g^2 C)
    double Sg = 0.0, Se = 0.0;  // sum W: the long-lifetime N = g^2 S of an open region
    double b_max = 0.0;         // largest a (1 + rv)
    std::vector<double> Wg_by_slice, We_by_slice;  // the same, index s n + j (contiguous over the bins)
    std::vector<double> Eg, Ee;  // closed region: the power series of the signal in Gamma b_max (decay_series)
    std::vector<double> Wg_suffix, We_suffix;  // [j] sum over bins >= j and slices of W (tail bounds)
    std::vector<double> P, q, term;  // scratch of a point's pass over the bins
  } mc_;
  static constexpr double kSeriesMax = 0.5;  // Gamma b_max up to which the power series serves a point
  static constexpr int kSeriesTerms = 20;  // = kTerms of the .cpp
  static constexpr double kTailExponent = 46.0;  // e^-46 = 1e-20: bins this far beyond the first are a tail
  void decay_series(MassCache& c) const;
  // Bins whose x_d = Gamma a_j does not underflow exp (a prefix: a increases with j).
  static int bins_below_underflow(const MassCache& c, double Gamma);
};

}  // namespace alpscan
