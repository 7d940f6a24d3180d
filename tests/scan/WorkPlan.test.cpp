// scan/WorkPlan: full-grid plans cut every sub-grid into chunks; adaptive plans start with each
// experiment's coarse lattice (its step capped by the experiment's maximum) and grow by batches.
#include <catch2/catch.hpp>

#include "alpscan/scan/Refinement.hpp"
#include "alpscan/scan/WorkPlan.hpp"
#include "scan_test_util.hpp"

using namespace alpscan;

namespace {
const char* kJob = R"({"format": "alpscan-job/1", "name": "plan",
  "parameters": {"m_a": {"scale": "log", "min": 1e6, "max": 1e10, "points": 33},
                 "g_agg": {"scale": "log", "min": 1e-8, "max": 1e-2, "points": 17}},
  "experiments": ["belle2_3gamma"], "chunk_size": 10})";
}

TEST_CASE("adaptive plans: coarse lattice per experiment, a capped step, batches appended after the units", "[refinement]") {
  scan_test::TempDir dir("workplan");
  const JobSpec job = scan_test::read_job_text(dir.path(), kJob);
  const ParameterSpace space(job);
  const std::vector<std::vector<Axis>> axes = {{Axis::m_a, Axis::g_agg}, {Axis::m_a, Axis::g_agg}};
  const WorkPlan full = make_work_plan(space, axes, 10);
  CHECK_FALSE(full.refined());
  CHECK(full.total_points == 2 * 33 * 17);
  CHECK(full.units.size() == 2 * 57);  // 561 points in chunks of 10
  CHECK(full.index(0, 123) == 123);

  WorkPlan plan = make_work_plan(space, axes, 10, {}, 8, {0, 2});  // the second experiment tolerates step 2 only
  REQUIRE(plan.refined());
  CHECK(plan.step_of(0) == 8);
  CHECK(plan.step_of(1) == 2);
  CHECK(plan.combined_step() == 2);  // the combined map refines as finely as its finest experiment
  const auto coarse0 = coarse_lattice({{33, 17}, 8}), coarse1 = coarse_lattice({{33, 17}, 2});
  CHECK(plan.order[0] == coarse0);
  CHECK(plan.order[1] == coarse1);
  CHECK(plan.total_points == coarse0.size() + coarse1.size());
  CHECK(plan.batches == 1);
  // A batch: planned points are skipped, the rest sorted and cut into units after the existing ones.
  const std::size_t units = plan.units.size(), positions = plan.order[0].size();
  const std::size_t fresh = 17 * 4 + 1;  // row 4, column 1: not on the step-8 lattice or the grid's edges
  CHECK_FALSE(plan.planned[0][fresh]);
  CHECK(append_batch(plan, {{fresh, coarse0[0], fresh}, {}}) == 1);
  CHECK(plan.batches == 2);
  CHECK(plan.units.size() == units + 1);
  CHECK(plan.units.back().experiment == 0);
  CHECK(plan.units.back().begin == positions);
  CHECK(plan.index(0, positions) == fresh);
  CHECK(append_batch(plan, {{fresh}, {}}) == 0);  // nothing new: not a batch
  CHECK(plan.batches == 2);
  CHECK_THROWS(append_batch(plan, {{33 * 17}, {}}));  // outside the grid
}
