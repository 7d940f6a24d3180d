// The communicator without a launcher (plain `alpscan run job.json`, every test): one process of
// rank 0, MPI never initialised, and every collective the scheduler and main() use is the identity.
#include <catch2/catch.hpp>

#include <stdexcept>

#include <climits>

#include "alpscan/scan/Communicator.hpp"
#include "scan_test_util.hpp"

using namespace alpscan;

TEST_CASE("communicator null mode: one process, rank 0, collectives are identities", "[scan][communicator]") {
  Communicator& c = scan_test::null_communicator();
  CHECK(c.null_mode());
  CHECK(c.rank() == 0);
  CHECK(c.size() == 1);
  // init() once per process: a second call and get() return the same object, still in null mode.
  int argc = 0;
  char** argv = nullptr;
  CHECK(&Communicator::init(argc, argv) == &c);
  CHECK(&Communicator::get() == &c);
  CHECK(c.null_mode());
  // broadcast from the only rank and the maximum over one rank return the value given, for any value.
  for (long long v : {0LL, 1LL, -1LL, 75LL, LLONG_MAX, LLONG_MIN}) {
    CHECK(c.broadcast(v, 0) == v);
    CHECK(c.max(v) == v);
  }
  c.barrier();  // returns at once: nobody to wait for
  // No other rank can have sent anything: the dispatcher's poll finds nothing.
  for (int tag : {0, 11, 12}) CHECK_FALSE(c.probe(tag));
  // Point-to-point messages need another process: a clear error, not a crash.
  long long v = 0;
  CHECK_THROWS_AS(c.send(0, 1, &v, 1), std::logic_error);
  CHECK_THROWS_AS(c.recv(0, 1, &v, 1), std::logic_error);
  CHECK_THROWS_AS(c.recv_any(1, &v, 1), std::logic_error);
}
