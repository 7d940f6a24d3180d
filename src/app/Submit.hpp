// `alpscan submit`: writes a SLURM batch script for a job next to its results and submits it.
#pragma once

#include <string>

namespace alpscan {

struct SubmitOptions {
  std::string job;                 // job file
  std::string nodes, ntasks = "2", time = "01:00:00", partition, account;
  int max_continuations = 10;      // pieces after the first
  int signal_grace_s = 120;        // SIGUSR1 this many seconds before the time limit
  bool dry_run = false;
};

int cmd_submit(const SubmitOptions& o);

}  // namespace alpscan
