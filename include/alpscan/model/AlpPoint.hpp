// One point of the ALP parameter space, in internal units. Every axis a job can scan has a field
// here; experiments read only the fields they declare in ExperimentInfo::axes, so unused axes are
// free (the scan collapses them, see scan/ParameterSpace).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace alpscan {

// The model axes, in the order they appear in job files and result files.
enum class Axis : int {
  m_a = 0,     // ALP mass                          [internal GeV; external eV]
  g_agg,       // ALP-photon coupling g_a gamma gamma [GeV^-1, both]
  g_ae,        // ALP-electron coupling g_ae         [dimensionless]
  g_achi,      // ALP-dark-fermion coupling g_a chi  [GeV^-1, both]
  m_chi,       // dark fermion mass                  [internal GeV; external eV]
  br_inv,      // invisible branching ratio          [dimensionless, 0..1]
  m_f_light,   // bandpass light fermion mass        [internal GeV; external eV]
  m_f_heavy,   // bandpass heavy fermion mass        [internal GeV; external eV]
  eps,         // bandpass kinetic mixing epsilon    [dimensionless]
  m_D,         // bandpass dark photon mass          [internal GeV; external eV]
};
inline constexpr int kNumAxes = 10;

// Name used in job files, result files and logs.
std::string_view axis_name(Axis a);
// Unit of the axis in job and result files.
std::string_view axis_external_unit(Axis a);
// Multiply an external value by this to get the internal value (eV -> GeV for masses).
double axis_to_internal(Axis a);
std::optional<Axis> axis_from_name(std::string_view name);

struct AlpPoint {
  std::array<double, kNumAxes> v{};  // internal units, indexed by Axis

  double operator[](Axis a) const { return v[static_cast<int>(a)]; }
  double& operator[](Axis a) { return v[static_cast<int>(a)]; }
  double m_a() const { return (*this)[Axis::m_a]; }
  double g_agg() const { return (*this)[Axis::g_agg]; }
  double g_ae() const { return (*this)[Axis::g_ae]; }
};

}  // namespace alpscan
