// The CPUs this process may run on. mpirun binds each rank to one core by default (Open MPI: --bind-to core
// for up to two ranks, and so do srun's usual settings), and every thread a rank starts inherits that binding.
// After the scan the other ranks of the node only sleep, so rank 0 widens its binding to every CPU the
// machine and its cpuset allow before the merge, whose pipeline threads would otherwise share one core
// (measured: the 10^6-point map's scan.h5 took 3x as long to write after a 2-rank scan as after a 1-rank one).
#pragma once

namespace alpscan {

// CPUs the calling thread may run on now (sched_getaffinity), or 0 if unknown.
int allowed_cpus();

// Widens the calling thread's affinity to every CPU the kernel allows it (the cpuset intersects the request);
// threads started afterwards inherit it. Returns the number of CPUs allowed afterwards (0 if unknown).
int widen_cpu_affinity();

}  // namespace alpscan
