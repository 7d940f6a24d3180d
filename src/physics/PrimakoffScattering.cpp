#include "alpscan/physics/PrimakoffScattering.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/core/Units.hpp"

namespace alpscan::physics {

namespace {

// Below eps x (the larger of |t|_min and 1/a^2) in delta = |t| - |t|_min the integrand in ln(delta)
// is < (2 eps)^2 of its plateau: the neglected piece is < 1e-13 relative.
constexpr double kLowEps = 1e-7;

struct Kin {
  double p = 0.0, tmin = 0.0, dmax = 0.0;  // |p_a|, |t|_min, 4 E p (delta at theta = pi)
};

Kin kinematics(double E, double m) {
  Kin k;
  k.p = std::sqrt((E - m) * (E + m));
  const double m2 = m * m;
  k.tmin = (m2 / (E + k.p)) * (m2 / (E + k.p));
  k.dmax = 4.0 * E * k.p;
  return k;
}

// delta(theta) = 4 E p sin^2(theta/2).
double delta_of_theta(double E, double p, double theta) {
  if (theta >= units::pi) return 4.0 * E * p;
  const double s = std::sin(0.5 * theta);
  return 4.0 * E * p * s * s;
}

// Azimuthal fraction of an ALP at angle theta to a photon at theta_g, of the ALPs that lie within
// theta_det of the axis. The numerator cos(theta_det) - cos(theta) cos(theta_g) is rewritten as
//   sin(theta) sin(theta_g) - 2 sin((theta_det + theta - theta_g)/2) sin((theta_det - theta + theta_g)/2)
// so that no digits are lost at mrad angles. theta enters through its half-angle sine s = sin(theta/2)
// (what the t-integral has: delta = 4 E p s^2) and the photon's angles through constants set once per
// integral, so that a node costs one sqrt and one acos (the sines of half-angle sums by the addition
// theorem: same conditioning as summing the angles first; this was ~60% of a shower-dump prepare()).
struct AzimuthGeometry {
  double sin_g, sa, ca, sb, cb, theta_det;  // sin(theta_g); sin, cos of (theta_det -+ theta_g)/2
  AzimuthGeometry(double theta_g, double theta_det_)
      : sin_g(std::sin(theta_g)), sa(std::sin(0.5 * (theta_det_ - theta_g))), ca(std::cos(0.5 * (theta_det_ - theta_g))),
        sb(std::sin(0.5 * (theta_det_ + theta_g))), cb(std::cos(0.5 * (theta_det_ + theta_g))), theta_det(theta_det_) {}
};

double azimuth_fraction(const AzimuthGeometry& g, double s) {
  const double c = std::sqrt(std::max(0.0, 1.0 - s * s));  // cos(theta/2)
  const double ss = 2.0 * s * c * g.sin_g;                    // sin(theta) sin(theta_g)
  if (!(ss > 0)) return 2.0 * std::asin(s) < g.theta_det ? 1.0 : 0.0;
  const double num = -2.0 * (g.sa * c + g.ca * s) * (g.sb * c - g.cb * s);
  const double arg = 1.0 + num / ss;
  if (arg <= -1.0) return 1.0;
  if (arg >= 1.0) return 0.0;
  return std::acos(arg) / units::pi;
}

}  // namespace

double tsai_elastic_form_factor2(double t_abs, double a, double d) {
  const double x = a * a * t_abs;
  const double sc = x / (1.0 + x);
  const double nu = 1.0 / (1.0 + t_abs / d);
  return sc * sc * nu * nu;
}

double primakoff_t_abs(double E, double m, double theta) {
  if (!(m < E)) return 0.0;
  const Kin k = kinematics(E, m);
  return k.tmin + delta_of_theta(E, k.p, theta);
}

PrimakoffScattering::PrimakoffScattering(double Z, double A, PrimakoffScatteringOptions opt)
    : Z_(Z), A_(A), opt_(opt), gl_(opt.n_gl) {
  if (!(Z > 0) || !(A > 0)) throw std::invalid_argument("PrimakoffScattering: Z and A must be > 0");
  if (!(opt.max_log_width > 0)) throw std::invalid_argument("PrimakoffScattering: max_log_width must be > 0");
  a_ = opt.screening_c / (std::cbrt(Z) * units::m_electron);
  d_ = opt.dipole_d / std::cbrt(A * A);
}

double PrimakoffScattering::form_factor2(double t_abs) const {
  if (opt_.form_factor == PrimakoffFormFactor::unity) return 1.0;
  return tsai_elastic_form_factor2(t_abs, a_, d_);
}

double PrimakoffScattering::dsigma_dt_impl(Channel ch, double E, double p, double tmin, double t_abs) const {
  const double delta = t_abs - tmin;
  if (!(delta >= 0.0) || delta > 4.0 * E * p) return 0.0;
  const double u = delta / (2.0 * E * p);  // 1 - cos(theta)
  const double s2 = u * (2.0 - u);         // sin^2(theta)
  const double base = units::alpha_em * Z_ * Z_ * form_factor2(t_abs) * s2 / (t_abs * t_abs);
  if (ch == Channel::inverse) return 0.25 * base * E * E;
  const double v = 0.125 * base * p * p;
  return opt_.production_form == PrimakoffProductionForm::p4 ? v * (p / E) : v;
}

double PrimakoffScattering::integrate(Channel ch, double E, double m, double d_lo, double d_hi, double theta_g,
                                      double theta_det) const {
  if (!(m < E) || !(E > 0)) return 0.0;
  if (!(m >= 0)) throw std::invalid_argument("PrimakoffScattering: m must be >= 0");
  const Kin k = kinematics(E, m);
  const bool tsai = opt_.form_factor == PrimakoffFormFactor::tsai;
  if (!tsai && !(k.tmin > 0))
    throw std::invalid_argument("PrimakoffScattering: F = 1 needs m > 0 (sigma ~ ln(1/|t|_min) diverges)");
  const double scale = tsai ? std::max(k.tmin, 1.0 / (a_ * a_)) : k.tmin;
  const double lo = std::max(d_lo, kLowEps * scale);
  const double hi = std::min(d_hi, k.dmax);
  if (!(hi > lo)) return 0.0;
  const bool cone = theta_g > 0.0;

  // Breakpoints in y = ln(delta); sq marks square-root edges of the azimuthal weight.
  double bp[8];
  bool sq[8];
  int nb = 0;
  auto push = [&](double d, bool s) {
    if (d > lo && d < hi) bp[nb] = d, sq[nb++] = s;
  };
  bp[nb] = lo, sq[nb++] = false;
  push(k.tmin, false);
  if (tsai) {
    push(1.0 / (a_ * a_) - k.tmin, false);
    push(d_ - k.tmin, false);
  }
  double e1 = 0.0, e2 = 0.0;
  if (cone) {
    e1 = delta_of_theta(E, k.p, std::fabs(theta_det - theta_g));
    e2 = delta_of_theta(E, k.p, theta_det + theta_g);
    push(e1, true);
    push(e2, true);
  }
  bp[nb] = hi, sq[nb++] = false;
  if (cone) {  // the limits themselves may be the edges (caller passes [e1 or 0, e2])
    sq[0] = std::fabs(lo - e1) <= 1e-12 * e1 || std::fabs(lo - e2) <= 1e-12 * e2;
    sq[nb - 1] = std::fabs(hi - e2) <= 1e-12 * e2 || std::fabs(hi - e1) <= 1e-12 * e1;
  }
  for (int i = 1; i < nb; ++i)
    for (int j = i; j > 0 && bp[j] < bp[j - 1]; --j) std::swap(bp[j], bp[j - 1]), std::swap(sq[j], sq[j - 1]);

  const double Ep4 = 4.0 * E * k.p;
  const AzimuthGeometry geo(cone ? theta_g : 0.0, theta_det);
  auto f = [&](double y) {  // delta dsigma/d|t| (x azimuthal weight) at delta = e^y
    const double delta = std::exp(y);
    double v = delta * dsigma_dt_impl(ch, E, k.p, k.tmin, k.tmin + delta);
    if (cone && v != 0.0) {
      const double s = std::sqrt(std::min(1.0, delta / Ep4));
      v *= azimuth_fraction(geo, s);
    }
    return v;
  };
  const std::vector<double>& x = gl_.nodes();
  const std::vector<double>& w = gl_.weights();
  double sum = 0.0;
  for (int i = 0; i + 1 < nb; ++i) {
    if (!(bp[i + 1] > bp[i])) continue;
    const double ua = std::log(bp[i]), ub = std::log(bp[i + 1]);
    const int n = std::max(1, static_cast<int>(std::ceil((ub - ua) / opt_.max_log_width)));
    const double h = (ub - ua) / n;
    for (int s = 0; s < n; ++s) {
      const double a = ua + s * h, b = (s + 1 == n) ? ub : a + h;
      const bool smooth = (s == 0 && sq[i]) || (s + 1 == n && sq[i + 1]);
      double part = 0.0;
      if (smooth) {  // y = a + (b - a)(3t^2 - 2t^3): makes sqrt edges at either end smooth in t
        for (std::size_t q = 0; q < x.size(); ++q) {
          const double t = 0.5 * (1.0 + x[q]);
          part += w[q] * 6.0 * t * (1.0 - t) * f(a + (b - a) * t * t * (3.0 - 2.0 * t));
        }
        part *= 0.5 * (b - a);
      } else {
        part = gl_.integrate(f, a, b);
      }
      sum += part;
    }
  }
  return sum;
}

// ---- P1

double PrimakoffScattering::dsigma_dt(double E, double m, double t_abs) const {
  if (!(m < E)) return 0.0;
  const Kin k = kinematics(E, m);
  return dsigma_dt_impl(Channel::production, E, k.p, k.tmin, t_abs);
}

double PrimakoffScattering::dsigma_dtheta(double E, double m, double theta) const {
  if (!(m < E) || theta < 0.0 || theta > units::pi) return 0.0;
  const Kin k = kinematics(E, m);
  const double t = k.tmin + delta_of_theta(E, k.p, theta);
  return dsigma_dt_impl(Channel::production, E, k.p, k.tmin, t) * 2.0 * E * k.p * std::sin(theta);
}

double PrimakoffScattering::dsigma_dcos(double E, double m, double c) const {
  if (!(m < E) || c < -1.0 || c > 1.0) return 0.0;
  const Kin k = kinematics(E, m);
  const double t = k.tmin + 2.0 * E * k.p * (1.0 - c);
  return dsigma_dt_impl(Channel::production, E, k.p, k.tmin, t) * 2.0 * E * k.p;
}

double PrimakoffScattering::sigma(double E, double m) const {
  return integrate(Channel::production, E, m, 0.0, 1e300);
}

double PrimakoffScattering::sigma_theta_below(double E, double m, double theta_max) const {
  if (!(m < E) || !(theta_max > 0)) return 0.0;
  const Kin k = kinematics(E, m);
  return integrate(Channel::production, E, m, 0.0, delta_of_theta(E, k.p, theta_max));
}

double PrimakoffScattering::fraction_theta_below(double E, double m, double theta_max) const {
  if (theta_max >= units::pi) return 1.0;
  const double s = sigma(E, m);
  return s > 0 ? sigma_theta_below(E, m, theta_max) / s : 0.0;
}

double PrimakoffScattering::cone_fraction(double E, double m, double theta_gamma, double theta_det) const {
  if (!(m < E) || !(theta_det > 0)) return 0.0;
  const double s = sigma(E, m);
  return s > 0 ? sigma_into_cone(E, m, theta_gamma, theta_det) / s : 0.0;
}

double PrimakoffScattering::sigma_into_cone(double E, double m, double theta_gamma, double theta_det) const {
  if (!(m < E) || !(theta_det > 0)) return 0.0;
  if (!(theta_gamma > 0)) return sigma_theta_below(E, m, theta_det);
  const Kin k = kinematics(E, m);
  const double lo = theta_gamma > theta_det ? delta_of_theta(E, k.p, theta_gamma - theta_det) : 0.0;
  const double hi = delta_of_theta(E, k.p, std::min(units::pi, theta_gamma + theta_det));
  return integrate(Channel::production, E, m, lo, hi, theta_gamma, theta_det);
}

// ---- D3

double PrimakoffScattering::inverse_dsigma_dt(double E, double m, double t_abs) const {
  if (!(m < E)) return 0.0;
  const Kin k = kinematics(E, m);
  return dsigma_dt_impl(Channel::inverse, E, k.p, k.tmin, t_abs);
}

double PrimakoffScattering::inverse_dsigma_dtheta(double E, double m, double theta) const {
  if (!(m < E) || theta < 0.0 || theta > units::pi) return 0.0;
  const Kin k = kinematics(E, m);
  const double t = k.tmin + delta_of_theta(E, k.p, theta);
  return dsigma_dt_impl(Channel::inverse, E, k.p, k.tmin, t) * 2.0 * E * k.p * std::sin(theta);
}

double PrimakoffScattering::inverse_sigma(double E, double m) const {
  return integrate(Channel::inverse, E, m, 0.0, 1e300);
}

double PrimakoffScattering::inverse_sigma_cos_between(double E, double m, double c_lo, double c_hi) const {
  if (!(m < E)) return 0.0;
  c_lo = std::clamp(c_lo, -1.0, 1.0);
  c_hi = std::clamp(c_hi, -1.0, 1.0);
  if (!(c_hi > c_lo)) return 0.0;
  const Kin k = kinematics(E, m);
  const double d_lo = c_hi >= 1.0 ? 0.0 : 2.0 * E * k.p * (1.0 - c_hi);
  const double d_hi = c_lo <= -1.0 ? 1e300 : 2.0 * E * k.p * (1.0 - c_lo);
  return integrate(Channel::inverse, E, m, d_lo, d_hi);
}

double PrimakoffScattering::inverse_fraction_cos_between(double E, double m, double c_lo, double c_hi) const {
  const double s = inverse_sigma(E, m);
  return s > 0 ? inverse_sigma_cos_between(E, m, c_lo, c_hi) / s : 0.0;
}

}  // namespace alpscan::physics
