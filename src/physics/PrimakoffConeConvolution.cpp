#include "alpscan/physics/PrimakoffConeConvolution.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

double primakoff_annulus_cone_fraction(const PrimakoffScattering& p, double E, double m, double theta_lo,
                                       double theta_hi, double theta_det, int nodes) {
  if (!(m < E) || !(theta_hi > theta_lo)) return 0.0;
  const GaussLegendre gl(nodes);
  // A(theta_gamma) falls from ~1 to ~0 across the cone's edge within the emission angle's core
  // theta_c ~ m^2/2E^2 (|t| = 2 |t|_min), then as a tail: sub-panels at theta_det +- theta_c 4^k
  // resolve the layer however thin (floor 1e-4 theta_det: a thinner layer weighs < 1e-4).
  const double theta_c = std::max(m * m / (2.0 * E * E), 1e-4 * theta_det);
  auto u_of = [](double th) { const double s = std::sin(0.5 * th); return 2.0 * s * s; };  // 1 - cos, no cancellation
  std::vector<double> br{theta_lo, theta_hi};
  if (theta_det > theta_lo && theta_det < theta_hi) br.push_back(theta_det);
  for (double d = theta_c; d < theta_hi - theta_lo; d *= 4.0)
    for (double x : {theta_det - d, theta_det + d})
      if (x > theta_lo && x < theta_hi) br.push_back(x);
  std::sort(br.begin(), br.end());
  double sum = 0.0;
  for (std::size_t q = 0; q + 1 < br.size(); ++q)
    sum += gl.integrate([&](double u) { return p.cone_fraction(E, m, 2.0 * std::asin(std::sqrt(0.5 * u)), theta_det); },
                        u_of(br[q]), u_of(br[q + 1]));
  return sum / (u_of(theta_hi) - u_of(theta_lo));
}

void primakoff_annulus_cone_fractions(const PrimakoffScattering& p, double E, double m,
                                      const std::vector<double>& theta_edges, double theta_det, int nodes,
                                      std::vector<double>& out) {
  if (theta_edges.size() < 2) throw std::invalid_argument("primakoff_annulus_cone_fractions: need >= 2 edges");
  out.assign(theta_edges.size() - 1, 0.0);
  for (std::size_t i = 0; i + 1 < theta_edges.size(); ++i)
    out[i] = primakoff_annulus_cone_fraction(p, E, m, theta_edges[i], theta_edges[i + 1], theta_det, nodes);
}

}  // namespace alpscan::physics
