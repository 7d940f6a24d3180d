// Names the merged results use beside the experiments' own: the layers of every plane (HDF5 groups
// /planes/<plane>/<name>, curve files curves/<plane>/<name>.txt) and the reference curves written next to
// them (io/ReferenceBands: qcd_*), and the band layers of a preferred region ("<experiment>_1sigma").
// An experiment (or a job's labelled variant) may not take one of them.
#pragma once

#include <string>

namespace alpscan {

inline constexpr const char* kLayerUnion = "union";
inline constexpr const char* kLayerUnionLimits = "union_limits";
inline constexpr const char* kLayerCombined = "combined";
inline constexpr const char* kReferenceCurvePrefix = "qcd_";

// The layer of band `band` (stats::Band::name, e.g. "1sigma") of an experiment: "<experiment>_1sigma".
inline std::string band_layer_name(const std::string& experiment, const std::string& band) {
  return experiment + "_" + band;
}
// Names ending in "_<digit>sigma" are kept for band layers, so no experiment can collide with one.
inline bool is_band_layer_suffix(const std::string& n) {
  const std::size_t k = n.size();
  return k >= 7 && n.compare(k - 5, 5, "sigma") == 0 && n[k - 6] >= '0' && n[k - 6] <= '9' && n[k - 7] == '_';
}

inline bool is_reserved_layer_name(const std::string& n) {
  return n == kLayerUnion || n == kLayerUnionLimits || n == kLayerCombined || n.rfind(kReferenceCurvePrefix, 0) == 0 ||
         is_band_layer_suffix(n);
}

}  // namespace alpscan
