#include "alpscan/model/AlpPoint.hpp"

#include "alpscan/core/Units.hpp"

namespace alpscan {

namespace {
struct AxisMeta {
  std::string_view name;
  std::string_view unit;
  double to_internal;
};
constexpr AxisMeta kMeta[kNumAxes] = {
    {"m_a", "eV", units::eV},         {"g_agg", "GeV^-1", 1.0}, {"g_ae", "1", 1.0},
    {"g_achi", "GeV^-1", 1.0},        {"m_chi", "eV", units::eV}, {"br_inv", "1", 1.0},
    {"m_f_light", "eV", units::eV},   {"m_f_heavy", "eV", units::eV},
    {"eps", "1", 1.0},                {"m_D", "eV", units::eV},
};
}  // namespace

std::string_view axis_name(Axis a) { return kMeta[static_cast<int>(a)].name; }
std::string_view axis_external_unit(Axis a) { return kMeta[static_cast<int>(a)].unit; }
double axis_to_internal(Axis a) { return kMeta[static_cast<int>(a)].to_internal; }

std::optional<Axis> axis_from_name(std::string_view name) {
  for (int i = 0; i < kNumAxes; ++i)
    if (kMeta[i].name == name) return static_cast<Axis>(i);
  return std::nullopt;
}

}  // namespace alpscan
