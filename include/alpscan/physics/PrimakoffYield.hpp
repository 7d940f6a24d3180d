// Primakoff ALP yield of PASSAT, spec s1.3-s1.5 (seed 000 Eqs. 8-11 and 16, L191-L261, L356-L366,
// L500-L509). The literal 3-D integral over (theta_a, phi, p_T^2) of Eq. (8) is reduced exactly to
//   Y(E; m) = K_pre int dc n_gamma(E, c) J(tau; p_T(c), K),   tau = m^4/(4E^2), K = E theta_max,
//   J(tau; p_T, K) = int_0^{Delta_c} dDelta Delta^3 F^2(tau + Delta^2) f_acc(Delta) / (tau + Delta^2)^2,
// with Delta the transverse momentum transfer and f_acc the fraction of the circle |p_T + Delta| < K
// (the acceptance theta_a < theta_max, done analytically). Y is the ALP spectrum per POT per g^2
// [GeV]: Y g^2 dE is the number of ALPs per POT in dE inside the acceptance.
#pragma once

#include <memory>
#include <vector>

#include "alpscan/physics/CascadePhotonResponse.hpp"
#include "alpscan/physics/HelmFormFactor.hpp"
#include "alpscan/physics/MesonPhotonSpectrum.hpp"
#include "alpscan/physics/ProtonEquivalentPhotons.hpp"
#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

// Atomic screening of the nuclear Coulomb field (spec ambiguity A3). The paper has none; "tsai"
// multiplies F^2 by [a^2|t|/(1 + a^2|t|)]^2 with a = c Z^(-1/3)/m_e (Tsai 1974, c = 111).
enum class Screening { none, tsai };

// 1/a = m_e Z^(1/3) / c: the screening momentum [GeV].
double tsai_screening_momentum(double Z, double c, double m_e);

struct PrimakoffTarget {
  HelmFormFactor helm;
  Screening screening = Screening::none;
  double screening_q = 0.0;  // 1/a [GeV], used when screening == tsai
};

// Fraction of the circle of radius Delta, centred on -p_T... i.e. of the directions of Delta with
// |p_T + Delta| < K: 1 - arccos(clamp((K^2 - p_T^2 - Delta^2)/(2 p_T Delta)))/pi; Theta(K - Delta) at p_T = 0.
double acceptance_fraction(double Delta, double pT, double K);

// Closed form of int_a^b dDelta Delta^3/(tau + Delta^2)^2 = (1/2)[ln((tau+b^2)/(tau+a^2)) + tau/(tau+b^2) - tau/(tau+a^2)].
double primakoff_kernel_integral(double tau, double a, double b);

struct JResolution {
  int n_gl = 10;                // Gauss-Legendre nodes per segment in u = ln Delta
  double max_log_width = 2.0;   // maximum segment width in u
};

// J(tau; p_T, K). Integrated in u = ln Delta with breakpoints at sqrt(tau), |K - p_T|, K + p_T,
// the screening momentum and Delta_c (spec s1.5). Without screening the stretch 0 < Delta < Delta_a,
// where f_acc is exactly constant and F^2 is constant to 1e-8, is done with the closed kernel: this
// carries the -1/2 ln(tau) that makes Y linear in ln m.
class PrimakoffJ {
 public:
  PrimakoffJ(PrimakoffTarget target, JResolution res);

  double operator()(double tau, double pT, double K) const;

  // J = closed(tau) + numeric. The numeric part is tau-independent (to 1e-10 relative) when
  // reusable(tau) holds, which the yield table exploits (spec s5.3): one numeric integral per
  // (E, c) serves every light mass.
  struct Parts {
    double f0 = 0.0;        // f_acc below Delta_a (0 or 1)
    double delta_a = 0.0;   // upper end of the closed-form stretch
    double delta_lo = 0.0;  // lower end of the numeric integral
    double numeric = 0.0;
  };
  // The tau = 0 quadrature of the numeric part, node by node (unscreened only): Delta_i^2 and
  // a_i = weight x integrand. At tau > 0 the same rule gives sum a_i (Delta_i^2/(tau + Delta_i^2))^2
  // up to the shift of F^2, which is bounded (|dF^2/dt| <= R1^2/5 + s^2, see numeric_from_nodes).
  // This serves the masses too heavy for reusable() without a new 2-D integral (the yield table's
  // cost, spec s5.3).
  struct Nodes {
    bool valid = false;
    std::vector<double> d2, a;
    std::vector<double> acc;  // the node's weight x Jacobian x f_acc alone (screened too): PrimakoffMeasure
    double log_span = 0.0;  // ln(hi/lo) of the numeric range = total weight in u
  };
  // rec (optional, only with tau = 0 and no screening) records the nodes of the numeric part.
  Parts parts(double tau, double pT, double K, Nodes* rec = nullptr) const;
  double closed(double tau, const Parts& p) const;
  bool reusable(double tau, const Parts& p) const;
  // J(tau) = closed(tau, p0) + sum a_i r_i^2 from the tau = 0 parts p0 and nodes n; false (J not
  // set) when the bound on the neglected F^2 shift, tau (R1^2/5 + s^2) log_span, exceeds 1e-11 J.
  bool from_nodes(double tau, const Parts& p0, const Nodes& n, double& J) const;

  const PrimakoffTarget& target() const { return target_; }
  // The mass-dependent factor of the numeric integrand: r^2 F^2(tau + Delta^2) (x the screening
  // factor), r = Delta^2/(tau + Delta^2); the integrand in ln Delta is this times f_acc.
  double mass_factor(double tau, double d2) const;

 private:
  double integrand(double Delta, double tau, double pT, double K) const;
  double numeric(double tau, double pT, double K, double lo, double hi, Nodes* rec = nullptr) const;

  PrimakoffTarget target_;
  JResolution res_;
  GaussLegendre gl_;
  double delta_F_ = 0.0;  // scale below which F^2 is constant to 1e-8
  double dF2_max_ = 0.0;  // R1^2/5 + s^2 >= |dF^2/dt| on [0, q_cut^2]
};

// Photon source of the yield. meson_decay: the pi0/eta decay photons (PASSAT; the default).
// proton_equivalent: the equivalent photons of the beam proton (ProtonEquivalentPhotons.hpp,
// ALPtraum's channel), photon energy E = x proton_energy and p_T = q_t; then sigma_all is the
// proton's inelastic cross-section sigma_pN, eta_factor = photon_multiplicity = 1 and pions,
// pion_pt, pT_cap are not used. meson_cascade: the SECONDARY photons of the electromagnetic cascades
// the meson-decay photons start in a thick dump (CascadePhotonResponse.hpp; the direct photons are
// the meson_decay source), each keeping its parent's direction: at energy E and p_T P the density is
//   H_c(E, P) = sum_{parent groups g0 >= g(E)} rho(g0 -> E) dE0 H(E0, P E0/E) E0/E,
// H the pion-p_T-smeared meson photon density (needs pion_pt.on); same prefactor as meson_decay.
class PrimakoffMeasure;  // PrimakoffMeasure.hpp

enum class PhotonSource { meson_decay, proton_equivalent, meson_cascade };

struct YieldParams {
  PhotonSource source = PhotonSource::meson_decay;
  double proton_energy = 0.0;    // proton_equivalent: beam energy [GeV]
  ProtonFormFactors proton;      // proton_equivalent: elastic form factors
  double cascade_E_min = 0.0;    // meson_cascade: lowest secondary-photon energy tabulated [GeV]
  int cascade_groups_per_decade = 20;  // meson_cascade: energy groups of the cascade response
  // meson_cascade: per-axis r.m.s. of a 2-D Gaussian transverse kick added to every secondary photon's
  // p_T [GeV] (multiple scattering: theta k ~ const, so a p_T independent of k). 0: collinear with the
  // parent (the default). Used to estimate the collinear model's over-acceptance (family test).
  double cascade_kick_pt = 0.0;
  PionSpectrum pions;
  double E_star = 0.0;           // m_pi0 / 2 [GeV]
  double Z = 0.0;
  double sigma_all = 0.0;        // photon total cross-section [GeV^-2]
  double C_phi = 0.0;            // azimuthal normalisation: pi (literal Eq. 8) or 1 (A1)
  double eta_factor = 1.0;       // eta-photon factor (A7)
  double photon_multiplicity = 1.0;  // extra factor on w(cos theta*) = 1/2 (A6)
  double theta_max = 0.0;        // acceptance [rad]
  double pT_cap = 1e300;         // photon p_T cap [GeV] (CAST, L507-L509); >= E_star: none
  PrimakoffTarget target;
  // Pion transverse momentum (MesonPhotonSpectrum.hpp). OFF by default: collinear pions, the PASSAT
  // model, evaluated by exactly the same arithmetic as before the option existed. On: the photon
  // p_T spectrum is the pion p_T density convolved with the pi0 -> gamma gamma ring (SmearedPhotonPt)
  // and Y = K_pre int dP H(E, P) J(tau; P, K). Not combinable with pT_cap.
  PionPtModel pion_pt;
};

struct YieldResolution {
  JResolution j;
  int n_c = 32;          // GL nodes in c = cos(theta*) per smooth piece
  int n_c_graded = 8;    // GL nodes per graded piece next to the p_T = K jump
  int n_grades = 6;      // graded pieces (each 10x closer to the jump)
  // Pion p_T option only: rule of the photon-p_T integral int dP H(E, P) J(tau; P, K): n_P GL nodes
  // per segment (breakpoints at E*, K and at 2^k / a), n_P_grades graded pieces of n_P_graded nodes
  // on both sides of P = K where J jumps; H on n_pt_theta x n_pt_phi nodes.
  // (CHARM, NuCal, NA62 signals move by < 3.5e-5 relative against 16/10/8 and 24 x 24 nodes.)
  int n_P = 6;
  int n_P_graded = 6;
  int n_P_grades = 4;
  int n_pt_theta = 12;
  int n_pt_phi = 12;
};

class PrimakoffYield {
 public:
  PrimakoffYield(YieldParams p, YieldResolution r);

  // Direct Y(E; m) [GeV] by the 2-D quadrature (c, ln Delta). 0 if m >= E.
  double operator()(double E, double m) const;
  // Y(E; m_k) for several masses at one energy, reusing the tau-independent numeric parts.
  // Equal to operator() to ~1e-10 relative.
  void at_masses(double E, const std::vector<double>& m, std::vector<double>& out) const;

  // Adds coef x Y(E; m)/J-sum to a PrimakoffMeasure: every p_T node's J(tau; P, K) with weight
  // coef x prefactor() x w, so that measure(tau) = coef Y(E; m) for every mass (tau = (m^2/2E)^2).
  void add_to_measure(double E, double coef, PrimakoffMeasure& measure) const;

  // alpha Z^2 C_phi eta mult / (4 sigma_all) [GeV^2].
  double prefactor() const;
  const YieldParams& params() const { return p_; }
  const PrimakoffJ& J() const { return J_; }

  // Photon p_T nodes (weight includes the photon density), the one rule both operator() and
  // at_masses() sum over. Pion p_T off: the c = cos(theta*) nodes mapped to p_T = E* sqrt(1 - c^2)
  // (the rule and arithmetic of the collinear model); on: nodes in P with weights H(E, P) dP.
  struct PNode {
    double pT, w;
  };
  // Exposed for tests: the rule used at energy E.
  std::vector<PNode> pt_nodes(double E) const;

 private:
  struct CNode {
    double c, w;  // node and weight (weight includes the photon density)
  };
  std::vector<CNode> c_nodes(double E) const;
  std::vector<PNode> smeared_nodes(double E) const;
  std::vector<PNode> proton_nodes(double E) const;
  std::vector<PNode> cascade_nodes(double E) const;

  YieldParams p_;
  YieldResolution r_;
  PrimakoffJ J_;
  GaussLegendre gl_c_, gl_graded_, gl_P_, gl_P_graded_;
  // meson_cascade: the response and the smeared photon p_T spectra at the parent group centres
  std::shared_ptr<const CascadePhotonResponse> cascade_;
  std::vector<SmearedPhotonPt> parents_;
};

}  // namespace alpscan::physics
