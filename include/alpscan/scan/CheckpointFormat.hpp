// How the checkpoint's two small text files are encoded: the job stamp (checkpoint/job.json) and the
// manifest lines (checkpoint/manifest.jsonl). The scan layer knows no JSON; io/CheckpointFormatJson
// implements this interface with the on-disk format "alpscan-checkpoint/2" and the application hands
// it to the Checkpoint.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace alpscan {

// What identifies the job a checkpoint belongs to.
struct CheckpointStamp {
  std::string identity;  // the run identity, 16 hex digits (scan/RunIdentity)
  std::size_t units = 0;    // work units of the plan
  std::size_t points = 0;   // evaluations of the plan (adaptive: of its first batch, the coarse lattice)
  std::size_t refinement_step = 0;  // adaptive refinement's coarse step (0: a full-grid plan)
};

// One finished unit, as indexed in the manifest.
struct ManifestEntry {
  long unit = -1;
  int experiment = 0;
  std::size_t begin = 0, count = 0;
  std::string file;         // the unit file, relative to the checkpoint directory
  std::uint32_t crc32 = 0;  // of the unit file's header and values
};

class CheckpointFormat {
 public:
  virtual ~CheckpointFormat() = default;
  virtual std::string encode_stamp(const CheckpointStamp& s) const = 0;
  // nullopt if the text is not a readable stamp (the checkpoint is then treated as another job's).
  virtual std::optional<CheckpointStamp> decode_stamp(const std::string& text) const = 0;
  // One line, without the newline.
  virtual std::string encode_entry(const ManifestEntry& e) const = 0;
  // nullopt for a torn or foreign line (the unit is then re-verified from its own file or recomputed).
  virtual std::optional<ManifestEntry> decode_entry(const std::string& line) const = 0;
};

}  // namespace alpscan
