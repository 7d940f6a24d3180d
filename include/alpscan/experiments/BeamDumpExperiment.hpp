// Visible-decay proton beam dump (CHARM, NuCal, NA62 in dump mode, SHiP, ...): ALPs made by
// Primakoff conversion of pi0/eta decay photons in the dump (the PASSAT photon source and Primakoff
// yield, physics/PrimakoffYield, at the dump's beam energy and target), flying to a decay volume at
// distance L_d of length L_v and decaying there:
//   N(m, g_agg, g_ae, br_inv) = N_POT g_agg^2 (eff_gg BR_gg + eff_ee BR_ee)
//                               x int_{E_min}^{E_max} dE Y(E; m) P_dec(E; m, Gamma_total),
// Gamma_total and the branching ratios from the point's model::AlpModel (a -> gamma gamma, a -> e+ e-,
// invisible from br_inv or a -> chi chi), P_dec from physics/DecayInVolume. Production is Primakoff only (photon coupling);
// g_ae and br_inv enter ONLY through the lifetime and the branching ratios (no electron-coupling
// production such as bremsstrahlung or Compton-like processes in the dump). With g_ae = br_inv = 0:
// Gamma = g^2 m^3/64pi, BR_gg = 1, production ~ g^2 and decay probability ~ g^2 at long lifetime:
// the lower edge of the excluded region is N ~ g^4, the upper edge is set by gamma beta c tau ~ L_d.
//
// Second production channel (option proton_photons = on, ALPtraum's channel, physics/
// ProtonEquivalentPhotons.hpp): Primakoff conversion of the beam proton's equivalent photons in the
// coherent field of a dump nucleus, p Z -> p Z a, per POT sigma(pZ -> pZa)/sigma_pN:
//   Y_p(E; m) = (alpha Z^2/(4 sigma_pN)) int dP H_p(E, P) J(tau; P, K),  H_p = (2P/E_p) d^2N/(dx dq_t^2),
// the same analytic acceptance J as the meson photons with the photon p_T = the proton photon's q_t
// (azimuthally symmetric about the beam, so the off-axis annulus x h/(pi d) applies unchanged).
// Third channel (option cascade_photons = on): the secondary photons of the electromagnetic cascades
// the meson-decay photons start in the thick dump (physics/CascadePhotonResponse.hpp, Rossi
// approximation A through EmCascade), each keeping its parent photon's direction, converted by the
// same Primakoff yield (PrimakoffYield source meson_cascade). Y = Y_meson + Y_p + Y_cascade is what the
// table holds.
//
// Photon source: with the option pion_pt = bmpt the pions carry the BMPT transverse momentum
// (physics/MesonPhotonSpectrum PionPtModel; the photon direction is the pion direction (+) the decay
// angle), which populates off-axis acceptances such as CHARM's; pion_pt = collinear is the PASSAT model.
//
// Angular acceptance: the ALP must point at the detector face at z = L_d + L_v (the END of the decay
// volume, the conservative choice) or at the detector_distance of the data file (e.g. NA62's LKr
// calorimeter downstream of the decay volume): on axis theta < h/(L_d + L_v) (h = detector half-size,
// the analytic acceptance of PrimakoffYield); off axis (detector centre at transverse distance
// d > h, e.g. CHARM) the annulus (d - h)/z < theta < (d + h)/z times the fraction of the annulus
// the square face covers, 4h^2 / (pi((d+h)^2 - (d-h)^2)) = h/(pi d), assuming an azimuthally flat flux.
//
// prepare() tabulates Y(E_j; m_k) on energy bins uniform in ln E (the decay exponent ~ 1/p changes
// by the same fraction per bin) and mass nodes that are the job's own masses (so the table is the
// direct yield at every mass a scan evaluates; log-spaced nodes over the range when the job gives
// fewer than two masses, ln Y interpolated in ln m between nodes); per mass a cache holds the bin weights W_j
// and decay exponents per g^2, so a point costs one pass over the bins (or a closed form g^4 C4 when
// every bin is in the long-lifetime limit).
#pragma once

#include <optional>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/experiments/YieldTable.hpp"
#include "alpscan/physics/PrimakoffYield.hpp"

namespace alpscan {

// Every input in internal units (GeV, GeV^-1 for lengths, GeV^-2 for areas).
struct BeamDumpConfig {
  // Beam and target (photon source, as PassatConfig)
  double E_beam = 0.0;
  double N_POT = 0.0;
  double Z = 0.0, A = 0.0;
  double sigma_all = 0.0;            // photon total cross-section of the dump material
  double N_pi = 0.0;                 // pi0 per POT (BMPT normalisation)
  double eta_factor = 1.0;           // eta photons
  double photon_multiplicity = 2.0;  // factor on w(cos theta*) = 1/2: 2 = one forward photon per pi0
  double C_phi = 1.0;                // azimuthal normalisation (1 = physical, PASSAT A1)
  physics::BmptShape bmpt;
  double helm_s = 0.0, helm_r1_c1 = 0.0, helm_r1_c0 = 0.0, helm_r1_c2 = 0.0, helm_cut = 0.0;
  physics::Screening screening = physics::Screening::none;
  double screening_coeff = 111.0;
  physics::PionPtModel pion_pt;      // pion transverse momentum (off: collinear pions)
  // Proton equivalent photons (second channel): on/off, the proton's inelastic cross-section on the
  // dump nucleus (normalisation per POT) and the proton's elastic form factors.
  bool proton_photons = false;
  double sigma_pN = 0.0;
  physics::ProtonFormFactors proton_ff;
  // Secondary photons of the meson photons' cascades (third channel): on/off.
  bool cascade_photons = false;
  // Transverse kick of the cascade photons (PrimakoffYield cascade_kick_pt; 0 = collinear, the model).
  // Not a data-file key: set only by the family test that estimates the collinear over-acceptance.
  double cascade_kick_pt = 0.0;
  // Geometry
  double L_d = 0.0;          // dump to start of the decay volume
  double L_v = 0.0;          // length of the decay volume
  double half_size = 0.0;    // detector half-size h (radius for a round detector)
  double off_axis = 0.0;     // transverse distance d of the detector centre from the beam axis (0: on axis)
  double z_acceptance = 0.0; // distance of the face the ALP must point at (0: L_d + L_v); >= L_d + L_v
  // Selection (detected final states)
  double efficiency = 1.0;   // di-photon acceptance x efficiency (a -> gamma gamma)
  double efficiency_ee = 0.0;  // a -> e+ e- acceptance x efficiency (0: channel not detected)
  double E_min = 0.0, E_max = 0.0;  // ALP energy window (threshold, upper cut); E_max is cut at E_beam
  // Numerics (not physics)
  int n_E_bins = 96;
  double m_nodes_per_decade = 8.0;
  double fast_tol = 1e-9;    // relative error allowed for the closed long-lifetime form g^4 C4
  physics::YieldResolution yield_res;
};

class ExperimentInput;
// Fills a BeamDumpConfig from a beam_dump data file (charm, nucal, na62_dump, ship_bdf): the
// Primakoff source (experiments/ConfigReaders.hpp), L_decay_start, L_decay_length, detector_half_size,
// detector_off_axis and detector_distance (optional), efficiency, efficiency_ee (optional), E_min, E_max;
// options phi_norm, screening, pion_pt (+ bmpt_pt_a, bmpt_pt_gamma, bmpt_pt_delta); num_* (optional).
// Every problem is recorded in the input; the family registers itself (experiments/FamilyRegistry.hpp).
BeamDumpConfig read_beam_dump_config(ExperimentInput& in);

class BeamDumpExperiment final : public Experiment {
 public:
  BeamDumpExperiment(ExperimentInfo info, BeamDumpConfig cfg);

  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext& ctx) override;
  double expected_signal(const model::AlpModel& a) override;

  // Convenience for tests and tools: expected_signal() of the model at (m [GeV], g_agg [GeV^-1],
  // g_ae, br_inv), after prepare().
  double signal(double m, double g, double g_ae = 0.0, double br_inv = 0.0);
  // C4(m) = lim_{g->0} N/g^4 at g_ae = br_inv = 0 (long-lifetime closed form).
  double c4(double m);
  // Reference (slow, no table): direct Y by quadrature and the exact decay factor, n_panels panels
  // of 8 Gauss-Legendre nodes in ln E; photon coupling only (Gamma = model::width_a_to_gg, eff = efficiency).
  double signal_reference(double m, double g, int n_panels = 64) const;
  // Same for a given total width and detected fraction (sum of eff_f BR_f): N_POT det g^2 int Y P_dec(Gamma).
  double signal_reference_width(double m, double g, double Gamma_total, double detected, int n_panels = 64) const;
  // Y(E; m) inside the acceptance [GeV per g^2 per POT], direct (both channels).
  double yield_direct(double E, double m) const;
  // The two channels separately, direct: meson-decay photons, proton equivalent photons (0 when off).
  double yield_meson_photons(double E, double m) const;
  double yield_proton_photons(double E, double m) const;
  double yield_cascade_photons(double E, double m) const;  // secondary cascade photons (0 when off)
  // Y(E_j; m) at bin centre j as signal() uses it: the table (ln Y linear in ln m between nodes where
  // both are > 0, MassInterpolation::log_where_positive), direct outside the job's mass range.
  double yield_table(int bin, double m) const { return table_y(bin, table_.bracket(m), m); }
  const std::vector<double>& mass_nodes() const { return table_.nodes().m; }

  std::vector<double> save_prepared() const override;
  bool restore_prepared(const PrepareContext& ctx, const std::vector<double>& v) override;

  const BeamDumpConfig& config() const { return cfg_; }
  const std::vector<double>& bin_energies() const { return E_; }
  // Angular acceptance actually used: theta range and the azimuthal coverage factor.
  double theta_inner() const { return th_in_; }
  double theta_outer() const { return th_out_; }
  double azimuthal_fraction() const { return phi_frac_; }

 private:
  double table_y(int bin, const YieldTable::Bracket& b, double m) const;
  void set_mass(double m);
  double e_hi() const;
  void make_energy_bins();  // dlnE_, E_ (prepare() and restore_prepared())

  ExperimentInfo info_;
  BeamDumpConfig cfg_;
  double th_in_ = 0.0, th_out_ = 0.0, phi_frac_ = 1.0;
  physics::PrimakoffYield y_out_, y_in_;  // acceptance theta < th_out (and < th_in for the annulus)
  std::optional<physics::PrimakoffYield> yp_out_, yp_in_;  // proton equivalent photons (when on)
  std::optional<physics::PrimakoffYield> yc_out_, yc_in_;  // secondary cascade photons (when on)

  double dlnE_ = 0.0;
  std::vector<double> E_;  // bin centres, decreasing
  YieldTable table_;        // Y(E_j; m_k), log-spaced mass nodes over the job's range
  bool prepared_ = false;

  struct MassCache {
    double m = -1.0;
    int n = 0;                 // bins with E > m (a prefix: bins are in decreasing E)
    std::vector<double> W;     // N_POT Y dE per bin (the efficiency and BR are applied per point)
    std::vector<double> a;     // L_d m Gamma_gg/(g^2 p): x_d = g^2 a (increasing with the bin index)
    double rv = 0.0;           // L_v / L_d: x_v = rv x_d
    double C4 = 0.0;           // sum W a rv (N = g^2 det G2 C4 at long lifetime)
    double b_max = 0.0;        // largest (x_d + x_v)/g^2
    std::vector<double> term;  // scratch of a point's sum over the bins
  } mc_;
};

}  // namespace alpscan
