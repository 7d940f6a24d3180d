#include "alpscan/physics/MesonPhotonSpectrum.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <gsl/gsl_sf_gamma.h>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

double bmpt_shape_integral(const BmptShape& s) {
  const double b = 1.0 + s.c_alpha;
  return gsl_sf_beta(2.0 - s.c_gamma, b) + s.c_beta * gsl_sf_beta(3.0 - s.c_gamma, b);
}

double bmpt_mean_x(const BmptShape& s) {
  const double b = 1.0 + s.c_alpha;
  const double num = gsl_sf_beta(3.0 - s.c_gamma, b) + s.c_beta * gsl_sf_beta(4.0 - s.c_gamma, b);
  return num / bmpt_shape_integral(s);
}

PionSpectrum::PionSpectrum(double E_beam, BmptShape shape, double n_pi)
    : E_beam_(E_beam), shape_(shape) {
  if (!(E_beam > 0)) throw std::invalid_argument("PionSpectrum: E_beam must be > 0");
  if (!(shape.c_gamma < 2.0)) throw std::invalid_argument("PionSpectrum: c_gamma must be < 2");
  norm_ = n_pi / (bmpt_shape_integral(shape) * E_beam * E_beam);
}

double PionSpectrum::dN_dE(double E) const {
  if (!(E > 0) || E >= E_beam_) return 0.0;
  const double x = E / E_beam_;
  return norm_ * E * std::pow(1.0 - x, shape_.c_alpha) * (1.0 + shape_.c_beta * x) *
         std::pow(x, -shape_.c_gamma);
}

double forward_photon_density(const PionSpectrum& pions, double E_gamma, double c) {
  return pions.dN_dE(2.0 * E_gamma / (1.0 + c)) / (1.0 + c);
}

double photon_pt(double E_star, double c) {
  return E_star * std::sqrt(std::max(0.0, (1.0 - c) * (1.0 + c)));
}

double photon_c_min(double E_gamma, double E_beam, double E_star, double pT_cap) {
  double c = std::max(0.0, 2.0 * E_gamma / E_beam - 1.0);
  if (pT_cap < E_star) {
    const double r = pT_cap / E_star;
    c = std::max(c, std::sqrt(std::max(0.0, 1.0 - r * r)));
  }
  return c;
}

// ---- pion p_T option -------------------------------------------------------------------------

namespace {
struct PtShape {
  double a1, b1, inv_norm;
};
PtShape pt_shape(const PionPtModel& m, double x) {
  if (!(m.a > 0) || !(x > 0)) throw std::invalid_argument("PionPtModel: a and x must be > 0");
  const double a1 = m.a / std::pow(x, m.gamma);
  const double b1 = m.a * m.a / (2.0 * std::pow(x, m.delta));
  const double a2 = a1 * a1;
  return {a1, b1, 1.0 / (2.0 * units::pi * (3.0 / a2 + 6.0 * b1 / (a2 * a2)))};
}
}  // namespace

double pion_pt_density(const PionPtModel& m, double x, double q) {
  const PtShape s = pt_shape(m, x);
  return (1.0 + s.a1 * q + s.b1 * q * q) * std::exp(-s.a1 * q) * s.inv_norm;
}

double pion_pt_mean(const PionPtModel& m, double x) {
  const PtShape s = pt_shape(m, x);
  const double r = s.b1 / (s.a1 * s.a1);
  return (8.0 + 24.0 * r) / (s.a1 * (3.0 + 6.0 * r));
}

SmearedPhotonPt::SmearedPhotonPt(const PionSpectrum& pions, const PionPtModel& model, double E_star, double E_gamma,
                                 int n_theta, int n_phi) {
  const double cmin = photon_c_min(E_gamma, pions.E_beam(), E_star, 1e300);
  if (!(cmin < 1.0) || !(E_gamma > 0)) return;
  const double tmax = std::acos(cmin);
  const GaussLegendre gt(n_theta), gp(n_phi);
  for (int i = 0; i < gt.size(); ++i) {
    const double th = 0.5 * tmax * (1.0 + gt.nodes()[i]);
    const double c = std::cos(th), sn = std::sin(th);
    const double w = 0.5 * tmax * gt.weights()[i] * sn * forward_photon_density(pions, E_gamma, c);  // dc = sin dth
    if (!(w > 0)) continue;
    const double z = 0.5 * (1.0 + c);
    const double x = E_gamma / (z * pions.E_beam());
    const PtShape s = pt_shape(model, x);
    nodes_.push_back({w, E_star * sn, 1.0 / z, s.a1, s.b1, s.inv_norm / (z * z)});
  }
  for (int k = 0; k < gp.size(); ++k) {
    const double phi = 0.5 * units::pi * (1.0 + gp.nodes()[k]);
    cphi_.push_back(std::cos(phi));
    wphi_.push_back(2.0 * 0.5 * units::pi * gp.weights()[k]);  // x 2: (0, 2 pi) by symmetry
  }
}

double SmearedPhotonPt::density(double P) const {
  if (!(P > 0)) return 0.0;
  double sum = 0.0;
  for (const Node& n : nodes_) {
    double g = 0.0;
    for (std::size_t k = 0; k < cphi_.size(); ++k) {
      const double u2 = P * P + n.pstar * n.pstar - 2.0 * P * n.pstar * cphi_[k];
      const double q = std::sqrt(std::max(0.0, u2)) * n.inv_z;
      g += wphi_[k] * (1.0 + n.a1 * q + n.b1 * q * q) * std::exp(-n.a1 * q);
    }
    sum += n.w * n.norm * g;
  }
  return P * sum;
}

double SmearedPhotonPt::total() const {
  double s = 0.0;
  for (const Node& n : nodes_) s += n.w;
  return s;
}

}  // namespace alpscan::physics
