// Helm nuclear form factor, Eq. (11) of the PASSAT paper (seed 000 L241-L261), following
// Dobrich et al. [16]: F(|t|) = 3 j1(q R1)/(q R1) exp(-q^2 s^2/2) Theta(x_cut - q R1), q = sqrt|t|.
// The paper sets F to zero beyond q R1 = 4.49 (the first zero of j1 is 4.4934).
#pragma once

namespace alpscan::physics {

// Spherical Bessel j1(x) = sin x / x^2 - cos x / x, with the series x/3 - x^3/30 + x^5/840 for
// small x (the closed form cancels catastrophically there).
double spherical_j1(double x);

// Lewin-Smith radius R1 = sqrt((c1 A^(1/3) - c0)^2 + c2) (seed 000 L258-L261; c1 = 1.23 fm,
// c0 = 0.6 fm, c2 = 2.18 fm^2 in the paper). Arguments in internal units (GeV^-1, GeV^-2).
double lewin_smith_r1(double A, double c1, double c0, double c2);

struct HelmFormFactor {
  double R1 = 0.0;     // GeV^-1
  double s = 0.0;      // skin thickness, GeV^-1 (paper: 0.9 fm, L256)
  double x_cut = 0.0;  // F = 0 for sqrt|t| R1 > x_cut (paper: 4.49, L242)

  // F(|t|), |t| in GeV^2.
  double operator()(double t_abs) const;
  // F^2, the quantity the Primakoff cross-section uses.
  double squared(double t_abs) const {
    const double f = (*this)(t_abs);
    return f * f;
  }
  // Momentum-transfer cutoff sqrt|t|_max = x_cut / R1 [GeV].
  double q_cut() const { return x_cut / R1; }
};

}  // namespace alpscan::physics
