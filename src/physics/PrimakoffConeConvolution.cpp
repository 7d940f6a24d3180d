#include "alpscan/physics/PrimakoffConeConvolution.hpp"

#include <algorithm>
#include <cmath>

#include "alpscan/physics/ConeConvolution.hpp"

namespace alpscan::physics {

std::vector<double> primakoff_cone_breakpoints(double E, double m, double theta_det, double theta_hi) {
  std::vector<double> br{theta_det};
  const double theta_c = std::max(m * m / (2.0 * E * E), 1e-4 * theta_det);
  for (double d = theta_c; d < theta_hi; d *= 4.0)
    for (double x : {theta_det - d, theta_det + d})
      if (x > 0 && x < theta_hi) br.push_back(x);
  return br;
}

double primakoff_cone_sigma_binned(const PrimakoffScattering& p, double E, double m,
                                   const std::vector<double>& theta_edges, const std::vector<double>& w,
                                   double theta_det, int n_gl) {
  if (!(m < E) || theta_edges.size() < 2) return 0.0;
  ConeConvolutionRule rule;
  rule.n_gl = n_gl;
  return cone_convolution_binned(
      theta_edges, w, [&](double th) { return p.sigma_into_cone(E, m, th, theta_det); },
      primakoff_cone_breakpoints(E, m, theta_det, theta_edges.back()), rule);
}

double primakoff_cone_convolution_binned(const PrimakoffScattering& p, double E, double m,
                                         const std::vector<double>& theta_edges, const std::vector<double>& w,
                                         double theta_det, int n_gl) {
  const double s = p.sigma(E, m);
  return s > 0 ? primakoff_cone_sigma_binned(p, E, m, theta_edges, w, theta_det, n_gl) / s : 0.0;
}

}  // namespace alpscan::physics
