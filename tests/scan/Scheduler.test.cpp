// The scheduler on one process (null-mode communicator) with a small real job: the plan tiles every
// experiment's sub-grid once; a run computes every chunk exactly once and its values are those of a
// plain loop over the same experiment; --max-chunks N stops after N chunks and the run resumes from
// there, never recomputing a finished chunk, to the same values.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alpscan/scan/Checkpoint.hpp"
#include "alpscan/scan/ParameterSpace.hpp"
#include "alpscan/scan/Scheduler.hpp"
#include "scan_test_util.hpp"

using namespace alpscan;
using scan_test::TempDir;

namespace {

// Unit ids of the manifest lines, in order (torn lines would be skipped; there are none here).
std::vector<int> manifest_units(const std::string& out) {
  std::vector<int> u;
  std::ifstream in(Checkpoint::dir(out) + "/manifest.jsonl");
  std::string line;
  while (std::getline(in, line)) u.push_back(nlohmann::json::parse(line).at("unit").get<int>());
  return u;
}

// Inode of each finished unit's file: a unit written again gets a new inode (tmp + rename).
std::map<int, ino_t> unit_inodes(const std::string& out, const WorkPlan& plan) {
  std::map<int, ino_t> m;
  for (std::size_t u = 0; u < plan.units.size(); ++u) {
    struct stat st;
    if (::stat((Checkpoint::dir(out) + "/u" + std::to_string(u) + ".bin").c_str(), &st) == 0) m[int(u)] = st.st_ino;
  }
  return m;
}

std::size_t done_count(const std::string& out, const WorkPlan& plan) {
  Checkpoint c(out, 0, plan, false, checkpoint_format_json());
  return c.done_count();
}

}  // namespace

TEST_CASE("scheduler: the plan tiles each experiment's sub-grid once", "[scan][scheduler]") {
  TempDir dir("sched-plan");
  const JobSpec job = scan_test::read_job_text(dir.path(), scan_test::kSmallJob);
  const ParameterSpace space(job);
  const WorkPlan plan = scan_test::plan_for(job, space);
  REQUIRE(plan.grids.size() == 4);
  CHECK(plan.grids[0].size == 9 * 13 * 2);  // e137: m_a, g_agg, g_ae
  CHECK(plan.grids[3].size == 9 * 13);      // passat_nomad: no g_ae
  std::size_t total = 0;
  for (std::size_t e = 0; e < plan.grids.size(); ++e) {
    std::vector<std::pair<std::size_t, std::size_t>> r;
    for (const auto& u : plan.units)
      if (u.experiment == int(e)) r.emplace_back(u.begin, u.count);
    std::sort(r.begin(), r.end());
    std::size_t next = 0;
    for (const auto& [b, n] : r) {
      CHECK(b == next);  // no gap, no overlap
      CHECK(n >= 1);
      CHECK(n <= job.chunk_size);
      next = b + n;
    }
    CHECK(next == plan.grids[e].size);
    total += plan.grids[e].size;
  }
  CHECK(plan.total_points == total);
}

TEST_CASE("scheduler: one process computes every chunk once, equal to a plain loop", "[scan][scheduler]") {
  TempDir dir("sched-full");
  const JobSpec job = scan_test::read_job_text(dir.path(), scan_test::kSmallJob);
  const ParameterSpace space(job);
  const WorkPlan plan = scan_test::plan_for(job, space);
  const RunOutcome out = scan_test::run_scan(job, space, plan);
  CHECK(out.complete);
  CHECK_FALSE(out.interrupted);
  CHECK(out.units_done == plan.units.size());
  CHECK(out.units_computed == plan.units.size());

  std::vector<int> m = manifest_units(job.output_dir);
  std::sort(m.begin(), m.end());
  REQUIRE(m.size() == plan.units.size());  // one manifest line per chunk: none computed twice
  for (std::size_t u = 0; u < m.size(); ++u) CHECK(m[u] == int(u));

  Checkpoint ckpt(job.output_dir, 0, plan, false, checkpoint_format_json());
  for (std::size_t e = 0; e < job.experiments.size(); ++e) {
    INFO(job.experiments[e].name);
    const std::vector<double> ref = scan_test::direct_loop(job.experiments[e], space, plan.grids[e]);
    std::size_t nonzero = 0;
    for (std::size_t u = 0; u < plan.units.size(); ++u) {
      const WorkUnit& w = plan.units[u];
      if (w.experiment != int(e)) continue;
      const std::vector<double> v = ckpt.read_unit(int(u));
      REQUIRE(v.size() == w.count);
      for (std::size_t i = 0; i < w.count; ++i) {
        CHECK(v[i] == ref[w.begin + i]);  // bit for bit: the same arithmetic in the same order
        nonzero += v[i] > 0;
      }
    }
    CHECK(nonzero > 0);  // the comparison is not between zeros only
  }
}

TEST_CASE("scheduler: --max-chunks stops after N chunks; resume skips finished chunks", "[scan][scheduler]") {
  TempDir dir("sched-resume");
  const JobSpec job = scan_test::read_job_text(dir.path(), scan_test::kSmallJob);
  const ParameterSpace space(job);
  const WorkPlan plan = scan_test::plan_for(job, space);
  const std::size_t n = plan.units.size();
  REQUIRE(n > 10);

  RunOutcome a = scan_test::run_scan(job, space, plan, 3);
  CHECK_FALSE(a.complete);
  CHECK(a.interrupted);
  CHECK(a.units_computed == 3);
  CHECK(a.units_done == 3);
  CHECK(done_count(job.output_dir, plan) == 3);  // durable, as a new process sees it
  const auto first = unit_inodes(job.output_dir, plan);
  CHECK(first.size() == 3);

  RunOutcome b = scan_test::run_scan(job, space, plan, 4);
  CHECK_FALSE(b.complete);
  CHECK(b.units_computed == 4);
  CHECK(b.units_done == 7);

  RunOutcome c = scan_test::run_scan(job, space, plan);
  CHECK(c.complete);
  CHECK_FALSE(c.interrupted);
  CHECK(c.units_computed == n - 7);
  CHECK(c.units_done == n);
  // The chunks of the first run were not written again.
  const auto last = unit_inodes(job.output_dir, plan);
  for (const auto& [u, ino] : first) CHECK(last.at(u) == ino);
  std::vector<int> m = manifest_units(job.output_dir);
  CHECK(m.size() == n);
  std::sort(m.begin(), m.end());
  CHECK(std::adjacent_find(m.begin(), m.end()) == m.end());

  // A complete checkpoint: nothing left to compute.
  RunOutcome d = scan_test::run_scan(job, space, plan);
  CHECK(d.complete);
  CHECK(d.units_computed == 0);

  // The interrupted and resumed run holds the values of an uninterrupted one.
  TempDir ref_dir("sched-ref");
  const JobSpec ref_job = scan_test::read_job_text(ref_dir.path(), scan_test::kSmallJob);
  REQUIRE(scan_test::run_scan(ref_job, space, plan).complete);
  Checkpoint resumed(job.output_dir, 0, plan, false, checkpoint_format_json()), straight(ref_job.output_dir, 0, plan, false, checkpoint_format_json());
  for (std::size_t u = 0; u < n; ++u) CHECK(resumed.read_unit(int(u)) == straight.read_unit(int(u)));
}

TEST_CASE("scheduler: the job's model options reach every experiment (electron_loop)", "[scan][scheduler]") {
  // g_agg = 0: with electron_loop = off the three-photon collider sees no photon coupling at all; with
  // "add" it sees |delta g(g_ae)| (model/AlpModel). The scheduler must hand the job's options to the model.
  TempDir dir("sched-model");
  const JobSpec job = scan_test::read_job_text(dir.path(), R"({"format": "alpscan-job/1", "name": "loop",
    "parameters": {"m_a": {"scale": "log", "min": 3e8, "max": 5e9, "points": 4},
                   "g_ae": {"scale": "log", "min": 1e-6, "max": 1e-3, "points": 4}, "g_agg": 0},
    "experiments": ["belle2_3gamma"], "model": {"electron_loop": "add"}, "chunk_size": 8})");
  REQUIRE(job.model.electron_loop == model::ModelOptions::ElectronLoop::add);
  const ParameterSpace space(job);
  const WorkPlan plan = scan_test::plan_for(job, space);
  REQUIRE(scan_test::run_scan(job, space, plan).complete);
  Checkpoint ckpt(job.output_dir, 0, plan, false, checkpoint_format_json());
  const ExperimentPtr e = make_experiment(job.experiments[0]);
  std::size_t nonzero = 0;
  for (std::size_t u = 0; u < plan.units.size(); ++u) {
    const WorkUnit& w = plan.units[u];
    const std::vector<double> v = ckpt.read_unit(int(u));
    for (std::size_t i = 0; i < w.count; ++i) {
      const AlpPoint p = space.point(plan.grids[0], w.begin + i);
      CHECK(v[i] == e->expected_signal(model::AlpModel(p, job.model)));
      CHECK(e->expected_signal(model::AlpModel(p)) == 0.0);  // off: no photon coupling
      nonzero += v[i] > 0;
    }
  }
  CHECK(nonzero > 0);
}
