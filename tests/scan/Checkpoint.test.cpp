// Checkpoint files: round trip, CRC verification, refusal of a different job, torn manifest lines.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "alpscan/core/Error.hpp"
#include "alpscan/io/CheckpointFormatJson.hpp"
#include "alpscan/scan/Checkpoint.hpp"
#include "temp_dir.hpp"

using namespace alpscan;
namespace fs = std::filesystem;

TEST_CASE("checkpoint round trip, resume, corruption and job mismatch", "[checkpoint]") {
  const TempDir tmp("ckpt");
  const std::string out = tmp.path() + "/out";
  WorkPlan plan;
  plan.units = {{0, 0, 3}, {0, 3, 2}};
  plan.total_points = 5;
  {
    Checkpoint c(out, "abc", plan, false, checkpoint_format_json());
    CHECK(c.done_count() == 0);
    const std::vector<double> v = {1.0, 2.5, 1e-300};
    c.record(0, Checkpoint::write_unit(out, 0, plan.units[0], v));
    CHECK(c.read_unit(0) == v);
  }
  {
    std::ofstream(Checkpoint::dir(out) + "/manifest.jsonl", std::ios::app) << "{\"unit\": 1, \"crc";  // torn
    Checkpoint c(out, "abc", plan, false, checkpoint_format_json());
    CHECK(c.resumed_count() == 1);
    CHECK(c.done(0));
    CHECK_FALSE(c.done(1));
  }
  {
    std::fstream f(Checkpoint::dir(out) + "/u0.bin", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(-1, std::ios::end);
    f.put('\x7f');
  }
  {
    Checkpoint c(out, "abc", plan, false, checkpoint_format_json());
    CHECK_FALSE(c.done(0));  // CRC mismatch: recomputed
  }
  {
    // A unit file whose manifest line never reached the disk (group commit, then a kill) is
    // verified by its own CRC trailer and re-indexed, not recomputed.
    Checkpoint c(out, "abc", plan, false, checkpoint_format_json());
    Checkpoint::write_unit(out, 1, plan.units[1], {4.0, 5.0});
    std::ofstream(Checkpoint::dir(out) + "/manifest.jsonl", std::ios::trunc);  // lose the whole index
  }
  {
    Checkpoint c(out, "abc", plan, false, checkpoint_format_json());
    CHECK(c.done(1));
    CHECK(c.read_unit(1) == std::vector<double>{4.0, 5.0});
    CHECK_FALSE(c.done(0));  // its file was corrupted above
  }
  CHECK_THROWS_AS(Checkpoint(out, "other", plan, false, checkpoint_format_json()), InputError);
  Checkpoint c(out, "other", plan, true, checkpoint_format_json());  // --restart
  CHECK(c.done_count() == 0);
  fs::remove_all(out);
}
