// The plan's memory against the machine's (scan/PlanMemory): estimates that grow with the grid,
// saturate instead of overflowing, and a limit that the environment can set.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <limits>

#include "alpscan/scan/PlanMemory.hpp"

using namespace alpscan;

namespace {

JobSpec grid(std::size_t nm, std::size_t ng) {
  JobSpec job;
  for (auto& a : job.axes) a.values = {0.0};
  job.axes[static_cast<int>(Axis::m_a)].values.assign(nm, 1.0);
  job.axes[static_cast<int>(Axis::g_agg)].values.assign(ng, 1.0);
  return job;
}

struct EnvGuard {  // restores ALPSCAN_MAX_PLAN_BYTES
  std::string old;
  bool had;
  EnvGuard() : had(std::getenv("ALPSCAN_MAX_PLAN_BYTES") != nullptr) {
    if (had) old = std::getenv("ALPSCAN_MAX_PLAN_BYTES");
  }
  ~EnvGuard() {
    if (had) ::setenv("ALPSCAN_MAX_PLAN_BYTES", old.c_str(), 1);
    else ::unsetenv("ALPSCAN_MAX_PLAN_BYTES");
  }
};

}  // namespace

TEST_CASE("PlanMemory: the estimate grows with the grid and the experiments, and saturates", "[scan][memory]") {
  const std::vector<std::vector<Axis>> one = {{Axis::m_a, Axis::g_agg}};
  const std::uint64_t small = plan_memory_estimate(grid(100, 100), one, {1});
  CHECK(small >= 100u * 100u * (12 + 18));  // global maps + one experiment's arrays
  CHECK(plan_memory_estimate(grid(1000, 100), one, {1}) > 9 * small);
  CHECK(plan_memory_estimate(grid(100, 100), one, {20}) > small + 100u * 100u * 8 * 19);  // its bins
  CHECK(plan_memory_estimate(grid(100, 100), {{Axis::m_a, Axis::g_agg}, {Axis::m_a}}, {1, 1}) > small);
  // The merge streams (issue 17 item 3): ten experiments on the same grid hold two experiments' arrays at a
  // time, not ten; what grows with their number is the small per-chunk state (40 bytes per 1024 points).
  const std::vector<std::vector<Axis>> ten(10, {Axis::m_a, Axis::g_agg});
  const std::uint64_t two = plan_memory_estimate(grid(100, 100), {one[0], one[0]}, {1, 1});
  CHECK(two >= small + 100u * 100u * 18);
  CHECK(plan_memory_estimate(grid(100, 100), ten, std::vector<std::size_t>(10, 1)) < two + 8 * 100u * 100u / 1024 * 40 + 8 * 40);
  // Refined, the scan's refinement state holds every experiment (10 bytes a point) before the merge starts.
  JobSpec refined = grid(100, 100);
  refined.refinement_step = 16;
  CHECK(plan_memory_estimate(refined, ten, std::vector<std::size_t>(10, 1)) >= 10u * 100u * 100u * (9 + 10));
  // The two phases do not add up: here the scan's refinement state (10 x 10 + 4 bytes a point) is larger than the
  // merge's two experiments (2 x (18 + 24)), and the estimate is the common part plus that larger one, exactly.
  std::vector<std::size_t> lengths(kNumAxes, 1);
  lengths[static_cast<int>(Axis::m_a)] = lengths[static_cast<int>(Axis::g_agg)] = 100;
  const std::uint64_t n = 100u * 100u, units = 10 * (n / 1024 + 1) * 40;
  CHECK(plan_memory_estimate(refined, ten, std::vector<std::size_t>(10, 1)) ==
        grid_memory_lower_bound(lengths) + 10 * 9 * n + units + (10 * 10 + 4) * n);
  // 1e8 x 1e8 points: far beyond any machine, without overflowing
  const std::uint64_t huge = plan_memory_estimate(grid(100000000, 100000000), one, {1});
  CHECK(huge > std::uint64_t(1e17));  // 1e16 points x ~30 bytes
  CHECK(grid_memory_lower_bound({100000000, 100000000, 100000000}) == std::numeric_limits<std::uint64_t>::max());
  CHECK(grid_memory_lower_bound({10, 10}) == 2 * 10 * 8 + 100 * 12);
}

TEST_CASE("PlanMemory: the limit comes from ALPSCAN_MAX_PLAN_BYTES, else from the machine", "[scan][memory]") {
  EnvGuard guard;
  ::unsetenv("ALPSCAN_MAX_PLAN_BYTES");
  const PlanMemoryLimit machine = plan_memory_limit();
  CHECK(machine.error.empty());
  CHECK(machine.bytes > (std::uint64_t(1) << 26));
  CHECK(machine.source == "half the physical memory");
  ::setenv("ALPSCAN_MAX_PLAN_BYTES", "8G", 1);
  CHECK(plan_memory_limit().bytes == (std::uint64_t(8) << 30));
  ::setenv("ALPSCAN_MAX_PLAN_BYTES", "1500000", 1);
  CHECK(plan_memory_limit().bytes == 1500000u);
  CHECK(plan_memory_limit().source == "ALPSCAN_MAX_PLAN_BYTES");
  for (const char* bad : {"lots", "-5", "8Q", "0", "1e30"}) {
    ::setenv("ALPSCAN_MAX_PLAN_BYTES", bad, 1);
    CHECK_THAT(plan_memory_limit().error, Catch::Contains("ALPSCAN_MAX_PLAN_BYTES: expected a number of bytes"));
  }
  const PlanMemoryLimit limit{1000, "ALPSCAN_MAX_PLAN_BYTES", ""};
  CHECK(plan_memory_problem(1000, limit).empty());
  const std::string why = plan_memory_problem(2500000, limit);
  CHECK_THAT(why, Catch::Contains("at least 2.5 MB") && Catch::Contains("limit of 1 KB (ALPSCAN_MAX_PLAN_BYTES)") &&
                      Catch::Contains("ALPSCAN_MAX_PLAN_BYTES=<bytes>"));
}

TEST_CASE("PlanMemory: an experiment is counted on the sub-grid the plan makes (ties, the electron loop)", "[scan][memory]") {
  // g_agg tied to a 300-point g_ae: an experiment that declares only (m_a, g_agg) runs on m_a x g_ae, as
  // ParameterSpace::subgrid makes it, so it costs what the same experiment on (m_a, g_ae) costs.
  JobSpec tied = grid(100, 1);
  tied.axes[static_cast<int>(Axis::g_ae)].values.assign(300, 1.0);
  tied.axes[static_cast<int>(Axis::g_agg)].kind = AxisSpec::Kind::tied;
  tied.axes[static_cast<int>(Axis::g_agg)].tied_to = Axis::g_ae;
  tied.axes[static_cast<int>(Axis::g_agg)].tie_ratio = 2.0;
  const std::vector<std::vector<Axis>> photon = {{Axis::m_a, Axis::g_agg}}, electron = {{Axis::m_a, Axis::g_ae}};
  CHECK(plan_memory_estimate(tied, photon, {1}) == plan_memory_estimate(tied, electron, {1}));
  // The electron-loop coupling: g_agg brings g_ae the same way.
  JobSpec loop = grid(100, 100);
  loop.axes[static_cast<int>(Axis::g_ae)].values.assign(300, 1.0);
  const std::uint64_t off = plan_memory_estimate(loop, photon, {1});
  loop.model.electron_loop = model::ModelOptions::ElectronLoop::add;
  CHECK(plan_memory_estimate(loop, photon, {1}) >= off + 299u * 100u * 100u * 18);
  CHECK(plan_memory_estimate(loop, photon, {1}) == plan_memory_estimate(loop, {{Axis::m_a, Axis::g_agg, Axis::g_ae}}, {1}));
}
