// Writing the merged results of a job into its output directory:
//   scan.h5                 HDF5 (layout in README "Result files"); deterministic bytes: no object
//                           timestamps, so identical results give identical files
//   summary.json            what was run, per experiment s_up, counts of excluded points, file names
//   curves/<plane>/<name>.txt + .json   AxionLimits-format limit curves with JSON sidecars
//   curves/<plane>/qcd_*.txt + .json    QCD-axion reference bands (io/ReferenceBands)
// Published as one unit (issue 18 item 3): everything is written into <output>/.publish.tmp.<pid>/ and
// fsync'ed; then curves/ (swapped whole), summary.json and scan.h5 are renamed into place and the directory
// is fsync'ed. The caller marks the run complete (run_status.json) only after write_results returns. A
// failure (e.g. ENOSPC) removes the staging directory, leaves the previously published files as they
// were, and throws std::runtime_error naming the file and the cause ("no space left on device").
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

// Writes text to path through a temporary file (path.tmp.<pid>), fsync and a rename (readers never see a
// partial file); throws std::runtime_error naming path and the cause, the temporary removed.
void write_text_file(const std::string& path, const std::string& text);

// strerror, in lower case, with ENOSPC as "no space left on device".
std::string io_error_text(int err);

// Staging directories and temporaries (*.tmp.*) a killed writer left in the output directory (not in its
// subdirectories): removed; returns how many. Only for the holder of the output lock.
std::size_t remove_stale_result_temporaries(const std::string& output_dir);

WrittenFiles write_results(const JobSpec& job, const ParameterSpace& space, const MergedResult& r,
                           const std::vector<PlaneMap>& planes);

}  // namespace alpscan
