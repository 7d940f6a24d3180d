// Job parsing and the scan grid: axis forms, units at the edge, sub-grids and projection.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include <unistd.h>

#include "alpscan/core/Units.hpp"
#include "alpscan/io/JobSpecIO.hpp"
#include "alpscan/scan/ParameterSpace.hpp"
#include "alpscan/scan/WorkPlan.hpp"

using namespace alpscan;

namespace {
JobSpec job_from(const std::string& text, Diagnostics& d) {
  // one file per process and call: ctest runs the test cases of this file in parallel processes
  static int calls = 0;
  const std::string path = "/tmp/alpscan_unit_job_" + std::to_string(::getpid()) + "_" + std::to_string(calls++) + ".json";
  std::ofstream(path) << text;
  JobSpec job = read_job(path, d);
  std::remove(path.c_str());
  return job;
}
}  // namespace

TEST_CASE("axis forms: fixed, list, log and lin grids with exact edges", "[job]") {
  Diagnostics d;
  const JobSpec j = job_from(R"({"format": "alpscan-job/1", "name": "unitjob",
    "parameters": {"m_a": {"scale": "log", "min": 1e-3, "max": 1e7, "points": 11},
                   "g_agg": {"scale": "lin", "min": 0, "max": 1, "points": 5},
                   "g_ae": {"values": [0, 1e-6]}, "br_inv": 1},
    "experiments": ["passat_nomad"]})", d);
  REQUIRE(d.empty());
  const auto& m = j.axes[static_cast<int>(Axis::m_a)].values;
  REQUIRE(m.size() == 11);
  CHECK(m.front() == 1e-3);
  CHECK(m.back() == 1e7);
  CHECK(m[3] == Approx(1.0).epsilon(1e-12));
  CHECK(j.axes[static_cast<int>(Axis::g_agg)].values[2] == Approx(0.5));
  CHECK(j.axes[static_cast<int>(Axis::br_inv)].values == std::vector<double>{1.0});
  CHECK(j.cl == 0.9);
  CHECK(j.output_dir == "out/unitjob");  // default output: out/<name>
  REQUIRE(j.planes.size() == 1);  // default: (m_a, g_agg), g_ae profiled
  CHECK(j.planes[0].name() == "m_a__g_agg");
}

TEST_CASE("parameter space: internal units, sub-grids skip unused axes, projection", "[scan]") {
  Diagnostics d;
  const JobSpec j = job_from(R"({"format": "alpscan-job/1",
    "parameters": {"m_a": {"values": [1, 10, 100]}, "g_agg": {"values": [1e-5, 1e-4]},
                   "g_ae": {"values": [0, 1e-6, 1e-5, 1e-4]}},
    "experiments": ["passat_nomad"]})", d);
  REQUIRE(d.empty());
  const ParameterSpace s(j);
  CHECK(s.full().size == 24);
  const SubGrid sub = s.subgrid({Axis::m_a, Axis::g_agg});
  CHECK(sub.size == 6);  // g_ae costs nothing for an experiment that does not use it
  const AlpPoint p = s.point(sub, 5);  // last axis fastest: (m = 100 eV, g = 1e-4)
  CHECK(p.m_a() == Approx(100 * units::eV));
  CHECK(p.g_agg() == 1e-4);
  // full index of (m=10, g=1e-4, g_ae=1e-5) = (1*2 + 1)*4 + 2 = 14 -> sub index 1*2 + 1 = 3
  CHECK(s.project(sub, 14) == 3);
  // Every full point onto every sub-grid, against the multi-index written out: the sub-grid's digits of it.
  const std::vector<std::vector<Axis>> subs = {{Axis::m_a}, {Axis::g_agg}, {Axis::g_ae}, {Axis::m_a, Axis::g_ae},
                                               {Axis::g_agg, Axis::g_ae}, {Axis::m_a, Axis::g_agg, Axis::g_ae}};
  for (const auto& axes : subs) {
    const SubGrid g = s.subgrid(axes);
    for (std::size_t i = 0; i < s.full().size; ++i) {
      const std::size_t m = i / 8, a = (i / 4) % 2, e = i % 4;  // dims 3 x 2 x 4
      std::size_t want = 0;
      for (Axis ax : axes) want = want * (ax == Axis::m_a ? 3 : ax == Axis::g_agg ? 2 : 4) + (ax == Axis::m_a ? m : ax == Axis::g_agg ? a : e);
      CHECK(s.project(g, i) == want);
    }
  }
  const WorkPlan plan = make_work_plan(s, {{Axis::m_a, Axis::g_agg}, {Axis::m_a, Axis::g_ae}}, 4);
  CHECK(plan.total_points == 6 + 12);
  CHECK(plan.units.size() == 2 + 3);
  CHECK(plan.units.back().count == 4);
}

TEST_CASE("planes: slices of the same axes get distinct names; a repeated plane is an error", "[job]") {
  Diagnostics d;
  job_from(R"({"format": "alpscan-job/1",
    "parameters": {"m_a": {"values": [1, 10]}, "g_agg": {"values": [1e-5, 1e-4]}, "g_ae": {"values": [0, 1e-6]}},
    "experiments": ["passat_nomad"],
    "planes": [{"x": "m_a", "y": "g_agg", "slice": {"g_ae": 0}}, {"x": "m_a", "y": "g_agg", "slice": {"g_ae": 1e-6}},
               {"x": "m_a", "y": "g_agg"}]})", d);
  CHECK(d.empty());
  Diagnostics d2;
  const JobSpec j = job_from(R"({"format": "alpscan-job/1",
    "parameters": {"m_a": {"values": [1, 10]}, "g_agg": {"values": [1e-5, 1e-4]}, "g_ae": {"values": [0, 1e-6]}},
    "experiments": ["passat_nomad"],
    "planes": [{"x": "m_a", "y": "g_agg", "slice": {"g_ae": 1e-6}}, {"x": "m_a", "y": "g_agg", "slice": {"g_ae": 1e-6}}]})", d2);
  REQUIRE(d2.items().size() == 1);
  CHECK(d2.items()[0].path == "/planes/1");
  CHECK(j.planes[0].name() == "m_a__g_agg__g_ae=1e-06");
}

TEST_CASE("the invisible width is given by g_achi or by br_inv, never both", "[job]") {
  const std::string head = R"({"format": "alpscan-job/1", "experiments": ["belle2_3gamma"], "parameters": {"m_a": 1e8, )";
  Diagnostics ok1, ok2, bad;
  job_from(head + R"("g_achi": {"values": [0, 1e-3]}, "m_chi": 1e6, "br_inv": 0}})", ok1);
  CHECK(ok1.empty());
  job_from(head + R"("br_inv": {"values": [0, 0.5]}}})", ok2);
  CHECK(ok2.empty());
  job_from(head + R"("g_achi": 1e-3, "m_chi": 1e6, "br_inv": {"values": [0, 0.5]}}})", bad);
  REQUIRE_FALSE(bad.empty());
  CHECK(bad.format().find("/parameters/br_inv") != std::string::npos);
}

TEST_CASE("tied axes: value = ratio x source at every point, units at the edge, sub-grids bring the source", "[scan]") {
  Diagnostics d;
  // g_agg follows g_ae; m_chi follows m_a (both in eV outside, GeV inside: the ratio is unit-free here).
  const JobSpec j = job_from(R"({"format": "alpscan-job/1",
    "parameters": {"m_a": {"values": [1e6, 1e8, 1e10]}, "g_ae": {"values": [1e-6, 1e-5]},
                   "g_agg": {"tied_to": "g_ae", "ratio": 2.5}, "g_achi": 1e-3, "m_chi": {"tied_to": "m_a", "ratio": 0.25}},
    "experiments": ["passat_nomad"]})", d);
  REQUIRE(d.empty());
  const ParameterSpace s(j);
  CHECK_FALSE(s.scanned(Axis::g_agg));
  CHECK(s.full().axes == std::vector<Axis>{Axis::m_a, Axis::g_ae});  // a tie adds no dimension
  CHECK(s.full().size == 6);
  REQUIRE(s.tie(Axis::g_agg));
  CHECK(s.tie(Axis::g_agg)->source == Axis::g_ae);
  const auto ge = s.effective_values(Axis::g_agg), mc = s.effective_values(Axis::m_chi);
  REQUIRE(ge.size() == 2);
  CHECK(ge[0] == Approx(2.5e-6).epsilon(1e-15));
  CHECK(ge[1] == Approx(2.5e-5).epsilon(1e-15));
  REQUIRE(mc.size() == 3);
  CHECK(mc[0] == Approx(2.5e5).epsilon(1e-15));
  CHECK(mc[2] == Approx(2.5e9).epsilon(1e-15));
  // An experiment of g_agg alone (or m_chi alone) is evaluated along the tied axis' source.
  CHECK(s.subgrid({Axis::g_agg}).axes == std::vector<Axis>{Axis::g_ae});
  CHECK(s.subgrid({Axis::m_chi}).axes == std::vector<Axis>{Axis::m_a});
  CHECK(s.subgrid({Axis::m_a}).axes == std::vector<Axis>{Axis::m_a});
  for (std::size_t i = 0; i < s.full().size; ++i) {
    const AlpPoint p = s.point(s.full(), i);
    const double m_eV = j.axes[0].values[i / 2], g_ae = j.axes[2].values[i % 2];
    CHECK(p.g_ae() == g_ae);
    CHECK(p.g_agg() == Approx(2.5 * g_ae).epsilon(1e-15));
    CHECK(p.m_a() == Approx(m_eV * units::eV).epsilon(1e-15));
    CHECK(p[Axis::m_chi] == Approx(0.25 * m_eV * units::eV).epsilon(1e-15));
    CHECK(p[Axis::g_achi] == 1e-3);
  }
  // A point of a sub-grid that lacks the source still gets the tie of the source's first value.
  const AlpPoint q = s.point(s.subgrid({Axis::m_a}), 2);
  CHECK(q.g_agg() == Approx(2.5e-6).epsilon(1e-15));
}

TEST_CASE("the electron-loop coupling: experiments of g_agg run along g_ae too", "[scan]") {
  // model.electron_loop makes every family's photon coupling |g_agg +- delta g(g_ae)|: an experiment that
  // declares only (m_a, g_agg) depends on g_ae, and a scanned g_ae must be in its sub-grid (before, it was
  // evaluated at g_ae's first value only and the map was silently wrong).
  Diagnostics d;
  const std::string base = R"({"format": "alpscan-job/1",
    "parameters": {"m_a": {"values": [1e6, 1e8]}, "g_agg": {"values": [1e-6, 1e-5]}, "g_ae": {"values": [1e-8, 1e-2]}},
    "experiments": ["passat_nomad"])";
  const ParameterSpace off(job_from(base + "}", d));
  REQUIRE(d.empty());
  CHECK(off.subgrid({Axis::m_a, Axis::g_agg}).axes == std::vector<Axis>{Axis::m_a, Axis::g_agg});
  const JobSpec j = job_from(base + R"(, "model": {"electron_loop": "add"}})", d);
  REQUIRE(d.empty());
  const ParameterSpace on(j);
  CHECK(on.subgrid({Axis::m_a, Axis::g_agg}).axes == std::vector<Axis>{Axis::m_a, Axis::g_agg, Axis::g_ae});
  CHECK(on.subgrid({Axis::m_a}).axes == std::vector<Axis>{Axis::m_a});
  CHECK(with_implied_axes(j, {Axis::g_agg}) == std::vector<Axis>{Axis::g_agg, Axis::g_ae});
  // Every point of that sub-grid carries its own g_ae.
  const SubGrid g = on.subgrid({Axis::m_a, Axis::g_agg});
  CHECK(on.point(g, 0).g_ae() == 1e-8);
  CHECK(on.point(g, 1).g_ae() == 1e-2);
}

TEST_CASE("tied axes: a tie may follow an axis the model block gives (bandpass m_D shorthand)", "[job]") {
  Diagnostics d;
  const JobSpec j = job_from(R"({"format": "alpscan-job/1",
    "parameters": {"m_a": {"values": [1e-6, 1e-3]}, "g_agg": {"values": [1e-10, 1e-9]},
                   "m_f_light": 1e-6, "m_f_heavy": 1e3, "eps": {"tied_to": "m_D", "ratio": 1e-6}},
    "model": {"bandpass": {"m_D": 6e-4}},
    "experiments": ["osqar"]})", d);
  INFO(d.format());
  REQUIRE(d.empty());
  const ParameterSpace s(j);
  const AlpPoint p = s.point(s.full(), 0);
  CHECK(p[Axis::m_D] == Approx(6e-4 * units::eV).epsilon(1e-15));
  CHECK(p[Axis::eps] == Approx(6e-10).epsilon(1e-15));  // eps is dimensionless, m_D in eV: the ratio per eV
}
