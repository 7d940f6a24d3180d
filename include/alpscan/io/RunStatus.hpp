// <output>/run_status.json: what the last invocation of `alpscan run` on this output directory is
// doing or did (running | complete | incomplete | failed), with its message, host, pid and ranks.
// Written atomically by rank 0; `alpscan status` reads it together with the checkpoint manifest,
// so it works while a job is running.
#pragma once

#include <string>

namespace alpscan {

struct RunStatus {
  std::string state;    // "running", "complete", "incomplete", "failed"
  std::string message;  // e.g. the error of a failed run, or where the results are
  int exit_code = -1;
  int ranks = 1;
};

void write_run_status(const std::string& output_dir, const RunStatus& s);

// `alpscan status OUTPUT_DIR`: prints done/total points and chunks, whether complete, resumable or
// failed, and the last error. Returns 0 complete, 75 resumable/running, 1 failed, 2 no checkpoint.
int print_status(const std::string& output_dir, bool as_json);

}  // namespace alpscan
