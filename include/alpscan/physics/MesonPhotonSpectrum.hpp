// Photon source of PASSAT: pi0 from the BMPT parametrisation (Eq. 12, seed 000 L272-L293) and their
// forward decay photons (Eqs. 13-16, L322-L366), in the substitution c = cos(theta*) of spec s1.2.
#pragma once

#include <vector>

namespace alpscan::physics {

// BMPT shape parameters (paper: c_alpha, c_beta, c_gamma = 3.45, 1.57, 0.517; L318-L319).
struct BmptShape {
  double c_alpha = 0.0, c_beta = 0.0, c_gamma = 0.0;
};

// I = int_0^1 x^(1-c_gamma) (1-x)^c_alpha (1 + c_beta x) dx
//   = B(2-c_gamma, 1+c_alpha) + c_beta B(3-c_gamma, 1+c_alpha)   (closed form via Beta functions).
// Then int_0^Eb dN/dE dE = norm * Eb^2 * I.
double bmpt_shape_integral(const BmptShape& s);
// <E_pi>/E_beam of the spectrum: int x^2.. / int x.. (closed form via Beta functions).
double bmpt_mean_x(const BmptShape& s);

// dN_pi/dE_pi = norm E (1-x)^c_alpha (1 + c_beta x) x^-c_gamma, x = E/E_beam, normalised so that
// int_0^Eb dN/dE = n_pi (the paper: 4 pi0 per POT at 400 GeV, L319-L322).
class PionSpectrum {
 public:
  PionSpectrum() = default;
  PionSpectrum(double E_beam, BmptShape shape, double n_pi);
  double dN_dE(double E_pi) const;  // GeV^-1 per POT
  double norm() const { return norm_; }  // GeV^-2
  double E_beam() const { return E_beam_; }
  const BmptShape& shape() const { return shape_; }

 private:
  double E_beam_ = 0.0, norm_ = 0.0;
  BmptShape shape_;
};

// Forward-photon density per POT in (E_gamma, c), c = cos(theta*) in (0, 1):
//   n_gamma dp_T^2 = [1/(1+c)] dN_pi/dE_pi |_{E_pi = 2E/(1+c)} dc   (w(cos theta*) = 1/2, L353).
// Integrated over c in (0,1) and all E_gamma it gives n_pi / 2 forward photons per POT.
double forward_photon_density(const PionSpectrum& pions, double E_gamma, double c);

// Photon transverse momentum at c: p_T = E* sqrt(1 - c^2), E* = m_pi/2.
double photon_pt(double E_star, double c);

// Lowest c contributing at E_gamma: the pion must have E_pi = 2E/(1+c) <= E_beam, and p_T <= pT_cap
// (the CAST-only cap of L507-L509; pass pT_cap >= E_star for none). Returns >= 1 if nothing contributes.
double photon_c_min(double E_gamma, double E_beam, double E_star, double pT_cap);

// ---- Pion transverse momentum: an OPTION of the photon source (off by default) -----------------
// Off (on = false): the pions are collinear with the beam (seed 000 L272-L274, "negligible
// transverse momenta"), photon p_T = E* sin(theta*) only -- the PASSAT model, unchanged.
// On: the p_T dependence of the BMPT parametrisation (M. Bonesini, A. Marchionni, F. Pietropaolo,
// T. Tabarelli de Fatis, Eur. Phys. J. C 20 (2001) 13, hep-ph/0101163, the source of the seed's
// Eq. 12 energy shape), normalised at each x = E_pi/E_beam so that the energy spectrum is unchanged:
//   d^2N/d^2q (x) = (1 + a'(x) q + b'(x) q^2) exp(-a'(x) q) / Norm(x),
//   a'(x) = a / x^gamma,  b'(x) = a^2 / (2 x^delta),  Norm = 2 pi (3/a'^2 + 6 b'/a'^4),
// <q> = (8/a' + 24 b'/a'^3) / (3 + 6 b'/a'^2) = 0.32-0.47 GeV for x = 0.02-0.3 with the BMPT pi+
// values a = 6.10 GeV^-1, gamma = 0.153, delta = 0.478 (data files; used for pi0 as the seed does
// for the energy part).
struct PionPtModel {
  bool on = false;
  double a = 0.0;      // [GeV^-1]
  double gamma = 0.0;  // x exponent of a'
  double delta = 0.0;  // x exponent of b'
};

// The normalised 2-D density d^2N/d^2q [GeV^-2] at x (0 < x <= 1) and pion p_T q [GeV].
double pion_pt_density(const PionPtModel& m, double x, double q);
// <q> at x [GeV] (closed form above).
double pion_pt_mean(const PionPtModel& m, double x);

// Photon transverse momentum (w.r.t. the beam) spectrum at photon energy E_gamma for p_T-smeared
// pions: the photon direction is the pion direction (+) the pi0 -> gamma gamma decay angle, so its
// p_T is P = |z q + p*|, z = E_gamma/E_pi = (1+c)/2, p* = E* sin(theta*) (small angles, E_pi >> q).
//   H(P) = int dc n_gamma(E_gamma, c) G(P; p*(c), z(c), x(c)),
//   G(P) = P int_0^{2 pi} dphi (1/z^2) d^2N/d^2q(x, |P - p*|/z)   (ring of radius p* convolved with
// the scaled pion p_T density), int_0^inf G dP = 1, so int H dP = int dc n_gamma (no photon lost).
// Fixed rule: c = cos(theta*) with theta* on n_theta Gauss-Legendre nodes in (0, arccos c_min),
// phi on n_phi Gauss-Legendre nodes in (0, pi) (x2 by symmetry).
class SmearedPhotonPt {
 public:
  SmearedPhotonPt(const PionSpectrum& pions, const PionPtModel& model, double E_star, double E_gamma, int n_theta,
                  int n_phi);
  double density(double P) const;  // H(P) [GeV^-2 per POT: photons per POT per GeV of E_gamma per GeV of P]
  bool empty() const { return nodes_.empty(); }
  // Total forward photons at E_gamma per GeV (= int dc n_gamma), from the same theta* rule.
  double total() const;

 private:
  struct Node {
    double w;       // n_gamma dc weight
    double pstar;   // E* sin(theta*)
    double inv_z;   // 1/z
    double a1, b1;  // a'(x), b'(x)
    double norm;    // 1/Norm(x) / z^2
  };
  std::vector<Node> nodes_;
  std::vector<double> cphi_, wphi_;  // cos(phi) nodes and weights (x 2, on (0, pi))
};

}  // namespace alpscan::physics
