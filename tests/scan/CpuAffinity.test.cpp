// Rank 0's merge may use every CPU the machine allows, whatever core mpirun bound the rank to.
#include <catch2/catch.hpp>

#include <sched.h>
#include <unistd.h>

#include <thread>

#include "alpscan/scan/CpuAffinity.hpp"

using namespace alpscan;

TEST_CASE("widen_cpu_affinity undoes a one-core binding, for the thread and the threads it starts", "[scan][merge]") {
  const int before = allowed_cpus();
  REQUIRE(before >= 1);
  // Bind this thread to its first allowed CPU, as mpirun --bind-to core does.
  cpu_set_t one;
  CPU_ZERO(&one);
  REQUIRE(::sched_getaffinity(0, sizeof one, &one) == 0);
  int first = 0;
  while (!CPU_ISSET(first, &one)) ++first;
  CPU_ZERO(&one);
  CPU_SET(first, &one);
  REQUIRE(::sched_setaffinity(0, sizeof one, &one) == 0);
  CHECK(allowed_cpus() == 1);
  const int after = widen_cpu_affinity();
  CHECK(after >= before);  // every CPU the process had, at least (the cpuset may allow more than it had)
  CHECK(after == allowed_cpus());
  int in_thread = 0;
  std::thread([&] { in_thread = allowed_cpus(); }).join();
  CHECK(in_thread == after);  // inherited by threads started afterwards
  if (before == 1) WARN("one CPU allowed here: the widening is checked only to keep that one");
}
