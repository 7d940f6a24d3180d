// MiniBooNE / ArgoNeuT detector geometry and single-ring acceptance (physics/SphereDecayAcceptance,
// physics/CollinearityAcceptance): spec miniboone_argoneut.md s2.4 (theta_det), s2.5 (chord-averaged
// decay probability, A9), s2.6 (mean chord), s1.4 D1/D2 + A7 (collinearity cut with soft-partner
// exception) and the s4.2 unit checks. Closed forms and limits are asserted; the chord average and the
// collinear fraction are also compared with independent integrations done here.
#include <catch2/catch.hpp>

#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/CollinearityAcceptance.hpp"
#include "alpscan/physics/DecayInVolume.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "alpscan/physics/SphereDecayAcceptance.hpp"

using namespace alpscan;
using namespace alpscan::physics;
using Catch::Detail::Approx;

namespace {
constexpr double m_ = units::meter;
constexpr double MeV = units::MeV;
constexpr double deg = units::pi / 180.0;

// ln of the spec s2.5 definition Pbar = int_0^R P(b) 2b db/R^2, P(b) = e^{-(L-c)/lambda}(1 - e^{-2c/lambda}),
// c = sqrt(R^2 - b^2), by 24-point GL on 400 equal panels in b, with e^{-(L-R)/lambda} factored out and
// R - c = b^2/(R + c) (no cancellation). Resolves the b ~ sqrt(2 R lambda) peak for lambda >= 1e-4 R.
double log_pbar_by_impact_parameter(double lambda, double R, double L) {
  const GaussLegendre gl(24);
  const int n = 400;
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += gl.integrate(
        [&](double b) {
          const double c = std::sqrt((R - b) * (R + b));
          return 2 * b / (R * R) * std::exp(-b * b / (R + c) / lambda) * -std::expm1(-2 * c / lambda);
        },
        R * i / n, R * (i + 1) / n);
  return -(L - R) / lambda + std::log(s);
}

// Independent collinear fraction: midpoint rule in c = cos(theta*) over n cells, explicit rest-frame
// daughters of mass md boosted along z, opening angle from atan2(|p1 x p2|, p1.p2), and the soft rule on
// the softer daughter's total energy. The indicator converges as 1/n (two edges): error <= 2/n.
double fcoll_numeric(double E, double m, double md, double psi0, double E_thr, int n) {
  const double g = E / m, bg = std::sqrt(g * g - 1);
  const double Es = m / 2, ps = std::sqrt((Es - md) * (Es + md));
  int acc = 0;
  for (int i = 0; i < n; ++i) {
    const double c = -1 + 2 * (i + 0.5) / n, s = std::sqrt(1 - c * c);
    const double pt = ps * s, pz1 = g * ps * c + bg * Es, pz2 = -g * ps * c + bg * Es;
    const double E1 = g * Es + bg * ps * c, E2 = g * Es - bg * ps * c;
    // p1 = (pt, 0, pz1), p2 = (-pt, 0, pz2)
    const double cross = std::fabs(pt * pz2 + pt * pz1), dot = -pt * pt + pz1 * pz2;
    const double psi = std::atan2(cross, dot);
    if (psi < psi0 || std::min(E1, E2) < E_thr) ++acc;
  }
  return static_cast<double>(acc) / n;
}
}  // namespace

TEST_CASE("detector geometry: half-angles and solid angles (spec s2.4, s4.2)", "[detector_geometry]") {
  // theta_det = arctan(sqrt(A/pi)/l). Spec s4.2: MiniBooNE 10.2246 mrad (R = 5 m at 489 m); ArgoNeuT at
  // 1040 m 0.3255 mrad (paper area 0.40 x 0.90 m^2) and 0.2352 mrad (true 0.40 x 0.47 m^2 face).
  // Quoted to 4-6 digits: margin half a unit of the last digit.
  const double tm = detector_half_angle(units::pi * 25 * m_ * m_, 489 * m_);
  CHECK(tm == Approx(std::atan(5.0 / 489.0)).epsilon(1e-14));  // a disk of radius R
  CHECK(tm * 1e3 == Approx(10.2246).margin(5e-5));
  CHECK(detector_half_angle(0.40 * 0.90 * m_ * m_, 1040 * m_) * 1e3 == Approx(0.3255).margin(5e-5));
  CHECK(detector_half_angle(0.40 * 0.47 * m_ * m_, 1040 * m_) * 1e3 == Approx(0.2352).margin(5e-5));
  // Solid angles, spec s2.4 table: 3.28e-4 sr and 1.74e-7 sr (3 s.f.); small-angle Omega = pi theta^2.
  CHECK(cone_solid_angle(tm) == Approx(3.28e-4).margin(0.005e-4));
  CHECK(cone_solid_angle(detector_half_angle(0.188 * m_ * m_, 1040 * m_)) == Approx(1.74e-7).margin(0.005e-7));
  CHECK(cone_solid_angle(1e-4) == Approx(units::pi * 1e-8).epsilon(1e-8));
  CHECK(cone_solid_angle(units::pi) == Approx(4 * units::pi).epsilon(1e-15));
}

TEST_CASE("detector geometry: mean chord of a sphere is 4R/3 (spec s2.6)", "[detector_geometry]") {
  // <2 sqrt(R^2 - b^2)> over the disk 2b db/R^2 with b = R sin(phi): int_0^{pi/2} 4R sin(phi) cos^2(phi) dphi, smooth,
  // by 24-point GL on 8 panels (converged to 1e-15): tolerance 1e-13.
  const double R = 5 * m_;
  const GaussLegendre gl(24);
  double s = 0;
  for (int i = 0; i < 8; ++i)
    s += gl.integrate([&](double ph) { return 4 * R * std::sin(ph) * std::cos(ph) * std::cos(ph); },
                      units::pi / 2 * i / 8, units::pi / 2 * (i + 1) / 8);
  CHECK(sphere_mean_chord(R) == Approx(s).epsilon(1e-13));
  CHECK(sphere_mean_chord(R) / m_ == Approx(20.0 / 3.0).epsilon(1e-15));
}

TEST_CASE("detector geometry: chord-averaged Pbar equals the impact-parameter integral (spec s2.5)", "[detector_geometry]") {
  // Closed form e^{-(L-R)/lambda} H(R/lambda) against the literal b integral; in log space from lambda = 1 mm
  // (P ~ e^{-484000}, far below the double range) to 1e9 m. Tolerance 1e-10 absolute in ln Pbar.
  const double R = 5 * m_, L = 489 * m_;
  for (double lam : {1e-3, 0.03, 1.0, 5.0, 50.0, 489.0, 1e4, 1e6, 1e9}) {
    INFO("lambda = " << lam << " m");
    CHECK(sphere_log_decay_probability(lam * m_, R, L) ==
          Approx(log_pbar_by_impact_parameter(lam * m_, R, L)).margin(1e-10));
  }
  // The series branch (x < 1) and the closed branch (x >= 1) of ln H meet continuously at x = 1.
  CHECK(sphere_log_reduced_decay(std::nextafter(1.0, 0.0)) == Approx(sphere_log_reduced_decay(1.0)).epsilon(1e-14));
  // Slope d ln H/d ln x against central differences (h = 1e-5: error ~1e-10).
  for (auto mode : {SphereDecayMode::chord_averaged, SphereDecayMode::paper})
    for (double x : {1e-3, 0.3, 0.999, 1.0, 3.0, 30.0}) {
      const double h = 1e-5;
      const double fd = (sphere_log_reduced_decay(x * std::exp(h), mode) - sphere_log_reduced_decay(x * std::exp(-h), mode)) / (2 * h);
      CHECK(sphere_log_reduced_decay_slope(x, mode) == Approx(fd).margin(1e-8));
    }
}

TEST_CASE("detector geometry: Pbar limits, long and short decay length (spec s2.5, s4.2)", "[detector_geometry]") {
  const double R = 5 * m_, L = 489 * m_;
  // lambda -> inf: Pbar lambda = (4R/3) e^{-L/lambda} (1 + x^2/10 + x^4/280 + ...), x = R/lambda -> 6.6667 m.
  for (double lam : {1e4, 1e6, 1e12, 1e20}) {
    const double x = 5.0 / lam;
    const double want = 20.0 / 3.0 * std::exp(-489.0 / lam) * (1 + x * x / 10 + x * x * x * x / 280);
    CHECK(sphere_decay_probability(lam * m_, R, L) * lam == Approx(want).epsilon(1e-13));
  }
  CHECK(sphere_decay_probability(1e20 * m_, R, L) * 1e20 == Approx(6.6667).margin(5e-5));  // spec s4.2
  CHECK(sphere_attenuated_path(std::numeric_limits<double>::infinity(), R, L) == Approx(4 * R / 3).epsilon(1e-15));
  CHECK(sphere_attenuated_path(1e15 * m_, R, L) == Approx(4 * R / 3).epsilon(1e-12));
  // lambda << R: Pbar = (2/x^2)[(x - 1) + (x + 1)e^{-2x}] e^{-(L-R)/lambda} -> (2 lambda/R)(1 - lambda/R) e^{-(L-R)/lambda}:
  // exponential suppression e^{-(L-R)/lambda}. At lambda = 1 mm ln P = -484000 + ln(3.998e-4): finite log,
  // P = 0 exactly (never NaN); at lambda = 10 m P > 0 and equals the closed form.
  for (double lam : {1e-3, 0.1, 10.0}) {
    const double x = 5.0 / lam;
    const double lnP = -484.0 / lam + std::log(2 / (x * x) * ((x - 1) + (x + 1) * std::exp(-2 * x)));
    CHECK(sphere_log_decay_probability(lam * m_, R, L) == Approx(lnP).epsilon(1e-14));
  }
  CHECK(sphere_decay_probability(1e-3 * m_, R, L) == 0.0);
  CHECK(sphere_decay_probability(0.0, R, L) == 0.0);
  CHECK(sphere_decay_probability(std::numeric_limits<double>::infinity(), R, L) == 0.0);
  CHECK_FALSE(std::isnan(sphere_decay_probability(1e-300 * m_, R, L)));
  CHECK(sphere_decay_probability(10 * m_, R, L) ==
        Approx(std::exp(-48.4) * 2 / 0.25 * ((0.5 - 1) + 1.5 * std::exp(-1.0))).epsilon(1e-13));
}

TEST_CASE("detector geometry: paper single-chord mode (spec A9)", "[detector_geometry]") {
  // Seed Eq. (6) with l = L - R, Delta l = 2R: identical to DecayInVolume; long-lambda ratio to the chord
  // average = 2R / (4R/3) = 3/2 (spec s2.5: "overestimates by 1.5x").
  const double R = 5 * m_, L = 489 * m_;
  for (double lam : {3.0, 50.0, 489.0, 1e5}) {
    CHECK(sphere_decay_probability(lam * m_, R, L, SphereDecayMode::paper) ==
          Approx(decay_in_volume_probability(lam * m_, L - R, 2 * R)).epsilon(1e-13));
  }
  const double lam = 1e12 * m_;
  CHECK(sphere_decay_probability(lam, R, L, SphereDecayMode::paper) / sphere_decay_probability(lam, R, L) ==
        Approx(1.5).epsilon(1e-9));
  CHECK(sphere_decay_probability(1e-3 * m_, R, L, SphereDecayMode::paper) == 0.0);
}

TEST_CASE("detector geometry: SphereDecayTable interpolates the closed form and is exact at both limits", "[detector_geometry]") {
  // Cubic Hermite in ln x with analytic slopes, 32 nodes/decade on [1e-4, 1e4]: error ~ h^4 |f''''|/384 with
  // h = ln10/32 -> < 1e-7 in ln P. Outside the grid the closed form is used (bit-identical).
  const double R = 5 * m_, L = 489 * m_;
  for (auto mode : {SphereDecayMode::chord_averaged, SphereDecayMode::paper}) {
    const SphereDecayTable T(R, L, mode);
    double worst = 0;
    for (int i = 0; i <= 4000; ++i) {
      const double lam = R * std::pow(10.0, -4.5 + 9.0 * i / 4000);
      worst = std::max(worst, std::fabs(T.log_probability(lam) - sphere_log_decay_probability(lam, R, L, mode)));
    }
    CHECK(worst < 1e-7);
    CHECK(T.log_probability(1e-6 * R) == sphere_log_decay_probability(1e-6 * R, R, L, mode));
    CHECK(T(1e8 * R) == sphere_decay_probability(1e8 * R, R, L, mode));
    CHECK(T(1e-6 * R) == 0.0);
  }
  const SphereDecayTable T(R, L);
  CHECK(T(1e20 * m_) * 1e20 == Approx(20.0 / 3.0).epsilon(1e-14));  // Pbar lambda -> 4R/3
}

TEST_CASE("detector geometry: collinearity cut, spec s4.2 values and the 22.93 m_a threshold", "[detector_geometry]") {
  // Spec s4.2 analytic f_coll at psi0 = 5 deg, quoted to 4 decimals: margin 5e-5.
  const double pts[5][3] = {{300, 10, 0.6454}, {300, 13, 0.1144}, {850, 30, 0.5880}, {100, 4, 0.3992}, {500, 21.8, 0.0298}};
  for (auto& p : pts) CHECK(collinear_fraction(p[0] * MeV, p[1] * MeV) == Approx(p[2]).margin(5e-5));
  // f_coll = 0 exactly for E_a <= m_a / sin(psi0/2) = 22.926 m_a (2/(1 - cos 5 deg) = 525.6 = 22.93^2).
  const double gthr = collinearity_threshold_gamma(5 * deg);
  CHECK(gthr * gthr == Approx(2 / (1 - std::cos(5 * deg))).epsilon(1e-12));
  CHECK(gthr == Approx(22.93).margin(5e-3));
  const double m = 0.01;
  CHECK(collinear_fraction(gthr * m, m) == 0.0);
  CHECK(collinear_fraction(0.99 * gthr * m, m) == 0.0);
  CHECK(collinear_fraction(20 * m, m) == 0.0);
  CHECK(collinear_fraction(1.001 * gthr * m, m) > 0.0);
  // psi_min = 2 arcsin(1/gamma); resonant ALPs (E = m^2/2m_e): 11.7, 8.4, 5.9 deg at 10, 14, 20 MeV (spec D1/D2),
  // and the strict cut accepts nothing below m_a = 2 m_e x 22.93 = 23.4 MeV.
  const double me = units::m_electron;
  const double res[3][2] = {{10, 11.7}, {14, 8.4}, {20, 5.9}};
  for (auto& r : res) {
    const double ma = r[0] * MeV, E = ma * ma / (2 * me);
    CHECK(two_body_min_opening_angle(E, ma) / deg == Approx(r[1]).margin(0.05));
    CHECK(two_body_opening_angle(E, ma, 0.0) == Approx(two_body_min_opening_angle(E, ma)).epsilon(1e-13));
    CHECK(collinear_fraction(E, ma) == 0.0);
  }
  CHECK(2 * me * gthr / MeV == Approx(23.4).margin(0.05));
  // Back-to-back at c = +-1 (massless daughters): psi = pi.
  CHECK(two_body_opening_angle(0.3, 0.01, 1.0) == Approx(units::pi).epsilon(1e-12));
}

TEST_CASE("detector geometry: collinear fraction equals an explicit-boost integration over cos theta*", "[detector_geometry]") {
  // fcoll_numeric: 2e6 midpoint cells in c, explicit daughter four-vectors (massless): error <= 1e-6;
  // tolerance 3e-6. Both the strict cut (E_thr = 0) and the soft-partner exception (A7, E_thr = 10, 30 MeV).
  const int n = 2000000;
  const double pts[6][2] = {{300, 10}, {300, 13}, {850, 30}, {100, 4}, {500, 21.8}, {150, 2}};
  for (auto& p : pts) {
    const double E = p[0] * MeV, m = p[1] * MeV;
    INFO("E = " << p[0] << " MeV, m = " << p[1] << " MeV");
    CHECK(collinear_fraction(E, m) == Approx(fcoll_numeric(E, m, 0.0, 5 * deg, 0.0, n)).margin(3e-6));
    for (double thr : {10.0, 30.0}) {
      const CollinearityCut cut{5 * deg, thr * MeV};
      CHECK(collinearity_acceptance(E, m, cut) == Approx(fcoll_numeric(E, m, 0.0, 5 * deg, thr * MeV, n)).margin(3e-6));
    }
    // psi0 = 10 deg
    CHECK(collinear_fraction(E, m, 10 * deg) == Approx(fcoll_numeric(E, m, 0.0, 10 * deg, 0.0, n)).margin(3e-6));
  }
  // Resonant ALP below the strict threshold (m_a = 14 MeV, E = 191.8 MeV): only the soft exception accepts,
  // f = 1 - (1 - 2 E_thr/E)/beta.
  const double ma = 14 * MeV, E = ma * ma / (2 * units::m_electron), beta = std::sqrt(1 - ma * ma / (E * E));
  CHECK(collinearity_acceptance(E, ma) == Approx(1 - (1 - 2 * 0.010 / E) / beta).epsilon(1e-13));
  CHECK(collinearity_acceptance(E, ma) == Approx(fcoll_numeric(E, ma, 0.0, 5 * deg, 0.010, n)).margin(3e-6));
  // E_thr = 0 is the strict cut; E_a < 2 E_thr always passes (the softer daughter has < E_a/2).
  CHECK(collinearity_acceptance(0.3, 0.01, CollinearityCut{5 * deg, 0.0}) == collinear_fraction(0.3, 0.01));
  CHECK(collinearity_acceptance(0.019, 0.005, CollinearityCut{5 * deg, 0.010}) == 1.0);
  // e+e- with the electron mass kept (option daughter_mass = m_e, exact y-quadratic): against the explicit boost with
  // massive daughters, strict and with the soft exception, psi0 = 1, 5, 30 deg: tolerance 3e-6.
  for (auto& p : pts)
    for (double thr : {0.0, 0.010})
      for (double psi : {1.0, 5.0, 30.0}) {
        const double Ea = p[0] * MeV, m = p[1] * MeV;
        const CollinearityCut cut{psi * deg, thr, units::m_electron};
        INFO("E = " << p[0] << " MeV, m = " << p[1] << " MeV, E_thr = " << thr << ", psi0 = " << psi);
        CHECK(collinearity_acceptance(Ea, m, cut) ==
              Approx(fcoll_numeric(Ea, m, units::m_electron, psi * deg, thr, n)).margin(3e-6));
      }
  // The massless formula is its m_e -> 0 limit, and near threshold it is only an approximation for e+e-:
  // (300, 13) MeV: 0.1144 massless, 0.1394 with m_e.
  CHECK(collinearity_acceptance(0.3, 0.013, CollinearityCut{5 * deg, 0.0, 1e-9}) ==
        Approx(collinear_fraction(0.3, 0.013)).epsilon(1e-9));
  CHECK(collinearity_acceptance(0.3, 0.013, CollinearityCut{5 * deg, 0.0, units::m_electron}) == Approx(0.1394).margin(1e-4));
  // below the pair threshold there is no e+e- decay
  CHECK(collinearity_acceptance(0.3, 0.001, CollinearityCut{5 * deg, 0.0, units::m_electron}) == 0.0);
}
