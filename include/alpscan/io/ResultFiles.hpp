// Writing the merged results of a job into its output directory:
//   scan.h5                 HDF5 (layout in README "Result files"); deterministic bytes: no object
//                           timestamps, so identical results give identical files
//   summary.json            what was run, per experiment s_up, counts of excluded points, file names
//   curves/<plane>/<name>.txt + .json   AxionLimits-format limit curves with JSON sidecars
//   curves/<plane>/qcd_*.txt + .json    QCD-axion reference bands (io/ReferenceBands)
// Every file is written to a temporary name and renamed into place.
#pragma once

#include <string>
#include <vector>

#include "alpscan/scan/JobSpec.hpp"
#include "alpscan/maps/MergedResult.hpp"
#include "alpscan/maps/PlaneMap.hpp"
#include "alpscan/scan/ParameterSpace.hpp"

namespace alpscan {

struct WrittenFiles {
  std::string scan_h5, summary_json;
  std::vector<std::string> curves;
};

// Writes text to path through a temporary file and a rename (readers never see a partial file).
void write_text_file(const std::string& path, const std::string& text);

WrittenFiles write_results(const JobSpec& job, const ParameterSpace& space, const MergedResult& r,
                           const std::vector<PlaneMap>& planes);

}  // namespace alpscan
