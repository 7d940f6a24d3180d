// maps/RefinedMaps: an adaptive scan driven in-process batch by batch, as `alpscan run` drives it,
// against the same job on the full grid (three scanned axes, an experiment on a sub-grid), and its
// replay from the checkpoint.
#include <catch2/catch.hpp>

#include "alpscan/maps/RefinedMaps.hpp"
#include "alpscan/scan/Refinement.hpp"
#include "scan_test_util.hpp"

using namespace alpscan;

namespace {

// The small job of scan_test_util on a finer (m_a, g_agg) grid, with or without refinement.
std::string job_text(bool refined) {
  std::string t = R"({"format": "alpscan-job/1", "name": "unit_refined",
  "parameters": {"m_a": {"scale": "log", "min": 1e6, "max": 1e10, "points": 41},
                 "g_agg": {"scale": "log", "min": 1e-8, "max": 1e-2, "points": 49},
                 "g_ae": {"values": [0, 1e-7]}},
  "experiments": ["e137", "belle2_3gamma", "passat_nomad"],
  "confidence_level": 0.95, "chunk_size": 64)";
  return t + (refined ? R"(, "refinement": {"coarse_step": 8}})" : "}");
}

struct RefinedRun {
  std::size_t batches = 0, units_computed = 0;
  MergedResult merged;
};

// Batches until the maps are decided, each scheduled and checkpointed like a run.
RefinedRun run_refined(const JobSpec& job, const ParameterSpace& space, WorkPlan& plan) {
  scan_test::QuietLog quiet;
  Checkpoint ckpt(job.output_dir, 0, plan, false, checkpoint_format_json());
  SchedulerOptions opts;
  opts.progress_interval_s = 1e9;
  Scheduler sched(scan_test::null_communicator(), job, scan_test::build_experiments(job), space, plan, &ckpt, opts);
  RefinementState state(job, scan_test::infos_of(job), space, plan);
  RefinedRun r;
  while (true) {
    const RunOutcome out = sched.run();
    REQUIRE(out.complete);
    r.units_computed += out.units_computed;
    const auto next = state.next_batch(plan, ckpt);
    if (append_batch(plan, next) == 0) break;
    ckpt.plan_grown();
    REQUIRE(++r.batches < 40);
  }
  r.merged = merge_results(job, scan_test::infos_of(job), space, plan, ckpt);
  return r;
}

}  // namespace

TEST_CASE("refined maps equal the full grid's; the replay from the checkpoint computes nothing", "[refinement][merge]") {
  scan_test::TempDir full_dir("refined_full"), dir("refined");
  const JobSpec full_job = scan_test::read_job_text(full_dir.path(), job_text(false));
  const JobSpec job = scan_test::read_job_text(dir.path(), job_text(true));
  const ParameterSpace space(job);
  const WorkPlan full_plan = scan_test::plan_for(full_job, space);
  REQUIRE(scan_test::run_scan(full_job, space, full_plan).complete);
  Checkpoint full_ckpt(full_job.output_dir, 0, full_plan, false, checkpoint_format_json());
  const MergedResult full = merge_results(full_job, scan_test::infos_of(full_job), space, full_plan, full_ckpt);

  auto refined_plan = [&] {
    std::vector<std::vector<Axis>> axes;
    for (const auto& i : scan_test::infos_of(job)) axes.push_back(i.axes);
    return make_work_plan(space, axes, job.chunk_size, {}, job.refinement_step);
  };
  WorkPlan plan = refined_plan();
  const RefinedRun first = run_refined(job, space, plan);
  CHECK(first.batches >= 3);
  const MergedResult& r = first.merged;

  std::size_t evaluated = 0, grid = 0;
  for (std::size_t e = 0; e < r.experiments.size(); ++e) {
    const ExperimentResult &x = r.experiments[e], &y = full.experiments[e];
    INFO(x.info.name);
    CHECK(x.excluded == y.excluded);
    for (std::size_t i = 0; i < x.grid.size; ++i) {
      if (!x.inferred(i)) {  // evaluated points are exact: the same numbers as the full grid's
        CHECK(x.signal[i] == y.signal[i]);
        CHECK(x.test_statistic[i] == y.test_statistic[i]);
      }
      CHECK((x.margin(i) >= 0) == (y.margin(i) >= 0));  // an inferred margin keeps its sign
      evaluated += !x.inferred(i);
    }
    grid += x.grid.size;
  }
  CHECK(r.excluded_any == full.excluded_any);
  CHECK(r.combined_excluded == full.combined_excluded);
  CHECK(r.experiments[2].grid.size < r.experiments[0].grid.size);  // passat_nomad: (m_a, g_agg) only
  CHECK(2 * evaluated < grid);
  CHECK(plan.total_points == evaluated);

  // A resumed run starts from the coarse plan and replays every batch from the checkpoint.
  WorkPlan replay = refined_plan();
  const RefinedRun again = run_refined(job, space, replay);
  CHECK(again.units_computed == 0);
  CHECK(again.batches == first.batches);
  CHECK(replay.order == plan.order);
}
