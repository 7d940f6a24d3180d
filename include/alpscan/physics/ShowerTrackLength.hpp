// Differential track lengths of photons and electrons in a thick target per incident electron of
// energy E0, in radiation lengths per GeV: the Tsai-Whitis forms (Y.S. Tsai, V. Whitis, Phys. Rev.
// 149 (1966) 1248; Y.S. Tsai, Rev. Mod. Phys. 46 (1974) 815; the same forms are Eqs. (26)-(27) of
// seed 003, spec invisible_alps.md s2.7):
//   I_e(t, E) = (1/E0) [ln(E0/E)]^{4t/3 - 1} / Gamma(4t/3)                  (electrons)
//   I_g(t, k) = (1/k) [(1 - y)^{4t/3} - e^{-7t/9}] / [7/9 + (4/3) ln(1 - y)],  y = k/E0  (photons)
// (dN/dE of the beam electron after t radiation lengths, Bethe-Heitler straggling with the complete-
// screening b = 4/3; and the photons it radiated that have not yet converted, 7/9 per X0). The track
// length is the depth integral dl/dE = int_0^T I dt. These are FIRST-GENERATION forms: photons from
// secondary e+e- pairs are not counted. Even so, the photon form integrated over a thick target is an
// OVERestimate at small y: it lets the beam electron radiate photons of energy k at full strength for
// ~3/(4y) X0 where it really takes ~(3/4) ln(1/y): 0.96 E0/k^2 at k << E0 against the whole shower's
// 0.57 E0/k^2 (Rossi, physics/EmCascade), 1.4x the shower at y = 0.5; it is accurate only as y -> 1.
// The electron dumps use the cascade by default (ElectronDumpExperiment, option photon_track_length).
// Normalisation: 1/E0 (the spec s2.7 prints 1/E, which contradicts its own check
// int_{E0/2}^{E0} dl_e/dE dE = int_0^T P(4t/3, ln 2) dt; the Bethe-Heitler density has 1/E0).
#pragma once

namespace alpscan::physics {

// I_e(t, E) [1/GeV], 0 outside 0 < E < E0, t > 0.
double electron_depth_spectrum(double E0, double E, double t);
// I_g(t, k) [1/GeV].
double photon_depth_spectrum(double E0, double k, double t);

// dl_g/dk = int_0^T I_g dt [X0/GeV], closed form (T may be +inf):
//   (1/k) [ (1 - e^{-bT})/b - (1 - e^{-7T/9})/(7/9) ] / (7/9 - b),  b = -(4/3) ln(1 - y),
// with the removable 0/0 at b = 7/9 (y = 0.442) handled by the derivative. T = inf:
//   27 / (28 k (-ln(1 - y))).
double photon_track_length(double E0, double k, double T);

// dl_e/dE = int_0^T I_e dt [X0/GeV] by Gauss-Legendre in t (integrable ~1/(u ln^2 u) singularity at
// E -> E0, u = ln(E0/E)).
double electron_track_length(double E0, double E, double T);

// int_{E_lo}^{E0} dl_e/dE dE = int_0^T P(4t/3, ln(E0/E_lo)) dt [X0] (P: regularised lower
// incomplete gamma function).
double electron_track_length_above(double E0, double E_lo, double T);
// The same as a function of u_max = ln(E0/E_lo) (no loss of digits for E_lo -> E0).
double electron_track_length_within(double u_max, double T);

// Largest depth that matters for electrons above E_lo: beyond it the Gamma(4t/3) density in
// u = ln(E0/E) has moved past u_max = ln(E0/E_lo) by > 8 sigma (contribution < 1e-12).
double electron_depth_cap(double E0, double E_lo, double T);

}  // namespace alpscan::physics
