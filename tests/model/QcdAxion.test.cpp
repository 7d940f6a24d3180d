// QCD-axion benchmark relations of seed 004's appendix A (model/QcdAxion), the bands drawn beside the curves.
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/model/QcdAxion.hpp"

using namespace alpscan;
using Catch::Detail::Approx;

TEST_CASE("QCD axion: f_a and the KSVZ band slopes (seed 004 Eqs. A1, A2; spec V14)", "[qcd_axion]") {
  // Eq. (A1): f_a = 5.691e6 GeV at m_a = 1 eV.
  CHECK(model::qcd_axion_fa(1 * units::eV) == Approx(5.691e6).epsilon(1e-12));
  // Spec V14: the band's edges have slopes g/m_a = 2.587 (E/N = 44/3) and 0.016 GeV^-2 (E/N = 2).
  CHECK(model::qcd_axion_g_agg(1.0, model::kKsvzEoverNHigh) == Approx(2.587).epsilon(1e-3));
  CHECK(model::qcd_axion_g_agg(1.0, model::kKsvzEoverNLow) == Approx(0.016).epsilon(1e-9));
  // Independent: the textbook g = alpha/(2 pi f_a) (E/N - 1.92) with Eq. (A1)'s f_a (Grilli di Cortona et
  // al. 2016: 1.92(4)) gives 0.2041 E/N - 0.392 per GeV of m_a; the seed's rounded 0.203 / 0.39 agree to
  // 1% away from the cancellation near E/N = 2.
  for (double EN : {8.0 / 3.0, 44.0 / 3.0}) {
    const double m = 1e-6;  // 1 keV
    const double textbook = units::alpha_em / (2 * units::pi * model::qcd_axion_fa(m)) * (EN - 1.92);
    CHECK(model::qcd_axion_g_agg(m, EN) == Approx(textbook).epsilon(0.01));
  }
}

TEST_CASE("QCD axion: the DFSZ electron coupling (seed 004 Eqs. A3-A5; spec V14)", "[qcd_axion]") {
  // Seed L298: tan(beta) = 0.25 and 120 "equates to sin beta = 0.242536 and 0.999965".
  CHECK(std::sqrt(model::sin2_beta(model::kDfszTanBetaLow)) == Approx(0.242536).margin(5e-7));  // the seed's 6 digits
  CHECK(std::sqrt(model::sin2_beta(model::kDfszTanBetaHigh)) == Approx(0.999965).margin(5e-7));
  // g_ae = m_e sin^2(beta)/(3 f_a): at m_a = 1 meV and sin^2(beta) = 1, 0.51099895e-3 / (3 x 5.691e9).
  CHECK(model::qcd_axion_g_ae(1e-3 * units::eV, 1.0) == Approx(0.51099895e-3 / (3 * 5.691e9)).epsilon(1e-12));
  // Linear in m_a.
  CHECK(model::qcd_axion_g_ae(2e-3 * units::eV, 0.5) == Approx(model::qcd_axion_g_ae(1e-3 * units::eV, 1.0)).epsilon(1e-12));
}
