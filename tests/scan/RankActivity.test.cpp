// scan/RankActivity: the per-rank record rank 0 keeps during a run (the figures the scaling benchmark
// and tests/integration/test_no_idle_ranks.sh read from the log), checked on a hand-made history.
#include <catch2/catch.hpp>

#include <string>

#include "alpscan/scan/RankActivity.hpp"

using namespace alpscan;

TEST_CASE("rank activity: per-rank totals, last unit, first refusal and idle tail", "[scan][rank_activity]") {
  RankActivity a(2, 100.0);  // two ranks, run started at t = 100 s
  a.given(0, 100.0);
  a.given(1, 100.5);
  a.finished(0, 20, 0.9, 0.1, 101.0);  // 1.0 s busy, of which 0.1 s prepare
  a.given(0, 101.0);
  a.finished(1, 20, 1.0, 0.0, 101.5);
  a.finished(0, 10, 0.5, 0.0, 102.0);
  a.refused(1, 101.5, 3);  // told "no more work" while 3 units were unassigned
  a.refused(1, 102.0, 0);  // its second chain: only the first refusal counts
  a.refused(0, 102.0, 0);
  a.served(2e-6);
  a.served(4e-6);

  const auto& r = a.ranks();
  REQUIRE(r.size() == 2);
  CHECK(r[0].units == 2);
  CHECK(r[0].points == 30);
  CHECK(r[0].busy_s == Approx(1.5));
  CHECK(r[0].prepare_s == Approx(0.1));
  CHECK(r[0].last_given == Approx(1.0));
  CHECK(r[0].last_done == Approx(2.0));
  CHECK(r[1].refused == Approx(1.5));
  CHECK(r[1].unassigned_at_refusal == 3);
  CHECK(a.last_handout() == Approx(1.0));
  CHECK(a.requests() == 2);
  CHECK(a.service_s() == Approx(6e-6));

  // Run ends at 102.5 s: rank 1's last unit was done at 1.5 s, an idle tail of 1.0 s.
  const std::string line = a.rank_line(1, 102.5);
  CHECK(line.find("idle tail 1.000 s") != std::string::npos);
  CHECK(line.find("with 3 units unassigned") != std::string::npos);
  const std::string sum = a.summary(102.5);
  CHECK(sum.find("50 points in 3 units (1-2 per rank)") != std::string::npos);
  CHECK(sum.find("longest idle tail 1.000 s") != std::string::npos);
  CHECK(sum.find("dispatcher: 2 requests, 3.00 us each") != std::string::npos);
  // compute seconds per point, prepare apart: (2.5 - 0.1) s / 50 points = 48 ms
  CHECK(sum.find("48000.000 us/point without it") != std::string::npos);
}
