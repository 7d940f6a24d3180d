// ALP partial and total widths (model level: functions of couplings and masses only). This file is the
// one implementation of every width in the code; families get widths through model/AlpModel.
// Conventions: L = -(g_agg/4) a F Fdual - i g_ae a ebar gamma5 e (the AxionLimits g_ae, dimensionless:
// g_ae = m_e x the derivative coupling of seed 003 Eq. (1), L69), (g_achi/2) (d_mu a) chibar gamma^mu
// gamma5 chi for a Dirac dark fermion chi (seed 003 Eq. (2), L73; g_achi in GeV^-1), and an invisible
// channel given either directly as a branching ratio or by a -> chi chi.
#pragma once

namespace alpscan::model {

// Gamma(a -> gamma gamma) = g^2 m^3 / (64 pi)  [GeV]; g in GeV^-1, m in GeV.
// Seed 000 Eq. (7), L181-L187; seed 003 Eq. (3), L79; the standard result for L = -(g/4) a F Fdual.
double width_a_to_gg(double g, double m);
// The same per unit g^2: m^3/(64 pi) [GeV^3] (families that tabulate per g^2 scale it by g^2).
double width_gg_per_g2(double m);
// The photon-only decay exponent per g^2 over a distance L at momentum p: L/lambda with
// lambda = p/(m Gamma_gg), i.e. L m^4/(64 pi p) [GeV^2] for L [GeV^-1], m, p [GeV]. Written as
// L m^4 / (64 pi p), the operation order the proton dumps' per-mass tables always used (bit for bit).
double gg_decay_exponent_per_g2(double L, double m, double p);

// Gamma(a -> e+ e-) = g_ae^2 m / (8 pi) * sqrt(1 - 4 m_e^2 / m^2), 0 below threshold  [GeV].
// Standard pseudoscalar-Yukawa result (e.g. seed 004 and spec miniboone_argoneut.md widths;
// seed 003 Eq. (4), L81, with its g_ae = our g_ae / m_e); g_ae dimensionless, m in GeV.
double width_a_to_ee(double g_ae, double m);

// Gamma(a -> chi chi) = g_achi^2 m_chi^2 m / (8 pi) * sqrt(1 - 4 m_chi^2 / m^2), 0 at and below the
// threshold m <= 2 m_chi [GeV]: seed 003 Eq. (5), L85-L87 (Dirac chi, derivative coupling g_achi
// [GeV^-1]; spec invisible_alps.md 1.3). A Majorana chi would differ by a factor; the seed and the
// spec only give the Dirac case, which is what the axis g_achi means.
double width_a_to_chichi(double g_achi, double m_chi, double m);

// The invisible width that makes br_inv the invisible fraction of the total:
// inv = br_inv / (1 - br_inv) * visible (spec invisible_alps.md 1.3, "BR_inv = Gamma_inv/Gamma_tot").
// br_inv <= 0 gives 0; br_inv >= 1 gives +inf (every ALP decays invisibly at once).
double width_inv_from_br(double br_inv, double visible);

// Decay length in the lab, lambda = gamma beta c tau = p/(m Gamma) [GeV^-1], p = sqrt(E^2 - m^2):
// 0 if E <= m or Gamma = +inf, +inf if Gamma = 0. (physics/DecayInVolume's decay_length forwards here.)
double decay_length(double E, double m, double Gamma);

// The widths of one ALP.
struct AlpWidths {
  double gg = 0;   // a -> gamma gamma
  double ee = 0;   // a -> e+ e-
  double inv = 0;  // invisible: a -> chi chi, or from a given br_inv (may be +inf for br_inv = 1)
  double total() const { return gg + ee + inv; }
  double br_gg() const { return total() > 0 ? gg / total() : 0.0; }
  double br_ee() const { return total() > 0 ? ee / total() : 0.0; }
  double br_inv() const;  // inv / total; 1 if inv = +inf; 0 if total = 0
};

// Widths for couplings (g_agg [GeV^-1], g_ae) at mass m [GeV]; br_inv in [0, 1] sets the invisible
// width with width_inv_from_br (a fraction br_inv of the total).
AlpWidths widths(double m, double g_agg, double g_ae, double br_inv = 0.0);

}  // namespace alpscan::model
