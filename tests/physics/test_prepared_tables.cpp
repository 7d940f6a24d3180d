// Prepared-table cache (scan/PreparedTables, Experiment::save_prepared/restore_prepared): a rank that
// loads another rank's tables must compute bit-identical signals; a corrupted or mismatched cache is
// refused (the tables are then rebuilt).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "alpscan/scan/Checkpoint.hpp"
#include "alpscan/scan/PreparedTables.hpp"
#include "temp_dir.hpp"
#include "test_passat_util.hpp"

using namespace alpscan;
using passat_test::load;
namespace fs = std::filesystem;

TEST_CASE("restored PASSAT tables give bit-identical signals", "[prepared_tables]") {
  auto a = load("passat_cast_bdf");
  auto b = load("passat_cast_bdf");
  PrepareContext ctx;
  ctx.m_a_min = 1e-12;
  ctx.m_a_max = 1e-2;
  a->prepare(ctx);
  const std::vector<double> t = a->save_prepared();
  REQUIRE(!t.empty());
  REQUIRE(b->restore_prepared(ctx, t));
  for (double m : {1e-12, 3e-9, 1e-6, 2e-4, 5e-3})
    for (double g : {1e-7, 1e-5, 1e-3}) {
      AlpPoint p;
      p[Axis::m_a] = m;
      p[Axis::g_agg] = g;
      CHECK(a->expected_signal(p) == b->expected_signal(p));  // exact: the same doubles
    }
  PrepareContext other = ctx;
  other.m_a_max = 1e-1;  // tables built for another mass range are refused
  CHECK_FALSE(b->restore_prepared(other, t));
  std::vector<double> bad = t;
  bad[0] += 1;  // another layout version
  CHECK_FALSE(b->restore_prepared(ctx, bad));
}

TEST_CASE("prepared-table files round trip and reject corruption", "[prepared_tables]") {
  const TempDir tmp("prepared");
  const std::string out = tmp.path() + "/out";
  const std::vector<double> v = {1.0, -2.5, 1e-300, 3.25};
  std::vector<double> r;
  CHECK_FALSE(load_prepared_tables(out, 3, "x", r));  // absent
  store_prepared_tables(out, 3, "x", v);
  REQUIRE(load_prepared_tables(out, 3, "x", r));
  CHECK(r == v);
  CHECK_FALSE(load_prepared_tables(out, 2, "x", r));  // another experiment index
  {
    std::fstream f(Checkpoint::dir(out) + "/prepared/e3_x.bin", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(3);
    f.put('\x55');
  }
  CHECK_FALSE(load_prepared_tables(out, 3, "x", r));  // CRC mismatch
  fs::remove_all(out);
}
