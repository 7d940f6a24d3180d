// Photon-coupling scattering on a nucleus in the infinitely-heavy-nucleus limit (spec
// miniboone_argoneut.md s1.3 P1, s1.4 D3, s1.5; seed 004 Table I, L65-L70):
//
//  * Primakoff production gamma N -> a N, theta = ALP angle to the photon, E_a = E_gamma = E,
//    p = |p_a|, unpolarised photon (Gram-determinant contraction of the epsilon tensor):
//      dsigma/dOmega = (g^2 alpha Z^2 / 8 pi) F^2(|t|) E p^3 sin^2(theta) / t^2      (exact)
//    and the literature/alplib form with p^4 in place of E p^3 (equal for m_a << E).
//  * Inverse Primakoff a N -> gamma N, theta = photon angle to the ALP, photon polarisations
//    summed (alplib iprimakoff_dsigma_dtheta):
//      dsigma/dOmega = (g^2 alpha Z^2 / 4 pi) F^2(|t|) E^3 p sin^2(theta) / t^2.
//  with |t| = |t|_min + 2 E p (1 - cos theta), |t|_min = m^4/(E + p)^2 (never formed as the
//  difference m^2 - 2E(E - p cos theta)). In |t| both become
//      dsigma/d|t| = (g^2 alpha Z^2 / 8) F^2 p^2 sin^2(theta)/t^2   [x p/E in the p^4 form]  (P1)
//      dsigma/d|t| = (g^2 alpha Z^2 / 4) F^2 E^2 sin^2(theta)/t^2                            (D3)
//  with sin^2(theta) = u (2 - u), u = (|t| - |t|_min)/(2 E p). So sigma_D3 = 2 (E/p)^2 sigma_P1(exact).
//
// Form factor (spec A2): Tsai 1974 elastic, atomic screening x nuclear dipole (default),
//      F^2(|t|) = [a^2|t|/(1 + a^2|t|)]^2 [1/(1 + |t|/d)]^2,  a = 111 Z^{-1/3}/m_e, d = 0.164 A^{-2/3} GeV^2,
//  or F = 1 (alplib's primakoff_dsigma_dtheta, used by the paper's code): then sigma ~ ln(1/|t|_min)
//  and m_a = 0 diverges.
//
// Integrals are fixed Gauss-Legendre rules in ln|t| on panels with breakpoints at |t|_min, 1/a^2, d,
// the cut and |t|_max (never adaptive or MC): bit-reproducible. Units: E, m in GeV, angles in rad;
// every cross-section is returned PER g^2, i.e. sigma/g^2 (dimensionless: GeV^-2 per GeV^-2).
// Multiply by g_agg^2 [GeV^-2] to get GeV^-2; by units::millibarn to convert.
#pragma once

#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

// Spec A2: Tsai screening x nuclear dipole (recommended) or F = 1 (alplib directional routine).
enum class PrimakoffFormFactor { tsai, unity };
// P1 matrix-element prefactor: exact E p^3, or the literature/alplib p^4 (the spec's P1 table).
enum class PrimakoffProductionForm { exact, p4 };

struct PrimakoffScatteringOptions {
  PrimakoffFormFactor form_factor = PrimakoffFormFactor::tsai;
  PrimakoffProductionForm production_form = PrimakoffProductionForm::exact;
  double screening_c = 111.0;  // a = c Z^{-1/3}/m_e (alplib: 184.15 e^{-1/2} = 111.7)
  double dipole_d = 0.164;     // d = dipole_d A^{-2/3} [GeV^2]
  int n_gl = 16;               // Gauss-Legendre nodes per panel
  double max_log_width = 2.0;  // maximum panel width in ln|t|
};

// Tsai elastic F^2(|t|) with the screening radius a [GeV^-1] and dipole scale d [GeV^2].
double tsai_elastic_form_factor2(double t_abs, double a, double d);

// |t| at ALP (P1) or photon (D3) angle theta: m^4/(E + p)^2 + 4 E p sin^2(theta/2) [GeV^2].
double primakoff_t_abs(double E, double m, double theta);

class PrimakoffScattering {
 public:
  PrimakoffScattering(double Z, double A, PrimakoffScatteringOptions opt = {});

  double Z() const { return Z_; }
  double A() const { return A_; }
  double screening_radius() const { return a_; }  // a [GeV^-1]
  double dipole_scale() const { return d_; }      // d [GeV^2]
  // F^2(|t|) with the chosen option.
  double form_factor2(double t_abs) const;

  // ---- P1: gamma N -> a N on a free photon of energy E. 0 for m >= E.
  // dsigma/d|t| / g^2 [GeV^-2].
  double dsigma_dt(double E, double m, double t_abs) const;
  // dsigma/dtheta / g^2 [rad^-1] and dsigma/dcos(theta) / g^2, theta = ALP angle to the photon.
  double dsigma_dtheta(double E, double m, double theta) const;
  double dsigma_dcos(double E, double m, double cos_theta) const;
  // sigma / g^2 (dimensionless).
  double sigma(double E, double m) const;
  // sigma(theta < theta_max) / g^2 and its fraction of sigma (theta_max >= pi: all of it).
  double sigma_theta_below(double E, double m, double theta_max) const;
  double fraction_theta_below(double E, double m, double theta_max) const;
  // Fraction of sigma whose ALP lies within theta_det of the beam axis for a photon at angle
  // theta_gamma to it (spec s2.2 acceptance table A(E_gamma, theta_gamma)). The azimuth is done
  // analytically: at ALP angle theta the fraction of phi with theta_z < theta_det is
  //   arccos(clamp((cos theta_det - cos theta cos theta_gamma)/(sin theta sin theta_gamma)))/pi.
  double cone_fraction(double E, double m, double theta_gamma, double theta_det) const;
  // The same as a cross-section, cone_fraction x sigma / g^2 (no full sigma computed: cheaper).
  double sigma_into_cone(double E, double m, double theta_gamma, double theta_det) const;

  // ---- D3: a N -> gamma N for an ALP of energy E. 0 for m >= E.
  double inverse_dsigma_dt(double E, double m, double t_abs) const;
  double inverse_dsigma_dtheta(double E, double m, double theta) const;
  double inverse_sigma(double E, double m) const;
  // sigma with the photon at cos(theta) in [c_lo, c_hi] (theta = photon angle to the ALP) / g^2,
  // and its fraction of inverse_sigma (spec D3 cos-bin table).
  double inverse_sigma_cos_between(double E, double m, double c_lo, double c_hi) const;
  double inverse_fraction_cos_between(double E, double m, double c_lo, double c_hi) const;

 private:
  enum class Channel { production, inverse };
  // int dsigma/d|t| d|t| over [t_lo, t_hi] (clamped to the physical range) / g^2; w(theta) an
  // optional extra weight in [0, 1] (cone fraction) with square-root edges at the given |t| values.
  double integrate(Channel ch, double E, double m, double t_lo, double t_hi, double theta_gamma = 0.0,
                   double theta_det = 0.0) const;
  double dsigma_dt_impl(Channel ch, double E, double p, double tmin, double t_abs) const;

  double Z_, A_;
  PrimakoffScatteringOptions opt_;
  double a_, d_;
  GaussLegendre gl_;
};

}  // namespace alpscan::physics
