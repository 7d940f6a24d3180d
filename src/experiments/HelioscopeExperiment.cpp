#include "alpscan/experiments/HelioscopeExperiment.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/physics/SolarAxionFlux.hpp"

namespace alpscan {

namespace {
constexpr double kHour = 3600.0 * physics::kSecond;        // GeV^-1
constexpr double kYearHours = 365.25 * 24.0;               // Julian year
}  // namespace

HelioscopeExperiment::HelioscopeExperiment(ExperimentInfo info, HelioscopeConfig cfg)
    : info_(std::move(info)), cfg_(cfg) {
  const auto& m = cfg_.magnet;
  if (!(m.B > 0) || !(m.L > 0)) throw std::invalid_argument("magnetic_field and magnet_length must be > 0");
  if (!(m.E_min > 0) || !(m.E_max > m.E_min)) throw std::invalid_argument("need 0 < energy_min < energy_max");
  if (!(cfg_.bore_area > 0) || !(cfg_.n_bores >= 1)) throw std::invalid_argument("bore_area must be > 0 and n_bores >= 1");
  if (!(exposure() > 0) || !std::isfinite(exposure()))
    throw std::invalid_argument("the exposure (efficiencies x tracking time, or calibrated_exposure_hours) must be > 0");
  info_.axes = {Axis::m_a, Axis::g_agg};
}

double HelioscopeExperiment::exposure() const {
  const double area = cfg_.bore_area * cfg_.n_bores;
  if (cfg_.normalisation == HelioscopeNormalisation::calibrated) return area * cfg_.calibrated_exposure_hours * kHour;
  return area * cfg_.detector_efficiency * cfg_.optics_efficiency * cfg_.tracking_fraction * cfg_.duration_years *
         kYearHours * kHour;
}

double HelioscopeExperiment::exposure_cm2_h() const { return exposure() / (units::cm * units::cm * kHour); }

double HelioscopeExperiment::expected_background() const {
  if (cfg_.normalisation != HelioscopeNormalisation::physics) return 0.0;
  const double t_s = cfg_.tracking_fraction * cfg_.duration_years * kYearHours * 3600.0;
  const double dE_keV = (cfg_.magnet.E_max - cfg_.magnet.E_min) / units::keV;
  const double a_cm2 = cfg_.spot_area / (units::cm * units::cm);
  return cfg_.background_rate_per_keV_cm2_s * dE_keV * a_cm2 * t_s;
}

void HelioscopeExperiment::prepare(const PrepareContext& ctx) {
  std::vector<double> ms = ctx.m_a_values;
  std::sort(ms.begin(), ms.end());
  ms.erase(std::unique(ms.begin(), ms.end()), ms.end());
  table_.clear();
  table_.reserve(ms.size());
  for (double m : ms) table_.emplace_back(m, physics::helioscope_rate_per_g4(m, cfg_.magnet));
}

double HelioscopeExperiment::counts_per_g4(double m_a) const {
  const auto it = std::lower_bound(table_.begin(), table_.end(), m_a,
                                   [](const std::pair<double, double>& e, double m) { return e.first < m; });
  const double R = (it != table_.end() && it->first == m_a) ? it->second
                                                             : physics::helioscope_rate_per_g4(m_a, cfg_.magnet);
  return R * exposure();
}

double HelioscopeExperiment::expected_signal(const model::AlpModel& a) {
  const double g = a.g_gamma();
  return g * g * g * g * counts_per_g4(a.m_a());
}

HelioscopeConfig read_helioscope_config(ExperimentInput& in) {
  HelioscopeConfig c;
  c.magnet.B = in.number("magnetic_field", "field");
  c.magnet.L = in.number("magnet_length", "length");
  c.magnet.E_min = in.number("energy_min", "energy");
  c.magnet.E_max = in.number("energy_max", "energy");
  c.bore_area = in.number("bore_area", "area");
  c.n_bores = in.number("n_bores", "number");
  const bool cal = in.option("normalisation", {"physics", "calibrated"}) == "calibrated";
  c.normalisation = cal ? HelioscopeNormalisation::calibrated : HelioscopeNormalisation::physics;
  c.calibrated_exposure_hours = in.number_when(cal, "calibrated_exposure_hours", "number", 0.0);
  c.detector_efficiency = in.number_when(!cal, "detector_efficiency", "number", 1.0);
  c.optics_efficiency = in.number_when(!cal, "optics_efficiency", "number", 1.0);
  c.tracking_fraction = in.number_when(!cal, "tracking_fraction", "number", 1.0);
  c.duration_years = in.number_when(!cal, "duration_years", "number", 0.0);
  c.background_rate_per_keV_cm2_s = in.number_when(!cal, "background_rate_per_keV_cm2_s", "number", 0.0);
  c.spot_area = in.number_when(!cal, "spot_area", "area", 0.0);
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<HelioscopeExperiment, read_helioscope_config>(
    "helioscope", "axion helioscope: solar Primakoff flux x conversion in the magnet (coherence loss), N ~ g^4");

}  // namespace alpscan
