// Dynamic distribution of work units over the ranks, with checkpointing.
//
// Rank 0 owns the checkpoint manifest and hands out units on request. Its main thread is the
// dispatcher (it sleeps between polls, so it costs no core) and a second thread evaluates units
// like any worker: on a 2-core machine no rank sits idle as a pure dispatcher, and requests are
// answered at once even while rank 0's own compute is inside a long prepare(). Protocol (int64 triples):
//   worker -> 0  kTagRequest {finished unit or -1, crc32, interrupted?, compute us, prepare us}
//   0 -> worker  kTagAssign  {unit, 0, 0} or {-1 = no more work | -2 = stop, 0, 0}
// Each worker keeps two requests open (prefetch), so it has its next unit queued while rank 0 is
// busy. Workers write their unit files themselves (shared file system; on a background UnitWriter
// thread, so computing never waits for fsync), then report; rank 0 appends the manifest entry. Results never depend on which rank computed a unit.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/scan/JobSpec.hpp"
#include "alpscan/scan/Checkpoint.hpp"
#include "alpscan/scan/Communicator.hpp"
#include "alpscan/scan/ParameterSpace.hpp"
#include "alpscan/scan/RankActivity.hpp"
#include "alpscan/scan/WorkPlan.hpp"

namespace alpscan {

struct SchedulerOptions {
  std::size_t max_units = 0;          // stop after this many units in this invocation (0: no limit)
  double progress_interval_s = 5.0;   // seconds between progress log lines
  std::uint64_t identity = 0;         // the run's (scan/RunIdentity): stamped into unit and prepared-table files
};

struct RunOutcome {
  bool complete = false;        // every unit is durable
  bool interrupted = false;     // stopped by a signal or max_units
  std::size_t units_done = 0;   // durable units now (rank 0)
  std::size_t units_computed = 0;  // units computed in this invocation, all ranks (rank 0)
  double prepare_seconds = 0;   // this rank's prepare() time
};

class Scheduler {
 public:
  // `experiments`: the job's experiments in job order, built once by the caller (io/ExperimentCatalog).
  Scheduler(Communicator& comm, const JobSpec& job, std::vector<ExperimentPtr> experiments,
            const ParameterSpace& space, const WorkPlan& plan,
            Checkpoint* checkpoint /* rank 0 only */, SchedulerOptions opts);
  // Computes every unit of the plan not yet durable. May be called again after the plan has grown
  // (adaptive refinement: one call per batch); prepared experiments stay prepared.
  RunOutcome run();

 private:
  void start_run();
  bool evaluate_unit(int unit, std::vector<double>& out);
  void run_dispatcher_with_local_worker();
  void note_costs(int unit, double compute_s, double prepare_s);
  void handle_request(int src, const long long* msg);
  int next_unit(int rank);
  void log_progress(bool force);
  void note_done(int rank, int unit, double compute_s, double prepare_s);
  void note_refused(int rank);
  Experiment& experiment(int e);

  Communicator& comm_;
  const JobSpec& job_;
  const ParameterSpace& space_;
  const WorkPlan& plan_;
  Checkpoint* ckpt_;
  SchedulerOptions opts_;
  std::vector<ExperimentPtr> experiments_;
  std::vector<bool> prepared_;
  // rank 0 state
  std::vector<char> assigned_;
  std::vector<std::vector<int>> exp_units_;  // unit ids per experiment, in order
  std::vector<std::size_t> exp_cursor_;       // first possibly unassigned entry of exp_units_[e]
  std::vector<char> started_;                 // some rank has been given this experiment
  std::vector<std::vector<char>> rank_has_;   // [rank][experiment]: rank has prepared it
  std::vector<int> current_;                  // [rank]: experiment of its current unit, -1 none
  std::vector<int> on_;                       // [experiment]: ranks currently on it
  std::vector<double> prep_s_, point_s_;      // measured prepare time and cost per point, -1 unknown
  bool stopping_ = false;
  int open_chains_ = 0;  // worker request chains not yet ended by a negative reply
  std::size_t computed_ = 0, handed_out_ = 0, points_done_ = 0, points_at_start_ = 0;  // handed_out_: all runs (max_units)
  double t_start_ = 0, t_last_log_ = 0;
  double prepare_s_ = 0;
  long delay_us_ = 0;
  int runs_ = 0;  // run() calls so far
  RankActivity activity_;  // rank 0: what each rank did in this run, logged at its end
};

}  // namespace alpscan
