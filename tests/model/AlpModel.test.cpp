// Unit tests of the ALP model (model/AlpModel, model/AlpWidths, model/ElectronLoopPhotonCoupling):
// widths against closed forms written out here, branching ratios, the br_inv and a -> chi chi invisible
// channels, the decay length, and the electron-loop photon coupling against seed 003's Eqs. (9)-(10).
// References: seed 003 = /work/shared/seeds/003_34ae96bde2a68df3.txt ("Lnnn" = its line numbers),
// spec = /work/shared/spec/invisible_alps.md.
#include <catch2/catch.hpp>

#include <cmath>
#include <complex>
#include <limits>
#include <stdexcept>

#include "alpscan/core/Units.hpp"
#include "alpscan/model/AlpModel.hpp"
#include "alpscan/model/ElectronLoopPhotonCoupling.hpp"

using namespace alpscan;
using Catch::Detail::Approx;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kMe = 0.51099895e-3;  // GeV

AlpPoint point(double m, double g_agg, double g_ae = 0, double g_achi = 0, double m_chi = 0, double br_inv = 0) {
  AlpPoint p;
  p[Axis::m_a] = m, p[Axis::g_agg] = g_agg, p[Axis::g_ae] = g_ae;
  p[Axis::g_achi] = g_achi, p[Axis::m_chi] = m_chi, p[Axis::br_inv] = br_inv;
  return p;
}

}  // namespace

TEST_CASE("AlpModel widths: seed 003 Eqs. (3)-(5) written out independently", "[model][widths]") {
  const double m = 0.2, g = 3e-5, gae = 2e-6, gchi = 0.5, mchi = 0.03;
  const model::AlpModel a(point(m, g, gae, gchi, mchi));
  // Eq. (3), L79
  CHECK(a.width_gg() == Approx(g * g * m * m * m / (64 * kPi)).epsilon(1e-14));
  // Eq. (4), L81, with the seed's derivative g_ae = ours / m_e: g^2 m_e^2 m beta/(8 pi) = ours^2 m beta/(8 pi)
  const double ge_seed = gae / kMe;
  CHECK(a.width_ee() == Approx(ge_seed * ge_seed * kMe * kMe * m / (8 * kPi) * std::sqrt(1 - 4 * kMe * kMe / (m * m)))
                            .epsilon(1e-13));
  // Eq. (5), L87 (Dirac chi)
  CHECK(a.width_inv() == Approx(gchi * gchi / (8 * kPi) * mchi * mchi * m * std::sqrt(1 - 4 * mchi * mchi / (m * m)))
                             .epsilon(1e-13));
  CHECK(a.width_total() == Approx(a.width_gg() + a.width_ee() + a.width_inv()).epsilon(1e-15));
  CHECK(a.width_visible() == Approx(a.width_gg() + a.width_ee()).epsilon(1e-15));
  // the per-g^2 photon width and the photon-only decay exponent L m Gamma_gg/(g^2 p)
  CHECK(model::width_gg_per_g2(m) == Approx(m * m * m / (64 * kPi)).epsilon(1e-15));
  const double L = 100 * units::meter, p = 7.0;
  CHECK(model::gg_decay_exponent_per_g2(L, m, p) == Approx(L * m * model::width_gg_per_g2(m) / p).epsilon(1e-14));
}

TEST_CASE("AlpModel: seed 003 Eq. (7) decay lengths c tau ~ 0.1 m at m_a = 100 MeV (V1)", "[model][widths]") {
  // Eq. (7), L95: l_a = 0.1 m (100 MeV/m_a) / [(g_achi m_chi/0.7e-6)^2 + (g_agg m_a/2e-6)^2 + (g_ae m_e/0.7e-6)^2],
  // each term alone is c tau (rest frame; m_a >> m_chi, m_e). Spec V1: 0.1012 m and 0.0992 m.
  // Rest frame c tau = the lab decay length at p = m (E = sqrt(2) m: gamma beta = 1).
  const double m = 0.1, E = std::sqrt(2.0) * m;
  const model::AlpModel photon(point(m, 2e-6 / m));
  CHECK(photon.decay_length(E) / units::meter == Approx(0.0992).epsilon(1e-3));
  const double mchi = 1e-6;  // 1 keV: beta_chi = 1 - 2e-10
  const model::AlpModel dark(point(m, 0, 0, 0.7e-6 / mchi, mchi));
  CHECK(dark.decay_length(E) / units::meter == Approx(0.1012).epsilon(1e-3));
  // the electron term: g_ae(seed) m_e = our g_ae = 0.7e-6; beta_e = 0.99948 at 100 MeV lengthens it 0.05%
  const model::AlpModel electron(point(m, 0, 0.7e-6));
  CHECK(electron.decay_length(E) / units::meter == Approx(0.1012 / std::sqrt(1 - 4 * kMe * kMe / (m * m))).epsilon(1e-3));
}

TEST_CASE("AlpModel: branching ratios sum to 1; br_inv round trip", "[model][widths]") {
  for (double br : {0.0, 1e-6, 0.3, 0.5, 0.999}) {
    const model::AlpModel a(point(0.05, 1e-4, 3e-6, 0, 0, br));
    CHECK(a.br_gg() + a.br_ee() + a.br_inv() == Approx(1.0).epsilon(1e-14));
    CHECK(a.br_inv() == Approx(br).margin(1e-15).epsilon(1e-13));  // the given fraction comes back
    // inv = br/(1 - br) (gg + ee): the visible widths are untouched by br_inv
    CHECK(a.width_gg() == Approx(1e-8 * 0.05 * 0.05 * 0.05 / (64 * kPi)).epsilon(1e-14));
    CHECK(a.width_inv() == Approx(br / (1 - br) * (a.width_gg() + a.width_ee())).margin(1e-300).epsilon(1e-14));
  }
  const model::AlpModel chi(point(0.05, 1e-4, 3e-6, 1e-3, 0.01));
  CHECK(chi.br_gg() + chi.br_ee() + chi.br_inv() == Approx(1.0).epsilon(1e-14));
  CHECK(chi.br_inv() == Approx(chi.width_inv() / (chi.width_gg() + chi.width_ee() + chi.width_inv())).epsilon(1e-14));
  // br_inv = 1: everything invisible at once
  const model::AlpModel all(point(0.05, 1e-4, 0, 0, 0, 1.0));
  CHECK(std::isinf(all.width_total()));
  CHECK(all.br_inv() == 1.0);
  CHECK(all.br_gg() == 0.0);
  CHECK(all.decay_length(1.0) == 0.0);
  // no coupling at all: stable, no branching
  const model::AlpModel none(point(0.05, 0));
  CHECK(none.width_total() == 0.0);
  CHECK(none.br_gg() + none.br_ee() + none.br_inv() == 0.0);
  CHECK(std::isinf(none.decay_length(1.0)));
}

TEST_CASE("AlpModel: photon-only ALP has total width = Gamma_gg exactly", "[model][widths]") {
  const model::AlpModel a(point(0.3, 1e-5));
  CHECK(a.decays_only_to_photons());
  CHECK(a.width_total() == a.width_gg());  // bit for bit: the proton dumps' fast path relies on it
  CHECK(a.br_gg() == 1.0);
  CHECK_FALSE(model::AlpModel(point(0.3, 1e-5, 1e-9)).decays_only_to_photons());
  CHECK_FALSE(model::AlpModel(point(0.3, 1e-5, 0, 0, 0, 0.1)).decays_only_to_photons());
  CHECK_FALSE(model::AlpModel(point(0.3, 1e-5, 0, 1e-3, 0.01)).decays_only_to_photons());
}

TEST_CASE("AlpModel: a -> chi chi threshold at m_a = 2 m_chi", "[model][widths]") {
  const double mchi = 0.01, g = 1e-3;
  CHECK(model::width_a_to_chichi(g, mchi, 2 * mchi) == 0.0);
  CHECK(model::width_a_to_chichi(g, mchi, 1.5 * mchi) == 0.0);
  // just above threshold the width opens as beta_chi = sqrt(1 - 4 m_chi^2/m^2) ~ sqrt(2 eps)
  const double eps = 1e-6, m = 2 * mchi * (1 + eps);
  const double beta = std::sqrt(1 - 1 / ((1 + eps) * (1 + eps)));
  CHECK(model::width_a_to_chichi(g, mchi, m) == Approx(g * g * mchi * mchi * m / (8 * kPi) * beta).epsilon(1e-8));
  CHECK(beta == Approx(std::sqrt(2 * eps)).epsilon(1e-5));
  // massless chi: the derivative coupling gives Gamma ~ m_chi^2 -> 0
  CHECK(model::width_a_to_chichi(g, 0.0, 0.1) == 0.0);
  // far above threshold: g^2 m_chi^2 m/(8 pi)
  CHECK(model::width_a_to_chichi(g, mchi, 1e3) == Approx(g * g * mchi * mchi * 1e3 / (8 * kPi)).epsilon(1e-9));
  // the model below threshold: no invisible width, all visible
  const model::AlpModel below(point(1.5 * mchi, 1e-4, 0, g, mchi));
  CHECK(below.width_inv() == 0.0);
  CHECK(below.br_gg() == 1.0);
}

TEST_CASE("AlpModel: lab decay length is gamma beta c tau", "[model][decay]") {
  const model::AlpModel a(point(0.05, 1e-4, 1e-6));
  for (double E : {0.0500001, 0.07, 1.0, 100.0}) {
    const double gamma = E / 0.05, beta = std::sqrt(1 - 1 / (gamma * gamma));
    const double ctau = 1.0 / a.width_total();  // hbar = c = 1: c tau = 1/Gamma [GeV^-1]
    CHECK(a.decay_length(E) == Approx(gamma * beta * ctau).epsilon(1e-9));
  }
  CHECK(a.decay_length(0.05) == 0.0);  // at rest (E <= m)
  CHECK(a.decay_length(0.01) == 0.0);
}

TEST_CASE("AlpModel: g_achi and br_inv together are refused; br_inv must be a fraction", "[model]") {
  CHECK_THROWS_AS(model::AlpModel(point(0.1, 1e-5, 0, 1e-3, 0.01, 0.2)), std::invalid_argument);
  CHECK_THROWS_WITH(model::AlpModel(point(0.1, 1e-5, 0, 1e-3, 0.01, 0.2)), Catch::Contains("g_achi and br_inv"));
  CHECK_THROWS_AS(model::AlpModel(point(0.1, 1e-5, 0, 0, 0, 1.5)), std::invalid_argument);
  CHECK_THROWS_AS(model::AlpModel(point(0.1, 1e-5, 0, 0, 0, -0.1)), std::invalid_argument);
  CHECK_NOTHROW(model::AlpModel(point(0.1, 1e-5, 0, 0, 0.01, 0.2)));  // m_chi alone is harmless
}

TEST_CASE("AlpModel: the photon coupling is g_agg for any photon legs today", "[model][coupling]") {
  const model::AlpModel a(point(0.1, 4e-6, 1e-3));
  CHECK(a.g_gamma() == 4e-6);
  CHECK(a.g_gamma(model::kOnShellPhotons) == 4e-6);
  CHECK(a.g_gamma(model::PhotonLegs{-0.3, 0.0}) == 4e-6);   // Primakoff-like leg
  CHECK(a.g_gamma(model::PhotonLegs{100.0, -1e-4}) == 4e-6);  // s-channel-like leg
  // the electron-loop coupling is NOT added by default
  CHECK(std::abs(a.g_gamma_from_electron_loop()) > 0);
  CHECK(a.width_gg() == Approx(4e-6 * 4e-6 * 1e-3 / (64 * kPi)).epsilon(1e-14));
  CHECK(a.m_a() == 0.1);
  CHECK(a.g_ae() == 1e-3);
}

TEST_CASE("electron-loop photon coupling: seed 003 Eqs. (9)-(10) and their limits", "[model][coupling]") {
  // Eq. (10), L109, written out in real and imaginary parts:
  //   tau >= 1: B_1 = 1 - tau arcsin^2(1/sqrt tau)
  //   tau < 1:  f = pi/2 + (i/2) L, L = ln[(1 + s)/(1 - s)], s = sqrt(1 - tau):
  //             B_1 = 1 - tau (pi^2/4 - L^2/4) - i tau pi L/2
  auto b1 = [](double tau) {
    if (tau >= 1) {
      const double f = std::asin(1 / std::sqrt(tau));
      return std::complex<double>(1 - tau * f * f, 0.0);
    }
    const double s = std::sqrt(1 - tau), L = std::log((1 + s) / (1 - s));
    return std::complex<double>(1 - tau * (kPi * kPi / 4 - L * L / 4), -tau * kPi * L / 2);
  };
  for (double tau : {1e-4, 0.01, 0.2611, 0.5, 0.99, 1.0, 1.0445, 3.0, 100.0}) {
    const auto got = model::loop_function_b1(tau), want = b1(tau);
    CHECK(got.real() == Approx(want.real()).epsilon(1e-12).margin(1e-14));
    CHECK(got.imag() == Approx(want.imag()).epsilon(1e-12).margin(1e-14));
  }
  // spec 1.4 [DER] table of |B_1|: 1 MeV 0.940, 2 MeV 1.323, 10 MeV 1.071, 100 MeV 1.003
  auto absb1 = [](double m) { return std::abs(model::loop_function_b1(4 * kMe * kMe / (m * m))); };
  CHECK(absb1(1e-3) == Approx(0.940).epsilon(1e-3));
  CHECK(absb1(2e-3) == Approx(1.323).epsilon(1e-3));
  CHECK(absb1(10e-3) == Approx(1.071).epsilon(1e-3));
  CHECK(absb1(100e-3) == Approx(1.003).epsilon(1e-3));
  // m_a >> m_e (tau -> 0): B_1 -> 1 (L111), the correction is ~ (tau/4) ln^2(4/tau)
  for (double tau : {1e-6, 1e-10, 1e-16, 1e-20}) {
    const double L = std::log(4 / tau);
    CHECK(std::abs(model::loop_function_b1(tau) - 1.0) <= tau * (L * L + 2 * kPi * L));
  }
  // m_a << m_e (tau >> 1): B_1 -> -1/(3 tau) (spec 1.4: the seed's "+1/(3 tau)" at L111 is a sign typo);
  // next order -8/(45 tau^2) from arcsin x = x + x^3/6 + 3x^5/40
  for (double tau : {1e2, 1e4, 1e6}) {
    const auto b = model::loop_function_b1(tau);
    CHECK(b.imag() == 0.0);
    CHECK(b.real() == Approx(-1 / (3 * tau) - 8 / (45 * tau * tau)).epsilon(1.0 / (tau * tau) + 1e-8));  // next term ~ tau^-3
  }
  CHECK(model::loop_function_b1(100.0).real() == Approx(-0.003351).epsilon(1e-3));  // spec 1.4
  // Eq. (9), L105: delta g = (alpha/pi) g_ae^seed B_1, g_ae^seed = g_ae/m_e. For m_a >> m_e it is
  // (alpha/pi) g_ae^seed = 2.32e-3 g_ae^seed (spec 1.4; the seed rounds it to "~0.001 g_ae", L111).
  const double gae = 1e-6;
  const model::AlpModel heavy(point(10.0, 0, gae));
  const auto dg = heavy.g_gamma_from_electron_loop();
  CHECK(dg.real() == Approx(2.3228e-3 * gae / kMe).epsilon(1e-4));
  CHECK(std::abs(dg.imag()) < 1e-6 * std::abs(dg.real()) * 1e3);
  CHECK(std::abs(dg) == Approx(units::alpha_em / kPi * gae / kMe * absb1(10.0)).epsilon(1e-12));
  // m_a << m_e: decouples as (alpha/pi)(g_ae/m_e)(-1/(3 tau)) = -(alpha/pi) g_ae m_a^2/(12 m_e^3)
  const double m_light = 1e-6;
  const auto dl = model::AlpModel(point(m_light, 0, gae)).g_gamma_from_electron_loop();
  CHECK(dl.real() == Approx(-units::alpha_em / kPi * gae * m_light * m_light / (12 * kMe * kMe * kMe)).epsilon(1e-4));
}

TEST_CASE("AlpModel electron_loop option: |g_agg +- delta g| everywhere, off by default (seed 003 L105-L113)",
          "[model][loop]") {
  using L = model::ModelOptions::ElectronLoop;
  const double gae = 1e-5;  // dimensionless; g_ae^seed = gae / m_e
  for (double m : {1e-3, 0.01, 0.1, 1.0}) {
    const std::complex<double> dg = model::loop_photon_coupling_from_electron(gae, m);
    // off (default, the seed's choice L113): g_gamma is g_agg and the photon width ignores g_ae.
    const model::AlpModel off(point(m, 2e-6, gae));
    CHECK(off.g_gamma() == 2e-6);
    // g_agg = 0: both signs give |delta g|, and the photon width follows from it (seed Eq. (3) with delta g).
    for (L sign : {L::add, L::subtract}) {
      const model::AlpModel a(point(m, 0.0, gae), model::ModelOptions{sign, {}});
      CHECK(a.g_gamma() == Approx(std::abs(dg)).epsilon(1e-14));
      CHECK(a.width_gg() == Approx(std::norm(dg) * m * m * m / (64 * kPi)).epsilon(1e-13));
    }
    // g_agg != 0: |g + dg|^2 = g^2 + 2 g Re dg + |dg|^2 (spec 6.1 item 7), and the two signs differ by 4 g Re dg.
    const double g = 3.0 * std::abs(dg);
    const model::AlpModel add(point(m, g, gae), model::ModelOptions{L::add, {}});
    const model::AlpModel sub(point(m, g, gae), model::ModelOptions{L::subtract, {}});
    CHECK(add.g_gamma() * add.g_gamma() == Approx(g * g + 2 * g * dg.real() + std::norm(dg)).epsilon(1e-12));
    CHECK(add.g_gamma() * add.g_gamma() - sub.g_gamma() * sub.g_gamma() ==
          Approx(4 * g * dg.real()).epsilon(1e-9));
  }
  // Spec 1.4 [DER]: with g_agg = delta g alone, Gamma_gg = Gamma_ee at m_a = 0.62 GeV ((alpha/pi)|B_1|, B_1 -> 1
  // there): (alpha/pi)^2 (g_ae/m_e)^2 m^3/(64 pi) = g_ae^2 m/(8 pi)  =>  m = sqrt(8) (pi/alpha) m_e = 0.6187 GeV.
  // Find the crossing by bisection on the model's own widths.
  double lo = 0.2, hi = 2.0;
  for (int i = 0; i < 60; ++i) {
    const double mid = std::sqrt(lo * hi);
    const model::AlpModel a(point(mid, 0.0, gae), model::ModelOptions{L::add, {}});
    (a.width_gg() < a.width_ee() ? lo : hi) = mid;
  }
  CHECK(lo == Approx(0.62).epsilon(0.01));
}
