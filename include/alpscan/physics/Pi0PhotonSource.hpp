// Hadronic pi0 source of a proton beam dump and its pi0 -> gamma gamma photons, as a function of
// photon energy and of a forward cone theta < theta_cut about the beam axis (spec
// miniboone_argoneut.md s2.9 option 3; the input layer of DumpShowerFlux).
//
// Pion models (both per primary inelastic p-nucleus interaction, d2N/dp dOmega [GeV^-1 sr^-1]):
//  * SanfordWangPi0 (MiniBooNE, 8.89 GeV/c p on Fe): the Sanford-Wang fits of the MiniBooNE flux
//    paper (A.A. Aguilar-Arevalo et al., PRD 79 (2009) 072002, to HARP/E910 p+Be data),
//      d2sigma/dp dOmega = c1 p^c2 (1 - p/(p_B - c9)) exp[-c3 p^c4/p_B^c5 - c6 theta (p - c7 p_B cos^c8 theta)]
//    [mb/(GeV/c sr), p in GeV/c, theta in rad], with pi0 = (pi+ + pi-)/2 (spec s2.9), divided by
//    the p-Be inelastic cross section and scaled to the dump nucleus per interaction by
//    (A/A_Be)^alpha sigma_inel(pBe)/sigma_inel(pA), times an optional secondary-interaction factor.
//    cos^c8 theta is taken as max(cos theta, 0)^c8 (the fit covers theta < 0.21 rad; backward
//    pions never reach a forward cone).
//  * BmptPi0 (ArgoNeuT, 120 GeV p on graphite): the BMPT energy shape of MesonPhotonSpectrum
//    (PionSpectrum, x = E/E_beam) times its p_T density (PionPtModel, normalised to 1 at each x):
//      d2N/dp dOmega = dN/dE (p/E) rho(x, q = p sin theta) p^2 cos theta   (theta < pi/2),
//    which is the change of variables d^2q = p^2 cos theta dOmega at fixed p, dE = (p/E) dp.
//
// Decay photons: pi0 -> gamma gamma isotropic in the rest frame. In the lab a pion of momentum p
// gives two photons with energies uniform on [k-, k+] = [(E-p)/2, (E+p)/2] (density 2/p), and a
// photon of energy k makes the fixed angle psi(k, p) with the pion,
//      1 - cos psi = m^2 (p + E - 2k) / (2 k p (p + E))          (k+ -> psi = 0, k- -> psi = pi).
// Hence, with the azimuth of the photon about the pion uniform,
//   dN_g/dk dOmega(theta) = int_{p_min(k)} dp (2/p) (1/2pi) int_0^{2pi} dphi N(p, theta_pi(phi))   (ring about the photon)
//   dN_g/dk |_{theta<theta_c} = int dp (2/p) int dOmega_pi N(p, theta_pi) f(theta_pi, psi, theta_c)
// with p_min(k) = |k - m^2/(4k)| and f the fraction of the azimuth about the pion axis for which
// the photon lies inside the cone (haversine form, stable at micro-radian angles).
// All integrals: fixed Gauss-Legendre panels (bit-reproducible).
#pragma once

#include <array>

#include "alpscan/physics/MesonPhotonSpectrum.hpp"

namespace alpscan::physics {

// A pi0 source: d2N/dp dOmega per primary inelastic interaction [GeV^-1 sr^-1], theta the polar
// angle to the beam. Implementations must be cheap and deterministic.
class Pi0Source {
 public:
  virtual ~Pi0Source() = default;
  virtual double d2N_dp_dOmega(double p, double theta) const = 0;
  virtual double p_max() const = 0;                  // GeV: no pions above
  virtual double angular_scale(double p) const = 0;  // rad: width of the angular distribution at p (grading only)
};

// ---- Sanford-Wang (MiniBooNE) ---------------------------------------------------------------
struct SanfordWangParams {
  std::array<double, 9> c{};  // c1..c9
};
// The Sanford-Wang d2sigma/dp dOmega [mb/(GeV/c sr)] (0 for p >= p_B - c9 or p <= 0).
double sanford_wang(const SanfordWangParams& s, double p_beam, double p, double theta);

struct SanfordWangPi0Config {
  double p_beam = 0.0;  // GeV/c
  SanfordWangParams pi_plus, pi_minus;
  double sigma_inel_ref = 0.0;     // mb: inelastic p-A_ref cross section the fit is divided by
  double A_ref = 0.0;              // nucleus of the fit (Be: 9.012)
  double A_target = 0.0;           // dump nucleus
  double alpha = 0.0;              // sigma_pi ~ A^alpha
  double sigma_inel_target = 0.0;  // mb
  double secondary_factor = 1.0;   // multiplies the yield (secondary hadronic interactions)
};

class SanfordWangPi0 : public Pi0Source {
 public:
  explicit SanfordWangPi0(const SanfordWangPi0Config& cfg);
  double d2N_dp_dOmega(double p, double theta) const override;
  double p_max() const override;
  double angular_scale(double p) const override;
  // pi0 per interaction per (mb of averaged pi+- cross section): secondary (A_t/A_ref)^alpha / sigma_t.
  double scale() const { return scale_; }

 private:
  SanfordWangPi0Config cfg_;
  double scale_ = 0.0;
};

// ---- BMPT (ArgoNeuT) --------------------------------------------------------------------------
class BmptPi0 : public Pi0Source {
 public:
  BmptPi0(const PionSpectrum& spectrum, const PionPtModel& pt);  // pt.on is ignored (always used)
  double d2N_dp_dOmega(double p, double theta) const override;
  double p_max() const override;
  double angular_scale(double p) const override;

 private:
  PionSpectrum spec_;
  PionPtModel pt_;
};

// ---- pi0 totals (diagnostics; independent of the photon functions) --------------------------
// N_pi = int dp dOmega d2N and sum E_pi = int dp dOmega E d2N, per interaction.
double pi0_multiplicity(const Pi0Source& src);
double pi0_energy(const Pi0Source& src);

// ---- decay photons ---------------------------------------------------------------------------
// psi(k, p) [rad], for k in [k-, k+] (clamped outside).
double decay_photon_angle(double p, double k);
// Fraction of the azimuth about a pion at polar angle theta_pi for which a photon at angle psi to
// the pion has polar angle < theta_cut.
double cone_azimuth_fraction(double theta_pi, double psi, double theta_cut);
// dN_g/dk inside theta < theta_cut [GeV^-1 per interaction]; theta_cut >= pi gives the whole
// spectrum (whose integral is 2 N_pi and whose energy integral is sum E_pi).
double pi0_photon_spectrum_in_cone(const Pi0Source& src, double k, double theta_cut);
// dN_g/dk dOmega at photon polar angle theta [GeV^-1 sr^-1 per interaction].
double pi0_photon_density(const Pi0Source& src, double k, double theta);

}  // namespace alpscan::physics
