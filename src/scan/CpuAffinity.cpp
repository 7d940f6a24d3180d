#include "alpscan/scan/CpuAffinity.hpp"

#include <sched.h>
#include <unistd.h>

#include <cstdlib>

namespace alpscan {

namespace {

// A CPU set large enough for every configured CPU (glibc's cpu_set_t holds 1024).
struct CpuSet {
  explicit CpuSet(long cpus) : n(static_cast<int>(cpus > 0 ? cpus : 1)), set(CPU_ALLOC(n)), bytes(CPU_ALLOC_SIZE(n)) {
    if (set) CPU_ZERO_S(bytes, set);
  }
  ~CpuSet() {
    if (set) CPU_FREE(set);
  }
  CpuSet(const CpuSet&) = delete;
  CpuSet& operator=(const CpuSet&) = delete;
  int n;
  cpu_set_t* set;
  std::size_t bytes;
};

long configured_cpus() {
  const long n = ::sysconf(_SC_NPROCESSORS_CONF);
  return n > 0 ? n : 1;
}

}  // namespace

int allowed_cpus() {
  CpuSet s(configured_cpus());
  if (!s.set || ::sched_getaffinity(0, s.bytes, s.set) != 0) return 0;
  return CPU_COUNT_S(s.bytes, s.set);
}

int widen_cpu_affinity() {
  CpuSet s(configured_cpus());
  if (!s.set) return 0;
  for (int c = 0; c < s.n; ++c) CPU_SET_S(c, s.bytes, s.set);
  ::sched_setaffinity(0, s.bytes, s.set);  // the kernel keeps only the CPUs of the cpuset; failure: as before
  return allowed_cpus();
}

}  // namespace alpscan
