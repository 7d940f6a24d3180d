// ALP partial widths (model level: functions of couplings and masses only).
#pragma once

namespace alpscan::model {

// Gamma(a -> gamma gamma) = g^2 m^3 / (64 pi)  [GeV]; g in GeV^-1, m in GeV.
// Seed 000 Eq. (7), L181-L187; the standard result for L = -(g/4) a F Fdual.
double width_a_to_gg(double g, double m);

}  // namespace alpscan::model
