// Durable per-chunk results. Layout of <output>/checkpoint/:
//   job.json        fingerprint of the job (job text, experiment data files, code revision) and plan size
//   manifest.jsonl  one line per finished unit: {"unit", "experiment", "begin", "count", "file", "crc32"},
//                   appended by rank 0 after the unit's file is durable; fsync'ed in groups (<= 0.25 s)
//   u<unit>.bin     the unit's expected signals: header + doubles + CRC-32 trailer, written
//                   atomically by the rank that computed it (tmp, fsync, rename, fsync dir)
// On resume every manifest entry is re-verified (file present, size, header, CRC-32); unit files
// missing from the manifest (its last lines not yet synced when the run died) are verified by
// their trailer and re-indexed; anything that fails is recomputed. Torn manifest lines are ignored.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "alpscan/scan/CheckpointFormat.hpp"
#include "alpscan/scan/WorkPlan.hpp"

namespace alpscan {

class Checkpoint {
 public:
  // Opens (or, with restart, wipes and creates) the checkpoint of `output_dir` on rank 0. Throws
  // InputError if the directory holds checkpoints of a different job and restart is false.
  // `format` encodes job.json and the manifest lines (io/CheckpointFormatJson: the scan knows no JSON).
  Checkpoint(const std::string& output_dir, const std::string& fingerprint, const WorkPlan& plan, bool restart,
             const CheckpointFormat& format);
  ~Checkpoint();
  Checkpoint(const Checkpoint&) = delete;
  Checkpoint& operator=(const Checkpoint&) = delete;
  // Forces the manifest to disk (end of a run; record() syncs in groups).
  void sync();
  // The plan has new units (a batch of an adaptive plan): adopt those the checkpoint already holds.
  void plan_grown();

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
  std::vector<double> read_unit_file(int unit, bool check_manifest_crc) const;
  void adopt_units(std::size_t first);

  std::string out_;
  const CheckpointFormat& format_;
  int manifest_fd_ = -1;
  double last_sync_ = 0;
  const WorkPlan& plan_;
  std::vector<bool> done_;
  std::vector<std::uint32_t> crc_;
  std::map<long, std::uint32_t> recorded_;  // manifest entries read at open: unit -> CRC-32
  std::size_t resumed_ = 0;
};

// CRC-32 (boost::crc_32_type) of a byte range.
std::uint32_t crc32_bytes(const void* data, std::size_t n);

}  // namespace alpscan
