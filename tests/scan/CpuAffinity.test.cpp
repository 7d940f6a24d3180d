// Rank 0's merge may use the cores of its node's sleeping ranks, never more: the affinity is widened by the
// masks given, never narrowed, inherited by the threads started afterwards; a single rank gets no siblings.
#include <catch2/catch.hpp>

#include <sched.h>

#include <thread>

#include "alpscan/scan/CpuAffinity.hpp"
#include "alpscan/scan/Communicator.hpp"
#include "scan_test_util.hpp"

using namespace alpscan;

namespace {
// Restores the thread's affinity at the end of the test, whatever happens in it.
struct AffinityGuard {
  cpu_set_t saved;
  bool ok;
  AffinityGuard() { ok = ::sched_getaffinity(0, sizeof saved, &saved) == 0; }
  ~AffinityGuard() {
    if (ok) ::sched_setaffinity(0, sizeof saved, &saved);
  }
};
bool has(const CpuMask& m, int c) { return m.at(c / 64) >> (c % 64) & 1; }
CpuMask only(int c) {
  CpuMask m(kCpuMaskWords, 0);
  m[c / 64] |= std::uint64_t{1} << (c % 64);
  return m;
}
}  // namespace

TEST_CASE("widen_cpu_affinity adds the given CPUs to a one-core binding, never narrows, and threads inherit it",
          "[scan][merge]") {
  AffinityGuard guard;
  REQUIRE(guard.ok);
  const CpuMask start = current_cpu_mask();
  REQUIRE(cpu_count(start) >= 1);
  int first = -1, second = -1;  // two CPUs this process may use, if it has two
  for (int c = 0; c < static_cast<int>(kCpuMaskWords * 64) && second < 0; ++c)
    if (has(start, c)) (first < 0 ? first : second) = c;
  // Bound to one core, as mpirun --bind-to core leaves a rank.
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(first, &one);
  REQUIRE(::sched_setaffinity(0, sizeof one, &one) == 0);
  REQUIRE(cpu_count(current_cpu_mask()) == 1);
  // Nothing to add: unchanged (in particular not widened to the whole machine).
  CHECK(widen_cpu_affinity({}) == 1);
  CHECK(widen_cpu_affinity(CpuMask(kCpuMaskWords, 0)) == 1);
  if (second < 0) {
    WARN("one CPU allowed here: adding a second is not checked");
    CHECK(widen_cpu_affinity(only(first)) == 1);
    return;
  }
  // A sibling rank's core: both, and exactly these two.
  CHECK(widen_cpu_affinity(only(second)) == 2);
  const CpuMask now = current_cpu_mask();
  CHECK(has(now, first));
  CHECK(has(now, second));
  int in_thread = 0;
  std::thread([&] { in_thread = cpu_count(current_cpu_mask()); }).join();
  CHECK(in_thread == 2);
  // Adding the first again narrows nothing.
  CHECK(widen_cpu_affinity(only(first)) == 2);
}

TEST_CASE("node_sibling_cpus: a single rank has no siblings", "[scan][merge]") {
  Communicator& c = scan_test::null_communicator();
  REQUIRE(c.size() == 1);
  CHECK(node_sibling_cpus(c).empty());
}
