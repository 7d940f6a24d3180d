// physics/PrimakoffConeTable (the tabulated Primakoff cone convolution) against the exact convolution
// (primakoff_cone_sigma_binned, itself tested against independent integrals in
// PrimakoffConeConvolution.test.cpp) at (E, m) off the table's lattice: tolerance 1% on the weighted
// sum (what the shower dump uses) and 0.01 absolute on each bin's fraction, for MiniBooNE's iron and
// cone (theta_det = 10.2 mrad) and ArgoNeuT's carbon with its narrower cone, masses 0.1-100 MeV from
// threshold (p/m ~ 0.05) to E = 1e4 m.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/PrimakoffConeConvolution.hpp"
#include "alpscan/physics/PrimakoffConeTable.hpp"

using namespace alpscan;
using namespace alpscan::physics;

namespace {

// The shower dump's annuli (ShowerDumpExperiment::photon_angle_edges): 4 of equal solid angle inside
// the cone, then 8 per decade to 0.5 rad.
std::vector<double> annuli(double theta_det) {
  std::vector<double> e{0.0};
  for (int i = 1; i <= 4; ++i) e.push_back(theta_det * std::sqrt(i / 4.0));
  const int n = static_cast<int>(std::ceil(std::log10(0.5 / theta_det) * 8));
  for (int i = 1; i <= n; ++i) e.push_back(theta_det * std::pow(0.5 / theta_det, double(i) / n));
  return e;
}

// Photon weights per bin: a pi0-like angular spread (solid angle x exp(-theta/0.05)).
std::vector<double> weights(const std::vector<double>& e) {
  std::vector<double> w;
  for (std::size_t i = 0; i + 1 < e.size(); ++i) {
    const double c = 0.5 * (e[i] + e[i + 1]);
    w.push_back((e[i + 1] * e[i + 1] - e[i] * e[i]) * std::exp(-c / 0.05));
  }
  return w;
}

void check(double Z, double A, double theta_det) {
  const PrimakoffScattering p(Z, A);
  const std::vector<double> e = annuli(theta_det);
  const std::vector<double> w = weights(e);
  const PrimakoffConeTable table(p, e, theta_det, 3, 12);
  std::vector<double> f, unit(w.size(), 0.0);
  for (double m_MeV : {0.137, 1.31, 7.7, 23.3, 61.0, 97.0})
    for (double x : {1.0013, 1.037, 1.29, 3.7, 11.3, 87.0, 1.3e3, 9.1e3}) {  // E/m
      const double m = m_MeV * units::MeV, E = x * m;
      if (E > 10.0) continue;  // beyond the photon spectra
      const double exact = primakoff_cone_sigma_binned(p, E, m, e, w, theta_det);
      const double fast = table.sigma_binned(E, m, w);
      INFO("m = " << m_MeV << " MeV, E = " << E << " GeV: exact " << exact << ", table " << fast);
      CHECK(fast == Approx(exact).epsilon(0.01));
      table.fractions(E, m, f);
      const double s = p.sigma(E, m);
      for (std::size_t i = 0; i < w.size(); ++i) {
        unit[i] = 1.0;
        const double k = primakoff_cone_sigma_binned(p, E, m, e, unit, theta_det) / s;
        unit[i] = 0.0;
        INFO("bin " << i);
        CHECK(std::abs(f[i] - k) < 0.01);
      }
    }
  // Slow ALPs (p/m < 1e-3): the exact path.
  const double m = 50 * units::MeV, E = m * (1 + 1e-7);
  CHECK(table.sigma_binned(E, m, w) == Approx(primakoff_cone_sigma_binned(p, E, m, e, w, theta_det)).epsilon(1e-12));
}

}  // namespace

TEST_CASE("PrimakoffConeTable: the tabulated cone convolution within 1% of the exact one off its nodes",
          "[physics][primakoff]") {
  SECTION("MiniBooNE: iron, 10.2 mrad") { check(26.0, 55.845, 10.2246e-3); }
  SECTION("ArgoNeuT: carbon, 1.8 mrad") { check(6.0, 12.011, 1.8e-3); }
}

TEST_CASE("PrimakoffConeTable: nodes are memoised and E <= m gives 0", "[physics][primakoff]") {
  const PrimakoffScattering p(26.0, 55.845);
  const std::vector<double> e = annuli(10.2246e-3), w = weights(e);
  const PrimakoffConeTable table(p, e, 10.2246e-3);
  const double s1 = table.sigma_binned(0.3, 0.01, w);
  const std::size_t n = table.nodes_computed();
  CHECK(n == 16);
  CHECK(table.sigma_binned(0.3, 0.01, w) == s1);
  CHECK(table.nodes_computed() == n);
  CHECK(table.sigma_binned(0.01, 0.01, w) == 0.0);
  CHECK(table.sigma_binned(0.005, 0.01, w) == 0.0);
}
