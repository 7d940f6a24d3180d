// Names the merged results use beside the experiments' own: the layers of every plane (HDF5 groups
// /planes/<plane>/<name>, curve files curves/<plane>/<name>.txt) and the reference curves written next to
// them (io/ReferenceBands: qcd_*). An experiment (or a job's labelled variant) may not take one of them.
#pragma once

#include <string>

namespace alpscan {

inline constexpr const char* kLayerUnion = "union";
inline constexpr const char* kLayerUnionLimits = "union_limits";
inline constexpr const char* kLayerCombined = "combined";
inline constexpr const char* kReferenceCurvePrefix = "qcd_";

inline bool is_reserved_layer_name(const std::string& n) {
  return n == kLayerUnion || n == kLayerUnionLimits || n == kLayerCombined || n.rfind(kReferenceCurvePrefix, 0) == 0;
}

}  // namespace alpscan
