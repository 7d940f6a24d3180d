// UnitWriter: units handed to the background writer come back exactly once, durable and readable
// through the checkpoint, with their timings; a write failure is reported, not swallowed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "alpscan/io/CheckpointFormatJson.hpp"
#include "alpscan/scan/Checkpoint.hpp"
#include "alpscan/scan/UnitWriter.hpp"
#include "temp_dir.hpp"

using namespace alpscan;
namespace fs = std::filesystem;

TEST_CASE("unit writer returns every submitted unit once, durable", "[checkpoint]") {
  const TempDir tmp("writer");
  const std::string out = tmp.path() + "/out";
  WorkPlan plan;
  for (int u = 0; u < 20; ++u) plan.units.push_back({0, static_cast<std::size_t>(3 * u), 3});
  plan.total_points = 60;
  Checkpoint ckpt(out, 7, plan, false, checkpoint_format_json());
  std::vector<int> seen;
  {
    UnitWriter w(out, 7, plan);
    for (int u = 0; u < 20; ++u) {
      w.submit(u, {double(u), 0.5 * u, 1e-300}, 0.25 * u, 0.0);
      for (const auto& x : w.take_written()) {
        seen.push_back(x.unit);
        ckpt.record(x.unit, x.crc);
        CHECK(x.compute_s == 0.25 * x.unit);  // passed through unchanged
      }
    }
    while (w.pending() > 0)
      for (const auto& x : w.wait_written()) {
        seen.push_back(x.unit);
        ckpt.record(x.unit, x.crc);
      }
    CHECK(w.wait_written().empty());  // nothing pending: returns at once
  }
  std::sort(seen.begin(), seen.end());
  REQUIRE(seen.size() == 20);
  for (int u = 0; u < 20; ++u) {
    CHECK(seen[u] == u);
    CHECK(ckpt.read_unit(u) == std::vector<double>{double(u), 0.5 * u, 1e-300});  // CRC verified
  }
  fs::remove_all(out);
}

TEST_CASE("unit writer reports a failed write", "[checkpoint]") {
  WorkPlan plan;
  plan.units = {{0, 0, 1}};
  plan.total_points = 1;
  UnitWriter w("/nonexistent_alpscan_dir/out", 7, plan);  // no checkpoint directory: the write fails
  w.submit(0, {1.0}, 0, 0);
  CHECK_THROWS_AS(w.wait_written(), std::runtime_error);
  CHECK(w.pending() == 0);  // the failed unit is not reported: it is recomputed on resume
}
