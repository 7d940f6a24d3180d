// Writing the merged results of a job into its output directory:
//   scan.h5                 HDF5 (layout in README "Result files"); deterministic bytes: no object
//                           timestamps, so identical results give identical files
//   summary.json            what was run, per experiment s_up, counts of excluded points, file names
//   curves/<plane>/<name>.txt + .json   AxionLimits-format limit curves with JSON sidecars
// Every file is written to a temporary name and renamed into place.
#pragma once

#include <string>
#include <vector>

#include "alpscan/io/JobSpec.hpp"
#include "alpscan/maps/MergedResult.hpp"
#include "alpscan/maps/PlaneMap.hpp"
#include "alpscan/scan/ParameterSpace.hpp"

namespace alpscan {

struct WrittenFiles {
  std::string scan_h5, summary_json;
  std::vector<std::string> curves;
};

WrittenFiles write_results(const JobSpec& job, const ParameterSpace& space, const MergedResult& r,
                           const std::vector<PlaneMap>& planes);

}  // namespace alpscan
