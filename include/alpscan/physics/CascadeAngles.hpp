// Angular spread of the particles of an electromagnetic cascade (issue 12 item 1): multiple scattering of
// the shower e+- gives the photons they radiate an angle to the beam, comparable with the few-mrad
// acceptance of a far detector at GeV energies.
//
// Moments. Small angles, a 2-D angle vector theta per particle, daughters inherit the parent's direction
// (the emission angles of bremsstrahlung and pair production, ~ m_e/E, are neglected: (0.5 mrad)^2 against
// (3-4 mrad)^2 at 1 GeV), and each lepton of energy E diffuses with d<theta^2>/dt = (E_s/E)^2 per X0
// (Rossi-Greisen, E_s = m_e sqrt(4 pi/alpha) = 21.2 MeV; a Gaussian without Highland's logarithm, which at
// 0.1-1 X0 gives 2 x 13.6^2 (1 + 0.038 ln t)^2 = 0.68-0.82 of E_s^2). With n(E, t) the particle density and
// m_k(E, t) = int theta^k n, the cascade operator K of EmCascade acts on m_k unchanged, and diffusion adds
//   dm_2/dt = K m_2 + D n,   dm_4/dt = K m_4 + 4 D m_2,   D = (E_s/E)^2 on leptons, 0 on photons
// (2-D diffusion: d<|theta|^4>/dt = 4 (E_s/E)^2 <|theta|^2>). Integrated over a thick dump (beam on axis,
// m_k(0) = 0): int m_2 = -K^{-1} D L and int m_4 = -K^{-1} 4 D int m_2, i.e. two more thick-target
// solutions of the same cascade with the sources D L and 4 D int m_2 (EmCascade::solve, T = inf). The
// result is the track-length-weighted <theta^2> and <theta^4> per energy group. A finite dump uses the
// thick-target moments: the angle at energy k is made within a few X0 of the parent's creation.
//
// Distribution (the default shape). For Gaussian scattering a particle's angle is a 2-D Gaussian of
// variance V (its <theta^2>), V accumulated along its ancestors, so the photons of energy k are a MIXTURE
// of Gaussians over the distribution of V, which the cascade gives through its Laplace transform: with an
// extra lepton absorption rate s D (EmCascade::solve_thick_lepton_absorption) every track is weighted by
// e^{-s V}, so Ltilde_g(s) = L_g(s)/L_g(0) = <e^{-s V}> over the photons of group g. The CDF P(V <= v) is
// inverted by the Gaver-Stehfest formula (N = 12 terms, s_j = j ln 2/v: smooth monotone CDFs to ~1e-3,
// CascadeVarianceMixture), on a log grid of v; the photons' angular density is then the sum of the bins'
// Gaussians (GaussianMixtureAngles). Checked against an independent shower Monte Carlo in
// tests/physics/CascadeAngles.test.cpp: the two-moment shape below misses the median by 45% (the
// spread of V is too skewed for two moments), the mixture is within a few per cent.
//
// Two-moment shape (kept for comparison). The photons at one energy are a mixture over histories of nearly Gaussian spreads of different
// widths; MomentMatchedAngles takes theta^2 exponential (a 2-D Gaussian) with an inverse-gamma distributed
// mean, i.e. P(theta^2 > w) = (1 + w/beta)^(-a), matched to <theta^2> and R = <theta^4>/<theta^2>^2:
//   a = 2 (R - 1)/(R - 2),  beta = <theta^2> (a - 1)   (R -> 2: the Gaussian, used when R < 2 + 1e-6).
// Checked against an independent shower Monte Carlo in tests/physics/CascadeAngles.test.cpp.
#pragma once

#include <vector>

#include "alpscan/physics/EmCascade.hpp"

namespace alpscan::physics {

struct CascadeAngularMoments {
  std::vector<double> edges;                           // group edges [GeV] (as CascadeResult)
  std::vector<double> photon_track, lepton_track;      // thick-target track length per group [X0]
  std::vector<double> photon_theta2, photon_theta4;    // track-length-weighted <theta^2> [rad^2], <theta^4> [rad^4]
  std::vector<double> lepton_theta2, lepton_theta4;
};

// Thick-target angular moments of the cascade started by the given sources on the beam axis (per group,
// as EmCascade::solve). scattering_energy = E_s [GeV]. Groups with no track carry zeros.
CascadeAngularMoments cascade_angular_moments(const EmCascade& cascade, const std::vector<double>& photon_source,
                                              const std::vector<double>& lepton_source, double scattering_energy);

// The variance mixture of the cascade's photons, per energy group (see the header comment).
struct VarianceGrid {
  double v_min = 1e-10, v_max = 1e-1;  // [rad^2]
  int per_decade = 6;
};
class CascadeVarianceMixture {
 public:
  CascadeVarianceMixture(const EmCascade& cascade, const std::vector<double>& photon_source,
                         const std::vector<double>& lepton_source, double scattering_energy, const VarianceGrid& grid = {});
  int groups() const { return n_; }
  const std::vector<double>& edges() const { return edges_; }
  // The representative variance of each bin [rad^2] (bins 0..nv-1: [0, v_0], [v_0, v_1], ..., [v_last, inf)).
  const std::vector<double>& variances() const { return V_; }
  // The photons of group g: weight per variance bin (sum 1; all 0 if the group has no photons).
  std::vector<double> photon_weights(int g) const;
  const std::vector<double>& all_weights() const { return w_; }  // group-major, variances().size() per group

 private:
  int n_ = 0;
  std::vector<double> edges_, V_, w_;
};

// Angular density of a mixture of 2-D Gaussians with variances V_i (<theta^2> = V_i) and weights w_i.
class GaussianMixtureAngles {
 public:
  GaussianMixtureAngles(std::vector<double> V, std::vector<double> w);
  double mean_theta2() const;
  double density(double theta) const;  // per unit solid angle, normalised to sum w
  double cdf(double theta) const;      // P(angle < theta) (sum w = 1)
  double quantile(double p) const;     // by bisection
  double median() const { return quantile(0.5); }
  const std::vector<double>& variances() const { return V_; }

 private:
  std::vector<double> V_, w_;
};

// Angular density of particles with the given <theta^2>, <theta^4> (see the header comment).
class MomentMatchedAngles {
 public:
  MomentMatchedAngles(double mean_theta2, double mean_theta4);
  double mean_theta2() const { return m2_; }
  bool gaussian() const { return gauss_; }
  double shape_a() const { return a_; }  // the power a (+inf for the Gaussian)
  // Per unit solid angle (small angles), int 2 pi theta density dtheta = 1 [rad^-2].
  double density(double theta) const;
  // P(angle < theta) and its inverse.
  double cdf(double theta) const;
  double quantile(double p) const;
  double median() const { return quantile(0.5); }

 private:
  double m2_ = 0.0, a_ = 0.0, beta_ = 0.0;
  bool gauss_ = true;
};

}  // namespace alpscan::physics
