// Photon-coupling scattering on a nucleus (physics/PrimakoffScattering): Primakoff gamma N -> a N
// (spec miniboone_argoneut.md s1.3 P1) and inverse Primakoff a N -> gamma N (s1.4 D3), Tsai screening
// (s1.5) or F = 1 (A2). Checked against closed forms (F = 1 totals and partial integrals, the
// high-energy screened limit), the spec's literal dsigma/dtheta formulas, independent quadratures and
// the spec tables (which are quoted to 2-3 significant figures: tolerance half a unit of the last digit).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/PrimakoffScattering.hpp"
#include "alpscan/physics/Quadrature.hpp"

using namespace alpscan;
using namespace alpscan::physics;
using Catch::Detail::Approx;

namespace {
constexpr double MeV = units::MeV;
constexpr double kZFe = 26, kAFe = 55.845, kZC = 6, kAC = 12.011;

PrimakoffScatteringOptions opts(PrimakoffFormFactor ff, PrimakoffProductionForm pf = PrimakoffProductionForm::exact) {
  PrimakoffScatteringOptions o;
  o.form_factor = ff;
  o.production_form = pf;
  return o;
}

// F = 1: int_0^{dc} d(delta) delta (2D - delta) / (D^2 (T + delta)^2), D = 2 E p, T = |t|_min
//   = [-dc + 2 (D + T) ln(1 + dc/T) - (2D + T) dc/(T + dc)] / D^2   (partial fractions).
double unity_kernel(double E, double m, double dc) {
  const double p = std::sqrt(E * E - m * m), D = 2 * E * p;
  const double T = std::pow(m * m / (E + p), 2);
  return (-dc + 2 * (D + T) * std::log1p(dc / T) - (2 * D + T) * dc / (T + dc)) / (D * D);
}

// int_0^inf ds s/((1 + s)^2 (1 + r s)^2) = [(1 + r) ln(1/r) - 2 (1 - r)]/(1 - r)^3 (partial fractions):
// the screened integral int F^2 d|t|/|t| with r = 1/(a^2 d).
double screened_log(double r) { return ((1 + r) * std::log(1 / r) - 2 * (1 - r)) / std::pow(1 - r, 3); }
}  // namespace

TEST_CASE("primakoff scattering: F = 1 totals equal the closed form (spec P1, D3, A2)", "[primakoff_scattering]") {
  // sigma_P1/g^2 = (alpha Z^2/8) p^2 K (exact E p^3 form), x p/E (p^4 form); sigma_D3/g^2 = (alpha Z^2/4) E^2 K,
  // K = unity_kernel(E, m, 4 E p). Fixed 16-node GL panels in ln(delta): tolerance 1e-10 relative.
  const PrimakoffScattering ex(kZFe, kAFe, opts(PrimakoffFormFactor::unity));
  const PrimakoffScattering p4(kZFe, kAFe, opts(PrimakoffFormFactor::unity, PrimakoffProductionForm::p4));
  const double aZ2 = units::alpha_em * kZFe * kZFe;
  for (double E : {0.01, 0.1, 1.0, 30.0})
    for (double m : {1e-6, 1e-3, 0.005, 0.05}) {
      if (m >= 0.9 * E) continue;
      const double p = std::sqrt(E * E - m * m);
      const double K = unity_kernel(E, m, 4 * E * p);
      CHECK(ex.sigma(E, m) == Approx(aZ2 / 8 * p * p * K).epsilon(1e-10));
      CHECK(p4.sigma(E, m) == Approx(aZ2 / 8 * p * p * (p / E) * K).epsilon(1e-10));
      CHECK(ex.inverse_sigma(E, m) == Approx(aZ2 / 4 * E * E * K).epsilon(1e-10));
      // partial integral theta < 3 mrad and 0.1 rad (the closed form cancels for a cut below |t|_min: skipped)
      for (double th : {3e-3, 0.1}) {
        const double dc = 4 * E * p * std::pow(std::sin(th / 2), 2);
        if (dc < 10 * std::pow(m * m / (E + p), 2)) continue;
        CHECK(ex.sigma_theta_below(E, m, th) == Approx(aZ2 / 8 * p * p * unity_kernel(E, m, dc)).epsilon(1e-10));
      }
    }
  // F = 1 diverges as ln(1/|t|_min) at m = 0: refused.
  CHECK_THROWS(ex.sigma(1.0, 0.0));
}

TEST_CASE("primakoff scattering: screened high-energy limit (spec s1.5 Tsai form factor)", "[primakoff_scattering]") {
  // E >> sqrt(d), m -> 0: sigma_P1/g^2 -> (alpha Z^2/8) I(r), sigma_D3 -> 2x, with
  // I(r) = int F^2 d|t|/|t| = [(1+r) ln(1/r) - 2(1-r)]/(1-r)^3, r = 1/(a^2 d). Corrections: the u^2 term
  // of sin^2 theta, ~ d/(4E^2)/I < 3e-7 at E = 100 GeV (H: d = 0.164 GeV^2), |t|_min a^2 ~ 1e-20: tolerance 1e-6.
  for (auto [Z, A] : {std::pair{kZFe, kAFe}, std::pair{kZC, kAC}, std::pair{1.0, 1.0}}) {
    const PrimakoffScattering s(Z, A);
    const double a = 111.0 / std::cbrt(Z) / units::m_electron, d = 0.164 / std::cbrt(A * A);
    CHECK(s.screening_radius() == Approx(a).epsilon(1e-14));
    CHECK(s.dipole_scale() == Approx(d).epsilon(1e-14));
    const double I = screened_log(1.0 / (a * a * d));
    const double E = 100.0, m = 1e-6;
    CHECK(s.sigma(E, m) == Approx(units::alpha_em * Z * Z / 8 * I).epsilon(1e-6));
    CHECK(s.inverse_sigma(E, m) == Approx(units::alpha_em * Z * Z / 4 * I).epsilon(1e-6));
  }
  // Spec P1: "Fe asymptote 9.81" and 3.82e-27 cm^2 per (GeV^-1)^2 of g^2 (3 s.f.).
  const PrimakoffScattering fe(kZFe, kAFe);
  CHECK(fe.sigma(30.0, 1e-6) == Approx(9.81).margin(0.005));
  const double cm2 = fe.sigma(30.0, 1e-6) / (units::cm * units::cm);  // g = 1 GeV^-1
  CHECK(cm2 == Approx(3.82e-27).epsilon(0.002));
}

TEST_CASE("primakoff scattering: dsigma/dtheta equals the spec formulas (P1, D3)", "[primakoff_scattering]") {
  // P1 (p^4 form): dsigma/dtheta = (1/4) alpha Z^2 F^2 p^4 sin^3 / t^2, exact form x E/p;
  // D3: (1/2) alpha Z^2 F^2 beta sin^3/(1 + beta^2 - 2 beta cos)^2, t = m^2 - 2E(E - p cos theta) formed
  // literally (it loses ~E^2/|t| x 1e-16 at 10 mrad). Tolerance 1e-10.
  const PrimakoffScattering ex(kZFe, kAFe);
  const PrimakoffScattering p4(kZFe, kAFe, opts(PrimakoffFormFactor::tsai, PrimakoffProductionForm::p4));
  const double aZ2 = units::alpha_em * kZFe * kZFe;
  const double E = 0.3, m = 0.02, p = std::sqrt(E * E - m * m), b = p / E;
  for (double th : {0.01, 0.1, 0.5, 2.0}) {
    const double t = m * m - 2 * E * (E - p * std::cos(th));
    const double F2 = ex.form_factor2(-t);
    const double lit = 0.25 * aZ2 * F2 * std::pow(p, 4) * std::pow(std::sin(th), 3) / (t * t);
    CHECK(p4.dsigma_dtheta(E, m, th) == Approx(lit).epsilon(1e-10));
    CHECK(ex.dsigma_dtheta(E, m, th) == Approx(lit * E / p).epsilon(1e-10));
    // dsigma/dOmega = (alpha Z^2/8pi) F^2 E p^3 sin^2/t^2 and dsigma/dcos = 2 pi dsigma/dOmega
    CHECK(ex.dsigma_dcos(E, m, std::cos(th)) ==
          Approx(2 * units::pi * aZ2 / (8 * units::pi) * F2 * E * p * p * p * std::pow(std::sin(th), 2) / (t * t))
              .epsilon(1e-10));
    const double inv = 0.5 * aZ2 * F2 * b * std::pow(std::sin(th), 3) / std::pow(1 + b * b - 2 * b * std::cos(th), 2);
    CHECK(ex.inverse_dsigma_dtheta(E, m, th) == Approx(inv).epsilon(1e-10));
  }
  // |t|_min = m^4/(E + p)^2 = m^2 - 2E(E - p) (spec P1: ~ m^4/4E^2)
  CHECK(primakoff_t_abs(E, m, 0.0) == Approx(2 * E * (E - p) - m * m).epsilon(1e-9));
}

TEST_CASE("primakoff scattering: totals equal an independent log-theta quadrature of dsigma/dtheta", "[primakoff_scattering]") {
  // int_0^pi dtheta dsigma/dtheta by 32-point GL on 0.25-wide panels in ln(theta) from 1e-14 (the integrand
  // ~ theta^4 below the smallest scale theta_min ~ m^2/2E^2, 1/(aE)): independent of the ln|t| rule.
  // Tolerance 1e-8.
  const GaussLegendre gl(32);
  auto integ = [&](auto&& f) {
    double s = 0;
    const double y0 = std::log(1e-14), y1 = std::log(units::pi);
    const int n = static_cast<int>(std::ceil((y1 - y0) / 0.25));
    for (int i = 0; i < n; ++i) {
      const double a = y0 + (y1 - y0) * i / n, b = y0 + (y1 - y0) * (i + 1) / n;
      s += gl.integrate([&](double y) { return std::exp(y) * f(std::exp(y)); }, a, b);
    }
    return s;
  };
  const PrimakoffScattering fe(kZFe, kAFe), c(kZC, kAC);
  for (double E : {0.1, 1.0})
    for (double m : {1e-4, 0.01}) {
      CHECK(integ([&](double th) { return fe.dsigma_dtheta(E, m, th); }) == Approx(fe.sigma(E, m)).epsilon(1e-8));
      CHECK(integ([&](double th) { return c.inverse_dsigma_dtheta(E, m, th); }) ==
            Approx(c.inverse_sigma(E, m)).epsilon(1e-8));
    }
}

TEST_CASE("primakoff scattering: detailed balance sigma_D3 = 2 (E/p)^2 sigma_P1", "[primakoff_scattering]") {
  // Same |M|^2 up to the photon-polarisation average (x2) and flux/phase space (E^2/p^2), spec D3.
  // Both form factors; tolerance 1e-12 (same quadrature nodes, same F^2).
  for (auto ff : {PrimakoffFormFactor::tsai, PrimakoffFormFactor::unity}) {
    const PrimakoffScattering s(kZC, kAC, opts(ff));
    for (double E : {0.1, 1.0})
      for (double m : {0.001, 0.05}) {
        const double p = std::sqrt(E * E - m * m);
        CHECK(s.inverse_sigma(E, m) == Approx(2 * E * E / (p * p) * s.sigma(E, m)).epsilon(1e-12));
      }
  }
}

TEST_CASE("primakoff scattering: spec P1 total cross-section table (Tsai, p^4 form)", "[primakoff_scattering]") {
  // Spec s1.3 P1 table, sigma/g^2 at m_a = 1e-3, 1, 10, 50 MeV; 3 s.f. Tolerance: half a unit of the last
  // digit plus 1e-3 relative for the spec's own numerics (Fe 3000/50: 5.5947 here vs 5.60 quoted, ratio 0.9991).
  const PrimakoffScattering fe(kZFe, kAFe, opts(PrimakoffFormFactor::tsai, PrimakoffProductionForm::p4));
  const PrimakoffScattering c(kZC, kAC, opts(PrimakoffFormFactor::tsai, PrimakoffProductionForm::p4));
  const double ms[4] = {1e-3, 1, 10, 50};
  struct Row {
    const PrimakoffScattering* s;
    double E, v[4], tol;
  };
  const Row rows[] = {{&fe, 100, {9.66, 9.58, 5.16, 0.94}, 0.005},  {&fe, 300, {9.80, 9.79, 6.70, 2.67}, 0.005},
                      {&fe, 1000, {9.81, 9.81, 8.17, 4.23}, 0.005}, {&fe, 3000, {9.81, 9.81, 9.25, 5.60}, 0.005},
                      {&c, 100, {0.569, 0.559, 0.298, 0.065}, 5e-4},  {&c, 1000, {0.588, 0.588, 0.470, 0.259}, 5e-4}};
  for (const Row& r : rows)
    for (int j = 0; j < 4; ++j) {
      INFO("E = " << r.E << " MeV, m = " << ms[j] << " MeV");
      CHECK(r.s->sigma(r.E * MeV, ms[j] * MeV) == Approx(r.v[j]).margin(r.tol + 1e-3 * r.v[j]));
    }
  // F = 1 (alplib directional routine, A2), Fe at 1 GeV: 17.5 at 1 MeV (lower end of "17.5-28"), 11.8 at 10 MeV,
  // x1.45 over the screened value at 10 MeV.
  const PrimakoffScattering u(kZFe, kAFe, opts(PrimakoffFormFactor::unity, PrimakoffProductionForm::p4));
  CHECK(u.sigma(1.0, 1 * MeV) == Approx(17.5).margin(0.05));
  CHECK(u.sigma(1.0, 10 * MeV) == Approx(11.8).margin(0.05));
  CHECK(u.sigma(1.0, 10 * MeV) / fe.sigma(1.0, 10 * MeV) == Approx(1.45).margin(0.005));
  // The default exact E p^3 form differs from p^4 by E/p only where m ~ E (Fe, 100 MeV, 50 MeV: 1/beta = 1.155).
  const PrimakoffScattering ex(kZFe, kAFe);
  CHECK(ex.sigma(0.1, 0.05) / fe.sigma(0.1, 0.05) > 1.0);
  CHECK(ex.sigma(1.0, 1e-6) == Approx(fe.sigma(1.0, 1e-6)).epsilon(1e-12));
}

TEST_CASE("primakoff scattering: spec P1 angular-fraction table (Fe, ALP angle to the photon)", "[primakoff_scattering]") {
  // Spec s1.3 P1: fraction of sigma_P(Fe) with theta < 1, 3, 10, 30 mrad; 2 decimals -> margin 0.005 plus 1e-3
  // relative (four entries sit on a rounding edge: 0.6149 vs 0.62 at E theta = 3 GeV mrad, 0.8949 vs 0.90 at
  // E theta = 30 GeV mrad; both scale with E theta as they must).
  const PrimakoffScattering fe(kZFe, kAFe, opts(PrimakoffFormFactor::tsai, PrimakoffProductionForm::p4));
  struct Row {
    double E, m, f[4];
  };
  const Row rows[] = {{300, 1, {0.33, 0.46, 0.62, 0.75}},  {300, 1e-3, {0.33, 0.46, 0.62, 0.75}},
                      {300, 10, {0.06, 0.22, 0.44, 0.64}}, {1000, 1, {0.48, 0.62, 0.77, 0.90}},
                      {1000, 10, {0.37, 0.54, 0.72, 0.87}}, {3000, 1, {0.62, 0.75, 0.90, 0.98}}};
  const double th[4] = {1e-3, 3e-3, 1e-2, 3e-2};
  for (const Row& r : rows)
    for (int j = 0; j < 4; ++j) {
      INFO("E = " << r.E << " MeV, m = " << r.m << " MeV, theta < " << th[j]);
      CHECK(fe.fraction_theta_below(r.E * MeV, r.m * MeV, th[j]) == Approx(r.f[j]).margin(0.005 + 1e-3 * r.f[j]));
    }
  CHECK(fe.fraction_theta_below(0.3, 0.01, units::pi) == 1.0);
  CHECK(fe.fraction_theta_below(0.3, 0.01, 0.0) == 0.0);
}

TEST_CASE("primakoff scattering: spec D3 inverse-Primakoff totals and cos-bin fractions (C, H)", "[primakoff_scattering]") {
  // Spec s1.4 D3, Tsai screening, m_a << E (m = 1 keV): C 1.139/1.171/1.176, H 0.035/0.037/0.038 at
  // 100/300/1000 MeV (margin half a unit of the last digit); C at 1 GeV = 4.6e-28 cm^2 per (GeV^-1)^2.
  const PrimakoffScattering c(kZC, kAC), h(1, 1.008);
  const double m = 1e-3 * MeV;
  const double Es[3] = {100, 300, 1000}, vc[3] = {1.139, 1.171, 1.176}, vh[3] = {0.035, 0.037, 0.038};
  for (int i = 0; i < 3; ++i) {
    CHECK(c.inverse_sigma(Es[i] * MeV, m) == Approx(vc[i]).margin(5e-4 + 1e-9));
    CHECK(h.inverse_sigma(Es[i] * MeV, m) == Approx(vh[i]).margin(5e-4 + 1e-9));
  }
  CHECK(c.inverse_sigma(1.0, m) / (units::cm * units::cm) == Approx(4.6e-28).margin(0.05e-28));
  // Cos-bin fractions of the photon angle to the ALP: [0.99,1], [0.95,0.99], [0.90,0.95], < 0.90.
  // Quoted to 1-2 significant figures: margin half a unit of the quoted digit (0.005 or 0.0005).
  struct Row {
    double E, f[4], tol[4];
  };
  const Row rows[] = {{100, {0.80, 0.09, 0.035, 0.08}, {0.005, 0.005, 0.0005, 0.005}},
                      {300, {0.89, 0.07, 0.02, 0.02}, {0.005, 0.005, 0.005, 0.005}},
                      {1000, {0.98, 0.016, 0.001, 0.001}, {0.005, 0.0005, 0.0005, 0.0005}}};
  const double edges[5] = {-1, 0.90, 0.95, 0.99, 1.0};
  for (const Row& r : rows) {
    double sum = 0;
    for (int j = 0; j < 4; ++j) {
      const double f = c.inverse_fraction_cos_between(r.E * MeV, m, edges[3 - j], edges[4 - j]);
      INFO("E = " << r.E << " MeV, bin " << j);
      CHECK(f == Approx(r.f[j]).margin(r.tol[j] + 1e-9));
      sum += f;
    }
    CHECK(sum == Approx(1.0).epsilon(1e-10));  // the bins partition [-1, 1]
  }
}

TEST_CASE("primakoff scattering: cone acceptance for an off-axis photon (spec s2.2 acceptance table)", "[primakoff_scattering]") {
  const PrimakoffScattering fe(kZFe, kAFe);
  const double E = 0.3, m = 0.005, tdet = 10.2246e-3;
  // theta_gamma = 0: the cone is the cut theta < theta_det; theta_det >= pi + theta_gamma: everything.
  CHECK(fe.cone_fraction(E, m, 0.0, tdet) == Approx(fe.fraction_theta_below(E, m, tdet)).epsilon(1e-14));
  CHECK(fe.cone_fraction(E, m, 0.02, 3.2) == Approx(1.0).epsilon(1e-10));
  // Independent 2-D integral: ln(theta) GL (16 nodes on 0.1-wide panels) x 4000 midpoint azimuths, the ALP
  // direction built as a vector with the photon tilted by theta_gamma and its angle to the axis from atan2.
  // The azimuthal indicator converges as 1/N_phi: tolerance 3e-4 absolute.
  const GaussLegendre gl(16);
  const int nphi = 4000;
  for (double tg : {0.004, 0.0102, 0.03}) {
    double acc = 0, tot = 0;
    const double y0 = std::log(1e-9), y1 = std::log(units::pi);
    const int npan = static_cast<int>(std::ceil((y1 - y0) / 0.1));
    for (int i = 0; i < npan; ++i) {
      const double a = y0 + (y1 - y0) * i / npan, b = y0 + (y1 - y0) * (i + 1) / npan;
      for (int k = 0; k < gl.size(); ++k) {
        const double y = 0.5 * (a + b) + 0.5 * (b - a) * gl.nodes()[k];
        const double th = std::exp(y);
        const double w = 0.5 * (b - a) * gl.weights()[k] * th * fe.dsigma_dtheta(E, m, th);
        tot += w;
        if (th > tg + tdet + 1e-3 || th < tg - tdet - 1e-3) continue;
        int in = 0;
        for (int j = 0; j < nphi; ++j) {
          const double ph = 2 * units::pi * (j + 0.5) / nphi;
          // ALP in the photon frame, then rotated by tg about the y axis
          const double x0 = std::sin(th) * std::cos(ph), y0v = std::sin(th) * std::sin(ph), z0 = std::cos(th);
          const double x = x0 * std::cos(tg) + z0 * std::sin(tg), z = -x0 * std::sin(tg) + z0 * std::cos(tg);
          if (std::atan2(std::hypot(x, y0v), z) < tdet) ++in;
        }
        acc += w * in / nphi;
      }
    }
    INFO("theta_gamma = " << tg);
    CHECK(fe.cone_fraction(E, m, tg, tdet) == Approx(acc / tot).margin(3e-4));
  }
}
