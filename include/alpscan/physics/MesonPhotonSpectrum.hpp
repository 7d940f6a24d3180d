// Photon source of PASSAT: pi0 from the BMPT parametrisation (Eq. 12, seed 000 L272-L293) and their
// forward decay photons (Eqs. 13-16, L322-L366), in the substitution c = cos(theta*) of spec s1.2.
#pragma once

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

}  // namespace alpscan::physics
