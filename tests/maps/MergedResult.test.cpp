// The merge of a finished scan (maps/MergedResult): per experiment the signal of every point of its
// sub-grid equals the experiment evaluated there; for a counting experiment with n = b = 0 the
// statistics are closed forms (p(s) = e^-s, so s_up = -ln(1 - CL); q(s) = 2 s); the global maps are
// the OR of the experiments (all, and kind "limit" only) and the sum of their test statistics,
// each experiment seen through the projection of the full grid onto its own sub-grid.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "alpscan/io/CheckpointFormatJson.hpp"
#include "alpscan/maps/MergedResult.hpp"
#include "alpscan/maps/PlaneMap.hpp"
#include "alpscan/scan/Checkpoint.hpp"
#include "alpscan/scan/ParameterSpace.hpp"
#include "scan_test_util.hpp"

using namespace alpscan;

namespace {

struct MergedScan : scan_test::MergedScan {
  MergedScan() : scan_test::MergedScan("merge", scan_test::kSmallJob) {}
};

const ExperimentResult& by_name(const MergedResult& r, const std::string& n) {
  for (const auto& x : r.experiments)
    if (x.info.name == n) return x;
  FAIL("no experiment " << n);
  throw;
}

}  // namespace

TEST_CASE("merge: per-experiment arrays equal per-point evaluations", "[maps][merge]") {
  MergedScan m;
  REQUIRE(m.r.experiments.size() == m.job.experiments.size());
  for (std::size_t e = 0; e < m.job.experiments.size(); ++e) {
    const ExperimentResult& x = m.r.experiments[e];
    INFO(x.info.name);
    CHECK(x.info.name == m.job.experiments[e].name);
    REQUIRE(x.grid.size == m.plan.grids[e].size);
    CHECK(x.grid.axes == m.plan.grids[e].axes);
    const std::vector<double> ref = scan_test::direct_loop(m.job.experiments[e], *m.space, x.grid);
    CHECK(x.signal == ref);
    CHECK(x.test_statistic.size() == x.grid.size);
    CHECK(x.excluded.size() == x.grid.size);
    // A counting experiment excludes exactly where its signal reaches s_up (README "Statistics").
    for (std::size_t i = 0; i < x.grid.size; ++i) CHECK(bool(x.excluded[i]) == (x.signal[i] >= x.calibration.threshold));
  }
}

TEST_CASE("merge: E137 (n = b = 0) statistics are the closed forms at the job's CL", "[maps][merge]") {
  MergedScan m;
  const ExperimentResult& x = by_name(m.r, "e137");
  // Classical Poisson limit with no events and no background: P(N = 0 | s) = e^-s < 1 - CL. The job
  // asks 95% CL (the data file's own CL is 90%): s_up = ln 20 = 2.9957.
  REQUIRE(m.r.cl == 0.95);
  CHECK(x.calibration.threshold == Approx(std::log(20.0)).epsilon(1e-6));
  std::size_t excl = 0, allowed = 0;
  for (std::size_t i = 0; i < x.grid.size; ++i) {
    const double s = x.signal[i];
    INFO("point " << i << " s = " << s);
    // -2 ln [Pois(0 | s) / Pois(0 | 0)] = 2 s
    CHECK(x.test_statistic[i] == Approx(2 * s).epsilon(1e-9).margin(1e-12));
    if (std::abs(s / x.calibration.threshold - 1) > 1e-6) CHECK(bool(x.excluded[i]) == (std::exp(-s) < 0.05));
    excl += x.excluded[i];
    allowed += !x.excluded[i];
  }
  CHECK(excl > 0);  // the grid covers both sides of the limit
  CHECK(allowed > 0);
  // margin(): ln(s/s_up), >= 0 exactly where excluded
  for (std::size_t i = 0; i < x.grid.size; ++i)
    if (x.signal[i] > 0) CHECK((x.margin(i) >= 0) == bool(x.excluded[i]));
}

TEST_CASE("merge: union = OR of the experiments, limits-only union, combined = sum of q", "[maps][merge]") {
  MergedScan m;
  const ParameterSpace& space = *m.space;
  const SubGrid& full = space.full();
  REQUIRE(full.size == 9 * 13 * 2);
  REQUIRE(m.r.excluded_any.size() == full.size);
  REQUIRE(m.r.excluded_any_limit.size() == full.size);
  REQUIRE(m.r.combined_q.size() == full.size);
  // (Phi^-1(0.95))^2: one-sided asymptotic critical value of the summed q.
  CHECK(m.r.combined_critical == Approx(1.6448536269514722 * 1.6448536269514722).epsilon(1e-9));
  std::size_t only_one = 0, by_some = 0, limit_differs = 0;
  for (std::size_t i = 0; i < full.size; ++i) {
    // The experiment's point for full-grid point i, found from the axis values (not from project()).
    const AlpPoint p = space.point(full, i);
    bool any = false, any_limit = false;
    double q = 0;
    int n = 0;
    for (const auto& x : m.r.experiments) {
      std::size_t k = x.grid.size;
      for (std::size_t j = 0; j < x.grid.size && k == x.grid.size; ++j) {
        const AlpPoint pj = space.point(x.grid, j);
        bool same = true;
        for (Axis a : x.grid.axes) same = same && pj[a] == p[a];
        if (same) k = j;
      }
      REQUIRE(k < x.grid.size);
      CHECK(space.project(x.grid, i) == k);
      any = any || x.excluded[k];
      if (x.info.kind == "limit") any_limit = any_limit || x.excluded[k];
      q += x.test_statistic[k];
      n += x.excluded[k];
    }
    CHECK(bool(m.r.excluded_any[i]) == any);
    CHECK(bool(m.r.excluded_any_limit[i]) == any_limit);
    CHECK(m.r.combined_q[i] == Approx(q).epsilon(1e-12));
    CHECK(bool(m.r.combined_excluded[i]) == (m.r.combined_q[i] >= m.r.combined_critical));
    only_one += n == 1;
    by_some += n > 0;
    limit_differs += any != any_limit;
  }
  // The OR is tested where it differs from an AND and from the first experiment alone, and the
  // limits-only union where the projection (belle2_3gamma_50ab) adds points.
  CHECK(only_one > 0);
  CHECK(by_some > 0);
  CHECK(by_some < full.size);
  CHECK(limit_differs > 0);
  CHECK(by_name(m.r, "belle2_3gamma_50ab").info.kind == "projection");
}

TEST_CASE("streaming merge: each experiment reaches the sink whole, in job order, then is released", "[maps][merge]") {
  MergedScan m;  // the in-memory merge (every experiment keeps its arrays)
  Checkpoint ckpt(m.job.output_dir, 0, m.plan, false, checkpoint_format_json());
  std::vector<std::size_t> order;
  std::vector<PlaneBuilder> builders;
  for (const auto& p : m.job.planes) builders.emplace_back(p, *m.space, m.job.experiments.size());
  const MergedResult s = merge_results(m.job, scan_test::infos_of(m.job), *m.space, m.plan, ckpt,
                                       [&](std::size_t e, const ExperimentResult& x) {
                                         order.push_back(e);
                                         const ExperimentResult& kept = m.r.experiments.at(e);
                                         CHECK(x.info.name == kept.info.name);
                                         CHECK(x.signal == kept.signal);
                                         CHECK(x.test_statistic == kept.test_statistic);
                                         CHECK(x.excluded == kept.excluded);
                                         for (auto& b : builders) b.add(e, x);
                                       });
  CHECK(order == std::vector<std::size_t>{0, 1, 2, 3});
  REQUIRE(s.experiments.size() == 4);
  for (std::size_t e = 0; e < 4; ++e) {
    const ExperimentResult& x = s.experiments[e];
    INFO(x.info.name);
    // Released: no per-point array left, the counts kept and equal to the arrays' own.
    CHECK(x.signal.empty());
    CHECK(x.test_statistic.empty());
    CHECK(x.excluded.empty());
    CHECK(x.signal.capacity() == 0);
    std::size_t n = 0;
    for (auto b : m.r.experiments[e].excluded) n += b;
    CHECK(x.excluded_points == n);
    CHECK(m.r.experiments[e].excluded_points == n);
    CHECK(x.evaluations == x.grid.size);
  }
  // The global maps do not depend on whether the experiments were kept.
  CHECK(s.excluded_any == m.r.excluded_any);
  CHECK(s.excluded_any_limit == m.r.excluded_any_limit);
  CHECK(s.combined_q == m.r.combined_q);
  CHECK(s.combined_excluded == m.r.combined_excluded);
  // Planes built while streaming (from released experiments' layers) against a direct computation from the kept
  // experiments: per plane cell, each experiment's layer is the minimum of its margin over the profiled g_ae
  // values (or the sliced one), the union the minimum over them of the maximum over the experiments, the combined
  // layer sqrt(q) - sqrt(critical). Written here with ParameterSpace::unravel/project, not the builder's walk.
  const ParameterSpace& space = *m.space;
  const SubGrid& full = space.full();
  REQUIRE(full.axes == std::vector<Axis>{Axis::m_a, Axis::g_agg, Axis::g_ae});
  for (std::size_t p = 0; p < m.job.planes.size(); ++p) {
    const PlaneMap streamed = builders[p].finish(s);
    const bool sliced = !m.job.planes[p].slice_at.empty();  // kSmallJob: plane 0 at g_ae = 0, plane 1 profiled
    const std::size_t nx = 9, ny = 13, nl = m.r.experiments.size();
    REQUIRE(streamed.layers.size() == nl + 3);
    std::vector<std::vector<double>> want(nl + 3, std::vector<double>(nx * ny, 1e300));
    for (std::size_t i = 0; i < full.size; ++i) {
      const auto idx = space.unravel(full, i);
      if (sliced && idx[2] != 0) continue;
      const std::size_t cell = idx[0] * ny + idx[1];
      double uni = -1e300, uni_lim = -1e300;
      for (std::size_t l = 0; l < nl; ++l) {
        const ExperimentResult& x = m.r.experiments[l];
        const double mg = x.margin(space.project(x.grid, i));
        want[l][cell] = std::min(want[l][cell], mg);
        uni = std::max(uni, mg);
        if (x.info.kind == "limit") uni_lim = std::max(uni_lim, mg);
      }
      want[nl][cell] = std::min(want[nl][cell], uni);
      want[nl + 1][cell] = std::min(want[nl + 1][cell], uni_lim);
      want[nl + 2][cell] =
          std::min(want[nl + 2][cell], std::sqrt(std::max(m.r.combined_q[i], 0.0)) - std::sqrt(m.r.combined_critical));
    }
    for (std::size_t l = 0; l < nl + 3; ++l) {
      INFO("plane " << p << " layer " << streamed.layers[l].name);
      CHECK(streamed.layers[l].margin == want[l]);
      std::size_t in = 0;
      for (double v : want[l]) in += v >= 0;
      if (l == nl) CHECK(in > 0);  // the union excludes something: the comparison is not of empty maps
    }
  }
}
