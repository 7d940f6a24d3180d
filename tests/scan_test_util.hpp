// Helpers for the in-process scan tests (scheduler, merge, result writer): a small real job read
// through the public job reader, the null-mode communicator, a scan driven like `alpscan run` does
// it, the merged result of that scan, and the reference evaluation of an experiment point by point.
// Only direct_signal() touches the Experiment evaluation interface, so an interface change is one
// edit here.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/io/ExperimentCatalog.hpp"
#include "alpscan/io/CheckpointFormatJson.hpp"
#include "alpscan/io/JobSpecIO.hpp"
#include "alpscan/maps/MergedResult.hpp"
#include "alpscan/scan/Checkpoint.hpp"
#include "alpscan/scan/Communicator.hpp"
#include "alpscan/scan/ParameterSpace.hpp"
#include "alpscan/scan/Scheduler.hpp"
#include "alpscan/scan/WorkPlan.hpp"
#include "temp_dir.hpp"

namespace scan_test {

namespace fs = std::filesystem;

using TempDir = ::TempDir;

// The communicator of a process started without a launcher. The launcher variables are cleared first
// so that running the test binary inside an MPI or SLURM step still tests null mode.
inline alpscan::Communicator& null_communicator() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE", "SLURM_STEP_ID"}) ::unsetenv(v);
  static int argc = 1;
  static char name[] = "alpscan_tests";
  static char* args[] = {name, nullptr};
  static char** argv = args;
  return alpscan::Communicator::init(argc, argv);
}

// Reads a job given as JSON text (written to dir/job.json) with "output" = dir/out. The text must not
// set "output" itself.
inline alpscan::JobSpec read_job_text(const std::string& dir, std::string json_text) {
  const std::string out = dir + "/out";
  const auto brace = json_text.find('{');
  json_text.insert(brace + 1, "\"output\": \"" + out + "\", ");
  const std::string path = dir + "/job.json";
  std::ofstream(path) << json_text;
  alpscan::Diagnostics d;
  alpscan::JobSpec job = alpscan::read_job(path, d);
  INFO(d.format());
  REQUIRE(d.empty());
  return job;
}

// The job's experiments, built once from their data files as `alpscan run` does.
inline std::vector<alpscan::ExperimentPtr> build_experiments(const alpscan::JobSpec& job) {
  std::vector<alpscan::ExperimentPtr> out;
  for (const auto& r : job.experiments) out.push_back(alpscan::make_experiment(r));
  return out;
}
inline std::vector<alpscan::ExperimentInfo> infos_of(const alpscan::JobSpec& job) {
  std::vector<alpscan::ExperimentInfo> out;
  for (const auto& e : build_experiments(job)) out.push_back(e->info());
  return out;
}

// The work plan exactly as `alpscan run` builds it: each experiment's sub-grid over the axes its
// data file declares, one value per point per analysis bin.
inline alpscan::WorkPlan plan_for(const alpscan::JobSpec& job, const alpscan::ParameterSpace& space) {
  std::vector<std::vector<alpscan::Axis>> axes;
  std::vector<std::size_t> widths;
  for (const auto& r : job.experiments) {
    const alpscan::ExperimentPtr e = alpscan::make_experiment(r);
    axes.push_back(e->info().axes);
    widths.push_back(alpscan::values_per_point(e->info()));
  }
  return alpscan::make_work_plan(space, axes, job.chunk_size, widths);
}

// Quiet logging inside a scope (the scheduler logs progress at info level).
class QuietLog {
 public:
  QuietLog() : level_(spdlog::default_logger()->level()) { spdlog::set_level(spdlog::level::warn); }
  ~QuietLog() { spdlog::set_level(level_); }

 private:
  spdlog::level::level_enum level_;
};

// One `alpscan run` on one process: open (or resume) the checkpoint, schedule, sync.
inline alpscan::RunOutcome run_scan(const alpscan::JobSpec& job, const alpscan::ParameterSpace& space,
                                    const alpscan::WorkPlan& plan, std::size_t max_units = 0) {
  QuietLog quiet;
  alpscan::Checkpoint ckpt(job.output_dir, 0, plan, false, alpscan::checkpoint_format_json());
  alpscan::SchedulerOptions opts;
  opts.max_units = max_units;
  opts.progress_interval_s = 1e9;
  alpscan::Scheduler sched(null_communicator(), job, build_experiments(job), space, plan, &ckpt, opts);
  return sched.run();
}

// The reference: the experiment of request r, prepared for the job's mass range, evaluated at
// every point of its sub-grid in order, by a plain loop (no scheduler, no checkpoint).
inline double direct_signal(alpscan::Experiment& e, const alpscan::AlpPoint& p) { return e.expected_signal(p); }

inline std::vector<double> direct_loop(const alpscan::ExperimentRequest& r, const alpscan::ParameterSpace& space,
                                       const alpscan::SubGrid& grid) {
  const alpscan::ExperimentPtr e = alpscan::make_experiment(r);
  alpscan::PrepareContext ctx;
  ctx.m_a_min = space.values(alpscan::Axis::m_a).front() * alpscan::axis_to_internal(alpscan::Axis::m_a);
  ctx.m_a_max = space.values(alpscan::Axis::m_a).back() * alpscan::axis_to_internal(alpscan::Axis::m_a);
  e->prepare(ctx);
  std::vector<double> s(grid.size);
  for (std::size_t i = 0; i < grid.size; ++i) s[i] = direct_signal(*e, space.point(grid, i));
  return s;
}

// The small job below scanned to completion in a fresh directory and merged, as `alpscan run` does:
// the common set-up of the merge and result-writer tests.
struct MergedScan {
  TempDir dir;
  alpscan::JobSpec job;
  std::unique_ptr<alpscan::ParameterSpace> space;
  alpscan::WorkPlan plan;
  alpscan::MergedResult r;
  explicit MergedScan(const std::string& tag, const char* job_text);
};

// A small real job (no fake experiment can be injected: the scheduler builds experiments from their
// data files). E137 has n = b = 0 (closed-form statistics), the colliders cost nothing to prepare,
// belle2_3gamma_50ab is a projection (kind) and passat_nomad does not use g_ae (a smaller sub-grid,
// projected onto the full grid by the merge). 9 x 13 x 2 points, chunks of 16.
inline const char* kSmallJob = R"({"format": "alpscan-job/1", "name": "unit_scan",
  "parameters": {"m_a": {"scale": "log", "min": 1e6, "max": 1e10, "points": 9},
                 "g_agg": {"scale": "log", "min": 1e-8, "max": 1e-2, "points": 13},
                 "g_ae": {"values": [0, 1e-7]}},
  "experiments": ["e137", "belle2_3gamma", "belle2_3gamma_50ab", "passat_nomad"],
  "confidence_level": 0.95, "chunk_size": 16,
  "planes": [{"x": "m_a", "y": "g_agg", "slice": {"g_ae": 0}}, {"x": "m_a", "y": "g_agg"}]})";


inline MergedScan::MergedScan(const std::string& tag, const char* job_text) : dir(tag) {
  job = read_job_text(dir.path(), job_text);
  space = std::make_unique<alpscan::ParameterSpace>(job);
  plan = plan_for(job, *space);
  REQUIRE(run_scan(job, *space, plan).complete);
  alpscan::Checkpoint ckpt(job.output_dir, 0, plan, false, alpscan::checkpoint_format_json());
  r = alpscan::merge_results(job, infos_of(job), *space, plan, ckpt);
}

}  // namespace scan_test
