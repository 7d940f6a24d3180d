// ALP production in the electromagnetic shower of a proton beam dump (MiniBooNE's steel dump,
// ArgoNeuT's NuMI target; spec miniboone_argoneut.md s2.2-s2.3, seed 004 Eq. 4, L59-L74): the
// coupling-independent ALP spectra, per POT per unit coupling^2, integrated over the ALP energy
// groups of the analysis, for ALPs pointing into the detector. Shower input: physics/DumpShowerFlux
// (photon track length l_g, positron and electron track lengths l_+, l_-, all in the detector cone).
// With n_X = N_A X0/A the atoms per area in one radiation length:
//  * Primakoff gamma N -> a N (g_agg):  Phi_j = n_X int_j dk sum_i l_i(k) sigma_P1(k; m) <A>_i(k, m)
//    (E_a = E_gamma; physics/PrimakoffScattering): l_i the photon track length in the annulus i of
//    the photon angle (the flux's (k, theta_gamma) table, spec s2.2), <A>_i the fraction of the ALPs
//    of those photons that point into the cone (physics/PrimakoffConeConvolution). Photons outside
//    the cone contribute: at m = 100 MeV, E = 0.5 GeV they bring most of the ALPs that enter it.
//    Without the table (imported fluxes): the in-cone photons on axis, f = sigma(theta_a < theta_det)/sigma.
//    Option paper: alplib's massless screened sigma, every ALP along its in-cone photon;
//  * ALP bremsstrahlung e+- Z -> e+- Z a (g_ae): Phi_j = n_X int dE [l_+ + l_-](E) int_j dE_a
//    (1/E) dsigma/dx(E, E_a/E) f_acc (physics/AlpBremsstrahlung; Z^2 + Z inside sigma);
//  * Compton-like gamma e -> a e (g_ae), on the Z electrons per atom (physics/AlpCompton):
//    Phi_j = Z n_X int dk l_g(k) int_j dE_a dsigma/dE_a(k, E_a) 1[theta_a(k, E_a) < theta_det];
//  * associated e+ e- -> a gamma (g_ae; physics/AlpPositronAnnihilation): the same with l_+(E_+);
//  * resonant e+ e- -> a (g_ae): a line at E_a = m^2/2m_e, N = Z n_X C_res l_+(E_R) (resonance()),
//    the ALP along the positron (in the cone).
// The 2 -> 2 angles are fixed by the energies: theta_a < theta_det is an E_a interval, solved in
// closed form, and the cross-section over it is integrated in closed form.
// "Pointing into the detector" for the g_ae channels: the parents are already in the cone theta <
// theta_det (the flux tables' cut), and the ALP is accepted if its emission angle to the parent is
// < theta_det. This treats every parent as on axis (Compton-like production too: its angular
// convolution is not done; it is a g_ae channel, whose region is set by the light, forward ALPs): parents near the cone's edge lose some ALPs and parents outside
// it (not in the table) would add some; for emission angles << theta_det (the energetic ALPs that
// pass the 75 MeV threshold) both effects vanish.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "alpscan/physics/DumpShowerFlux.hpp"
#include "alpscan/physics/PrimakoffConeTable.hpp"
#include "alpscan/physics/PrimakoffScattering.hpp"

namespace alpscan {

// Production channels. The order is the order of the explain() breakdown.
enum class ProductionChannel { primakoff, compton, resonant, associated, brems };
inline constexpr int kNumProductionChannels = 5;
const char* production_channel_name(ProductionChannel c);
// true: produced through g_agg; false: through g_ae.
bool production_via_photon_coupling(ProductionChannel c);

enum class ResonanceNormalisation { derived, paper };  // spec A1

// Primakoff production model. physical: PrimakoffScattering (|t|_min, form factor) convolved with
// the photons' angles, the flux's (k, theta_gamma) table (spec s2.2, physics/PrimakoffConeConvolution);
// without the table, the in-cone photons taken on axis. paper: seed 004's own code (alplib): the
// massless screened cross-section (physics/PrimakoffMasslessScreened) with every ALP along its
// in-cone photon.
enum class PrimakoffProduction { physical, paper };

struct ShowerProductionConfig {
  double Z = 0.0, A = 0.0;  // dump material
  double n_X = 0.0;         // N_A X0/A: atoms per area per radiation length [GeV^2]
  double theta_det = 0.0;   // detector half-angle [rad]
  physics::PrimakoffScatteringOptions primakoff;
  PrimakoffProduction primakoff_production = PrimakoffProduction::physical;
  double paper_screening_radius = 0.0;  // r0 [GeV^-1] of the paper model
  int angle_nodes = 3;                  // GL nodes per photon-angle sub-panel (convolution)
  // The convolution's fractions per photon-angle bin tabulated in (m, E) (physics/PrimakoffConeTable,
  // within 1% of the exact convolution) with this many nodes per decade; 0: exact at every photon energy.
  int cone_table_nodes_per_decade = 12;
  ResonanceNormalisation resonance = ResonanceNormalisation::derived;
  bool enabled[kNumProductionChannels] = {true, true, true, true, true};
  // Associated production only above s = m^2 (1 + delta) (spec P4: its soft-photon tail ~ 1/(s - m^2)
  // is the radiative tail of the resonant line; the integral grows as ln(1/delta)).
  double associated_delta = 1e-3;
  int n_gl = 4;  // Gauss-Legendre nodes per ALP energy group (and per decade of parent energy)
};

// The resonant line at mass m: ALP energy and ALPs per POT per g_ae^2 (0 below 2 m_e).
struct ResonantLine {
  double E_a = 0.0;
  double alps = 0.0;
};

// 1 + 2 -> 3 + 4 with 2 at rest (beam E1 total, masses m1..m4): the energies E3 at which particle 3
// leaves at cos(theta) = c > 0. From (E1 + m2 - E3)^2 - |p1 - p3|^2 = m4^2:  p1 c p3 = A E3 - B,
// A = E1 + m2, B = (m1^2 + m2^2 + m3^2 - m4^2)/2 + E1 m2; squared,
//   (A^2 - p1^2 c^2) E3^2 - 2 A B E3 + B^2 + p1^2 c^2 m3^2 = 0;  a root is physical if A E3 >= B.
// No root: theta exceeds the largest lab angle (a particle slow in the CM frame), every E3 is inside.
struct AngleRoots {
  bool none = true;  // all energies are inside the cone theta' < theta
  double hi = 0.0;   // upper-branch root: E3 >= hi is inside the cone
  double lo = -1.0;  // lower-branch root if physical (E3 <= lo is inside too), else -1
};
AngleRoots energies_at_angle(double E1, double m1, double m2, double m3, double m4, double c);

// ALP energy groups: edges [GeV], ascending. The spectra below are group contents (ALPs per POT per
// coupling^2 in the group).
class ShowerProduction {
 public:
  ShowerProduction(ShowerProductionConfig cfg, const physics::DumpShowerFlux* flux, std::vector<double> edges);
  // Group contents of channel c at ALP mass m [GeV]; out has edges.size() - 1 entries.
  void spectrum(ProductionChannel c, double m, std::vector<double>& out) const;
  const std::vector<double>& edges() const { return edges_; }
  ResonantLine resonance(double m) const;

 private:
  void primakoff(double m, std::vector<double>& out) const;
  void brems(double m, std::vector<double>& out) const;
  // Compton-like (photon parents) or associated (positron parents) production.
  void two_to_two(bool compton, double m, std::vector<double>& out) const;
  ShowerProductionConfig cfg_;
  const physics::DumpShowerFlux* flux_;
  std::vector<double> edges_;
  physics::PrimakoffScattering p1_;
  // The tabulated convolution (null: exact, or no (k, theta_gamma) table); its nodes are memoised.
  std::unique_ptr<physics::PrimakoffConeTable> cone_table_;
};

}  // namespace alpscan
