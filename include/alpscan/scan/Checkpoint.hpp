// Durable per-chunk results. Layout of <output>/checkpoint/:
//   job.json        fingerprint of the job (job text, experiment data files, code revision) and plan size
//   manifest.jsonl  one line per finished unit: {"unit", "experiment", "begin", "count", "file", "crc32"},
//                   appended and fsync'ed by rank 0 after the unit's file is durable
//   u<unit>.bin     the unit's expected signals (header + doubles), written atomically (tmp, fsync, rename)
// On resume every manifest entry is re-verified (file present, size and CRC-32 match); anything
// that fails is simply recomputed. A torn last manifest line (kill during append) is ignored.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "alpscan/scan/WorkPlan.hpp"

namespace alpscan {

class Checkpoint {
 public:
  // Opens (or, with restart, wipes and creates) the checkpoint of `output_dir` on rank 0. Throws
  // InputError if the directory holds checkpoints of a different job and restart is false.
  Checkpoint(const std::string& output_dir, const std::string& fingerprint, const WorkPlan& plan, bool restart);

  // Any rank: writes the unit's results durably and returns their CRC-32.
  static std::uint32_t write_unit(const std::string& output_dir, int unit, const WorkUnit& u,
                                  const std::vector<double>& signal);
  // Rank 0: records a finished unit in the manifest (durably).
  void record(int unit, std::uint32_t crc);
  bool done(int unit) const { return done_[unit]; }
  std::size_t done_count() const;
  std::size_t resumed_count() const { return resumed_; }
  // Reads a finished unit back (verifying its CRC).
  std::vector<double> read_unit(int unit) const;

  static std::string dir(const std::string& output_dir) { return output_dir + "/checkpoint"; }

 private:
  std::string out_;
  const WorkPlan& plan_;
  std::vector<bool> done_;
  std::vector<std::uint32_t> crc_;
  std::size_t resumed_ = 0;
};

// CRC-32 (boost::crc_32_type) of a byte range.
std::uint32_t crc32_bytes(const void* data, std::size_t n);

}  // namespace alpscan
