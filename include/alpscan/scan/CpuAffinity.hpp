// The CPUs rank 0's merge may use. mpirun binds each rank to one core by default (Open MPI: --bind-to core
// for up to two ranks; batch systems often bind too), and every thread a rank starts inherits that binding.
// After the scan the other ranks only sleep, so rank 0 adds the CPUs that the ranks of this job on its own node
// were bound to before the merge, whose pipeline threads would otherwise share one core (measured: after a
// 2-rank scan the 10^6-point map's scan.h5 took 3x as long to write as after a 1-rank one). Never wider than
// that: CPUs of other jobs on a shared node (which a scheduler may keep apart by affinity alone) are not taken,
// and a single-rank run keeps its binding.
#pragma once

#include <cstdint>
#include <vector>

namespace alpscan {

class Communicator;

// A CPU mask: bit c % 64 of word c / 64 is CPU c; kCpuMaskWords words (4096 CPUs).
using CpuMask = std::vector<std::uint64_t>;
inline constexpr std::size_t kCpuMaskWords = 64;

// The calling thread's affinity (empty if it cannot be read).
CpuMask current_cpu_mask();
int cpu_count(const CpuMask& m);

// Sets the calling thread's affinity to its current mask OR `add` (never narrower); threads started afterwards
// inherit it. Returns the number of CPUs allowed afterwards (0 if unknown). The kernel keeps only CPUs of the
// cpuset; on failure the affinity stays as it was.
int widen_cpu_affinity(const CpuMask& add);

// Collective, every rank: rank 0 receives each rank's host and CPU mask and returns the union of the masks of
// the other ranks on its own host (empty elsewhere, and with one rank).
CpuMask node_sibling_cpus(Communicator& comm);

}  // namespace alpscan
