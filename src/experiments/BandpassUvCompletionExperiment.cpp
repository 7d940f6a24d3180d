#include "alpscan/experiments/BandpassUvCompletionExperiment.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/model/BandpassCoupling.hpp"

namespace alpscan {

namespace {
using C = BandpassUvCompletionConfig::Condition;
constexpr double kAlphaOverPi = units::alpha_em / units::pi;  // e^2/(4 pi^2)
}  // namespace

BandpassUvCompletionExperiment::BandpassUvCompletionExperiment(ExperimentInfo info, BandpassUvCompletionConfig cfg)
    : info_(std::move(info)), cfg_(cfg) {
  if (!info_.likelihood || info_.likelihood->kind() != "theory_bound")
    throw std::invalid_argument("the bandpass_uv_completion family needs a theory_bound section (the condition as text)");
  auto positive = [](double v, const char* what) {
    if (!(v > 0) || !std::isfinite(v)) throw std::invalid_argument(std::string(what) + " must be finite and > 0");
  };
  switch (cfg_.condition) {
    case C::dark_photon:
      positive(cfg_.eps_m_D_max, "eps_m_D_max");
      info_.axes = {Axis::eps, Axis::m_D};
      break;
    case C::fa_above_ma:
      if (cfg_.paper_literal) positive(cfg_.literal_scale, "literal_scale");
      info_.axes = {Axis::m_a, Axis::g_agg, cfg_.paper_literal ? Axis::m_D : Axis::eps};
      break;
    case C::perturbativity:
      info_.axes = {Axis::g_agg, Axis::eps, Axis::m_f_light, Axis::m_f_heavy};
      break;
    case C::millicharge_stellar:
      positive(cfg_.eps_eff_max, "eps_eff_max");
      positive(cfg_.photon_mass, "photon_mass");
      info_.axes = {Axis::eps, Axis::m_D};
      break;
    case C::millicharge_lab:
      positive(cfg_.eps_max, "eps_max");
      info_.axes = {Axis::eps};
      break;
  }
}

double BandpassUvCompletionExperiment::decay_constant(double g_agg, double eps) {
  return g_agg > 0 ? kAlphaOverPi * eps * eps / g_agg : std::numeric_limits<double>::infinity();
}

double BandpassUvCompletionExperiment::expected_signal(const model::AlpModel& a) {
  const AlpPoint& p = a.point();
  const double eps = p[Axis::eps], m_D = p[Axis::m_D], g = p.g_agg();
  switch (cfg_.condition) {
    case C::dark_photon:
      return eps * m_D / cfg_.eps_m_D_max;
    case C::fa_above_ma: {
      // g m_a <= (alpha/pi) eps^2, i.e. r = m_a / f_a (no division by g: r = 0 at g = 0)
      const double eps_sq = cfg_.paper_literal ? std::pow(cfg_.literal_scale / m_D, 2) : eps * eps;
      return g * a.m_a() / (kAlphaOverPi * eps_sq);
    }
    case C::perturbativity:
      return g * std::max(p[Axis::m_f_light], p[Axis::m_f_heavy]) / (kAlphaOverPi * eps * eps);
    case C::millicharge_stellar:
      return eps * model::eps_eff_ratio(cfg_.photon_mass * cfg_.photon_mass, m_D, eps) / cfg_.eps_eff_max;
    case C::millicharge_lab:
      return eps / cfg_.eps_max;
  }
  return 0.0;
}

BandpassUvCompletionConfig read_bandpass_uv_completion_config(ExperimentInput& in) {
  BandpassUvCompletionConfig c;
  const std::string k = in.option("condition", {"dark_photon", "fa_above_ma", "perturbativity", "millicharge_stellar",
                                                "millicharge_lab"});
  if (k == "dark_photon") {
    c.condition = C::dark_photon;
    c.eps_m_D_max = in.number("eps_m_D_max", "energy");
  } else if (k == "fa_above_ma") {
    c.condition = C::fa_above_ma;
    c.paper_literal = in.option("normalisation", {"scanned_eps", "paper_literal"}) == "paper_literal";
    c.literal_scale = in.number_when(c.paper_literal, "literal_scale", "energy");
  } else if (k == "perturbativity") {
    c.condition = C::perturbativity;
  } else if (k == "millicharge_stellar") {
    c.condition = C::millicharge_stellar;
    c.eps_eff_max = in.number("eps_eff_max", "number");
    c.photon_mass = in.number("photon_mass", "energy");
  } else {
    c.condition = C::millicharge_lab;
    c.eps_max = in.number("eps_max", "number");
  }
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<BandpassUvCompletionExperiment, read_bandpass_uv_completion_config>(
    "bandpass_uv_completion",
    "a consistency condition of the bandpass axion's UV completion (seed 001 Eqs. (6)-(10)): r = X/X_max, excluded at r > 1");

}  // namespace alpscan
