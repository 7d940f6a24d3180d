// Writing the merged results of a job into its output directory:
//   scan.h5                 HDF5 (layout in README "Result files"); deterministic bytes: no object
//                           timestamps, so identical results give identical files
//   summary.json            what was run, per experiment s_up, counts of excluded points, file names
//   curves/<plane>/<name>.txt + .json   AxionLimits-format limit curves with JSON sidecars
//   curves/<plane>/qcd_*.txt + .json    QCD-axion reference bands (io/ReferenceBands)
// Published as one unit (issue 18 item 3): everything is written into <output>/.publish.tmp.<pid>/ and
// fsync'ed; then curves/ (swapped whole), summary.json and scan.h5 are renamed into place and the directory
// is fsync'ed. The caller marks the run complete (run_status.json) only after ResultWriter::finish
// (or write_results) returns. A
// failure (e.g. ENOSPC) removes the staging directory, leaves the previously published files as they
// were, and throws std::runtime_error naming the file and the cause ("no space left on device").
#pragma once

#include <memory>
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

class ScanH5Writer;

// The publication of a merge that streams (issue 17 item 3): the constructor creates the staging directory
// and starts scan.h5 in it; add_experiment() writes each experiment as the merge completes it; finish()
// writes the global maps, planes, summary.json and the curves, syncs and publishes. Destroyed unfinished
// (an exception in the merge or the writing), it removes the staging directory: the published files stay.
class ResultWriter {
 public:
  ResultWriter(const JobSpec& job, const ParameterSpace& space, const MergedResult& header);
  ~ResultWriter();
  ResultWriter(const ResultWriter&) = delete;
  ResultWriter& operator=(const ResultWriter&) = delete;
  void add_experiment(const ExperimentResult& x);
  // r: the finished merge (its experiments may have released their arrays: the counts are kept).
  WrittenFiles finish(const MergedResult& r, const std::vector<PlaneMap>& planes);

 private:
  const JobSpec& job_;
  const ParameterSpace& space_;
  std::string stage_;
  std::unique_ptr<ScanH5Writer> h5_;
  bool published_ = false;
};

// The same in one call, for a merge that kept every experiment's arrays.
WrittenFiles write_results(const JobSpec& job, const ParameterSpace& space, const MergedResult& r,
                           const std::vector<PlaneMap>& planes);

}  // namespace alpscan
