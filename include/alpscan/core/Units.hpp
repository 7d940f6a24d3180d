// Physical constants and unit conversions. Internal unit system: natural units (hbar = c = 1),
// energies and masses in GeV, lengths in GeV^-1, magnetic fields in GeV^2 (Heaviside-Lorentz,
// alpha = e^2/4pi). Conversions happen only at the I/O edge (job files use eV, m, T, mb).
#pragma once

namespace alpscan::units {

inline constexpr double pi = 3.14159265358979323846;
inline constexpr double alpha_em = 1.0 / 137.035999084;  // fine-structure constant (CODATA 2018)

inline constexpr double eV = 1e-9;   // GeV
inline constexpr double keV = 1e-6;  // GeV
inline constexpr double MeV = 1e-3;  // GeV
inline constexpr double GeV = 1.0;

// hbar*c = 1.973269804e-16 GeV m (CODATA 2018), so 1 m = 5.067731e15 GeV^-1.
inline constexpr double hbarc_GeV_m = 1.973269804e-16;
inline constexpr double meter = 1.0 / hbarc_GeV_m;  // GeV^-1
inline constexpr double cm = 1e-2 * meter;
inline constexpr double fm = 1e-15 * meter;

// 1 mb = 1e-31 m^2 = 2.56819 GeV^-2.
inline constexpr double millibarn = 1e-31 * meter * meter;  // GeV^-2

// 1 T in natural Heaviside-Lorentz units: e*B = 1 T -> sqrt(4 pi alpha) * 1 T = 195.353 eV^2.
// (The Gaussian-unit value 692.5 eV^2 must not be used with the g B L / 2 convention.)
inline constexpr double tesla = 195.353 * eV * eV;  // GeV^2

inline constexpr double m_electron = 0.51099895e-3;  // GeV (PDG 2022)
inline constexpr double m_pi0 = 0.1349768;           // GeV (PDG 2022)

}  // namespace alpscan::units
