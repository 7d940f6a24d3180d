// Checkpoint files: round trip, CRC verification, refusal of a different job, torn manifest lines, and the
// identity every chunk carries (issue 18): chunks of another run or of other grid points are never adopted.
#include <catch2/catch.hpp>

#include <boost/crc.hpp>
#include <random>

#include <filesystem>
#include <fstream>

#include "alpscan/core/Error.hpp"
#include "alpscan/io/CheckpointFormatJson.hpp"
#include "alpscan/scan/Checkpoint.hpp"
#include "temp_dir.hpp"

using namespace alpscan;
namespace fs = std::filesystem;

namespace {
constexpr std::uint64_t kRun = 0x1234abcd5678ef01ULL, kOther = 0x1234abcd5678ef02ULL;
}  // namespace

TEST_CASE("checkpoint round trip, resume, corruption and job mismatch", "[checkpoint]") {
  const TempDir tmp("ckpt");
  const std::string out = tmp.path() + "/out";
  WorkPlan plan;
  plan.units = {{0, 0, 3}, {0, 3, 2}};
  plan.total_points = 5;
  {
    Checkpoint c(out, kRun, plan, false, checkpoint_format_json());
    CHECK(c.done_count() == 0);
    const std::vector<double> v = {1.0, 2.5, 1e-300};
    c.record(0, Checkpoint::write_unit(out, kRun, plan, 0, v));
    CHECK(c.read_unit(0) == v);
  }
  {
    std::ofstream(Checkpoint::dir(out) + "/manifest.jsonl", std::ios::app) << "{\"unit\": 1, \"crc";  // torn
    Checkpoint c(out, kRun, plan, false, checkpoint_format_json());
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
    Checkpoint c(out, kRun, plan, false, checkpoint_format_json());
    CHECK_FALSE(c.done(0));  // CRC mismatch: recomputed
  }
  {
    // A unit file whose manifest line never reached the disk (group commit, then a kill) is
    // verified by its own CRC trailer and re-indexed, not recomputed.
    Checkpoint c(out, kRun, plan, false, checkpoint_format_json());
    Checkpoint::write_unit(out, kRun, plan, 1, {4.0, 5.0});
    std::ofstream(Checkpoint::dir(out) + "/manifest.jsonl", std::ios::trunc);  // lose the whole index
  }
  {
    Checkpoint c(out, kRun, plan, false, checkpoint_format_json());
    CHECK(c.done(1));
    CHECK(c.read_unit(1) == std::vector<double>{4.0, 5.0});
    CHECK_FALSE(c.done(0));  // its file was corrupted above
  }
  CHECK_THROWS_AS(Checkpoint(out, kOther, plan, false, checkpoint_format_json()), InputError);
  Checkpoint c(out, kOther, plan, true, checkpoint_format_json());  // --restart
  CHECK(c.done_count() == 0);
  fs::remove_all(out);
}

TEST_CASE("a lost or damaged job.json keeps only the chunks of this run", "[checkpoint]") {
  const TempDir tmp("ckpt_identity");
  const std::string out = tmp.path() + "/out";
  WorkPlan plan;
  plan.units = {{0, 0, 2}, {0, 2, 2}};
  plan.total_points = 4;
  {
    Checkpoint c(out, kRun, plan, false, checkpoint_format_json());
    c.record(0, Checkpoint::write_unit(out, kRun, plan, 0, {1.0, 2.0}));
    // Unit 1 was written by another build of the code (its header carries the other identity).
    c.record(1, Checkpoint::write_unit(out, kOther, plan, 1, {3.0, 4.0}));
  }
  fs::remove(Checkpoint::dir(out) + "/job.json");  // lost: nothing says which run the directory belongs to
  {
    Checkpoint c(out, kRun, plan, false, checkpoint_format_json());
    CHECK(c.done(0));        // its own identity matches
    CHECK_FALSE(c.done(1));  // foreign: recomputed, never adopted
  }
  std::ofstream(Checkpoint::dir(out) + "/job.json", std::ios::trunc) << "{\"format\": \"alpscan-chec";  // damaged
  {
    Checkpoint c(out, kRun, plan, false, checkpoint_format_json());  // repaired, not refused
    CHECK(c.done(0));
    CHECK_FALSE(c.done(1));
  }
  // The run of the other identity now meets a readable job.json of this run: refused, as any other job.
  CHECK_THROWS_AS(Checkpoint(out, kOther, plan, false, checkpoint_format_json()), InputError);
}

TEST_CASE("a chunk of the same size over other grid points is not adopted", "[checkpoint]") {
  // Adaptive refinement: a later batch's unit is known by its position in the batch order. A replay
  // that chose other points (another machine's rounding) must not adopt the recorded values.
  const TempDir tmp("ckpt_digest");
  const std::string out = tmp.path() + "/out";
  WorkPlan plan;
  plan.refinement_step = 2;
  plan.order = {{0, 2, 4, 6}};
  plan.units = {{0, 0, 2}, {0, 2, 2}};
  plan.total_points = 4;
  {
    Checkpoint c(out, kRun, plan, false, checkpoint_format_json());
    c.record(1, Checkpoint::write_unit(out, kRun, plan, 1, {5.0, 6.0}));
  }
  WorkPlan other = plan;
  other.order = {{0, 2, 5, 7}};  // unit 1 now holds grid points 5 and 7
  CHECK(Checkpoint::grid_digest(plan, 1) != Checkpoint::grid_digest(other, 1));
  CHECK(Checkpoint::grid_digest(plan, 0) == Checkpoint::grid_digest(other, 0));
  {
    Checkpoint c(out, kRun, other, false, checkpoint_format_json());
    CHECK_FALSE(c.done(1));
  }
  {
    Checkpoint c(out, kRun, plan, false, checkpoint_format_json());
    CHECK(c.done(1));
  }
}

TEST_CASE("temporary files of a killed run are removed on open", "[checkpoint]") {
  const TempDir tmp("ckpt_tmp");
  const std::string out = tmp.path() + "/out";
  WorkPlan plan;
  plan.units = {{0, 0, 1}};
  plan.total_points = 1;
  fs::create_directories(Checkpoint::dir(out) + "/prepared");
  std::ofstream(Checkpoint::dir(out) + "/u0.bin.tmp.4242") << "torn";
  std::ofstream(Checkpoint::dir(out) + "/prepared/e0_x.bin.tmp.4242.1") << "torn";
  Checkpoint c(out, kRun, plan, false, checkpoint_format_json());
  CHECK_FALSE(fs::exists(Checkpoint::dir(out) + "/u0.bin.tmp.4242"));
  CHECK_FALSE(fs::exists(Checkpoint::dir(out) + "/prepared/e0_x.bin.tmp.4242.1"));
  CHECK(fs::exists(Checkpoint::dir(out) + "/job.json"));
}

TEST_CASE("crc32_bytes is CRC-32 (ISO-HDLC): the check value and Boost's bytewise CRC on 3 MB", "[checkpoint]") {
  // The catalogue check value of CRC-32: crc("123456789") = 0xCBF43926.
  CHECK(alpscan::crc32_bytes("123456789", 9) == 0xCBF43926u);
  CHECK(alpscan::crc32_bytes("", 0) == 0u);
  // Unit files written before zlib computed the CRC (boost::crc_32_type) must stay valid.
  std::mt19937_64 rng(7);
  std::vector<unsigned char> data(3u << 20);
  for (auto& b : data) b = static_cast<unsigned char>(rng());
  for (std::size_t n : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, data.size()}) {
    boost::crc_32_type reference;
    reference.process_bytes(data.data(), n);
    CHECK(alpscan::crc32_bytes(data.data(), n) == reference.checksum());
  }
}
