#include "alpscan/physics/PrimakoffConeTable.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/physics/PrimakoffConeConvolution.hpp"

namespace alpscan::physics {

namespace {
constexpr double kMinMomentumRatio = 1e-3;  // below: exact (the lattice would run far below threshold)

// Cubic Lagrange weights at t in [0, 1) for nodes at -1, 0, 1, 2.
void lagrange4(double t, double w[4]) {
  w[0] = -t * (t - 1) * (t - 2) / 6;
  w[1] = (t + 1) * (t - 1) * (t - 2) / 2;
  w[2] = -(t + 1) * t * (t - 2) / 2;
  w[3] = (t + 1) * t * (t - 1) / 6;
}
}  // namespace

PrimakoffConeTable::PrimakoffConeTable(PrimakoffScattering p, std::vector<double> theta_edges, double theta_det,
                                       int n_gl, int nodes_per_decade)
    : p_(std::move(p)), edges_(std::move(theta_edges)), theta_det_(theta_det), n_gl_(n_gl),
      h_(std::log(10.0) / nodes_per_decade) {
  if (edges_.size() < 2 || nodes_per_decade < 1)
    throw std::invalid_argument("PrimakoffConeTable: need >= 1 photon-angle bin and >= 1 node per decade");
}

const std::vector<double>& PrimakoffConeTable::node(std::int64_t a, std::int64_t b) const {
  const std::int64_t key = (a << 32) ^ (b & 0xffffffff);
  auto it = nodes_.find(key);
  if (it != nodes_.end()) return it->second;
  const double m = std::exp(a * h_), r = std::exp(b * h_);  // r = p/m
  const double E = m * std::sqrt(1.0 + r * r);
  const std::size_t nb = edges_.size() - 1;
  std::vector<double> k(nb, 0.0), w(nb, 0.0);
  const double s = p_.sigma(E, m);
  if (s > 0)
    for (std::size_t i = 0; i < nb; ++i) {
      w[i] = 1.0;
      k[i] = primakoff_cone_sigma_binned(p_, E, m, edges_, w, theta_det_, n_gl_) / s;
      w[i] = 0.0;
    }
  return nodes_.emplace(key, std::move(k)).first->second;
}

void PrimakoffConeTable::fractions(double E, double m, std::vector<double>& out) const {
  const std::size_t nb = edges_.size() - 1;
  out.assign(nb, 0.0);
  if (!(m > 0) || !(E > m)) return;
  const double r = std::sqrt((E - m) * (E + m)) / m;
  if (r < kMinMomentumRatio) {  // exact
    const double s = p_.sigma(E, m);
    if (!(s > 0)) return;
    std::vector<double> w(nb, 0.0);
    for (std::size_t i = 0; i < nb; ++i) {
      w[i] = 1.0;
      out[i] = primakoff_cone_sigma_binned(p_, E, m, edges_, w, theta_det_, n_gl_) / s;
      w[i] = 0.0;
    }
    return;
  }
  const double x = std::log(m) / h_, y = std::log(r) / h_;
  const std::int64_t a0 = static_cast<std::int64_t>(std::floor(x)), b0 = static_cast<std::int64_t>(std::floor(y));
  double wa[4], wb[4];
  lagrange4(x - a0, wa);
  lagrange4(y - b0, wb);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      const std::vector<double>& v = node(a0 - 1 + i, b0 - 1 + j);
      const double c = wa[i] * wb[j];
      for (std::size_t q = 0; q < nb; ++q) out[q] += c * v[q];
    }
  for (double& v : out) v = std::clamp(v, 0.0, 1.0);
}

double PrimakoffConeTable::sigma_binned(double E, double m, const std::vector<double>& w) const {
  if (!(m > 0) || !(E > m)) return 0.0;
  if (w.size() + 1 != edges_.size()) throw std::invalid_argument("PrimakoffConeTable: one weight per bin");
  std::vector<double> f;
  fractions(E, m, f);
  double s = 0.0;
  for (std::size_t i = 0; i < f.size(); ++i) s += w[i] * f[i];
  return s > 0 ? s * p_.sigma(E, m) : 0.0;
}

}  // namespace alpscan::physics
