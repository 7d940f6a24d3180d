#include "alpscan/experiments/ShowerDumpProduction.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/AlpBremsstrahlung.hpp"
#include "alpscan/physics/AlpCompton.hpp"
#include "alpscan/physics/AlpPositronAnnihilation.hpp"
#include "alpscan/physics/PrimakoffConeConvolution.hpp"
#include "alpscan/physics/PrimakoffMasslessScreened.hpp"
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
  if (cfg_.primakoff_production == PrimakoffProduction::physical && cfg_.cone_table_nodes_per_decade > 0 && flux_ &&
      !flux_->photon_track_by_angle.empty())
    cone_table_ = std::make_unique<physics::PrimakoffConeTable>(p1_, flux_->theta_edges, cfg_.theta_det,
                                                                 cfg_.angle_nodes, cfg_.cone_table_nodes_per_decade);
}

void ShowerProduction::spectrum(ProductionChannel c, double m, std::vector<double>& out) const {
  out.assign(edges_.size() - 1, 0.0);
  if (!cfg_.enabled[static_cast<int>(c)]) return;
  switch (c) {
    case ProductionChannel::primakoff: primakoff(m, out); break;
    case ProductionChannel::brems: brems(m, out); break;
    case ProductionChannel::compton: two_to_two(true, m, out); break;
    case ProductionChannel::associated: two_to_two(false, m, out); break;
    case ProductionChannel::resonant: break;  // a line, not a spectrum: resonance()
  }
}

// Phi_j = n_X int_j dk [sum_i l_i(k) sigma(k; m) <A>_i(k, m)]: GL in ln k over each group (header).
void ShowerProduction::primakoff(double m, std::vector<double>& out) const {
  const physics::GaussLegendre gl(cfg_.n_gl);
  const bool paper = cfg_.primakoff_production == PrimakoffProduction::paper;
  const auto& annuli = flux_->photon_track_by_angle;
  const bool convolve = !paper && !annuli.empty();
  std::vector<double> w(annuli.size());  // photon track length per angle bin at k
  auto per_k = [&](double k) {
    if (paper) return flux_->dl_gamma_dk(k) * physics::primakoff_sigma_massless_screened(k, m, cfg_.Z, cfg_.paper_screening_radius);
    if (!convolve) return flux_->dl_gamma_dk(k) * p1_.sigma_theta_below(k, m, cfg_.theta_det);
    for (std::size_t i = 0; i < annuli.size(); ++i) w[i] = annuli[i].density(k);
    if (cone_table_) return cone_table_->sigma_binned(k, m, w);
    return physics::primakoff_cone_sigma_binned(p1_, k, m, flux_->theta_edges, w, cfg_.theta_det, cfg_.angle_nodes);
  };
  for (std::size_t j = 0; j + 1 < edges_.size(); ++j) {
    const double a = std::max(std::log(edges_[j]), std::log(m * (1 + 1e-12))), b = std::log(edges_[j + 1]);
    if (!(b > a)) continue;
    out[j] = cfg_.n_X * gl.integrate([&](double u) { const double k = std::exp(u); return k * per_k(k); }, a, b);
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

ResonantLine ShowerProduction::resonance(double m) const {
  ResonantLine r;
  if (!cfg_.enabled[static_cast<int>(ProductionChannel::resonant)] || !(m > 2 * units::m_electron)) return r;
  const auto norm = cfg_.resonance == ResonanceNormalisation::paper ? physics::ResonanceNorm::paper
                                                                     : physics::ResonanceNorm::derived;
  r.E_a = physics::alp_resonance_alp_energy(m);
  // The flux tables are in total energy; at E_R >= 75 MeV total and kinetic differ by < 1%.
  r.alps = cfg_.Z * cfg_.n_X * physics::alp_resonance_coefficient(m, norm) *
           flux_->dl_positron_dE(physics::alp_resonance_positron_energy(m));
  return r;
}

AngleRoots energies_at_angle(double E1, double m1, double m2, double m3, double m4, double c) {
  AngleRoots r;
  const double p1 = std::sqrt(std::max(E1 * E1 - m1 * m1, 0.0));
  const double A = E1 + m2, B = 0.5 * (m1 * m1 + m2 * m2 + m3 * m3 - m4 * m4) + E1 * m2;
  const double pc = p1 * c, a2 = A * A - pc * pc;
  const double disc = B * B - m3 * m3 * a2;
  if (disc < 0 || !(a2 > 0)) return r;
  const double sq = pc * std::sqrt(disc);
  r.none = false;
  r.hi = (A * B + sq) / a2;
  const double lo = (A * B - sq) / a2;
  if (A * lo - B >= 0) r.lo = lo;
  return r;
}


// Phi_j = Z n_X int dE l(E) sigma(E; E_a in group j and theta_a < theta_det): parent energies on GL
// panels of one unit of ln E from the lowest group edge to the top of the flux; the angular cut is an
// E_a interval (energies_at_angle) and the cross-section over it is the closed form of AlpCompton /
// AlpPositronAnnihilation, so the cone is exact however narrow (light ALPs keep theta_a < 10 mrad
// only within a few MeV of the top of the E_a range).
void ShowerProduction::two_to_two(bool compton, double m, std::vector<double>& out) const {
  const physics::GaussLegendre gl(cfg_.n_gl);
  const physics::GroupSpectrum& parents = compton ? flux_->photon_track : flux_->positron_track;
  const double me = units::m_electron;
  // Parent energies. Compton: GL in ln E from the lowest group edge. Associated: sigma grows as
  // 1/(s - m^2) towards the resonance (the soft-photon tail that merges into the resonant line,
  // spec P4), so the variable is u = ln(E_+ - E_R) (the integrand is smooth in u) from the cut
  // s >= m^2 (1 + delta) up.
  const double E_top = parents.edges.back();
  const double E0 = compton ? 0.0 : physics::alp_assoc_threshold_energy(m, 0.0);
  const double E_lo = compton ? std::max(edges_.front(), m)
                              : std::max(physics::alp_assoc_threshold_energy(m, cfg_.associated_delta), edges_.front() - me);
  if (!(E_top > E_lo) || !(E_lo > E0)) return;
  const double lo = std::log(E_lo - E0), hi = std::log(E_top - E0);
  const double c_det = std::cos(cfg_.theta_det);
  const int panels = std::max(1, static_cast<int>(std::ceil(2 * (hi - lo))));
  for (int p = 0; p < panels; ++p) {
    const double pa = lo + (hi - lo) * p / panels, pb = lo + (hi - lo) * (p + 1) / panels;
    const double c = 0.5 * (pa + pb), h = 0.5 * (pb - pa);
    for (int n = 0; n < gl.size(); ++n) {
      const double x = std::exp(c + h * gl.nodes()[n]), E = E0 + x;
      const double w = h * gl.weights()[n] * x * parents.density(E);  // dE l(E)
      if (!(w > 0)) continue;
      const physics::AlpEnergyInterval r =
          compton ? physics::alp_compton_energy_range(E, m) : physics::alp_assoc_energy_range(E, m);
      if (r.empty()) continue;
      const AngleRoots a = compton ? energies_at_angle(E, 0.0, me, m, me, c_det) : energies_at_angle(E, me, me, m, 0.0, c_det);
      auto part = [&](double x0, double y0) {  // sigma with E_a in [x0, y0]
        if (!(y0 > x0)) return 0.0;
        return compton ? physics::alp_compton_sigma_ea_range(E, m, x0, y0) : physics::alp_assoc_sigma_ea_range(E, m, x0, y0);
      };
      for (std::size_t j = 0; j + 1 < edges_.size(); ++j) {
        const double ga = std::max(edges_[j], r.lo), gb = std::min(edges_[j + 1], r.hi);
        if (!(gb > ga)) continue;
        double sigma = 0;
        if (a.none) sigma = part(ga, gb);
        else sigma = part(std::max(ga, a.hi), gb) + (a.lo > 0 ? part(ga, std::min(gb, a.lo)) : 0.0);
        out[j] += cfg_.Z * cfg_.n_X * w * sigma;
      }
    }
  }
}

}  // namespace alpscan
