#include "alpscan/physics/DumpShowerFlux.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "alpscan/physics/ShowerTrackLength.hpp"

namespace alpscan::physics {

namespace {
constexpr double kAvogadro = 6.02214076e23;  // 1/mol (SI 2019, exact)
}

// ---- GroupSpectrum ----------------------------------------------------------------------------

double GroupSpectrum::density(double E) const {
  const int n = static_cast<int>(content.size());
  if (n == 0 || !(E >= edges.front()) || !(E <= edges.back())) return 0.0;
  auto d = [&](int g) { return content[g] / (edges[g + 1] - edges[g]); };
  auto c = [&](int g) { return std::sqrt(edges[g] * edges[g + 1]); };
  if (n == 1 || E <= c(0)) return d(0);
  if (E >= c(n - 1)) return d(n - 1);
  // c(g) <= E < c(g+1): the group containing E or its lower neighbour.
  int g = static_cast<int>(std::upper_bound(edges.begin(), edges.end(), E) - edges.begin()) - 1;
  g = std::clamp(g, 0, n - 1);
  if (E < c(g)) --g;
  const double d0 = d(g), d1 = d(g + 1);
  const double t = std::log(E / c(g)) / std::log(c(g + 1) / c(g));
  if (d0 > 0 && d1 > 0) return std::exp((1.0 - t) * std::log(d0) + t * std::log(d1));
  return (1.0 - t) * d0 + t * d1;
}

double GroupSpectrum::integral(double lo, double hi) const {
  double s = 0.0;
  for (std::size_t g = 0; g < content.size(); ++g) {
    const double a = std::max(lo, edges[g]), b = std::min(hi, edges[g + 1]);
    if (b > a) s += content[g] * (b - a) / (edges[g + 1] - edges[g]);
  }
  return s;
}

double GroupSpectrum::total() const {
  double s = 0.0;
  for (double c : content) s += c;
  return s;
}

double photon_attenuation_per_X0(double sigma_barn, const DumpMaterial& m) {
  return sigma_barn * 1e-24 * kAvogadro * m.X0 / m.A;
}

// ---- the analytic flux ------------------------------------------------------------------------

DumpShowerFlux build_analytic_dump_shower_flux(const Pi0Source& pi0, const DumpMaterial& mat, double theta_cut,
                                               const ShowerFluxOptions& opt) {
  if (!(theta_cut > 0)) throw std::invalid_argument("build_analytic_dump_shower_flux: theta_cut must be > 0");
  if (!(mat.thickness_X0 > 0)) throw std::invalid_argument("build_analytic_dump_shower_flux: thickness must be > 0");
  const double pm = pi0.p_max();
  const double k_max = 0.5 * (std::sqrt(pm * pm + units::m_pi0 * units::m_pi0) + pm);  // k+ of the fastest pion
  CascadeGrid grid{opt.E_min, k_max, opt.groups_per_decade};
  CascadeMedium medium{mat.critical_energy, mat.atten_E, mat.atten_mu};
  const EmCascade cascade(grid, medium, opt.brem);
  const auto& edges = cascade.edges();
  const int n = cascade.groups();

  // Decay photons in the cone per interaction, integrated over each group (Gauss-Legendre in ln k).
  const GaussLegendre gl(std::max(1, opt.source_nodes_per_group));
  std::vector<double> S(n), zero(n, 0.0);
  for (int g = 0; g < n; ++g)
    S[g] = gl.integrate(
        [&](double lk) {
          const double k = std::exp(lk);
          return k * pi0_photon_spectrum_in_cone(pi0, k, theta_cut);
        },
        std::log(edges[g]), std::log(edges[g + 1]));

  const double T = mat.thickness_X0, lambda = mat.interaction_length_X0;
  const CascadeResult r = cascade.solve(S, zero, T, lambda, opt.depth_step);
  const double w = (lambda > 0 && !std::isinf(T)) ? -std::expm1(-T / lambda) : 1.0;

  DumpShowerFlux f;
  f.theta_cut = theta_cut;
  f.pot_weight = w;
  auto make = [&](const std::vector<double>& v, double scale) {
    GroupSpectrum s{edges, v};
    for (double& c : s.content) c *= scale;
    return s;
  };
  f.photon_source = make(S, w);
  f.photon_track = make(r.photon_track, 1.0);
  f.positron_track = make(r.lepton_track, opt.positron_fraction);
  f.electron_track = make(r.lepton_track, 1.0 - opt.positron_fraction);
  f.photon_created = make(r.photon_created, 1.0);
  f.lepton_created = make(r.lepton_created, 1.0);
  f.ionisation_energy = r.ionisation_energy;
  f.leak_energy = r.leak_energy;

  // The (k, theta_gamma) table. The decay photons of group g in annulus i are the in-cone ones S[g]
  // times R_i(k) = [S(theta < theta_i+1; k) - S(theta < theta_i; k)] / S(theta < theta_cut; k) at the
  // group's centre. R_i is smooth in ln k (the pions' angles and the decay opening change on the
  // scale of the spectrum itself): it is computed at theta_k_nodes_per_decade nodes and interpolated
  // linearly in ln k (the cumulative spectra are made monotone in theta, so the annuli stay >= 0).
  // Each annulus is cascaded on its own (the cascade is linear in its source; its photons keep the
  // decay photon's direction). Photons beyond the last edge are not tabulated.
  const auto& th = opt.theta_edges;
  if (!th.empty()) {
    if (th.size() < 2 || th.front() != 0.0 || !std::is_sorted(th.begin(), th.end()) ||
        std::adjacent_find(th.begin(), th.end()) != th.end())
      throw std::invalid_argument("build_analytic_dump_shower_flux: theta_edges must start at 0 and increase");
    f.theta_edges = th;
    const std::size_t ne = th.size();
    const double lk0 = std::log(edges.front()), lk1 = std::log(edges.back());
    const int nk = std::max(2, static_cast<int>(std::ceil((lk1 - lk0) / std::log(10.0) * opt.theta_k_nodes_per_decade)) + 1);
    std::vector<std::vector<double>> R(nk, std::vector<double>(ne, 0.0));  // cumulative, over the cone's [k node][edge]
    for (int q = 0; q < nk; ++q) {
      const double k = std::exp(lk0 + (lk1 - lk0) * q / (nk - 1));
      const double cone = pi0_photon_spectrum_in_cone(pi0, k, theta_cut);
      if (!(cone > 0)) continue;
      for (std::size_t e = 1; e < ne; ++e)
        R[q][e] = std::max(R[q][e - 1], th[e] == theta_cut ? 1.0 : pi0_photon_spectrum_in_cone(pi0, k, th[e]) / cone);
    }
    std::vector<std::vector<double>> S_i(ne - 1, std::vector<double>(n, 0.0));
    for (int g = 0; g < n; ++g) {
      const double x = (0.5 * (std::log(edges[g]) + std::log(edges[g + 1])) - lk0) / (lk1 - lk0) * (nk - 1);
      const int q = std::clamp(static_cast<int>(x), 0, nk - 2);
      const double t = std::clamp(x - q, 0.0, 1.0);
      for (std::size_t e = 0; e + 1 < ne; ++e) {
        const double lo = (1 - t) * R[q][e] + t * R[q + 1][e], hi = (1 - t) * R[q][e + 1] + t * R[q + 1][e + 1];
        S_i[e][g] = S[g] * std::max(0.0, hi - lo);
      }
    }
    for (std::size_t e = 0; e + 1 < ne; ++e)
      f.photon_track_by_angle.push_back(make(cascade.solve(S_i[e], zero, T, lambda, opt.depth_step).photon_track, 1.0));
  }
  return f;
}

// ---- Tsai fold of created e+- (spec s2.3) ------------------------------------------------------

GroupSpectrum fold_created_leptons_tsai(const GroupSpectrum& created, double T) {
  const int n = static_cast<int>(created.content.size());
  GroupSpectrum out{created.edges, std::vector<double>(n, 0.0)};
  if (n == 0) return out;
  const double lr = std::log(created.edges[1] / created.edges[0]);
  for (int g = 1; g < n; ++g)
    if (std::abs(std::log(created.edges[g + 1] / created.edges[g]) - lr) > 1e-9 * lr)
      throw std::invalid_argument("fold_created_leptons_tsai: edges must be log-uniform");
  // The same in-group nodes as EmCascade: s = ln(E/a_h) = lr u^2, weight 2u du.
  static const GaussLegendre gl(16);
  std::vector<double> su, wu;
  for (int q = 0; q < gl.size(); ++q) {
    const double u = 0.5 * (1.0 + gl.nodes()[q]);
    su.push_back(lr * u * u);
    wu.push_back(gl.weights()[q] * u);
  }
  // W[d][q] = int_0^T dt int_{E e^{-(s_q + d lr)}}^{E} I dE' (scale free: a function of ln(E/E') only).
  std::vector<std::vector<double>> W(n, std::vector<double>(su.size()));
  for (int d = 0; d < n; ++d)
    for (std::size_t q = 0; q < su.size(); ++q) W[d][q] = electron_track_length_within(su[q] + d * lr, T);
  for (int h = 0; h < n; ++h) {
    const double N = created.content[h];
    if (N == 0.0) continue;
    for (int hp = 0; hp <= h; ++hp) {
      const int d = h - hp;
      double s = 0.0;
      for (std::size_t q = 0; q < su.size(); ++q) s += wu[q] * (W[d][q] - (d > 0 ? W[d - 1][q] : 0.0));
      out.content[hp] += N * s;
    }
  }
  return out;
}

}  // namespace alpscan::physics
