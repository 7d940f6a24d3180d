#include "alpscan/experiments/StellarEnergyLossExperiment.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/stats/PublishedCurveLikelihood.hpp"

namespace alpscan {

namespace {
void require(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument(what);
}
}  // namespace

StellarEnergyLossExperiment::StellarEnergyLossExperiment(ExperimentInfo info, StellarEnergyLossConfig cfg)
    : info_(std::move(info)), cfg_(cfg) {
  // g_ae enters through the visible width (a -> e+e-) even for a g_agg bound, and g_agg for a g_ae bound.
  info_.axes = {Axis::m_a, Axis::g_agg, Axis::g_ae};
  curve_ = dynamic_cast<const stats::PublishedCurveLikelihood*>(info_.likelihood.get());
  require(curve_ != nullptr, "stellar_energy_loss needs a published_curve section (the massless bound g_0)");
  const std::string& c = curve_->curve().coupling;
  require(c == "g_agg" || c == "g_ae", "the published_curve coupling must be g_agg or g_ae, not " + c);
  photon_coupling_ = c == "g_agg";
  const bool brems = cfg_.process == physics::StellarProcess::degenerate_bremsstrahlung;
  require(brems != photon_coupling_, brems ? "electron bremsstrahlung produces through g_ae: the curve must bound g_ae"
                                           : "Primakoff emission produces through g_agg: the curve must bound g_agg");
  require(cfg_.plasma.temperature > 0, "temperature must be > 0");
  require(brems || (cfg_.plasma.kappa > 0 && cfg_.plasma.plasma_frequency >= 0),
          "the Primakoff processes need a positive screening scale (density and composition)");
  require(!cfg_.decay_inside || cfg_.core_radius > 0, "core_radius must be > 0");
}

void StellarEnergyLossExperiment::set_mass(double m_a) {
  if (m_a == cached_m_) return;
  cached_m_ = m_a;
  nodes_ = physics::emission_nodes(cfg_.process, m_a, cfg_.plasma);
  ratio_ = physics::energy_loss_ratio(cfg_.process, m_a, cfg_.plasma);
}

double StellarEnergyLossExperiment::energy_loss_ratio(double m_a) {
  set_mass(m_a);
  return ratio_;
}

double StellarEnergyLossExperiment::escape(const model::AlpModel& a) {
  if (!cfg_.decay_inside) return 1.0;
  set_mass(a.m_a());
  return physics::escape_fraction(nodes_, a.m_a(), a.width_visible(), cfg_.core_radius);
}

double StellarEnergyLossExperiment::coupling(const model::AlpModel& a) const {
  return photon_coupling_ ? a.g_gamma() : a.g_ae();
}

double StellarEnergyLossExperiment::expected_signal(const model::AlpModel& a) {
  const double g0 = curve_->coupling_limit(a.m_a());  // +inf outside the covered mass range: nothing excluded
  const double g = coupling(a);
  if (!std::isfinite(g0) || g == 0) return 0.0;
  const double r = g / g0;
  const double s = r * r * energy_loss_ratio(a.m_a());
  return s > 0 ? s * escape(a) : 0.0;
}

std::vector<SignalPart> StellarEnergyLossExperiment::explain(const model::AlpModel& a) {
  // One part (the signal is a product, not a sum); its name carries the factors.
  const double s = expected_signal(a);
  std::ostringstream name;
  name.precision(4);
  name << "(g/g_0)^2 x eps(m)/eps(0) x escape; eps(m)/eps(0) = " << energy_loss_ratio(a.m_a()) << ", escape = " << escape(a);
  return {{name.str(), s}};
}

StellarEnergyLossConfig read_stellar_energy_loss_config(ExperimentInput& in) {
  StellarEnergyLossConfig c;
  const std::string p =
      in.option("process", {"primakoff", "primakoff_and_coalescence", "electron_bremsstrahlung_degenerate"});
  c.process = p == "primakoff"                   ? physics::StellarProcess::primakoff
              : p == "primakoff_and_coalescence" ? physics::StellarProcess::primakoff_and_coalescence
                                                 : physics::StellarProcess::degenerate_bremsstrahlung;
  const bool primakoff = c.process != physics::StellarProcess::degenerate_bremsstrahlung;
  c.decay_inside = in.option("decay_inside", {"escape_from_core", "ignore"}) == "escape_from_core";
  const double T = in.number("temperature", "energy");
  c.core_radius = in.number_when(c.decay_inside, "core_radius", "length");
  const double rho = in.number_when(primakoff, "density_g_per_cm3", "number");
  const double ye = in.number_when(primakoff, "electrons_per_baryon", "number");
  const double z2 = in.number_when(primakoff, "z2_per_baryon", "number");
  if (primakoff && (!(rho > 0) || !(ye > 0) || !(z2 > 0)))
    in.add_problem("parameters", "density_g_per_cm3, electrons_per_baryon and z2_per_baryon must be > 0");
  c.plasma = primakoff && rho > 0 && T > 0 ? physics::ionised_plasma(T, rho, ye, z2) : physics::StellarPlasma{T, 0.0, 0.0};
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<StellarEnergyLossExperiment, read_stellar_energy_loss_config>(
    "stellar_energy_loss",
    "stellar energy loss: (g/g_0)^2 eps(m_a)/eps(0) x escape fraction, g_0 the published massless bound");

}  // namespace alpscan
