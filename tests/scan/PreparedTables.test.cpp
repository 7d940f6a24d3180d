// Prepared-table cache (scan/PreparedTables, Experiment::save_prepared/restore_prepared): a rank that
// loads another rank's tables must compute bit-identical signals; a corrupted or mismatched cache is
// refused (the tables are then rebuilt).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "alpscan/io/ExperimentCatalog.hpp"
#include "alpscan/scan/Checkpoint.hpp"
#include "alpscan/scan/PreparedTables.hpp"
#include "temp_dir.hpp"
#include "experiments/passat/passat_test_util.hpp"

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

TEST_CASE("prepared-table files round trip and reject corruption, other runs and other experiments",
          "[prepared_tables]") {
  const TempDir tmp("prepared");
  const std::string out = tmp.path() + "/out";
  constexpr std::uint64_t run = 0xfeedULL, other_run = 0xbeefULL;
  const std::vector<double> v = {1.0, -2.5, 1e-300, 3.25};
  std::vector<double> r;
  CHECK_FALSE(load_prepared_tables(out, run, 3, "x", r));  // absent
  store_prepared_tables(out, run, 3, "x", v);
  REQUIRE(load_prepared_tables(out, run, 3, "x", r));
  CHECK(r == v);
  CHECK_FALSE(load_prepared_tables(out, run, 2, "x", r));        // another experiment index
  CHECK_FALSE(load_prepared_tables(out, other_run, 3, "x", r));  // another run (job, data files, code)
  // Shuffled cache files: e3_x.bin renamed to e3_y.bin (same index, another experiment) is refused.
  const std::string dir = Checkpoint::dir(out) + "/prepared/";
  fs::copy_file(dir + "e3_x.bin", dir + "e3_y.bin");
  CHECK_FALSE(load_prepared_tables(out, run, 3, "y", r));
  fs::copy_file(dir + "e3_x.bin", dir + "e4_x.bin");
  CHECK_FALSE(load_prepared_tables(out, run, 4, "x", r));
  {
    std::fstream f(dir + "e3_x.bin", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(45);
    f.put('\x55');
  }
  CHECK_FALSE(load_prepared_tables(out, run, 3, "x", r));  // CRC mismatch
  fs::remove_all(out);
}

namespace {

// The experiment of data file `name`, built through its registered family as a job does.
ExperimentPtr make(const std::string& name) { return make_experiment({name, passat_test::data_file(name), "{}"}); }

// Every value of every bin at p.
std::vector<double> signal_bins(Experiment& e, const AlpPoint& p) {
  std::vector<double> s(values_per_point(e.info()));
  e.expected_signal_bins(p, s.data());
  return s;
}

}  // namespace

// Every table-driven family (YieldTable) restores bit for bit what prepare() built, at the job's masses
// (tabulated) and at a mass between them (interpolated, or computed on the spot by the shower dumps),
// and refuses tables of another mass grid or a corrupted layout.
TEST_CASE("restored tables of every family give bit-identical signals", "[prepared_tables]") {
  struct Case {
    const char* name;
    double m_lo, m_hi;  // GeV
    Axis g_axis;
  };
  const Case cases[] = {
      {"passat_nomad", 1e-10, 1e-3, Axis::g_agg},
      {"charm", 1e-3, 1.0, Axis::g_agg},  // off axis: annulus tables
      {"ship_bdf", 1e-3, 1.0, Axis::g_ae},
      {"e137", 1e-3, 1.0, Axis::g_ae},
      {"na64_alp", 1e-3, 1.0, Axis::g_agg},
      {"miniboone_dump", 1e-3, 0.1, Axis::g_ae},
      {"argoneut", 1e-3, 0.1, Axis::g_agg},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    ExperimentPtr a = make(c.name), b = make(c.name);
    PrepareContext ctx;
    ctx.m_a_min = c.m_lo;
    ctx.m_a_max = c.m_hi;
    for (int i = 0; i < 5; ++i) ctx.m_a_values.push_back(c.m_lo * std::pow(c.m_hi / c.m_lo, i / 4.0));
    a->prepare(ctx);
    const std::vector<double> t = a->save_prepared();
    REQUIRE(t.size() > 10);
    REQUIRE(b->restore_prepared(ctx, t));
    std::vector<double> masses = ctx.m_a_values;
    masses.push_back(std::sqrt(masses[1] * masses[2]));  // between the job's masses
    for (double m : masses)
      for (double g : {1e-8, 1e-6, 1e-4, 1e-3}) {
        AlpPoint p;
        p[Axis::m_a] = m;
        p[Axis::g_agg] = 1e-7;
        p[c.g_axis] = g;
        INFO("m = " << m << " g = " << g);
        CHECK(signal_bins(*a, p) == signal_bins(*b, p));  // exact: the same doubles
      }
    ExperimentPtr fresh = make(c.name);
    PrepareContext other = ctx;
    other.m_a_max *= 2;  // tables built for another mass range are refused
    other.m_a_values.back() *= 2;
    CHECK_FALSE(fresh->restore_prepared(other, t));
    std::vector<double> bad = t;
    bad[0] += 1;  // another layout version
    CHECK_FALSE(fresh->restore_prepared(ctx, bad));
    bad = t;
    bad.pop_back();  // truncated
    CHECK_FALSE(fresh->restore_prepared(ctx, bad));
    bad = t;
    bad.push_back(0.0);  // trailing data
    CHECK_FALSE(fresh->restore_prepared(ctx, bad));
  }
}
