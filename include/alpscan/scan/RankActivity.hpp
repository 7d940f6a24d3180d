// What each rank did during one Scheduler::run(), as rank 0 saw it: units handed out and reported
// durable, busy seconds (the ranks' own compute + prepare times of their units), when each rank was
// last given a unit, when it was first told "no more work" and how many units were still unassigned
// then, and the dispatcher's service time per request. Rank 0 logs it at the end of the run (one info
// line; one debug line per rank): the figures of the scaling model (README "Scaling model",
// bench/bench_scaling.sh) and of the check that no rank idles while work remains
// (tests/integration/test_no_idle_ranks.sh). Times are seconds since the run started.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace alpscan {

class RankActivity {
 public:
  struct Rank {
    std::size_t units = 0, points = 0;  // units (points) this rank computed and rank 0 recorded
    double busy_s = 0;                  // their compute + prepare seconds, measured by the rank
    double prepare_s = 0;               // the prepare (or table loading) part of busy_s
    double last_given = -1;             // when this rank was last handed a unit (-1: never)
    double last_done = -1;              // when rank 0 recorded this rank's last unit (-1: none)
    double refused = -1;                // first "no more work" (or stop) reply to it (-1: none)
    std::size_t unassigned_at_refusal = 0;  // units nobody had been given at that moment
  };

  RankActivity() = default;
  RankActivity(int ranks, double t_start);

  void given(int rank, double t);
  void finished(int rank, std::size_t points, double compute_s, double prepare_s, double t);
  void refused(int rank, double t, std::size_t unassigned);  // only the first refusal counts
  void served(double seconds);  // the dispatcher spent this long receiving and answering one request

  const std::vector<Rank>& ranks() const { return ranks_; }
  double last_handout() const { return last_handout_; }  // when the last unit was handed out
  std::size_t requests() const { return requests_; }
  double service_s() const { return service_s_; }  // summed over requests

  std::string summary(double t_end) const;             // one line: totals and spreads over the ranks
  std::string rank_line(int rank, double t_end) const;  // one rank's figures
  void log(double t_end, bool summary_at_info = true) const;  // summary at info (or debug), each rank's line at debug

 private:
  double t0_ = 0, last_handout_ = -1, service_s_ = 0;
  std::size_t requests_ = 0;
  std::vector<Rank> ranks_;
};

}  // namespace alpscan
