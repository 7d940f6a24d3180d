// The output lock (io/OutputLock): one holder at a time (flock locks belong to the open file, so a second
// OutputLock in the same process conflicts like another process would), the refusal names the holder,
// a clean release empties the record, and a record left under a free lock is reported as a crashed holder.
// tests/integration/test_output_lock.sh checks the same between processes and under mpirun.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <memory>
#include <string>

#include "alpscan/io/OutputLock.hpp"
#include "temp_dir.hpp"

using namespace alpscan;

TEST_CASE("OutputLock: a second holder is refused with the first one's pid and command", "[io][lock]") {
  TempDir t("lock");
  const std::string out = t.path() + "/out";  // created by the lock
  auto first = std::make_unique<OutputLock>(out, "alpscan run first.json");
  CHECK_FALSE(first->crashed_holder());
  const auto h = OutputLock::holder(out);
  REQUIRE(h);
  CHECK(h->pid == ::getpid());
  CHECK(h->command == "alpscan run first.json");
  try {
    OutputLock second(out, "alpscan run second.json");
    FAIL("the second lock was granted");
  } catch (const OutputLocked& e) {
    const std::string what = e.what();
    CHECK(what.find("pid " + std::to_string(::getpid())) != std::string::npos);
    CHECK(what.find("alpscan run first.json") != std::string::npos);
    REQUIRE(e.holder());
    CHECK(e.holder()->command == "alpscan run first.json");
  }
  first.reset();  // a clean release: free, and nothing reported as crashed
  CHECK_FALSE(OutputLock::holder(out));
  OutputLock again(out, "alpscan run again.json");
  CHECK_FALSE(again.crashed_holder());
}

TEST_CASE("OutputLock: a record under a free lock is a holder that crashed", "[io][lock]") {
  TempDir t("lock");
  std::ofstream(OutputLock::path(t.path())) << R"({"host":"node7","pid":4242,"started":"2026-01-01T00:00:00Z",)"
                                            << R"("command":"alpscan run old.json"})" << "\n";
  CHECK_FALSE(OutputLock::holder(t.path()));  // nobody holds it: the kernel released it with its holder
  OutputLock lock(t.path(), "alpscan run new.json");
  REQUIRE(lock.crashed_holder());
  CHECK(lock.crashed_holder()->pid == 4242);
  CHECK(lock.crashed_holder()->describe().find("node7") != std::string::npos);
}

TEST_CASE("OutputLock: the probe says free, held, or unknown where flock is unsupported", "[io][lock]") {
  TempDir t("lock");
  CHECK(OutputLock::probe(t.path()) == LockProbe::free);  // no lock file
  {
    OutputLock lock(t.path(), "alpscan run probe.json");
    std::optional<LockHolder> h;
    CHECK(OutputLock::probe(t.path(), &h) == LockProbe::held);
    REQUIRE(h);
    CHECK(h->command == "alpscan run probe.json");
  }
  CHECK(OutputLock::probe(t.path()) == LockProbe::free);  // released
  // A file system without flock (ENOLCK/EOPNOTSUPP) must not read as a free lock.
  CHECK(probe_from_flock_errno(EWOULDBLOCK) == LockProbe::held);
  CHECK(probe_from_flock_errno(ENOLCK) == LockProbe::unknown);
  CHECK(probe_from_flock_errno(EOPNOTSUPP) == LockProbe::unknown);
}
