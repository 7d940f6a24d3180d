#include "alpscan/physics/Pi0PhotonSource.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

namespace {
constexpr double kPi = units::pi;
constexpr double kM = units::m_pi0;

double hav(double x) {
  const double s = std::sin(0.5 * x);
  return s * s;
}

// int_a^b g(theta) dtheta on panels graded about the angular scale s (breakpoints s 2^j), each
// panel with the endpoint-smoothing map theta = c + h (3x - x^3)/2 (Jacobian 3(1 - x^2)/2 makes
// the sqrt edges of the cone fraction smooth). Fixed rule.
template <class G>
double theta_integral(G&& g, double a, double b, double s) {
  if (!(b > a)) return 0.0;
  static const GaussLegendre gl(12);
  double cuts[32];
  int n = 0;
  cuts[n++] = a;
  for (int j = -4; j <= 10; ++j) {
    const double x = s * std::ldexp(1.0, j);
    if (x > a && x < b) cuts[n++] = x;
  }
  cuts[n++] = b;
  double sum = 0.0;
  for (int i = 0; i + 1 < n; ++i) {
    const double c = 0.5 * (cuts[i] + cuts[i + 1]), h = 0.5 * (cuts[i + 1] - cuts[i]);
    for (int q = 0; q < gl.size(); ++q) {
      const double x = gl.nodes()[q];
      const double th = c + h * 0.5 * x * (3.0 - x * x);
      sum += gl.weights()[q] * h * 1.5 * (1.0 - x * x) * g(th);
    }
  }
  return sum;
}

// int_{p0}^{p1} g(p) dp on panels geometric towards p0 (where the decay kinematics varies fastest).
template <class G>
double p_integral(G&& g, double p0, double p1) {
  if (!(p1 > p0)) return 0.0;
  static const GaussLegendre gl(12);
  const double d = p1 - p0;
  double sum = 0.0;
  double lo = 0.0;
  // [0, d 2^-18], [d 2^-18, d 2^-17], ..., [d/4, d/2], [d/2, 3d/4], [3d/4, d].
  for (int j = 18; j >= -1; --j) {
    const double hi = (j >= 1) ? d * std::ldexp(1.0, -j) : (j == 0 ? 0.75 * d : d);
    sum += gl.integrate([&](double x) { return g(p0 + x); }, lo, hi);
    lo = hi;
  }
  return sum;
}
}  // namespace

// ---- Sanford-Wang ------------------------------------------------------------------------------

double sanford_wang(const SanfordWangParams& s, double pB, double p, double theta) {
  const auto& c = s.c;
  if (!(p > 0) || p >= pB - c[8]) return 0.0;
  const double ct = std::max(std::cos(theta), 0.0);
  const double ex = -c[2] * std::pow(p, c[3]) / std::pow(pB, c[4]) - c[5] * theta * (p - c[6] * pB * std::pow(ct, c[7]));
  return c[0] * std::pow(p, c[1]) * (1.0 - p / (pB - c[8])) * std::exp(ex);
}

SanfordWangPi0::SanfordWangPi0(const SanfordWangPi0Config& cfg) : cfg_(cfg) {
  if (!(cfg.p_beam > 0 && cfg.sigma_inel_target > 0 && cfg.sigma_inel_ref > 0 && cfg.A_ref > 0 && cfg.A_target > 0))
    throw std::invalid_argument("SanfordWangPi0: p_beam, cross sections and A must be > 0");
  // per interaction on the target nucleus: sigma_pi(A) / sigma_inel(A), sigma_pi(A) = sigma_pi(Be) (A/A_Be)^alpha.
  scale_ = cfg.secondary_factor * std::pow(cfg.A_target / cfg.A_ref, cfg.alpha) / cfg.sigma_inel_target;
}

double SanfordWangPi0::d2N_dp_dOmega(double p, double theta) const {
  const double s = sanford_wang(cfg_.pi_plus, cfg_.p_beam, p, theta) + sanford_wang(cfg_.pi_minus, cfg_.p_beam, p, theta);
  return 0.5 * s * scale_;
}

double SanfordWangPi0::p_max() const {
  return cfg_.p_beam - std::min(cfg_.pi_plus.c[8], cfg_.pi_minus.c[8]);
}

double SanfordWangPi0::angular_scale(double p) const {
  // exp(-c6 theta p): width 1/(c6 p), c6 ~ 5 for both fits.
  return std::min(1.0, 0.2 / std::max(p, 1e-3));
}

// ---- BMPT -------------------------------------------------------------------------------------

BmptPi0::BmptPi0(const PionSpectrum& spectrum, const PionPtModel& pt) : spec_(spectrum), pt_(pt) {
  if (!(pt.a > 0)) throw std::invalid_argument("BmptPi0: the p_T model needs a > 0");
}

double BmptPi0::d2N_dp_dOmega(double p, double theta) const {
  if (!(p > 0) || !(theta >= 0) || theta >= 0.5 * kPi) return 0.0;
  const double E = std::sqrt(p * p + kM * kM);
  const double x = E / spec_.E_beam();
  if (!(x < 1.0)) return 0.0;
  const double q = p * std::sin(theta);
  return spec_.dN_dE(E) * (p / E) * pion_pt_density(pt_, x, q) * p * p * std::cos(theta);
}

double BmptPi0::p_max() const {
  return std::sqrt(std::max(0.0, spec_.E_beam() * spec_.E_beam() - kM * kM));
}

double BmptPi0::angular_scale(double p) const {
  const double E = std::sqrt(p * p + kM * kM);
  const double x = std::min(E / spec_.E_beam(), 1.0);
  return std::min(1.0, pion_pt_mean(pt_, x) / std::max(p, 1e-3));
}

// ---- totals -----------------------------------------------------------------------------------

namespace {
template <class W>
double pion_moment(const Pi0Source& src, W&& weight) {
  const double pm = src.p_max();
  static const GaussLegendre gl(12);
  // p panels: geometric towards 0 (p^c2 and the BMPT low-x behaviour), uniform above pm/16.
  double sum = 0.0, lo = 0.0;
  std::vector<double> cuts;
  for (int j = 20; j >= 5; --j) cuts.push_back(pm * std::ldexp(1.0, -j));
  for (int i = 1; i <= 16; ++i) cuts.push_back(pm * i / 16.0);
  for (double hi : cuts) {
    sum += gl.integrate(
        [&](double p) {
          const double ang = theta_integral([&](double th) { return 2.0 * kPi * std::sin(th) * src.d2N_dp_dOmega(p, th); },
                                            0.0, kPi, src.angular_scale(p));
          return weight(p) * ang;
        },
        lo, hi);
    lo = hi;
  }
  return sum;
}
}  // namespace

double pi0_multiplicity(const Pi0Source& src) {
  return pion_moment(src, [](double) { return 1.0; });
}

double pi0_energy(const Pi0Source& src) {
  return pion_moment(src, [](double p) { return std::sqrt(p * p + kM * kM); });
}

// ---- decay photons ----------------------------------------------------------------------------

double decay_photon_angle(double p, double k) {
  if (!(p > 0 && k > 0)) return 0.0;
  const double E = std::sqrt(p * p + kM * kM);
  // 1 - cos psi = m^2 (p + E - 2k) / (2 k p (p + E)); hav(psi) = (1 - cos psi)/2.
  const double h = std::clamp(kM * kM * (p + E - 2.0 * k) / (4.0 * k * p * (p + E)), 0.0, 1.0);
  return 2.0 * std::asin(std::sqrt(h));
}

double cone_azimuth_fraction(double theta_pi, double psi, double theta_cut) {
  if (theta_cut >= kPi) return 1.0;
  // hav(theta_g) = hav(theta_pi - psi) + sin(theta_pi) sin(psi) hav(phi) <= hav(theta_cut).
  const double h0 = hav(theta_pi - psi), hc = hav(theta_cut);
  const double ss = std::sin(theta_pi) * std::sin(psi);
  if (!(ss > 0)) return h0 <= hc ? 1.0 : 0.0;
  const double h = (hc - h0) / ss;
  if (h <= 0) return 0.0;
  if (h >= 1) return 1.0;
  return 2.0 * std::asin(std::sqrt(h)) / kPi;
}

double pi0_photon_spectrum_in_cone(const Pi0Source& src, double k, double theta_cut) {
  if (!(k > 0) || !(theta_cut > 0)) return 0.0;
  const double p0 = std::abs(k - kM * kM / (4.0 * k));
  const double full = theta_cut >= kPi;
  return p_integral(
      [&](double p) {
        if (!(p > 0)) return 0.0;
        const double psi = decay_photon_angle(p, k);
        const double s = src.angular_scale(p);
        auto g = [&](double th) {
          const double f = full ? 1.0 : cone_azimuth_fraction(th, psi, theta_cut);
          return f > 0 ? 2.0 * kPi * std::sin(th) * src.d2N_dp_dOmega(p, th) * f : 0.0;
        };
        double ang;
        if (full) {
          ang = theta_integral(g, 0.0, kPi, s);
        } else {
          // Support |theta_pi - psi| <= theta_cut; f = 1 on [0, theta_cut - psi] when psi < theta_cut.
          const double hi = std::min(kPi, psi + theta_cut);
          if (psi < theta_cut)
            ang = theta_integral(g, 0.0, theta_cut - psi, s) + theta_integral(g, theta_cut - psi, hi, s);
          else
            ang = theta_integral(g, psi - theta_cut, hi, s);
        }
        return 2.0 / p * ang;
      },
      p0, src.p_max());
}

double pi0_photon_density(const Pi0Source& src, double k, double theta) {
  if (!(k > 0)) return 0.0;
  const double p0 = std::abs(k - kM * kM / (4.0 * k));
  static const GaussLegendre gphi(24);
  return p_integral(
      [&](double p) {
        if (!(p > 0)) return 0.0;
        const double psi = decay_photon_angle(p, k);
        // (1/2pi) int_0^{2pi} dphi = (1/pi) int_0^pi dphi; pion polar angle from the haversine law.
        const double h0 = hav(theta - psi), ss = std::sin(theta) * std::sin(psi);
        double ring = 0.0;
        if (!(ss > 0)) {
          ring = src.d2N_dp_dOmega(p, std::abs(theta - psi));
        } else {
          ring = gphi.integrate(
                     [&](double phi) {
                       const double hp = std::clamp(h0 + ss * hav(phi), 0.0, 1.0);
                       return src.d2N_dp_dOmega(p, 2.0 * std::asin(std::sqrt(hp)));
                     },
                     0.0, kPi) /
                 kPi;
        }
        return 2.0 / p * ring;
      },
      p0, src.p_max());
}

}  // namespace alpscan::physics
