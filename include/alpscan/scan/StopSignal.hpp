// Soft shutdown: SIGTERM, SIGUSR1 and SIGINT set a flag that the scheduler checks between points;
// every rank then abandons its current chunk (finished chunks are already durable), checkpoints
// and the run exits with status kExitResumable. SLURM's --signal and mpirun both deliver these.
#pragma once

namespace alpscan {

void install_stop_handlers();
bool stop_requested();
int stop_signal();          // the signal received, 0 if none
void request_stop(int sig);  // for tests and fault injection

}  // namespace alpscan
