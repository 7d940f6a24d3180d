#include "alpscan/physics/MesonPhotonSpectrum.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <gsl/gsl_sf_gamma.h>

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

}  // namespace alpscan::physics
