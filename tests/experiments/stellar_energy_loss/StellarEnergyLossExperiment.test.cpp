// The stellar_energy_loss family (data/experiments/hb_r_parameter.json, red_giant_tip.json,
// white_dwarf_lf.json, sun_helioseismology.json):
//  * the massless anchors: at m_a -> 0 the excluded region starts exactly at the seed's numbers
//    (seed 002 L1694-L1696, L1650-L1653, L1774-L1776, L1532-L1535);
//  * the massive HB lower edge against the published full-stellar-model contour of Carenza et al. 2020
//    (AxionLimits GlobularClusters-R.txt, copied in data/experiments/curves/): within 10% up to 71 keV
//    (one-zone model vs full models; the digitised curve itself wiggles by a few %: 0.633 vs 0.655 at
//    11 keV), within 1.5x at 89-100 keV, and WEAKER (never stronger) above, where the one-zone
//    temperature under-weights the Boltzmann tail of the hot centre (cause stated in the data file);
//  * the decay-inside-the-core upper edge within 0.6 dex of the published one (30-260 keV): a
//    straight-line escape from the core vs the energy-transfer treatment of Lucente et al. 2022;
//  * the red-giant shape against AxionLimits RedGiants_HighMass.txt (plateaus normalised) within 15% up to
//    the 50 keV where the data file stops applying the bound.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/StellarEnergyLossExperiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"

using namespace alpscan;

namespace {
const std::string kDir = std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments/";
constexpr double keV = units::keV;

std::unique_ptr<StellarEnergyLossExperiment> load(const std::string& name) {
  Diagnostics d;
  ExperimentFile f(kDir + name + ".json", nlohmann::json::object(), d);
  StellarEnergyLossConfig c = read_stellar_energy_loss_config(f);
  f.finish();
  if (!d.empty()) throw InputError(d);
  return std::make_unique<StellarEnergyLossExperiment>(f.info(), c);
}

model::AlpModel point(bool photon, double m, double g) {
  return photon ? model::AlpModel::from_couplings(m, g, 0.0) : model::AlpModel::from_couplings(m, 0.0, g);
}

// Two columns (m_a [eV], g) of a curves/ file, '#' comments skipped.
std::vector<std::pair<double, double>> read_curve(const std::string& file) {
  std::ifstream in(kDir + "curves/" + file);
  REQUIRE(in.good());
  std::vector<std::pair<double, double>> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    double m, g;
    if (ss >> m >> g) out.emplace_back(m, g);
  }
  return out;
}

// The lower (upper) edge of the excluded region at mass m: bisection in ln g of s(g) = 1 between
// lo (excluded side for the upper edge / allowed side for the lower edge) and hi.
double edge(StellarEnergyLossExperiment& e, bool photon, double m, double lo, double hi) {
  auto s = [&](double g) { return e.expected_signal(point(photon, m, g)); };
  const bool lower = s(lo) < 1;
  REQUIRE((s(lo) < 1) != (s(hi) < 1));
  for (int i = 0; i < 200; ++i) {
    const double mid = std::sqrt(lo * hi);
    ((s(mid) < 1) == lower ? lo : hi) = mid;
  }
  return std::sqrt(lo * hi);
}
}  // namespace

TEST_CASE("stellar energy loss: the massless anchors are the seed's numbers", "[stellar][experiment]") {
  struct Row {
    const char* name;
    bool photon;
    double g0;
  };
  for (const Row& r : {Row{"hb_r_parameter", true, 0.65e-10}, Row{"sun_helioseismology", true, 4.1e-10},
                       Row{"red_giant_tip", false, 1.48e-13}, Row{"white_dwarf_lf", false, 1.4e-13}}) {
    INFO(r.name);
    auto e = load(r.name);
    for (double m : {1e-12 * units::eV, 1e-6 * units::eV}) {
      CHECK(e->expected_signal(point(r.photon, m, r.g0)) == Approx(1.0).epsilon(1e-12));
      CHECK(e->expected_signal(point(r.photon, m, 0.99 * r.g0)) < 1.0);
      CHECK(e->expected_signal(point(r.photon, m, 1.01 * r.g0)) > 1.0);
    }
  }
}

TEST_CASE("HB: massive lower edge against Carenza et al. 2020", "[stellar][experiment]") {
  auto e = load("hb_r_parameter");
  const auto pub = read_curve("hb_globular_clusters_R_carenza2020.txt");
  REQUIRE(pub.size() == 27);
  CHECK(pub[0].second == Approx(0.65e-10).epsilon(0.01));  // the file's plateau is the seed's number
  // The lower edge: the first 20 rows (increasing m_a up to 388.6 keV).
  for (std::size_t i = 2; i < 15; ++i) {  // up to 240 keV
    const double m_eV = pub[i].first, g_pub = pub[i].second;
    const double g = edge(*e, true, m_eV * units::eV, 1e-12, 1e-6);
    const double ratio = g / g_pub;
    INFO("m_a = " << m_eV / 1e3 << " keV: alpscan " << g << " published " << g_pub << " ratio " << ratio);
    if (m_eV < 75e3) CHECK(std::abs(ratio - 1) < 0.10);
    else if (m_eV < 105e3) CHECK((ratio > 1.0 && ratio < 1.5));
    else CHECK(ratio > 1.0);  // one zone: weaker than the full models (conservative), see the data file
  }
  // At 304 keV the published contour still excludes 6.8e-8 GeV^-1 upwards; the one-zone model excludes
  // nothing there (production and decay close the region first): conservative, stated in the data file.
  for (double lg = -10; lg < -2; lg += 0.05) CHECK(e->expected_signal(point(true, 304.257 * keV, std::pow(10.0, lg))) < 1.0);
}

TEST_CASE("HB: the decay-inside-the-core upper edge", "[stellar][experiment]") {
  auto e = load("hb_r_parameter");
  const auto pub = read_curve("hb_globular_clusters_R_carenza2020.txt");
  for (std::size_t i = 21; i < 27; ++i) {  // the upper edge, 257 keV down to 29.5 keV
    const double m_eV = pub[i].first, g_pub = pub[i].second;
    const double g = edge(*e, true, m_eV * units::eV, 1e-1, 3e-6);  // 3e-6: inside the region at 30-257 keV
    INFO("m_a = " << m_eV / 1e3 << " keV: alpscan " << g << " published " << g_pub);
    CHECK(std::abs(std::log10(g / g_pub)) < 0.6);
  }
  // Without the decay the region never closes.
  CHECK(e->escape(point(true, 100 * keV, 1e-3)) < 1e-6);
}

TEST_CASE("red giants: the massive g_ae shape against AxionLimits", "[stellar][experiment]") {
  auto e = load("red_giant_tip");
  const auto pub = read_curve("red_giants_high_mass_axionlimits.txt");
  const double plateau_pub = pub[0].second, g0 = 1.48e-13;
  for (const auto& [m_eV, g_pub] : pub) {
    if (m_eV < 1e3 || m_eV > 5e4) continue;
    const double g = edge(*e, false, m_eV * units::eV, 1e-14, 1e-9);
    const double ratio = (g / g0) / (g_pub / plateau_pub);
    INFO("m_a = " << m_eV / 1e3 << " keV: shape ratio " << ratio);
    CHECK(std::abs(ratio - 1) < 0.15);
  }
  // The data file applies the bound up to 50 keV only (beyond, the one-zone shape is steeper than
  // published: nothing is excluded there rather than too much).
  CHECK(e->expected_signal(point(false, 60 * keV, 1e-9)) == 0.0);
}

TEST_CASE("white dwarfs: the Boltzmann asymptote; the Sun below w_p", "[stellar][experiment]") {
  auto wd = load("white_dwarf_lf");
  // eps(m)/eps(0) = (15/pi^4) sum 3 (n mu)^2 K_2(n mu); at mu = 10 (8.6 keV) it is ~ 1.6e-3 (n = 1 term:
  // (45/pi^4) 100 K_2(10) = 0.4620 * 100 * 2.1509e-5 = 9.94e-4 ... plus n >= 2, negligible).
  const double mu = 10, T = 0.86 * keV;
  const double r = 45 / std::pow(units::pi, 4) * mu * mu * std::cyl_bessel_k(2.0, mu);
  CHECK(wd->energy_loss_ratio(mu * T) == Approx(r).epsilon(1e-3));
  auto sun = load("sun_helioseismology");
  CHECK(sun->energy_loss_ratio(0.1 * keV) > 0.99);
}
