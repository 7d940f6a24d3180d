// Detector geometry for the MiniBooNE / ArgoNeuT analysis (spec miniboone_argoneut.md s2.4, s2.5,
// s2.6, A9, A10; seed 004 Eq. (6), L102, L125-L127, L150):
//
//  * Angular acceptance (alplib det_sa): theta_det = arctan(sqrt(A_det/pi)/l), cone solid angle
//    Omega = 2 pi (1 - cos theta_det) = 4 pi sin^2(theta_det/2).
//    MiniBooNE: A = pi (5 m)^2 at 489 m -> 10.2246 mrad; ArgoNeuT 1040 m: 0.40 x 0.90 m^2 (paper)
//    -> 0.3255 mrad, true face 0.40 x 0.47 m^2 -> 0.2352 mrad.
//  * Decay in a sphere of radius R centred at distance L (spec s2.5): the ALP crosses at impact
//    parameter b, uniform over the disk (2 b db / R^2), along the chord of half-length c = sqrt(R^2 - b^2):
//      P(b) = e^{-(L - c)/lambda} (1 - e^{-2c/lambda}),   Pbar(lambda) = int_0^R P(b) 2b db / R^2.
//    With c as variable (2b db = -2c dc) the integral is elementary:
//      Pbar = (4/R^2) e^{-L/lambda} int_0^R c sinh(c/lambda) dc = e^{-(L-R)/lambda} H(R/lambda),
//      H(x) = (4/x^2) e^{-x} (x cosh x - sinh x) = (2/x^2) [(x - 1) + (x + 1) e^{-2x}]
//           = (4x/3) e^{-x} [1 + x^2/10 + x^4/280 + ...]   (series 3 sum_n 2n x^{2n-2}/(2n+1)!).
//    Limits: Pbar lambda -> 4R/3 (the mean chord) for lambda -> inf; Pbar -> (2 lambda/R) e^{-(L-R)/lambda}
//    for lambda << R. The "paper" option (A9): the single chord l = L - R, Delta l = 2R of Eq. (6),
//      P = e^{-(L-R)/lambda} (1 - e^{-2R/lambda}),  which overestimates the long-lambda limit by 3/2.
//    Everything is evaluated in log space, ln P = -(L - R)/lambda + ln H(R/lambda): no underflow to NaN,
//    P underflows cleanly to 0.
//  * Scattering in the sphere (spec s2.6): the mean chord 4R/3 = N_T/(n_T A_det) for uniform
//    illumination, and with survival to the interaction point the attenuated mean path
//      <int_chord e^{-z/lambda} dz> = lambda Pbar(lambda) -> (4R/3) e^{-L/lambda}  (lambda >> R).
//  All lengths in one consistent unit (internal: GeV^-1, core/Units.hpp); angles in rad.
#pragma once

#include <vector>

namespace alpscan::physics {

// theta_det = arctan(sqrt(area/pi)/distance) [rad] (alplib det_sa).
double detector_half_angle(double area, double distance);
// Solid angle of a cone of half-angle theta: 4 pi sin^2(theta/2) [sr].
double cone_solid_angle(double half_angle);
// Mean chord of a sphere under uniform illumination: 4R/3.
double sphere_mean_chord(double R);

// Spec A9: chord-averaged P (default) or the seed's single chord l = L - R, Delta l = 2R.
enum class SphereDecayMode { chord_averaged, paper };

// ln H(x) for x = R/lambda > 0 (x = 0: -inf), and d ln H / d ln x.
double sphere_log_reduced_decay(double x, SphereDecayMode mode = SphereDecayMode::chord_averaged);
double sphere_log_reduced_decay_slope(double x, SphereDecayMode mode = SphereDecayMode::chord_averaged);

// ln Pbar(lambda) and Pbar(lambda) for a sphere of radius R at distance L >= R (closed form).
// lambda <= 0 or inf: P = 0 (ln P = -inf).
double sphere_log_decay_probability(double lambda, double R, double L,
                                    SphereDecayMode mode = SphereDecayMode::chord_averaged);
double sphere_decay_probability(double lambda, double R, double L,
                                SphereDecayMode mode = SphereDecayMode::chord_averaged);
// lambda Pbar(lambda): the chord-averaged path length weighted by the survival e^{-z/lambda} (chord-
// averaged mode); -> 4R/3 as lambda -> inf. lambda = inf gives 4R/3 exactly; lambda <= 0 gives 0.
double sphere_attenuated_path(double lambda, double R, double L);

// Pbar(lambda) tabulated once: ln H on a grid in ln x, x = R/lambda, with cubic Hermite interpolation
// (values and analytic slopes; interpolation error < 1e-7 in ln H at 32 nodes/decade), times the
// exact e^{-(L-R)/lambda}. Outside [x_min, x_max] the closed form is used, so both limits are exact.
struct SphereDecayGrid {
  double x_min = 1e-4;
  double x_max = 1e4;
  int nodes_per_decade = 32;
};

class SphereDecayTable {
 public:
  SphereDecayTable(double R, double L, SphereDecayMode mode = SphereDecayMode::chord_averaged,
                   SphereDecayGrid grid = {});

  double log_probability(double lambda) const;
  double operator()(double lambda) const;  // Pbar(lambda)

  double R() const { return R_; }
  double L() const { return L_; }
  SphereDecayMode mode() const { return mode_; }
  int size() const { return static_cast<int>(f_.size()); }

 private:
  double log_reduced(double x) const;  // interpolated ln H(x)

  double R_, L_;
  SphereDecayMode mode_;
  double y0_, dy_;  // grid in y = ln x
  double x_outside_lo_, x_outside_hi_;  // x surely outside the grid (closed form without ln x)
  std::vector<double> f_, df_;
};

}  // namespace alpscan::physics
