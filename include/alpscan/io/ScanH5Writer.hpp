// scan.h5, written while the merge streams (issue 17 item 3): the file's attributes and axes when the
// merge starts, each experiment's group as soon as that experiment is merged (its arrays can then be
// released), the global maps and the planes at the end. Layout in README "Result files"; deterministic
// bytes (no object timestamps), so identical results give identical files.
//
// Written straight to disk with HDF5's default (sec2) driver: the file is never held in memory. Errors
// throw std::runtime_error naming the file, what was being written and the cause ("no space left on
// device"). HDF5's own exit-time clean-up is switched off (H5dont_atexit) before the library starts: after
// a failed write the file cannot be closed, and that clean-up then crashed on it at exit (issue 18 item 3).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "alpscan/maps/MergedResult.hpp"
#include "alpscan/maps/PlaneMap.hpp"
#include "alpscan/scan/JobSpec.hpp"
#include "alpscan/scan/ParameterSpace.hpp"

namespace alpscan {

class ScanH5Writer {
 public:
  // header: the merge's header (merge_header): CL and refinement.
  ScanH5Writer(const std::string& path, const JobSpec& job, const ParameterSpace& space, const MergedResult& header);
  ~ScanH5Writer();
  ScanH5Writer(const ScanH5Writer&) = delete;
  ScanH5Writer& operator=(const ScanH5Writer&) = delete;
  // An experiment's group (signal, statistic, flags, bands, its likelihood's numbers), in job order.
  void add_experiment(const ExperimentResult& x);
  // The global maps and the planes; closes the file (r: the finished merge, its experiments' metadata).
  void finish(const MergedResult& r, const std::vector<PlaneMap>& planes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace alpscan
