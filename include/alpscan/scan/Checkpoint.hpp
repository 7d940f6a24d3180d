// Durable per-chunk results. Layout of <output>/checkpoint/:
//   job.json        the run's identity (scan/RunIdentity: job, data files, code) and plan size
//   manifest.jsonl  one line per finished unit: {"unit", "experiment", "begin", "count", "file", "crc32"},
//                   appended by rank 0 after the unit's file is durable; fsync'ed in groups (<= 0.25 s)
//   u<unit>.bin     the unit's expected signals: header (the run's identity, the unit's experiment, range
//                   and a digest of the grid points it holds) + doubles + CRC-32 trailer, written
//                   atomically by the rank that computed it (tmp, fsync, rename, fsync dir)
// On resume every manifest entry is re-verified (file present, size, header, identity, grid digest,
// CRC-32); unit files missing from the manifest (its last lines not yet synced when the run died) are
// verified by their trailer and re-indexed; anything that fails is recomputed, and the log says which
// and why. A job.json that is missing or unreadable is rewritten: the chunks' own identity decides
// which of them are kept. A job.json of another identity is refused (--restart discards it).
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
  // InputError if the directory holds checkpoints of a different job and restart is false. Removes the
  // temporary files a killed run left (the caller holds the output directory's lock).
  // `format` encodes job.json and the manifest lines (io/CheckpointFormatJson: the scan knows no JSON).
  Checkpoint(const std::string& output_dir, std::uint64_t identity, const WorkPlan& plan, bool restart,
             const CheckpointFormat& format);
  ~Checkpoint();
  Checkpoint(const Checkpoint&) = delete;
  Checkpoint& operator=(const Checkpoint&) = delete;
  // Forces the manifest to disk (end of a run; record() syncs in groups).
  void sync();
  // The plan has new units (a batch of an adaptive plan): adopt those the checkpoint already holds.
  void plan_grown();

  // Any rank: writes the unit's results durably, stamped with the run's identity and the digest of the
  // unit's grid points, and returns their CRC-32.
  static std::uint32_t write_unit(const std::string& output_dir, std::uint64_t identity, const WorkPlan& plan,
                                  int unit, const std::vector<double>& signal);
  // A digest of the grid points unit `unit` holds (its experiment, and the sub-grid index of each point):
  // a later batch of an adaptive plan that came out differently is not mistaken for the recorded one.
  static std::uint64_t grid_digest(const WorkPlan& plan, int unit);
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

  void remove_stale_temporaries() const;

  std::string out_;
  std::uint64_t identity_;
  const CheckpointFormat& format_;
  int manifest_fd_ = -1;
  double last_sync_ = 0;
  const WorkPlan& plan_;
  std::vector<bool> done_;
  std::vector<std::uint32_t> crc_;
  std::map<long, std::uint32_t> recorded_;  // manifest entries read at open: unit -> CRC-32
  std::size_t resumed_ = 0;
  std::size_t rejected_ = 0;  // recorded or found unit files that failed verification (recomputed)
};

// CRC-32 (ISO-HDLC, as zlib and boost::crc_32_type compute it) of a byte range.
std::uint32_t crc32_bytes(const void* data, std::size_t n);

}  // namespace alpscan
