// <output>/.alpscan.lock: one `alpscan run` per output directory (issue 18 item 2). Two runs on one
// directory overwrote each other's temporaries and published maps with lost values; a concurrent
// --restart deleted the first run's checkpoint under it.
//
// The lock is flock(2) LOCK_EX on the lock file, taken by rank 0 (or the single process) before anything
// in the directory is touched and held until the process exits. The kernel releases it when its holder
// dies, however it dies, so a crashed holder needs no clean-up and no "stale lock" heuristics. The file
// holds the holder's host, pid, start time and command (so a refused run can name it); a clean release
// empties it, so content found under a free lock is that of a holder that crashed or was killed.
// The file is never unlinked: a contender that opened the old inode could otherwise lock a file that a
// third run no longer sees.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace alpscan {

struct LockHolder {
  std::string host, started, command;
  long pid = 0;
  std::string describe() const;  // "pid 123 on host node1 since 2026-..Z (alpscan run job.json)"
};

// The directory is held by another run (exit 2): what() names the holder.
class OutputLocked : public std::runtime_error {
 public:
  OutputLocked(const std::string& what, std::optional<LockHolder> holder)
      : std::runtime_error(what), holder_(std::move(holder)) {}
  const std::optional<LockHolder>& holder() const { return holder_; }

 private:
  std::optional<LockHolder> holder_;
};

// What a probe of the lock can tell: held by some process, free, or unknown (the file system has no
// flock, ENOLCK/EOPNOTSUPP on some Lustre/NFS mounts, or the file cannot be opened). "unknown" must not be
// read as "free": the caller then falls back on the recorded pid/host (RunStatus).
enum class LockProbe { free, held, unknown };

// The verdict for a flock(LOCK_NB) that failed with `err` (exposed for tests: a file system without flock
// cannot be mounted in a unit test).
LockProbe probe_from_flock_errno(int err);

class OutputLock {
 public:
  static std::string path(const std::string& output_dir) { return output_dir + "/.alpscan.lock"; }

  // Creates output_dir if needed and takes the lock, recording `command`; throws OutputLocked if another
  // process holds it, std::runtime_error if the lock file cannot be created. A file system without
  // flock support (ENOLCK, EOPNOTSUPP: some Lustre mounts) leaves the lock untaken: unsupported() says so.
  OutputLock(const std::string& output_dir, const std::string& command);
  ~OutputLock();  // empties the file (a clean release) and closes it, which releases the lock
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  // The record a previous holder left without releasing the lock (it crashed or was killed), if any.
  const std::optional<LockHolder>& crashed_holder() const { return crashed_; }
  bool unsupported() const { return unsupported_; }

  // Read-only probe (`alpscan status`): the holder if some process holds the lock now. Never blocks, and
  // takes nothing that a starting run would wait for longer than the probe itself.
  // Null when the lock is free or its state unknown: use probe() where the difference matters.
  static std::optional<LockHolder> holder(const std::string& output_dir);
  // The same probe with its three outcomes; *holder (if given) is set when held. No lock file: free.
  static LockProbe probe(const std::string& output_dir, std::optional<LockHolder>* holder = nullptr);

 private:
  int fd_ = -1;
  bool unsupported_ = false;
  std::optional<LockHolder> crashed_;
};

}  // namespace alpscan
