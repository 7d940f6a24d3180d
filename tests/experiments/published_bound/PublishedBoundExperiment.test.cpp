// The published_bound family (PublishedBoundExperiment) with its data files (data/experiments/
// mwd_polarisation, chandra_ngc1275, chandra_h1821, mrk421, sn1987a_gamma, sn1987a_heavy_alp_gamma,
// sn1987a_heavy_alp_nu, cast_all_phases, cast_gae) against the numbers the original papers state in their abstracts, the closed form of
// the (ln m, ln g) interpolation, the scaling s = (g/g_lim)^p, the empty region outside each curve's mass
// range, and the errors a bad curve file gives.
//
// Tolerances. A paper's abstract quotes its limit to two significant figures (+-1% at 5.4, +-0.8% at
// 0.66 from rounding alone) and the compilation digitised the published figure (on log axes a
// 1-pixel error is ~1-2% in g); so a plateau value is checked to 3% (2% for CAST, whose plateau the
// compilation tabulates from the paper's analytic low-mass value and stays within 1.5% of it).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/PublishedBoundExperiment.hpp"
#include "alpscan/io/ExperimentCatalog.hpp"
#include "alpscan/model/AlpModel.hpp"
#include "alpscan/stats/PublishedCurveLikelihood.hpp"
#include "temp_dir.hpp"

using namespace alpscan;
using Catch::Detail::Approx;

namespace {

const std::string kDir = std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/";
const double eV = units::eV;
const std::vector<std::string> kFiles = {"mwd_polarisation", "chandra_ngc1275",         "chandra_h1821",
                                         "mrk421",           "sn1987a_gamma",           "sn1987a_heavy_alp_gamma",
                                         "sn1987a_heavy_alp_nu", "cast_all_phases"};

// Builds an experiment through the family registry, as a job does (data file + the job's option overrides).
ExperimentPtr build(const std::string& file, const std::string& options = "{}") {
  return make_experiment({"x", file, options});
}

std::unique_ptr<PublishedBoundExperiment> load(const std::string& name, const std::string& options = "{}") {
  ExperimentPtr e = build(kDir + name + ".json", options);
  auto* p = dynamic_cast<PublishedBoundExperiment*>(e.get());
  REQUIRE(p);
  e.release();
  return std::unique_ptr<PublishedBoundExperiment>(p);
}

// s at (m_a [eV], g [GeV^-1]) for a photon-coupling bound.
double s_at(PublishedBoundExperiment& e, double m_eV, double g) {
  return e.expected_signal(model::AlpModel::from_couplings(m_eV * eV, g));
}

// g_lim [GeV^-1] at n log-spaced masses from lo to hi [eV].
std::vector<double> limits(const PublishedBoundExperiment& e, double lo, double hi, int n = 400) {
  std::vector<double> g;
  for (int i = 0; i < n; ++i) g.push_back(e.coupling_limit(lo * std::pow(hi / lo, (i + 0.5) / n) * eV));
  return g;
}

// The problems building `doc_text` (+ a curve file with `curve_text`) report, as one text.
std::string problems_of(const std::string& doc_text, const std::string& curve_text) {
  TempDir dir("published-bound");
  std::ofstream(dir.path() + "/c.txt") << curve_text;
  std::ofstream(dir.path() + "/x.json") << doc_text;
  try {
    build(dir.path() + "/x.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string bad_file(const std::string& coupling = "g_agg", const std::string& path = "c.txt",
                     const std::string& g_unit = "GeV^-1") {
  return R"({"format": "alpscan-experiment/1", "name": "x", "family": "published_bound", "title": "t",
    "kind": "limit", "cl": 0.95, "sources": ["s"], "parameters": {},
    "published_curve": {"coupling": ")" + coupling + R"(", "cl": {"value": 0.95, "source": "s"}, "source": "s",
      "file": {"path": ")" + path + R"(", "m_a_unit": "eV", "g_limit_unit": ")" + g_unit + R"(", "source": "s"}}})";
}

}  // namespace

TEST_CASE("published_bound: every data file builds through the registry with its curve's coupling as axis",
          "[experiments][published_bound]") {
  for (const auto& name : kFiles) {
    INFO(name);
    auto e = load(name);
    REQUIRE(e->info().likelihood);
    CHECK(e->info().likelihood->kind() == "published_curve");
    CHECK(e->info().axes == std::vector<Axis>{Axis::m_a, Axis::g_agg});
    CHECK(e->info().probe_kinematics.has_value());
  }
}

TEST_CASE("published_bound: low-mass plateaus against the papers' abstracts", "[experiments][published_bound]") {
  SECTION("MWD polarisation: |g| < 5.4e-12 GeV^-1 at 95% CL for m_a < 3e-7 eV (Dessert et al., arXiv:2203.04319)") {
    auto e = load("mwd_polarisation");
    // The fiducial curve is flat to 1.3e-7 eV, then weakens towards 3e-7 eV (6.2e-12 at 2.9e-7):
    // the abstract's number is the plateau.
    for (double g : limits(*e, 1.1e-11, 1.3e-7)) CHECK(g == Approx(5.4e-12).epsilon(0.03));
  }
  SECTION("Chandra NGC 1275: g < 6-8e-13 GeV^-1 at 99.7% for m_a < 1e-12 eV (Reynolds et al., arXiv:1907.05475)") {
    auto e = load("chandra_ngc1275");
    for (double g : limits(*e, 1e-20, 1e-12)) {
      CHECK(g >= 6e-13 * 0.97);
      CHECK(g <= 8e-13 * 1.03);
    }
  }
  SECTION("Chandra H1821+643: g > 6.3e-13 GeV^-1 excluded 'for most masses < 1e-12 eV' (Sisk-Reynes et al., arXiv:2109.03261)") {
    auto e = load("chandra_h1821");
    const auto g = limits(*e, 1e-19, 1e-12);
    int below = 0;
    for (double x : g) below += x <= 6.3e-13 * 1.03 ? 1 : 0;
    CHECK(below > static_cast<int>(g.size()) / 2);  // "most masses"
    for (double x : g) CHECK(x < 8e-13);            // and nowhere far off (the field-realisation steps)
  }
  SECTION("Mrk 421: 95% CL limit within ~[2e-11, 6e-11] GeV^-1 for 5e-10 - 5e-7 eV (Li et al., arXiv:2008.09464)") {
    auto e = load("mrk421");
    // The compilation's curve lies inside [2e-11, 6e-11] (to the digitisation, 3%) from 5e-10 to 3.1e-8 eV.
    // It leaves the band between 3.2e-8 and 1.1e-7 eV (up to 5.4e-10 at 7e-8 eV: a weak spot of the
    // published figure, where the abstract's '~' range does not hold; not asserted), and its high-mass
    // branch 1.15e-7 - 3.6e-7 eV sits at 5.7-6.8e-11, up to 13% above the abstract's rounded '~6e-11'.
    for (double g : limits(*e, 5e-10, 3.1e-8)) {
      CHECK(g >= 2e-11 * 0.97);
      CHECK(g <= 6e-11 * 1.03);
    }
    for (double g : limits(*e, 1.15e-7, 3.6e-7)) {
      CHECK(g >= 2e-11 * 0.97);
      CHECK(g <= 6e-11 * 1.15);
    }
  }
  SECTION("SN1987A gamma burst: g < 5.3e-12 GeV^-1 for m_a < 4.4e-10 eV (Payez et al., arXiv:1410.3747)") {
    auto e = load("sn1987a_gamma");
    for (double g : limits(*e, 1e-22, 4.4e-10)) CHECK(g == Approx(5.3e-12).epsilon(0.03));
    CHECK(e->coupling_limit(3e-9 * eV) > 4 * 5.3e-12);  // the bound weakens above (coherence in the Galaxy)
  }
  SECTION("CAST 2017: g < 0.66e-10 GeV^-1 at 95% CL at low mass (Nature Phys. 13 (2017) 584, arXiv:1705.02290)") {
    auto e = load("cast_all_phases");
    for (double g : limits(*e, 1e-12, 1e-2)) CHECK(g == Approx(0.66e-10).epsilon(0.02));
    // Above ~0.02 eV the vacuum phase loses coherence (the rise):
    CHECK(e->coupling_limit(0.03 * eV) > 1.5 * 0.66e-10);
    // The 3He phases quote a 'typical' 95% CL limit, 'the exact value depending on the pressure setting':
    // g < 2.3e-10 GeV^-1 for 0.39-0.64 eV (CAST, PRL 107 (2011) 261302, arXiv:1106.3919) and g < 3.3e-10
    // for 0.64-1.17 eV (CAST, PRL 112 (2014) 091302, arXiv:1307.1985). The digitised curve scatters by
    // -30%..+50% from setting to setting; its median over each range is the 'typical' value, estimated to
    // ~5-10% from a jagged digitisation: checked to 10%.
    auto median = [](std::vector<double> v) {
      std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
      return v[v.size() / 2];
    };
    CHECK(median(limits(*e, 0.39, 0.64)) == Approx(2.3e-10).epsilon(0.10));
    CHECK(median(limits(*e, 0.64, 1.1665)) == Approx(3.3e-10).epsilon(0.10));
  }
}

TEST_CASE("published_bound: interpolation in (ln m, ln g), the curve's end points and the ceiling of a band",
          "[experiments][published_bound]") {
  // SN1987A heavy ALP (decay photons): a two-point lower edge (952.477 eV, 6.21769e-10) - (9.91235 MeV,
  // 6.21859e-12): at the geometric mean mass the ln-ln interpolation gives the geometric mean coupling.
  auto e = load("sn1987a_heavy_alp_gamma");
  const double m1 = 952.4770302969304, g1 = 6.217688227110858e-10, m2 = 9912351.242348434, g2 = 6.218592429587621e-12;
  CHECK(e->coupling_limit(m1 * eV) == Approx(g1).epsilon(1e-9));
  CHECK(e->coupling_limit(m2 * eV) == Approx(g2).epsilon(1e-9));
  CHECK(e->coupling_limit(std::sqrt(m1 * m2) * eV) == Approx(std::sqrt(g1 * g2)).epsilon(1e-9));
  // its ceiling: the file's upper vertices (994.905 eV, 2.06440e-6) and (10.1307 MeV, 2.11559e-6), held
  // at the end values outside (at 952 eV: 2.0644e-6)
  const double c1 = 994.9054824797051, h1 = 2.0644023690242536e-6, c2 = 10130720.631532894, h2 = 2.1155939224433407e-6;
  CHECK(e->coupling_ceiling(std::sqrt(c1 * c2) * eV) == Approx(std::sqrt(h1 * h2)).epsilon(1e-9));
  CHECK(e->coupling_ceiling(m1 * eV) == Approx(h1).epsilon(1e-9));
  CHECK(s_at(*e, 1e6, 1e-6) >= 1.0);
  CHECK(s_at(*e, 1e6, 2.0e-6) >= 1.0);
  CHECK(s_at(*e, 1e6, 2.2e-6) == 0.0);
  CHECK(s_at(*e, 1e6, 1e-12) < 1.0);
}

TEST_CASE("published_bound: SN1987A energy loss for heavy ALPs against seed 002's statements",
          "[experiments][published_bound]") {
  auto e = load("sn1987a_heavy_alp_nu");
  // seed 002 L1903-L1905: 'The SN bound in this case is weaker than the HB bound for light axions' (the
  // HB bound 0.65e-10 GeV^-1 at 95% CL, L1696) 'but it is an important constraint for heavy axions, up to
  // m_a ~ 300 MeV'.
  CHECK(e->coupling_limit(1e3 * eV) > 0.65e-10);
  CHECK(e->coupling_limit(1e3 * eV) > 10 * 0.65e-10);
  const double m300 = 300e6;
  CHECK(e->coupling_limit(m300 * eV) < e->coupling_ceiling(m300 * eV));  // a band remains open at 300 MeV
  CHECK(s_at(*e, m300, 3e-8) >= 1.0);
  CHECK(s_at(*e, 3.61e8, 1.95e-8) == 0.0);  // closed at the tip, 360.3 MeV
  // The ceiling at one of the file's upper-edge vertices is that vertex's coupling (line 153 of the
  // repository file: 204.646 MeV, 7.92455e-8), and the band there is g_lim < g < g_max.
  const double mv = 2.046463914892858863e+08;
  CHECK(e->coupling_ceiling(mv * eV) == Approx(7.924545576988619425e-08).epsilon(1e-9));
  CHECK(s_at(*e, mv, 5e-8) >= 1.0);
  CHECK(s_at(*e, mv, 8e-8) == 0.0);
  // below 79 MeV the file's top is the plotting cut 1e-6 GeV^-1 (excludes less than the paper)
  CHECK(e->coupling_ceiling(1e6 * eV) == Approx(1e-6).epsilon(1e-12));
  CHECK(s_at(*e, 1e6, 9e-7) >= 1.0);
  CHECK(s_at(*e, 1e6, 1.1e-6) == 0.0);
}

TEST_CASE("published_bound: nothing is excluded outside the curve's mass range", "[experiments][published_bound]") {
  for (const auto& name : kFiles) {
    INFO(name);
    auto e = load(name);
    const auto& c = dynamic_cast<const stats::PublishedCurveLikelihood&>(*e->info().likelihood).curve();
    const double lo = c.m_a.front() / eV, hi = c.m_a.back() / eV;
    const double g_big = name.rfind("sn1987a_heavy_alp", 0) == 0 ? 5e-7 : 1e-3;  // heavy ALPs: below the ceiling
    CHECK(s_at(*e, lo * 0.999, g_big) == 0.0);
    CHECK(s_at(*e, hi * 1.001, g_big) == 0.0);
    CHECK(s_at(*e, hi * 1e3, g_big) == 0.0);
    CHECK(s_at(*e, std::sqrt(lo * hi), g_big) >= 1.0);  // inside, the same coupling is excluded
    CHECK(std::isinf(e->coupling_limit(hi * 1.001 * eV)));
  }
}

TEST_CASE("published_bound: s = (g / g_lim)^p, excluded exactly from g = g_lim", "[experiments][published_bound]") {
  const double m = 1e-12;  // eV, on the Chandra NGC 1275 plateau
  for (const std::string p : {"2", "4"}) {
    INFO("signal_power " << p);
    auto e = load("chandra_ngc1275", R"({"signal_power": ")" + p + R"("})");
    const double power = std::stod(p);
    CHECK(e->config().power == power);
    const double g_lim = e->coupling_limit(m * eV);
    CHECK(s_at(*e, m, g_lim) == Approx(1.0).epsilon(1e-12));
    CHECK(s_at(*e, m, 3 * g_lim) == Approx(std::pow(3.0, power)).epsilon(1e-12));
    CHECK(s_at(*e, m, 0.5 * g_lim) == Approx(std::pow(0.5, power)).epsilon(1e-12));
    CHECK(s_at(*e, m, -2 * g_lim) == Approx(std::pow(2.0, power)).epsilon(1e-12));  // bounds are on |g|
    CHECK(s_at(*e, m, 0.0) == 0.0);
  }
  // the files' choices: g^4 for production x detection (CAST, SN gamma burst), g^2 for one vertex
  CHECK(load("cast_all_phases")->config().power == 4.0);
  CHECK(load("sn1987a_gamma")->config().power == 4.0);
  CHECK(load("mwd_polarisation")->config().power == 2.0);
}

TEST_CASE("published_bound: a bad curve file is reported with the file, the key and what was expected",
          "[experiments][published_bound]") {
  const std::string good = "# m [eV] g [GeV^-1]\n1e-12 1e-12\n1e-10 2e-12\n";
  REQUIRE(problems_of(bad_file(), good).empty());

  std::string p = problems_of(bad_file(), "1e-12 1e-12\n1e-13 2e-12\n");  // masses not increasing
  CHECK(p.find("x.json: /published_curve") != std::string::npos);
  CHECK(p.find("masses must increase strictly") != std::string::npos);

  p = problems_of(bad_file(), "1e-12 1e-12\n1e-10 2e-12 7\n");  // three columns
  CHECK(p.find("/published_curve/file") != std::string::npos);
  CHECK(p.find("c.txt line 2: expected two numbers") != std::string::npos);

  p = problems_of(bad_file("g_agg", "missing.txt"), good);
  CHECK(p.find("/published_curve/file/path") != std::string::npos);
  CHECK(p.find("cannot read") != std::string::npos);

  p = problems_of(bad_file(), "1e-12 -1e-12\n1e-10 2e-12\n");  // negative limit
  CHECK(p.find("/published_curve") != std::string::npos);

  p = problems_of(bad_file("epsilon", "c.txt", "1"), good);  // a coupling the family cannot take from the model
  INFO(p);
  CHECK(p.find("x.json: /published_curve/coupling") != std::string::npos);
  CHECK(p.find("expected \"g_agg\", \"g_ae\" or \"g_ae*g_agg\", found \"epsilon\"") != std::string::npos);

  // no curve at all
  p = problems_of(R"({"format": "alpscan-experiment/1", "name": "x", "family": "published_bound", "title": "t",
    "kind": "limit", "sources": ["s"], "parameters": {},
    "counting": {"background": {"value": 0, "source": "s"}, "observed": {"value": 0, "source": "s"}}})", good);
  CHECK(p.find("/published_curve") != std::string::npos);
  CHECK(p.find("published_curve section") != std::string::npos);
}

TEST_CASE("published_bound: a bad ceiling is reported with the file and the key", "[experiments][published_bound]") {
  const std::string good = "1e-12 1e-12\n1e-10 2e-12\n";
  auto with_params = [&](const std::string& params) {
    std::string doc = bad_file();
    doc.replace(doc.find("\"parameters\": {}"), 16, "\"parameters\": " + params);
    return problems_of(doc, good);
  };
  REQUIRE(with_params(R"({"ceiling_m_a": {"values": [1e-12, 1e-10], "unit": "eV", "source": "s"},
                         "ceiling_g": {"values": [1e-9, 1e-9], "unit": "GeV^-1", "source": "s"}})").empty());
  std::string p = with_params(R"({"ceiling_m_a": {"values": [1e-12, 1e-10], "unit": "eV", "source": "s"}})");
  CHECK(p.find("x.json: /parameters: give both ceiling_m_a and ceiling_g") != std::string::npos);
  p = with_params(R"({"ceiling_m_a": {"values": [1e-10, 1e-12], "unit": "eV", "source": "s"},
                     "ceiling_g": {"values": [1e-9, 1e-9], "unit": "GeV^-1", "source": "s"}})");
  CHECK(p.find("x.json: /parameters/ceiling_g: the ceiling (ceiling_m_a, ceiling_g): masses must increase strictly") !=
        std::string::npos);
  p = with_params(R"({"ceiling_m_a": {"values": [1e-12, 1e-10], "unit": "eV", "source": "s"},
                     "ceiling_g": {"values": [1e-9, 1e-9], "unit": "1", "source": "s"}})");
  CHECK(p.find("/parameters/ceiling_g") != std::string::npos);  // a g_agg ceiling needs an inverse energy
}

TEST_CASE("published_bound: a g_ae curve reads the model's g_ae", "[experiments][published_bound]") {
  TempDir dir("published-bound-gae");
  std::ofstream(dir.path() + "/c.txt") << "1e-3 1e-13\n1e3 1e-13\n";
  std::ofstream(dir.path() + "/x.json") << R"({"format": "alpscan-experiment/1", "name": "x", "family": "published_bound",
    "title": "t", "kind": "limit", "cl": 0.95, "sources": ["s"], "parameters": {},
    "published_curve": {"coupling": "g_ae", "cl": {"value": 0.95, "source": "s"}, "source": "s",
      "file": {"path": "c.txt", "m_a_unit": "eV", "g_limit_unit": "1", "source": "s"}}})";
  ExperimentPtr e = build(dir.path() + "/x.json");
  CHECK(e->info().axes == std::vector<Axis>{Axis::m_a, Axis::g_ae});
  CHECK(e->expected_signal(model::AlpModel::from_couplings(1 * eV, 1e-3, 2e-13)) == Approx(4.0).epsilon(1e-12));
  CHECK(e->expected_signal(model::AlpModel::from_couplings(1 * eV, 1e-3, 0.0)) == 0.0);  // g_agg is not read
}

TEST_CASE("published_bound: CAST's product bound g_ae g_agg < 8.1e-23 GeV^-1 below 10 meV (seed 002 L1589-L1591)",
          "[experiments][published_bound]") {
  auto e = load("cast_gae");
  CHECK(e->info().axes == std::vector<Axis>{Axis::m_a, Axis::g_agg, Axis::g_ae});
  CHECK(e->info().probe_kinematics.has_value());
  CHECK(e->config().power == 2.0);  // counts ~ (g_ae g_agg)^2
  CHECK(e->info().likelihood->describe(e->info().likelihood->calibrate(0.95, nullptr, 0)).headline.find("g_ae*g_agg") !=
        std::string::npos);
  auto s = [&](double m_eV, double g_agg, double g_ae) {
    return e->expected_signal(model::AlpModel::from_couplings(m_eV * eV, g_agg, g_ae));
  };
  // On the hyperbola g_agg = 8.1e-23/g_ae the signal is the curve's level 1, at every split of the product.
  for (double g_ae : {1e-13, 1e-12, 8.1e-12}) {
    INFO("g_ae = " << g_ae);
    CHECK(s(1e-6, 8.1e-23 / g_ae, g_ae) == Approx(1.0).epsilon(1e-12));
    CHECK(s(1e-6, 2 * 8.1e-23 / g_ae, g_ae) == Approx(4.0).epsilon(1e-12));
  }
  CHECK(s(1e-6, 1e-10, 0.0) == 0.0);   // no electron coupling, no ABC axions
  CHECK(s(1e-6, 0.0, 1e-11) == 0.0);   // no photon coupling, no conversion in the magnet
  CHECK(s(9e-3, 1e-10, 1e-12) >= 1.0);  // 1e-22 > 8.1e-23 below 10 meV
  CHECK(s(2e-2, 1e-10, 1e-12) == 0.0);  // above 10 meV the seed states nothing
  CHECK(s(1e-12, 1e-10, 1e-12) >= 1.0);  // down to the lowest job masses
}
