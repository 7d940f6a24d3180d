// PASSAT (particle-accelerator helioscope, seed 000 = arXiv:1909.03071): ALPs made by Primakoff
// conversion of pi0/eta photons in a proton target, reconverted in a downstream dipole magnet.
// Signal (spec s1.10):  N(m, g) = N_POT g^2 int dE Y(E; m) P_conv(E; m, g) P_surv(E; m, g).
// prepare() tabulates the coupling-independent yield Y on fixed energy bins (uniform in u = 1/E,
// where the oscillation phase is linear) and log-spaced mass nodes; expected_signal() sums bins with
// per-mass caches and closed forms in g wherever they are exact to `fast_tol`.
#pragma once

#include <cstdint>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/experiments/YieldTable.hpp"
#include "alpscan/physics/PrimakoffYield.hpp"

namespace alpscan {

// A1: azimuthal normalisation of Eq. (8): literal int_0^pi dphi (C_phi = pi) or averaged (C_phi = 1).
enum class PhiNorm { literal, physical };

// Every input in internal units (GeV, GeV^-1, GeV^2 for B, GeV^-2 for areas, rad).
struct PassatConfig {
  // Beam and target
  double E_beam = 0.0;      // proton energy
  double N_POT = 0.0;       // protons on target
  double Z = 0.0, A = 0.0;  // target nucleus
  double sigma_all = 0.0;   // photon total cross-section (thick-target normalisation)
  double N_pi = 0.0;        // pi0 per POT
  double eta_factor = 1.0;  // eta photons (A7)
  double photon_multiplicity = 1.0;  // factor on w(cos theta*) = 1/2 (A6)
  physics::BmptShape bmpt;           // (c_alpha, c_beta, c_gamma)
  // Helm form factor and Lewin-Smith radius
  double helm_s = 0.0, helm_r1_c1 = 0.0, helm_r1_c0 = 0.0, helm_r1_c2 = 0.0, helm_cut = 0.0;
  // Magnet, geometry, cuts
  double B = 0.0, L = 0.0;   // conversion field and length
  double L_tilde = 0.0;      // target-to-detector distance (decay)
  double theta_max = 0.0;    // angular acceptance
  double pT_cap = 1e300;     // photon p_T cap (CAST); >= m_pi/2 means none
  double E_min = 0.0, E_max = 0.0;  // ALP/photon energy window
  // Options
  PhiNorm phi_norm = PhiNorm::literal;
  physics::Screening screening = physics::Screening::none;
  double screening_coeff = 111.0;  // Tsai a = coeff Z^-1/3 / m_e (only with screening = tsai)
  bool shield_loss = false;        // multiply by 1 - P_conv in the muon shield (A15)
  double shield_B = 0.0, shield_L = 0.0;
  // Numerics (not physics)
  int n_E_bins = 64;                 // energy bins, uniform in 1/E
  double m_nodes_per_decade = 4.0;   // yield-table mass nodes
  double chi_narrow = 0.01;          // bins with phase half-span below this use the point sinc^2
  double fast_tol = 1e-9;            // relative error allowed for dropping a g-dependence
  physics::YieldResolution yield_res;
};

class ExperimentInput;
// Fills a PassatConfig from a passat_* data file's "parameters" and "options" (internal units):
// the Primakoff source (experiments/ConfigReaders.hpp), B, L, L_tilde, theta_max, pT_cap (optional),
// E_min, E_max; options phi_norm, screening (+ screening_tsai_coeff), shield_loss (+ shield_B,
// shield_L); numerical resolution num_* (optional).
// Every problem is recorded in the input; the family registers itself (experiments/FamilyRegistry.hpp).
PassatConfig read_passat_config(ExperimentInput& in);

class PassatExperiment final : public Experiment {
 public:
  PassatExperiment(ExperimentInfo info, PassatConfig cfg);

  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext& ctx) override;
  // Primakoff production and conversion (one virtual leg each, integrated in the tables per unit g^2):
  // today's constant photon coupling. PASSAT ignores g_ae and invisible decays (photon width only).
  double expected_signal(const model::AlpModel& a) override { return signal(a.m_a(), a.g_gamma(model::kOnShellPhotons)); }

  // N(m, g) after prepare(). m in GeV, g in GeV^-1.
  double signal(double m, double g);
  // C(m) = lim_{g->0} N/g^4 (coherent-limit closed form, spec s1.10 C_4).
  double c4(double m);

  // Reference paths for tests (slow, no table): Y by direct quadrature, and N with the direct Y on
  // n_panels panels of 4 GL nodes each and P_conv sampled point by point wherever the oscillation
  // is resolvable (phase span per panel <= 2000 rad), bin-averaged otherwise.
  double yield_direct(double E, double m) const { return yield_(E, m); }
  double signal_reference(double m, double g, int n_panels = 128) const;
  // Y from the table: quadratic in u through the nearest bin centres, linear in ln m between nodes
  // (MassInterpolation::linear_in_ln_m).
  double yield_table(double E, double m) const;

  std::vector<double> save_prepared() const override;
  bool restore_prepared(const PrepareContext& ctx, const std::vector<double>& v) override;
  const PassatConfig& config() const { return cfg_; }
  const std::vector<double>& bin_energies() const { return E_; }
  const std::vector<double>& mass_nodes() const { return table_.nodes().m; }

  // Which evaluation path served the calls so far (bench/diagnostics).
  struct PathCounts {
    std::uint64_t closed = 0, poly = 0, decay = 0, full = 0, zero = 0;
  };
  const PathCounts& path_counts() const { return counts_; }

 private:
  // Y(E_bin; m), from the table (b = table_.bracket(m)) or direct outside it
  double table_y(int bin, const YieldTable::Bracket& b, double m) const;
  void make_energy_bins();                  // u_, E_ (prepare() and restore_prepared())
  void set_mass(double m);                  // fill the per-mass cache

  ExperimentInfo info_;
  PassatConfig cfg_;
  physics::PrimakoffYield yield_;

  // Energy bins
  double u_lo_ = 0.0, du_ = 0.0;
  std::vector<double> u_, E_;
  // Yield table Y(E_j; m_k), log-spaced mass nodes over the job's range
  YieldTable table_;
  bool prepared_ = false;

  // Per-mass cache (keyed on the last m)
  struct MassCache {
    double m = -1.0;
    int n = 0;                          // bins with E > m (a prefix of the u-ordered bins)
    std::vector<double> W, y0, x0, D, WP;
    double chi0 = 0.0;                  // phase half-span per bin at g = 0 (same for all bins)
    bool narrow = true;
    double C0 = 0.0;                    // sum W P0: N = g^4 C0 when g effects are negligible
    double eps_bound = 0.0;             // sum W beta / C0: relative change per unit eps
    double D_max = 0.0;                 // largest decay exponent per g^2
    bool poly_ok = false;               // all bins narrow: N(eps) polynomial exact for eps <= eps_poly
    double eps_poly = 0.0;
    std::vector<double> poly;           // N/g^4 = sum_k poly[k] eps^k
    std::vector<double> term;           // scratch of a point's sum over the bins
  } mc_;
  PathCounts counts_;
};

}  // namespace alpscan
