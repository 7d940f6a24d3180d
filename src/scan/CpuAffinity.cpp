#include "alpscan/scan/CpuAffinity.hpp"

#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <string>

#include "alpscan/core/Hash64.hpp"
#include "alpscan/scan/Communicator.hpp"

namespace alpscan {

namespace {

constexpr int kCpus = static_cast<int>(kCpuMaskWords * 64);
constexpr int kTagCpus = 14;  // scan/Scheduler uses 11 and 12, Communicator::idle_barrier 13

// A dynamically sized cpu_set_t for kCpus CPUs (glibc's fixed cpu_set_t holds 1024).
struct CpuSet {
  CpuSet() : set(CPU_ALLOC(kCpus)), bytes(CPU_ALLOC_SIZE(kCpus)) {
    if (set) CPU_ZERO_S(bytes, set);
  }
  ~CpuSet() {
    if (set) CPU_FREE(set);
  }
  CpuSet(const CpuSet&) = delete;
  CpuSet& operator=(const CpuSet&) = delete;
  cpu_set_t* set;
  std::size_t bytes;
};

std::uint64_t host_id() {
  char name[HOST_NAME_MAX + 1] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return 0;
  Hash64 h;
  h.text(name);
  return h.value();
}

}  // namespace

CpuMask current_cpu_mask() {
  CpuSet s;
  if (!s.set || ::sched_getaffinity(0, s.bytes, s.set) != 0) return {};
  CpuMask m(kCpuMaskWords, 0);
  for (int c = 0; c < kCpus; ++c)
    if (CPU_ISSET_S(c, s.bytes, s.set)) m[c / 64] |= std::uint64_t{1} << (c % 64);
  return m;
}

int cpu_count(const CpuMask& m) {
  int n = 0;
  for (std::uint64_t w : m) n += __builtin_popcountll(w);
  return n;
}

int widen_cpu_affinity(const CpuMask& add) {
  const int err = errno;  // a failure here must not leave an errno for later messages to misread
  CpuMask m = current_cpu_mask();
  if (m.empty()) return 0;
  for (std::size_t w = 0; w < m.size() && w < add.size(); ++w) m[w] |= add[w];
  CpuSet s;
  if (s.set) {
    for (int c = 0; c < kCpus; ++c)
      if (m[c / 64] >> (c % 64) & 1) CPU_SET_S(c, s.bytes, s.set);
    ::sched_setaffinity(0, s.bytes, s.set);
  }
  errno = err;
  return cpu_count(current_cpu_mask());
}

CpuMask node_sibling_cpus(Communicator& comm) {
  if (comm.size() == 1) return {};
  std::vector<long long> msg(1 + kCpuMaskWords, 0);  // host, then the mask (0 words: unknown)
  if (comm.rank() != 0) {
    msg[0] = static_cast<long long>(host_id());
    const CpuMask m = current_cpu_mask();
    for (std::size_t w = 0; w < m.size(); ++w) msg[1 + w] = static_cast<long long>(m[w]);
    comm.send(0, kTagCpus, msg.data(), static_cast<int>(msg.size()));
    return {};
  }
  const long long own = static_cast<long long>(host_id());
  CpuMask siblings(kCpuMaskWords, 0);
  for (int r = 1; r < comm.size(); ++r) {
    comm.recv(r, kTagCpus, msg.data(), static_cast<int>(msg.size()));
    if (msg[0] != own || own == 0) continue;
    for (std::size_t w = 0; w < kCpuMaskWords; ++w) siblings[w] |= static_cast<std::uint64_t>(msg[1 + w]);
  }
  return siblings;
}

}  // namespace alpscan
