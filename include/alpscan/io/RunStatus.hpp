// <output>/run_status.json: what the last invocation of `alpscan run` on this output directory is
// doing or did (running | complete | incomplete | failed), with its message, host, pid and ranks.
// Written atomically by rank 0; `alpscan status` reads it together with the checkpoint manifest and the
// output lock, so it works while a job is running. "complete" is written only after every result file is
// published, and "running" before the checkpoint is touched (a failed --restart is never "complete").
#pragma once

#include <string>

namespace alpscan {

struct RunStatus {
  std::string state;    // "running", "complete", "incomplete", "failed"
  std::string message;  // e.g. the error of a failed run, or where the results are
  int exit_code = -1;
  int ranks = 1;
  std::string identity;  // the run's identity (checkpoint/job.json): a "complete" mark holds only for it
};

// Atomic replacement (temporary, fsync, rename). Returns false, with the cause in *error, if the file
// could not be written; then a previous run_status.json is removed unless s says "complete", so that a
// stale "complete" never outlives a run that could not record its own state (a full disk).
bool write_run_status(const std::string& output_dir, const RunStatus& s, std::string* error = nullptr);

// `alpscan status OUTPUT_DIR`: prints done/total points and chunks, whether complete, resumable or
// failed, and the last error. Returns 0 complete, 75 resumable/running, 1 failed, 2 no checkpoint.
int print_status(const std::string& output_dir, bool as_json);

}  // namespace alpscan
