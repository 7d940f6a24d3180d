// physics/CascadeAngles: the multiple-scattering angular moments of the cascade photons and their
// moment-matched shape, against an INDEPENDENT shower Monte Carlo written here: a 20 GeV electron on the
// axis of a thick dump, approximation A with the same complete-screening cross-sections that define X0
// (EmCascade.hpp: brem phi(v) = [(4/3)(1 - v) + v^2]/v, pair psi(u) = 1 - (4/3) u (1 - u), 7/9 per X0),
// Rossi-Greisen Gaussian multiple scattering <theta^2> = (E_s/E)^2 t along each electron step, daughters
// along the parent. Every photon created in 0.95 < k < 1.05 GeV is scored (in a thick dump each photon's
// track length is 9/7 X0 whatever its angle, so the track-length-weighted distribution is that of the
// created photons), as (theta k)^2 to remove the 1/k^2 trend inside the bin.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "alpscan/physics/CascadeAngles.hpp"
#include "alpscan/physics/EmCascade.hpp"

using namespace alpscan::physics;
using Catch::Detail::Approx;

namespace {

constexpr double kEs = 0.0212;  // GeV, Rossi-Greisen

struct McResult {
  double m2 = 0, m4 = 0, median = 0;  // of theta k [rad GeV]: <(theta k)^2>, <(theta k)^4>, median
  double below[3] = {0, 0, 0};        // fractions with theta k < 2.2, 4.4, 8.8 mrad GeV
  std::size_t n = 0;
};

McResult shower_mc(double E0, int showers) {
  std::mt19937_64 rng(20261205);
  std::uniform_real_distribution<double> U(0.0, 1.0);
  std::normal_distribution<double> N01(0.0, 1.0);
  const double vmin = 1e-3, k_lo = 0.95, k_hi = 1.05, keep = 0.9;  // nothing below 0.9 GeV makes a scored photon
  // Brem rate above vmin per X0 (phi integrated) and the continuous loss below it.
  const double R = (4.0 / 3.0) * (std::log(1 / vmin) - (1 - vmin)) + 0.5 * (1 - vmin * vmin);
  const double soft = (4.0 / 3.0) * (vmin - 0.5 * vmin * vmin) + vmin * vmin * vmin / 3.0;
  struct P {
    bool photon;
    double E, tx, ty;
  };
  std::vector<double> s;  // (theta k)^2 of scored photons
  std::vector<P> stack;
  for (int i = 0; i < showers; ++i) {
    stack.push_back({false, E0, 0.0, 0.0});
    while (!stack.empty()) {
      P p = stack.back();
      stack.pop_back();
      if (p.photon) {
        // Converts (always, thick dump): u from psi by rejection (psi <= 1).
        double u;
        do u = U(rng);
        while (U(rng) > 1.0 - (4.0 / 3.0) * u * (1 - u));
        if (u * p.E > keep) stack.push_back({false, u * p.E, p.tx, p.ty});
        if ((1 - u) * p.E > keep) stack.push_back({false, (1 - u) * p.E, p.tx, p.ty});
        continue;
      }
      while (p.E > keep) {
        const double t = -std::log(1.0 - U(rng)) / R;  // X0 to the next hard brem
        const double sig = kEs / p.E * std::sqrt(0.5 * t);  // per projected angle
        p.tx += sig * N01(rng);
        p.ty += sig * N01(rng);
        p.E *= std::exp(-soft * t);
        // v from phi on [vmin, 1]: log-uniform, accepted with [(4/3)(1 - v) + v^2]/(4/3).
        double v;
        do v = vmin * std::pow(1 / vmin, U(rng));
        while (U(rng) * (4.0 / 3.0) > (4.0 / 3.0) * (1 - v) + v * v);
        const double k = v * p.E;
        if (k > k_lo && k < k_hi) s.push_back((p.tx * p.tx + p.ty * p.ty) * k * k);
        if (k > keep) stack.push_back({true, k, p.tx, p.ty});
        p.E -= k;
      }
    }
  }
  McResult r;
  r.n = s.size();
  for (double x : s) {
    r.m2 += x, r.m4 += x * x;
    for (int i = 0; i < 3; ++i) r.below[i] += x < std::pow(2.2e-3 * (1 << i), 2) ? 1.0 / s.size() : 0.0;
  }
  r.m2 /= r.n, r.m4 /= r.n;
  std::nth_element(s.begin(), s.begin() + s.size() / 2, s.end());
  r.median = std::sqrt(s[s.size() / 2]);
  return r;
}

}  // namespace

TEST_CASE("cascade angles: photon angular moments and median against a shower Monte Carlo", "[cascade_angles]") {
  const double E0 = 20.0;
  CascadeGrid grid;
  grid.E_min = 0.25;
  grid.E_max = E0;
  grid.groups_per_decade = 80;
  const EmCascade c(grid, CascadeMedium{});
  std::vector<double> ph(c.groups(), 0.0), le(c.groups(), 0.0);
  le.back() = 1.0;
  const CascadeAngularMoments am = cascade_angular_moments(c, ph, le, kEs);
  // The group containing 1 GeV, scaled to theta k at its centre.
  int g = 0;
  while (am.edges[g + 1] < 1.0) ++g;
  const double k = std::sqrt(am.edges[g] * am.edges[g + 1]);
  const double m2 = am.photon_theta2[g] * k * k, m4 = am.photon_theta4[g] * k * k * k * k;
  const MomentMatchedAngles shape(am.photon_theta2[g], am.photon_theta4[g]);
  const McResult mc = shower_mc(E0, 40000);
  INFO("MC photons " << mc.n << ": <(theta k)^2>^1/2 = " << std::sqrt(mc.m2) * 1e3 << " mrad GeV (moments "
                     << std::sqrt(m2) * 1e3 << "), R = " << mc.m4 / (mc.m2 * mc.m2) << " (" << m4 / (m2 * m2)
                     << "), median " << mc.median * 1e3 << " (shape " << shape.median() * k * 1e3 << ")");
  REQUIRE(mc.n > 20000);
  // Second moment: exact equations vs MC (statistics ~1%, groups of 80/decade ~1%): 4%.
  CHECK(m2 == Approx(mc.m2).epsilon(0.04));
  // Fourth moment: heavy-tailed, MC statistics ~4%: 10%.
  CHECK(m4 == Approx(mc.m4).epsilon(0.10));
  // The variance mixture (Laplace transform + Stehfest): median within 5%, the fractions inside 0.5, 1 and 2x
  // the E137 acceptance (4.4 mrad at 1 GeV) within 0.01 absolute (MC statistics 0.003, the group width and
  // the Stehfest inversion the rest).
  const CascadeVarianceMixture mix(c, ph, le, kEs);
  const GaussianMixtureAngles ga(mix.variances(), mix.photon_weights(g));
  INFO("mixture median " << ga.median() * k * 1e3 << " mrad GeV, <theta^2>^1/2 k " << std::sqrt(ga.mean_theta2()) * k * 1e3
                         << "; fractions MC " << mc.below[0] << " " << mc.below[1] << " " << mc.below[2] << " mixture "
                         << ga.cdf(2.2e-3 / k) << " " << ga.cdf(4.4e-3 / k) << " " << ga.cdf(8.8e-3 / k));
  CHECK(ga.median() * k == Approx(mc.median).epsilon(0.05));
  for (int i = 0; i < 3; ++i) CHECK(std::abs(ga.cdf(2.2e-3 * (1 << i) / k) - mc.below[i]) < 0.01);
  // Its mean square angle against the exact moment equations: the variance bins (6 per decade) and the
  // inversion, 5%.
  CHECK(ga.mean_theta2() == Approx(am.photon_theta2[g]).epsilon(0.05));
  // The two-moment shape is too wide in the core (the spread of V is too skewed for two moments): it is
  // kept only as a comparison, and must be the worse of the two.
  CHECK(std::abs(shape.median() * k / mc.median - 1) > std::abs(ga.median() * k / mc.median - 1));
  // Scale check against the review's independent estimate (median theta k ~ 3.6 mrad GeV at 1 GeV in the
  // 20 GeV E137 shower, issue 12): within 25% (its own multiple-scattering constant is not stated).
  CHECK(mc.median == Approx(3.6e-3).epsilon(0.25));
  // Leptons scatter, photons inherit: at the same energy the lepton spread is wider.
  CHECK(am.lepton_theta2[g] > am.photon_theta2[g]);
}

TEST_CASE("cascade angles: the moment-matched shape", "[cascade_angles]") {
  const double kPi = 3.14159265358979323846;
  // R = 2 is the 2-D Gaussian; R = 3 gives a = 4 and P(theta^2 > w) = (1 + w/beta)^-4.
  const MomentMatchedAngles g(1e-6, 2e-12), p(1e-6, 3e-12);
  CHECK(g.gaussian());
  CHECK(g.cdf(1e-3) == Approx(1 - std::exp(-1.0)));
  CHECK(!p.gaussian());
  CHECK(p.shape_a() == Approx(4.0));
  CHECK(1 - p.cdf(1e-3) == Approx(std::pow(1 + 1.0 / 3.0, -4.0)));
  for (const auto* s : {&g, &p}) {
    // Normalisation and moments of the density by quadrature in theta^2 up to 200 widths.
    double n = 0, m2 = 0, m4 = 0;
    const int steps = 400000;
    const double wmax = 4e-4, h = wmax / steps;
    for (int i = 0; i < steps; ++i) {
      const double w = (i + 0.5) * h, d = kPi * s->density(std::sqrt(w)) * h;
      n += d, m2 += d * w, m4 += d * w * w;
    }
    CHECK(n == Approx(1.0).epsilon(1e-4));
    CHECK(m2 == Approx(1e-6).epsilon(2e-3));
    CHECK(s->quantile(s->cdf(2e-3)) == Approx(2e-3).epsilon(1e-12));
  }
}
