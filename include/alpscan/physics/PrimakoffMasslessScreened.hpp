// The massless, screened Primakoff cross-section of alplib (prod_xs.py primakoff_sigma, "inverse-
// Primakoff scattering total xs (Creswick et al.)"), which the authors of seed 004 (Capozzi et al.)
// use for the production gamma N -> a N in the MiniBooNE dump: a Yukawa-screened Coulomb field of
// radius r0 (alplib: 2.2e-10 m), no nuclear form factor, no |t|_min (the ALP mass enters only as
// the threshold E > m), unpolarised ALP -> summed photon polarisations:
//   sigma / g^2 = (alpha Z^2 / 2) [ (2 eta^2 + 1)/(4 eta^2) ln(1 + 4 eta^2) - 1 ],  eta = r0 E.
// It is the inverse (a N -> gamma N) cross-section, twice the production one at m = 0
// (PrimakoffScattering: sigma_D3 = 2 (E/p)^2 sigma_P1). Used only by the labelled "paper" variant of
// the shower-dump family; the physical default is PrimakoffScattering with its angles.
#pragma once

namespace alpscan::physics {

// sigma / g^2 (dimensionless) for a photon of energy E [GeV] on a nucleus of charge Z, screening
// radius r0 [GeV^-1]; 0 for E <= m.
double primakoff_sigma_massless_screened(double E, double m, double Z, double r0);

}  // namespace alpscan::physics
