#include "alpscan/experiments/ShowerDumpProduction.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/AlpBremsstrahlung.hpp"
#include "alpscan/physics/Quadrature.hpp"

namespace alpscan {

const char* production_channel_name(ProductionChannel c) {
  switch (c) {
    case ProductionChannel::primakoff: return "primakoff gamma N -> a N";
    case ProductionChannel::compton: return "compton gamma e -> a e";
    case ProductionChannel::resonant: return "resonant e+ e- -> a";
    case ProductionChannel::associated: return "associated e+ e- -> a gamma";
    case ProductionChannel::brems: return "bremsstrahlung e Z -> e Z a";
  }
  return "?";
}

bool production_via_photon_coupling(ProductionChannel c) { return c == ProductionChannel::primakoff; }

ShowerProduction::ShowerProduction(ShowerProductionConfig cfg, const physics::DumpShowerFlux* flux,
                                   std::vector<double> edges)
    : cfg_(cfg), flux_(flux), edges_(std::move(edges)), p1_(cfg.Z, cfg.A, cfg.primakoff) {
  if (edges_.size() < 2 || !std::is_sorted(edges_.begin(), edges_.end()) || !(edges_.front() > 0))
    throw std::invalid_argument("ShowerProduction: energy group edges must be > 0 and ascending");
}

void ShowerProduction::spectrum(ProductionChannel c, double m, std::vector<double>& out) const {
  out.assign(edges_.size() - 1, 0.0);
  if (!cfg_.enabled[static_cast<int>(c)]) return;
  switch (c) {
    case ProductionChannel::primakoff: primakoff(m, out); break;
    case ProductionChannel::brems: brems(m, out); break;
    default: break;  // the electron-coupling 2 -> 2 channels (see ShowerDumpElectronChannels.cpp)
  }
}

// Phi_j = n_X int_j dk l_g(k) sigma(k; m) f(theta < theta_det): GL in ln k over each group.
void ShowerProduction::primakoff(double m, std::vector<double>& out) const {
  const physics::GaussLegendre gl(cfg_.n_gl);
  for (std::size_t j = 0; j + 1 < edges_.size(); ++j) {
    const double a = std::max(std::log(edges_[j]), std::log(m * (1 + 1e-12))), b = std::log(edges_[j + 1]);
    if (!(b > a)) continue;
    out[j] = cfg_.n_X * gl.integrate(
                            [&](double u) {
                              const double k = std::exp(u);
                              const double l = flux_->dl_gamma_dk(k);
                              if (!(l > 0)) return 0.0;
                              return k * l * p1_.sigma_theta_below(k, m, cfg_.theta_det);
                            },
                            a, b);
  }
}

// Phi_j = n_X int dE [l_+ + l_-](E) int_j dE_a (1/E) dsigma/dx(E, x = E_a/E) f_acc(E, x):
// outer GL in ln E over decades from the group's lower edge to the top of the flux, inner GL in ln E_a.
void ShowerProduction::brems(double m, std::vector<double>& out) const {
  const physics::GaussLegendre gl(cfg_.n_gl);
  const double E_top = flux_->positron_track.edges.back();
  for (std::size_t j = 0; j + 1 < edges_.size(); ++j) {
    const double a = std::log(std::max(edges_[j], m)), b = std::log(edges_[j + 1]);
    if (!(b > a)) continue;
    const double inner_lo = a, inner_hi = b;
    // Parent energies from the group's lower edge up: panels of width <= 1 in ln E.
    const double lo = a, hi = std::log(E_top);
    if (!(hi > lo)) continue;
    const int panels = std::max(1, static_cast<int>(std::ceil(hi - lo)));
    double sum = 0;
    for (int p = 0; p < panels; ++p) {
      const double pa = lo + (hi - lo) * p / panels, pb = lo + (hi - lo) * (p + 1) / panels;
      sum += gl.integrate(
          [&](double v) {
            const double E = std::exp(v);
            const double l = flux_->dl_positron_dE(E) + flux_->dl_electron_dE(E);
            if (!(l > 0)) return 0.0;
            const double inner = gl.integrate(
                [&](double u) {
                  const double Ea = std::exp(u);
                  if (Ea >= E) return 0.0;
                  const double x = Ea / E;
                  return Ea * physics::alp_brems_dsigma_dx(E, x, m, cfg_.Z) / E *
                         physics::alp_brems_acceptance(E, x, m, cfg_.theta_det);
                },
                inner_lo, inner_hi);
            return E * l * inner;
          },
          pa, pb);
    }
    out[j] = cfg_.n_X * sum;
  }
}

}  // namespace alpscan
