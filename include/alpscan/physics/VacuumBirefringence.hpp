// Magnetic dichroism and birefringence of vacuum induced by an ALP (Maiani, Petronzio, Zavattini, PLB 175
// (1986) 359; Raffelt, Stodolsky, PRD 37 (1988) 1237; as used by PVLAS, Della Valle et al., EPJC 76 (2016) 24,
// arXiv:1510.08052). Light polarised at 45 degrees to a field B over a length L, N passes (a Fabry-Perot
// cavity of finesse F has N = 2F/pi), pseudoscalar ALP (only the polarisation parallel to B mixes):
//   rotation    eps = N (g B omega/m^2)^2 sin^2(m^2 L/(4 omega))         = (N/4) (gBL/2)^2 sinc^2(y/2)
//   ellipticity psi = (N/2) (g B omega/m^2)^2 (y - sin y), y = m^2 L/(2 omega) = (N/2) (gBL/2)^2 (1 - sinc y)/y
// The rotation is a quarter of the conversion probability per pass (the parallel amplitude loses P/2,
// which turns the polarisation by P/4 at 45 degrees), so it reuses physics/AlpConversion. Low-mass limits:
//   eps -> N (gBL)^2/16 (mass-independent),   psi -> N g^2 B^2 L^3 m^2/(96 omega) (vanishes as m^2).
// In PVLAS's units (single pass eps = (pi L/lambda) Delta kappa, psi = (pi L/lambda) Delta n, lambda = 2pi/omega):
//   Delta kappa = 2 eps_1/(omega L), Delta n = 2 psi_1/(omega L), per unit B^2: Delta kappa_u = Delta kappa/B^2.
#pragma once

namespace alpscan::physics {

// Rotation (dichroism) after N passes [rad]; m, omega [GeV], g [GeV^-1], B [GeV^2], L [GeV^-1].
double alp_rotation(double m, double g, double B, double L, double omega, double passes);
// Ellipticity (birefringence) after N passes [rad].
double alp_ellipticity(double m, double g, double B, double L, double omega, double passes);
// Single-pass dichroism Delta kappa and birefringence Delta n (dimensionless indices).
double alp_dichroism_index(double m, double g, double B, double L, double omega);
double alp_birefringence_index(double m, double g, double B, double L, double omega);

}  // namespace alpscan::physics
