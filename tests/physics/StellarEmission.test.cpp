// physics/StellarEmission against independent calculations written here: the Primakoff bracket against
// its angular integral and its massless closed form (Raffelt 1996 Eq. (5.8)); the plasma scales against
// the standard formulas; the emissivities against direct trapezoid integrals; the large-mass Boltzmann
// asymptotes in closed form (Bessel K); the bremsstrahlung ratio against its exact Bessel series; the
// escape fraction against exp(-R/lambda) and the Lambert-W edge of a monochromatic source.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/StellarEmission.hpp"

using namespace alpscan;
using namespace alpscan::physics;

namespace {
constexpr double keV = units::keV;
constexpr double pi = units::pi;

// Composite Simpson on [a, b] with n (even) intervals.
double simpson(const std::function<double(double)>& f, double a, double b, int n) {
  const double h = (b - a) / n;
  double s = f(a) + f(b);
  for (int i = 1; i < n; ++i) s += f(a + i * h) * (i % 2 ? 4 : 2);
  return s * h / 3;
}

// The HB one-zone plasma of data/experiments/hb_r_parameter.json (T = 8.6 keV, rho = 1e4 g/cm^3, He).
StellarPlasma hb() { return ionised_plasma(8.6 * keV, 1e4, 0.5, 1.0); }

// eps of a spectrum by a direct Simpson integral from threshold to threshold + 80 T, in u = sqrt(w - w0).
double direct(const std::function<double(double)>& spec, double w0, double T) {
  return simpson([&](double u) { return 2 * u * spec(w0 + u * u); }, 0.0, std::sqrt(80 * T), 20000);
}
}  // namespace

TEST_CASE("Primakoff bracket: angular integral and massless closed form", "[physics][stellar]") {
  for (auto [k, p, kap] : {std::tuple{1.0, 1.0, 1.0}, {1.0, 0.5, 1.0}, {2.0, 0.3, 0.7}, {10.0, 9.0, 2.7},
                           {30.0, 5.0, 2.7}, {0.1, 0.099, 2.7}}) {
    // B = 2 int_{-1}^{1} dc k^2 p^2 (1 - c^2) / (q^2 (q^2 + kappa^2)), q^2 = k^2 + p^2 - 2kpc
    const double angular = 2 * simpson(
                                   [&](double c) {
                                     const double q2 = k * k + p * p - 2 * k * p * c;
                                     // at k = p the endpoint c = 1 has q^2 = 0: (1 - c^2)/q^2 -> (1 + c)/(2 k^2)
                                     return q2 > 0 ? k * k * p * p * (1 - c * c) / (q2 * (q2 + kap * kap))
                                                   : k * k * (1 + c) / (2 * kap * kap);
                                   },
                                   -1, 1, 200000);
    INFO("k " << k << " p " << p << " kappa " << kap);
    CHECK(primakoff_bracket(k, p, kap) == Approx(angular).epsilon(1e-6));
  }
  // Massless (k = p = w): (1 + kappa^2/4w^2) ln(1 + 4w^2/kappa^2) - 1.
  for (double w : {0.1, 1.0, 3.0, 20.0}) {
    const double kap = 2.7;
    const double closed = (1 + kap * kap / (4 * w * w)) * std::log(1 + 4 * w * w / (kap * kap)) - 1;
    CHECK(primakoff_bracket(w, w, kap) == Approx(closed).epsilon(1e-9));  // w << kappa: the -1 cancels to 3e-3
  }
}

TEST_CASE("ionised plasma: w_p and the Debye-Hueckel scale", "[physics][stellar]") {
  // w_p = 3.71e-11 eV sqrt(n_e / cm^-3) (spec F9, derived); n_e = Y_e rho / m_u, m_u = 1.66054e-24 g.
  const StellarPlasma s = hb();
  const double n_e = 0.5 * 1e4 / 1.66053907e-24;
  CHECK(s.plasma_frequency / units::eV == Approx(3.7138e-11 * std::sqrt(n_e)).epsilon(1e-3));
  CHECK(s.plasma_frequency / keV == Approx(2.04).epsilon(2e-3));
  CHECK(s.kappa / keV == Approx(27.2).epsilon(2e-3));
  // The Sun (T = 1.3 keV, rho = 150, X = 0.35): Raffelt's kappa_S ~ 9 keV (Stars as laboratories Sec. 5.2), w_p ~ 0.3 keV.
  const StellarPlasma sun = ionised_plasma(1.3 * keV, 150, 0.675, 1.0);
  CHECK(sun.kappa / keV == Approx(9.0).epsilon(0.02));
  CHECK(sun.plasma_frequency / keV == Approx(0.29).epsilon(0.02));
  // kappa^2 ~ n / T: doubling rho doubles kappa^2.
  CHECK(ionised_plasma(8.6 * keV, 2e4, 0.5, 1.0).kappa == Approx(std::sqrt(2.0) * s.kappa).epsilon(1e-12));
}

TEST_CASE("Primakoff and coalescence emissivities against direct integrals", "[physics][stellar]") {
  const StellarPlasma s = hb();
  const double T = s.temperature;
  const double e0 = direct([&](double w) { return primakoff_spectrum(w, 0.0, s); }, s.plasma_frequency, T);
  CHECK(emission_nodes(StellarProcess::primakoff, 0.0, s).total() == Approx(e0).epsilon(1e-6));
  for (double m : {1.0, 10.0, 50.0, 100.0, 300.0}) {
    const double ma = m * keV;
    const double ep = direct([&](double w) { return primakoff_spectrum(w, ma, s); }, std::max(ma, s.plasma_frequency), T);
    const double ec = direct([&](double E) { return coalescence_spectrum(E, ma, s); }, ma, T);
    INFO("m_a = " << m << " keV");
    CHECK(energy_loss_ratio(StellarProcess::primakoff, ma, s) == Approx(ep / e0).epsilon(1e-6));
    CHECK(energy_loss_ratio(StellarProcess::primakoff_and_coalescence, ma, s) == Approx((ep + ec) / e0).epsilon(1e-6));
  }
  // Massless limit: exactly 1 (the anchor of every bound) at a scan's smallest masses.
  CHECK(energy_loss_ratio(StellarProcess::primakoff_and_coalescence, 1e-21, s) == 1.0);
  CHECK(energy_loss_ratio(StellarProcess::primakoff_and_coalescence, 1e-12 * keV, s) == Approx(1.0).epsilon(1e-15));
}

TEST_CASE("coalescence: the closed inner integral against a direct one", "[physics][stellar]") {
  const StellarPlasma s = hb();
  const double T = s.temperature, m = 60 * keV;
  const double x = 1 - 4 * s.plasma_frequency * s.plasma_frequency / (m * m);
  for (double E : {61.0 * keV, 80.0 * keV, 150.0 * keV}) {
    const double p = std::sqrt(E * E - m * m);
    auto f = [&](double w) { return 1 / std::expm1(w / T); };
    const double inner = simpson([&](double w) { return f(w) * f(E - w); }, (E - p) / 2, (E + p) / 2, 20000);
    // dEps/dE = m^4/(128 pi^3) (1 - 4 w_p^2/m^2)^{3/2} E inner (detailed balance with Gamma = g^2 m^3/64 pi).
    const double expect = std::pow(m, 4) / (128 * pi * pi * pi) * x * std::sqrt(x) * E * inner;
    CHECK(coalescence_spectrum(E, m, s) == Approx(expect).epsilon(1e-8));
  }
  CHECK(coalescence_spectrum(5 * keV, 3.9 * keV, s) == 0.0);  // m_a < 2 w_p = 4.08 keV: closed
}

TEST_CASE("Primakoff: large-mass Boltzmann asymptote", "[physics][stellar]") {
  // For m_a >> T, kappa: w ~ m_a, p << k ~ w, q^2 ~ k^2 >> kappa^2, so B -> (8/3) p^2/k^2 and
  // eps -> (T kappa^2 / 12 pi^3) int p^3 e^{-w/T} dw = T^5 kappa^2 mu^2 K_2(mu) / (4 pi^3), mu = m_a/T.
  // Corrections are first order in p^2/k^2 ~ 3T/m_a and in kappa^2/m_a^2: tolerance 4 T/m_a.
  const StellarPlasma s = hb();
  const double T = s.temperature;
  double previous = 1.0;
  for (double mu : {25.0, 50.0, 100.0}) {
    const double m = mu * T;
    const double exact = emission_nodes(StellarProcess::primakoff, m, s).total();
    const double asym = std::pow(T, 5) * s.kappa * s.kappa * mu * mu * std::cyl_bessel_k(2.0, mu) / (4 * pi * pi * pi);
    const double dev = std::abs(exact / asym - 1);
    INFO("mu = " << mu << " exact/asymptote = " << exact / asym);
    CHECK(dev < 4.0 / mu);
    CHECK(dev < previous);  // approaches the asymptote
    previous = dev;
  }
}

TEST_CASE("degenerate bremsstrahlung: exact Bessel series and asymptote", "[physics][stellar]") {
  // int_m p^3 / (e^{w/T} - 1) dw = T^4 sum_n n^-4 3 (n mu)^2 K_2(n mu); at mu = 0 it is pi^4 T^4/15.
  const double T = 8.6 * keV;
  const StellarPlasma s{T, 0.0, 0.0};
  auto series = [](double mu) {
    double sum = 0;
    for (int n = 1; n < 400; ++n) sum += 3 * (n * mu) * (n * mu) * std::cyl_bessel_k(2.0, n * mu) / std::pow(n, 4);
    return sum * 15 / std::pow(pi, 4);
  };
  CHECK(energy_loss_ratio(StellarProcess::degenerate_bremsstrahlung, 1e-21, s) == 1.0);
  CHECK(emission_nodes(StellarProcess::degenerate_bremsstrahlung, 0.0, s).total() ==
        Approx(std::pow(pi * T, 4) / 15).epsilon(1e-9));
  for (double mu : {0.3, 1.0, 3.0, 10.0, 30.0}) {
    INFO("mu = " << mu);
    CHECK(energy_loss_ratio(StellarProcess::degenerate_bremsstrahlung, mu * T, s) == Approx(series(mu)).epsilon(1e-7));
  }
  // Boltzmann asymptote (n = 1 only): (45/pi^4) mu^2 K_2(mu) ~ (45/pi^4) sqrt(pi/2) mu^{3/2} e^{-mu}.
  const double mu = 40;
  CHECK(energy_loss_ratio(StellarProcess::degenerate_bremsstrahlung, mu * T, s) ==
        Approx(45 / std::pow(pi, 4) * std::sqrt(pi / 2) * std::pow(mu, 1.5) * std::exp(-mu)).epsilon(15.0 / (8 * mu) + 1e-3));
}

TEST_CASE("escape fraction: exp(-R/lambda) and the Lambert-W upper edge", "[physics][stellar]") {
  // One emitted energy: escape = exp(-R m Gamma / p) exactly.
  const double m = 100 * keV, w = 130 * keV, p = std::sqrt(w * w - m * m), R = 2.87e9 * units::cm;
  EmissionNodes one{{w}, {1.0}};
  const double g = 1e-5;  // GeV^-1
  const double Gamma = g * g * m * m * m / (64 * pi);
  CHECK(escape_fraction(one, m, Gamma, R) == Approx(std::exp(-R * m * Gamma / p)).epsilon(1e-12));
  CHECK(escape_fraction(one, m, 0.0, R) == 1.0);
  // Upper edge of (g/g0)^2 r exp(-c g^2) = 1, c = R m^4/(64 pi p): x = c g^2 solves x e^{-x} = c g0^2 / r,
  // the W_{-1} branch. Solve it here by Newton on ln x - x = ln(c g0^2 / r) and compare with a bisection
  // on the escape fraction.
  const double g0 = 0.65e-10, r = 0.03, c = R * std::pow(m, 4) / (64 * pi * p);
  const double target = std::log(c * g0 * g0 / r);
  double x = 30;
  for (int i = 0; i < 50; ++i) x -= (std::log(x) - x - target) / (1 / x - 1);
  const double g_edge = std::sqrt(x / c);
  auto s = [&](double gg) { return gg * gg / (g0 * g0) * r * escape_fraction(one, m, gg * gg * m * m * m / (64 * pi), R); };
  double lo = 1e-9, hi = 1e-2;  // s(lo) > 1 > s(hi)
  REQUIRE(s(lo) > 1);
  REQUIRE(s(hi) < 1);
  for (int i = 0; i < 200; ++i) {
    const double mid = std::sqrt(lo * hi);
    (s(mid) > 1 ? lo : hi) = mid;
  }
  CHECK(lo == Approx(g_edge).epsilon(1e-9));
}
