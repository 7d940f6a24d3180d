// ALP partial and total widths (model level: functions of couplings and masses only).
// Conventions: L = -(g_agg/4) a F Fdual - i g_ae a ebar gamma5 e (the AxionLimits g_ae), and an
// invisible channel given either directly as a branching ratio or by a -> chi chi.
#pragma once

namespace alpscan::model {

// Gamma(a -> gamma gamma) = g^2 m^3 / (64 pi)  [GeV]; g in GeV^-1, m in GeV.
// Seed 000 Eq. (7), L181-L187; the standard result for L = -(g/4) a F Fdual.
double width_a_to_gg(double g, double m);

// Gamma(a -> e+ e-) = g_ae^2 m / (8 pi) * sqrt(1 - 4 m_e^2 / m^2), 0 below threshold  [GeV].
// Standard pseudoscalar-Yukawa result (e.g. seed 004 and spec miniboone_argoneut.md widths;
// seed 003 Eq. for a -> l l with g_ae); g_ae dimensionless, m in GeV.
double width_a_to_ee(double g_ae, double m);

// The visible widths of an ALP with photon and electron couplings.
struct AlpWidths {
  double gg = 0;   // a -> gamma gamma
  double ee = 0;   // a -> e+ e-
  double inv = 0;  // invisible (from br_inv, see below)
  double total() const { return gg + ee + inv; }
  double br_gg() const { return total() > 0 ? gg / total() : 0.0; }
  double br_ee() const { return total() > 0 ? ee / total() : 0.0; }
};

// Widths for couplings (g_agg [GeV^-1], g_ae) at mass m [GeV]; br_inv in [0, 1) sets the invisible
// width so that it is that fraction of the total: inv = br_inv / (1 - br_inv) * (gg + ee).
AlpWidths widths(double m, double g_agg, double g_ae, double br_inv = 0.0);

}  // namespace alpscan::model
