// ALPs from a proton beam dump's electromagnetic shower, seen in a distant detector: the MiniBooNE
// beam-dump run (8 GeV p on steel, 489 m to a 5 m-radius oil sphere) and ArgoNeuT (120 GeV NuMI p
// on graphite, 1.04 km to a LAr box). Seed 004 (arXiv:2307.xxxx, Capozzi et al.) and
// spec miniboone_argoneut.md.
//
// Signal in analysis bin i (visible energy E_vis), per ALP energy group j (E_j at the group's
// geometric centre) and production channel c (ShowerDumpProduction: Phi_cj per POT per coupling^2):
//   s_i = N_POT eff sum_j [sum_c g_c^2 Phi_cj + resonant line] x D_ij,
//   D_ij = Pbar(lambda_j) [BR_gg f_gg(E_j) + BR_ee f_ee(E_j)] 1[E_j in i]                (decays, D1/D2)
//        + e^{-L/lambda_j} g_agg^2 sum_targets (N_T/A_face) sigma_D3(E_j) 1[E_j in i]    (inverse Primakoff, D3)
//        + e^{-L/lambda_j} g_ae^2 sum_i' (N_e/A_face) sigma_D4(E_j; T in i)              (inverse Compton, D4)
//        + e^{-L/lambda_j} g_ae^2 sum_targets (N_T/A_face) sigma_D5(E_j) 1[E_j in i]     (pair conversion, D5)
// lambda_j = gamma beta c / Gamma_total (the point's model::AlpModel: gamma gamma, e+ e-, and the invisible
// channel, br_inv or a -> chi chi); Pbar the chord-averaged decay probability
// of the sphere (physics/SphereDecayAcceptance) or, for a box, physics/DecayInVolume over its length.
// Everything except the couplings is computed per mass in prepare(), at each of the job's masses
// (a YieldTable with MassInterpolation::exact_nodes: the production spectra jump at thresholds and
// the resonant line moves between groups, so they are not interpolated in m), and copied into a
// per-mass cache when the mass changes (scan order keeps m_a fixed for runs of points), so a point
// costs one pass over the groups. A mass outside the job's (explain, tests) is computed on the spot.
// Visible energy: E_a for decays and inverse Primakoff (seed L104: photons treated as electrons),
// the electron's kinetic energy T for inverse Compton, E_a for pair conversion (m_a < 2 m_e only; the
// pair's opening angle ~ m_e/E_a passes the collinearity cut). All final states are forward (cos theta >= 0.9
// passes; spec s2.7 table), so only the energy bins are used (spec A5: Eq. 7 sums 7 bins).
#pragma once

#include <memory>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/experiments/ShowerDumpProduction.hpp"
#include "alpscan/experiments/YieldTable.hpp"
#include "alpscan/physics/CollinearityAcceptance.hpp"
#include "alpscan/physics/DumpShowerFlux.hpp"
#include "alpscan/physics/PairConversionTable.hpp"
#include "alpscan/physics/Pi0PhotonSource.hpp"
#include "alpscan/physics/SphereDecayAcceptance.hpp"

namespace alpscan {

struct ScatteringTarget {
  double Z = 0.0, A = 0.0;  // nucleus
  double count = 0.0;       // atoms in the fiducial volume
  // a Z -> e+ e- Z per g_ae^2 (elastic, Z^2 term; empty: no pair conversion on this nucleus) and the
  // factor applied to it ((Z + 1)/Z adds the incoherent term in the usual approximation, spec D5).
  physics::PairConversionTable pair;
  double pair_scale = 1.0;
};

enum class DetectorShape { sphere, box };

// Every input in internal units (GeV, GeV^-1 for lengths).
struct ShowerDumpConfig {
  double N_POT = 0.0;
  // Shower source: pi0 model and dump material (physics/Pi0PhotonSource, DumpShowerFlux).
  bool pi0_sanford_wang = true;  // false: BMPT
  physics::SanfordWangPi0Config sanford_wang;
  physics::PionSpectrum bmpt;
  physics::PionPtModel bmpt_pt;
  physics::DumpMaterial dump;
  physics::ShowerFluxOptions flux;
  // Detector
  DetectorShape shape = DetectorShape::sphere;
  double distance = 0.0;         // dump to the sphere's centre / to the box's front face
  double radius = 0.0;           // sphere
  double length = 0.0;           // box: length along the beam
  double face_area = 0.0;        // transverse area seen by the ALPs (scattering: N_T / face_area)
  double acceptance_area = 0.0;  // area that sets theta_det = arctan(sqrt(area/pi)/distance)
  std::vector<ScatteringTarget> nuclei;
  double electrons = 0.0;        // target electrons in the fiducial volume
  physics::SphereDecayMode sphere_mode = physics::SphereDecayMode::chord_averaged;
  // Selection
  std::vector<double> E_edges;   // visible-energy bin edges (binned) or the window [lo, hi]
  double efficiency = 1.0;
  bool collinearity_cut = true;  // seed L136: two particles > 5 deg apart are cut
  physics::CollinearityCut collinearity;
  bool decays = true, inverse_primakoff = true, inverse_compton = true, pair_conversion = true;
  ShowerProductionConfig production;  // Z, A, n_X, theta_det are filled from the above
  // Numerics (not physics)
  int groups_per_bin = 4;        // ALP energy groups per analysis bin
  int groups_per_decade_above = 8;  // groups above the last edge (inverse Compton feeds down)
  // The (k, theta_gamma) photon table of the Primakoff convolution (physical model only): annuli of
  // equal solid angle inside the cone, then log-spaced out to photon_theta_max (the pi0 photons above
  // 75 MeV are flat to ~30 mrad and fall beyond ~0.2 rad; a photon at theta sends ~ (theta_det/theta)^2
  // of its ALPs in).
  bool primakoff_on_axis = false;  // true: no table, in-cone photons on axis (the model before issue 12; tests)
  int photon_annuli_inside = 4;
  int photon_annuli_per_decade = 8;
  double photon_theta_max = 0.5;  // rad
};

class ExperimentInput;
// Fills a ShowerDumpConfig from a shower_dump data file (miniboone_dump, argoneut). Parameters (units as
// the dimension says): N_POT; pi0 source: option pi0_model = sanford_wang (p_beam, sw_pip / sw_pim lists
// c1..c9, sigma_inel_ref, A_ref, A_target, pi0_A_exponent, sigma_inel_target, secondary_factor) | bmpt
// (E_beam, bmpt_c_alpha/beta/gamma, n_pi0, pt_a, pt_gamma, pt_delta);
// dump: dump_Z, dump_A, dump_X0 (number, g/cm^2), dump_density (number, g/cm^3), dump_critical_energy,
// dump_thickness_X0 (optional; absent = thick), dump_interaction_length_X0;
// detector: option detector_shape = sphere (distance to the centre, radius) | box (distance to the
// front face, length, face_area, and with option acceptance = physical | paper the
// acceptance_area_physical / acceptance_area_paper); targets target<k>_Z/_A/_count (k = 1, 2, 3) and,
// with option pair_conversion != off, pair_table_m_a, pair_table_E, target<k>_pair_sigma;
// electrons; selection: E_edges (list, energy), efficiency, collinearity_angle (angle),
// collinearity_soft_threshold (energy), associated_threshold_delta. Options: resonance_norm (derived |
// paper, spec A1), primakoff_form_factor (tsai | unity, A2), sphere_decay (chord_averaged | paper, A9),
// collinearity_cut (on | off, A7), primakoff_production (physical | paper: alplib's massless screened
// cross-section along the photon, with primakoff_screening_radius); photon_atten_E / photon_atten_sigma
// (lists, energy / area; optional): the dump's photon attenuation table (spec s2.2).
// Every problem is recorded in the input; the family registers itself (experiments/FamilyRegistry.hpp).
ShowerDumpConfig read_shower_dump_config(ExperimentInput& in);

class ShowerDumpExperiment final : public Experiment {
 public:
  ShowerDumpExperiment(ExperimentInfo info, ShowerDumpConfig cfg);
  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext& ctx) override;
  double expected_signal(const model::AlpModel& a) override;
  void expected_signal_bins(const model::AlpModel& a, double* out) override;
  std::vector<SignalPart> explain(const model::AlpModel& a) override;

  double theta_det() const { return theta_det_; }
  const ShowerDumpConfig& config() const { return cfg_; }
  const physics::DumpShowerFlux& flux() const { return *flux_; }
  const std::vector<double>& group_edges() const { return groups_; }
  // Signal per bin with the contribution of one production channel (or all: c < 0) and one
  // detection mode (0 decays, 1 inverse Primakoff, 2 inverse Compton, 3 pair conversion, < 0 all).
  void signal_bins(const model::AlpModel& a, int production, int detection, double* out);
  // Convenience for tests and tools: the same for the model at (m [GeV], g_agg [GeV^-1], g_ae).
  void signal_bins(double m, double g_agg, double g_ae, int production, int detection, double* out) {
    signal_bins(model::AlpModel::from_couplings(m, g_agg, g_ae), production, detection, out);
  }
  // The masses prepare() tabulated (the job's, PrepareContext::m_a_values).
  const std::vector<double>& mass_nodes() const { return mass_tables_.nodes().m; }

  std::vector<double> save_prepared() const override;
  bool restore_prepared(const PrepareContext& ctx, const std::vector<double>& v) override;

 private:
  struct MassCache {
    double m = -1;
    std::vector<double> phi[kNumProductionChannels];  // [group]
    std::vector<double> f_coll, f_coll_ee;             // [group] decay acceptance (gamma gamma, e+ e-)
    std::vector<double> sigma_ip;                      // [group] sum N_T/A sigma_D3 per g^2
    std::vector<double> ic;                            // [group][bin] N_e/A sigma_D4(T in bin) per g^2
    std::vector<double> pair;                          // [group] sum N_T/A sigma_D5 per g^2 (m < 2 m_e)
    double res_events = 0; int res_group = -1;         // resonant line per g_ae^2 (in group res_group)
    std::vector<double> p;                             // [group] ALP momentum (0 at E <= m; not packed)
    bool photon_done = false, electron_done = false;   // which coupling's tables are built
  };
  const MassCache& cache(double m, bool photon, bool electron);
  // Builds c's tables at mass m for the couplings asked for (those not built yet).
  void fill_cache(double m, bool photon, bool electron, MassCache& c) const;
  // A MassCache with both couplings as one row of mass_tables_: phi[5], f_coll, f_coll_ee, sigma_ip,
  // pair ([group] each), ic ([group][bin]), res_events, res_group.
  std::size_t row_size() const;
  void pack(const MassCache& c, double* row) const;
  void unpack(const double* row, double m, MassCache& c) const;
  void momenta(double m, std::vector<double>& p) const;  // the cache's p at mass m
  void prepare_source();  // flux, energy groups, production, detector (job-independent, built once)
  std::vector<double> photon_angle_edges() const;  // annuli of the (k, theta_gamma) photon table
  double decay_probability(double lambda) const;
  void inverse_compton_response(double m, std::vector<double>& ic) const;

  ExperimentInfo info_;
  ShowerDumpConfig cfg_;
  double theta_det_ = 0.0;
  std::unique_ptr<physics::Pi0Source> pi0_;
  std::unique_ptr<physics::DumpShowerFlux> flux_;
  std::unique_ptr<ShowerProduction> production_;
  std::unique_ptr<physics::SphereDecayTable> sphere_;
  std::vector<double> groups_, E_group_;  // group edges and centres
  std::vector<int> bin_of_group_;         // analysis bin of each group, -1 outside
  YieldTable mass_tables_;  // one packed MassCache per job mass
  MassCache mc_;
  std::vector<double> bins_;  // scratch for expected_signal()
  bool prepared_ = false;
};

}  // namespace alpscan
