#include "alpscan/experiments/PublishedBoundExperiment.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/stats/PublishedCurveLikelihood.hpp"

namespace alpscan {

namespace {
const stats::PublishedCurveLikelihood* curve_of(const ExperimentInfo& info) {
  return dynamic_cast<const stats::PublishedCurveLikelihood*>(info.likelihood.get());
}

// The ceiling as a curve (for its validation and interpolation); the CL is not used.
stats::PublishedCurve ceiling_curve(const PublishedBoundConfig& c, const std::string& coupling) {
  stats::PublishedCurve k;
  k.m_a = c.ceiling_m_a;
  k.g_limit = c.ceiling_g;
  k.cl = 0.5;
  k.coupling = coupling;
  k.source = "ceiling_m_a, ceiling_g";
  return k;
}
}  // namespace

PublishedBoundExperiment::PublishedBoundExperiment(ExperimentInfo info, PublishedBoundConfig cfg)
    : info_(std::move(info)), cfg_(cfg), curve_(curve_of(info_)) {
  if (!curve_) throw std::invalid_argument("the published_bound family reads a \"published_curve\" section (none given)");
  const std::string& c = curve_->curve().coupling;
  if (c != "g_agg" && c != "g_ae" && c != "g_ae*g_agg")
    throw std::invalid_argument("published_curve/coupling must be \"g_agg\", \"g_ae\" or \"g_ae*g_agg\" for this family, found \"" +
                                c + "\"");
  bound_ = c == "g_agg" ? Bound::photon : c == "g_ae" ? Bound::electron : Bound::product;
  if (!(cfg_.power > 0) || !std::isfinite(cfg_.power)) throw std::invalid_argument("signal_power must be > 0");
  if (!cfg_.ceiling_m_a.empty() || !cfg_.ceiling_g.empty()) {
    stats::PublishedCurve k = ceiling_curve(cfg_, c);
    const std::string problem = stats::published_curve_problem(k);
    if (!problem.empty()) throw std::invalid_argument("ceiling_m_a / ceiling_g: " + problem);
    ceiling_.emplace(std::move(k));
  }
  if (bound_ == Bound::product) info_.axes = {Axis::m_a, Axis::g_agg, Axis::g_ae};
  else info_.axes = {Axis::m_a, bound_ == Bound::photon ? Axis::g_agg : Axis::g_ae};
}

double PublishedBoundExperiment::coupling(const model::AlpModel& a) const {
  switch (bound_) {  // bounds are on |g|
    case Bound::photon: return std::abs(a.g_gamma());
    case Bound::electron: return std::abs(a.g_ae());
    case Bound::product: break;
  }
  return std::abs(a.g_ae() * a.g_gamma());
}

double PublishedBoundExperiment::coupling_limit(double m_a) const { return curve_->coupling_limit(m_a); }

double PublishedBoundExperiment::coupling_ceiling(double m_a) const {
  if (!ceiling_) return std::numeric_limits<double>::infinity();
  const std::vector<double>& m = ceiling_->curve().m_a;
  return ceiling_->coupling_limit(std::clamp(m_a, m.front(), m.back()));  // held at its ends outside
}

double PublishedBoundExperiment::expected_signal(const model::AlpModel& a) {
  const double g = coupling(a);
  if (ceiling_ && g > coupling_ceiling(a.m_a())) return 0.0;
  return curve_->prediction(a.m_a(), g, cfg_.power);
}

PublishedBoundConfig read_published_bound_config(ExperimentInput& in) {
  PublishedBoundConfig c;
  c.power = in.option_or("signal_power", {"2", "4"}, "2") == "4" ? 4.0 : 2.0;
  const stats::PublishedCurveLikelihood* curve = curve_of(in.info());
  if (!curve) {
    // io/ExperimentFile has reported a malformed section already; a file without one is reported here.
    if (!in.info().likelihood)
      in.add_problem("/published_curve", "the published_bound family needs a published_curve section (the curve g_lim(m_a))");
    else if (in.info().likelihood->kind() != "published_curve")
      in.add_problem("/published_curve", "the published_bound family reads a published_curve section, found kind \"" +
                                              in.info().likelihood->kind() + "\"");
    return c;
  }
  const std::string& coupling = curve->curve().coupling;
  if (coupling != "g_agg" && coupling != "g_ae" && coupling != "g_ae*g_agg") {
    in.add_problem("/published_curve/coupling", "the published_bound family takes the coupling from the model: expected \"g_agg\", "
                                                "\"g_ae\" or \"g_ae*g_agg\", found \"" + coupling + "\"");
    return c;
  }
  const std::string dimension = coupling == "g_ae" ? "number" : "inverse_energy";
  c.ceiling_m_a = in.numbers_when(false, "ceiling_m_a", "energy");
  c.ceiling_g = in.numbers_when(false, "ceiling_g", dimension);
  if (c.ceiling_m_a.empty() != c.ceiling_g.empty()) {
    in.add_problem("/parameters", "give both ceiling_m_a and ceiling_g (the upper edge of an excluded band) or neither");
  } else if (!c.ceiling_m_a.empty()) {
    const std::string problem = stats::published_curve_problem(ceiling_curve(c, coupling));
    if (!problem.empty()) in.add_problem("/parameters/ceiling_g", "the ceiling (ceiling_m_a, ceiling_g): " + problem);
  }
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<PublishedBoundExperiment, read_published_bound_config>(
    "published_bound", "a bound known only as a published curve g_lim(m_a): s = (g/g_lim)^p, excluded at s >= 1");

}  // namespace alpscan
