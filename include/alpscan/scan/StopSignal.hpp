// Soft shutdown: SIGTERM, SIGUSR1 and SIGINT set a flag that the scheduler checks between points;
// every rank then abandons its current chunk (finished chunks are already durable), checkpoints
// and the run exits with status kExitResumable. SLURM's --signal and mpirun both deliver these.
#pragma once

#include <stdexcept>
#include <string>

namespace alpscan {

void install_stop_handlers();
bool stop_requested();
int stop_signal();          // the signal received, 0 if none
void request_stop(int sig);  // for tests and fault injection

// Thrown by the long loops that run before the scan (building the work plan, checking the checkpoint's
// chunks) when a stop was requested: nothing is computed yet, so the run ends at once, resumable (exit 75),
// instead of finishing a plan of 1e10 points first.
struct StopRequested : std::runtime_error {
  explicit StopRequested(const std::string& where) : std::runtime_error("stopped by a signal while " + where) {}
};
// Called every few thousand iterations of such loops.
inline void throw_if_stop_requested(const char* where) {
  if (stop_requested()) throw StopRequested(where);
}

}  // namespace alpscan
