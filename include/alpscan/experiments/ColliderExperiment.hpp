// e+e- collider search for e+e- -> gamma a, a -> gamma gamma (three photons), one counting bin per
// configuration (data/experiments/{belle2_3gamma,belle2_3gamma_50ab,lep_opal_3gamma}.json, family
// "collider"):
//   N(m, g) = L_int eff A(cos) [sigma_gamma(s; m, g) + sigma_Z(s; m, g)] P_in(m, Gamma) BR(a -> gamma gamma)
// for m_a_min <= m <= m_a_max (the published search range; 0 outside), with
//  * sigma_gamma = (alpha g^2/24)(1 - m^2/s)^3 (s-channel photon), physics/EeToGammaAlp;
//  * sigma_Z: e+e- -> Z -> gamma a, only for z_coupling = hypercharge (g_aZg = tan(theta_W) g_agg);
//    photon_only (the default) has no Z term;
//  * A(cos) = the fraction of the (1 + cos^2 theta) recoil-photon distribution inside the CM
//    acceptance [cos_min, cos_max], analytic (physics::angular_acceptance); eff = everything else
//    (decay photons' acceptance, selection, trigger), flat in m;
//  * P_in = probability that the ALP decays within the decay radius R (the tracker/calorimeter radius
//    the analysis needs the decay inside): physics::DecayInVolume with L_d = 0, L_v = R, decay length
//    lambda = beta gamma c tau at the ALP's CM energy E_a = (s + m^2)/(2 sqrt s) (beam boosts neglected;
//    R is an effective radius, independent of the direction);
//  * widths from the point's model::AlpModel: g_ae (a -> e+e-) and the invisible channel (br_inv, or
//    g_achi and m_chi) shorten the lifetime and lower BR(gamma gamma). Production through g_ae (~ g_ae^2 m_e^2) is neglected.
// Signal ~ g^2 for prompt decays (lambda << R); where lambda >~ R the ALP escapes (P_in ~ R/lambda ~ g^2,
// N ~ g^4), which lifts the lower edge of the excluded g at small m. Closed form per point: no tables.
#pragma once

#include "alpscan/experiments/Experiment.hpp"

namespace alpscan {

enum class ZCoupling { photon_only, hypercharge };

// Every input in internal units (GeV, GeV^-1 for lengths, GeV^2 for the integrated luminosity).
struct ColliderConfig {
  double sqrt_s = 0.0;               // CM energy
  double luminosity = 0.0;           // integrated luminosity [GeV^2] (1/pb = 1/(1e-9 mb))
  double cos_min = -1.0, cos_max = 1.0;  // CM acceptance of the recoil photon
  double efficiency = 1.0;           // all other acceptance and efficiency factors
  double m_min = 0.0, m_max = 0.0;   // search mass range
  double decay_radius = 0.0;         // R: the ALP must decay within R of the interaction point
  ZCoupling z_coupling = ZCoupling::photon_only;
  double m_Z = 91.1876, Gamma_Z = 2.4952, Gamma_ee = 0.08391, sin2_theta_W = 0.23122;  // only for hypercharge
};

class ExperimentInput;
// Fills a ColliderConfig from a collider data file (belle2_3gamma, belle2_3gamma_50ab, lep_opal_3gamma):
// sqrt_s (energy), luminosity_pb_inv (number, in pb^-1: the file format has no inverse-area unit),
// cos_theta_min/cos_theta_max (number, CM recoil-photon acceptance), efficiency, m_a_min/m_a_max
// (energy), decay_radius (length); option z_coupling = photon_only | hypercharge, the latter with
// m_Z, Gamma_Z, Gamma_ee (energy) and sin2_theta_W (number).
// Every problem is recorded in the input; the family registers itself (experiments/FamilyRegistry.hpp).
ColliderConfig read_collider_config(ExperimentInput& in);

class ColliderExperiment final : public Experiment {
 public:
  // Throws std::invalid_argument for a value out of range.
  ColliderExperiment(ExperimentInfo info, ColliderConfig cfg);

  const ExperimentInfo& info() const override { return info_; }
  void prepare(const PrepareContext&) override {}
  double expected_signal(const model::AlpModel& a) override { return signal(a); }

  // N for the ALP model a (closed form, no state).
  double signal(const model::AlpModel& a) const;
  // Convenience for tests and tools: N for the model at (m [GeV], g_agg [GeV^-1], g_ae, br_inv).
  double signal(double m, double g_agg, double g_ae = 0.0, double br_inv = 0.0) const;
  // Production cross-section times the angular acceptance, sigma A [GeV^-2] (no efficiency).
  double sigma_accepted(double m, double g_agg) const;
  // P_in for total width Gamma [GeV] at mass m.
  double decay_inside(double m, double Gamma) const;
  double s() const { return cfg_.sqrt_s * cfg_.sqrt_s; }
  double acceptance() const { return acc_; }
  const ColliderConfig& config() const { return cfg_; }

 private:
  ExperimentInfo info_;
  ColliderConfig cfg_;
  double acc_ = 1.0;
};

}  // namespace alpscan
