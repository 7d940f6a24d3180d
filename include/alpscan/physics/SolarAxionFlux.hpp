// Solar Primakoff ALP flux at Earth (the helioscopes' source; family "helioscope").
//
// The standard fit of CAST, JCAP 04 (2007) 010, arXiv:hep-ex/0702006, Eq. (2.5):
//   dPhi/dE = 6.02e10 (g / 1e-10 GeV^-1)^2 (E/keV)^2.481 exp(-E / 1.205 keV)  cm^-2 s^-1 keV^-1,
// a fit to the Primakoff spectrum of a standard solar model (photons converting in the electric fields
// of the solar plasma, screened at the Debye scale kappa_s ~ 9 keV). Its total,
//   Phi = 6.02e10 Gamma(3.481) 1.205^3.481 = 3.750e11 (g/1e-10 GeV^-1)^2 cm^-2 s^-1,
// is the seed's "phi_a ~ 4e11 (g/1e-10)^2 cm^-2 s^-1" (seed 002 L1555-L1558) rounded to one digit (6.7%; CAST 2007 quotes 3.75e11, as recalled).
// An independent newer fit (AGSS09 solar model; Hoof, Jaeckel, Thormaehlen, arXiv:2101.08789, as tabulated
// at ggrillidc.github.io/AxionAstrophysicalFluxes: C0 = 2.19e8 keV^-1 s^-1 cm^-2 at 1e-12 GeV^-1, E0 = 4.17 keV,
// beta = 2.531) integrates to 3.65e11: the solar-model spread is ~5% (tests/physics/SolarAxionFlux.test.cpp).
//
// Massive ALPs (m_a << T_sun ~ 1.3 keV): the production matrix element is that of a massless ALP of the
// same energy; the emitted flux per energy carries the ALP phase space d^3p = p E dE dOmega instead of
// E^2 dE dOmega, so dPhi/dE(m) = dPhi/dE(0) * p/E, p = sqrt(E^2 - m^2) (0 for m >= E). It matters only
// for m_a ~ keV, where the coherence loss in any helioscope magnet has long removed the signal.
//
// Units: E, m in GeV; g in GeV^-1; the flux in natural units (GeV^2 = per area per time per energy),
// converted with the factors below only where a family reads exposures.
#pragma once

namespace alpscan::physics {

// hbar = 6.582119569e-25 GeV s (CODATA 2018): one second in GeV^-1.
inline constexpr double kSecond = 1.0 / 6.582119569e-25;

// The fit's constants (CAST 2007, Eq. 2.5).
inline constexpr double kSolarFluxNorm_per_cm2_s_keV = 6.02e10;  // at g = 1e-10 GeV^-1, E in keV
inline constexpr double kSolarFluxIndex = 2.481;
inline constexpr double kSolarFluxE0_keV = 1.205;

// dPhi/dE of a massless ALP at Earth, in cm^-2 s^-1 keV^-1, E in keV, at g = 1e-10 GeV^-1.
double solar_primakoff_flux_conventional(double E_keV);
// dPhi/dE in natural units [GeV^2] at energy E [GeV], coupling g [GeV^-1], ALP mass m [GeV]
// (massless fit times the phase-space factor p/E; 0 for m >= E).
double solar_primakoff_flux(double E, double m, double g);
// The phase-space factor p/E (1 at m = 0, 0 for m >= E).
double solar_flux_mass_factor(double E, double m);
// Closed-form total of the massless fit over all energies, cm^-2 s^-1 at g = 1e-10 GeV^-1:
// N Gamma(1 + index) E0^(1 + index).
double solar_primakoff_total_flux_conventional();

}  // namespace alpscan::physics
