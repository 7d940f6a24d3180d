#include "alpscan/experiments/LeptonG2Experiment.hpp"

#include <cmath>
#include <stdexcept>
#include <utility>

#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"

namespace alpscan {

LeptonG2Experiment::LeptonG2Experiment(ExperimentInfo info, LeptonG2Config cfg) : info_(std::move(info)), cfg_(cfg) {
  if (!(cfg_.m_lepton > 0)) throw std::invalid_argument("m_lepton must be > 0");
  if (!(cfg_.uv_scale > cfg_.m_lepton) || !std::isfinite(cfg_.uv_scale))
    throw std::invalid_argument("uv_scale_GeV must be finite and above the lepton mass");
  if (!std::isfinite(cfg_.g_amu_over_g_ae)) throw std::invalid_argument("g_amu_over_g_ae must be finite");
  info_.axes = {Axis::m_a, Axis::g_agg, Axis::g_ae};
}

double LeptonG2Experiment::g_agamma(const model::AlpModel& a) const { return cfg_.sign_g_agg * a.g_gamma(); }

double LeptonG2Experiment::g_al(const model::AlpModel& a) const {
  const double g_ae_seed = a.g_ae() / units::m_electron;  // Yukawa -> derivative coupling [GeV^-1]
  return cfg_.lepton == G2Lepton::electron ? g_ae_seed : cfg_.g_amu_over_g_ae * g_ae_seed;
}

physics::LeptonG2Terms LeptonG2Experiment::terms(const model::AlpModel& a) const {
  return physics::lepton_g2_terms(cfg_.m_lepton, a.m_a(), g_agamma(a), g_al(a), cfg_.uv_scale);
}

std::vector<SignalPart> LeptonG2Experiment::explain(const model::AlpModel& a) {
  const physics::LeptonG2Terms t = terms(a);
  return {{"Barr-Zee (g_agamma g_al)", t.barr_zee},
          {"one loop (-g_al^2 h_1)", t.one_loop},
          {"light-by-light (g_agamma^2)", t.light_by_light}};
}

LeptonG2Config read_lepton_g2_config(ExperimentInput& in) {
  LeptonG2Config c;
  c.lepton = in.option("lepton", {"electron", "muon"}) == "muon" ? G2Lepton::muon : G2Lepton::electron;
  c.m_lepton = in.number("m_lepton", "energy");
  c.uv_scale = in.option_number("uv_scale_GeV") * units::GeV;
  c.sign_g_agg = in.option("barr_zee_sign", {"seed", "flipped"}) == "flipped" ? -1.0 : 1.0;
  if (c.lepton == G2Lepton::muon) c.g_amu_over_g_ae = in.option_number("g_amu_over_g_ae");
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<LeptonG2Experiment, read_lepton_g2_config>(
    "lepton_g2", "lepton g-2: Delta a_e or Delta a_mu from the ALP (Barr-Zee + one loop + light-by-light), Gaussian term");

}  // namespace alpscan
