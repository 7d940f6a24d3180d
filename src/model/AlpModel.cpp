#include "alpscan/model/AlpModel.hpp"

#include <stdexcept>
#include <string>

#include "alpscan/model/ElectronLoopPhotonCoupling.hpp"

namespace alpscan::model {

void AlpModel::refuse(const AlpPoint& p) {
  const double br = p[Axis::br_inv];
  if (!(br >= 0.0 && br <= 1.0))
    throw std::invalid_argument("ALP model: br_inv = " + std::to_string(br) + " is not a branching ratio in [0, 1]");
  throw std::invalid_argument(
      "ALP model: g_achi and br_inv are both nonzero; the invisible width is given either by a -> chi chi "
      "(g_achi, m_chi) or by br_inv, not both");
}

AlpModel AlpModel::from_couplings(double m_a, double g_agg, double g_ae, double br_inv) {
  AlpPoint p;
  p[Axis::m_a] = m_a, p[Axis::g_agg] = g_agg, p[Axis::g_ae] = g_ae, p[Axis::br_inv] = br_inv;
  return AlpModel(p);
}

std::complex<double> AlpModel::g_gamma_from_electron_loop() const {
  return loop_photon_coupling_from_electron(p_.g_ae(), p_.m_a());
}

void AlpModel::add_electron_loop(ModelOptions::ElectronLoop sign) {
  const std::complex<double> dg = g_gamma_from_electron_loop();
  g_gamma_ = std::abs(sign == ModelOptions::ElectronLoop::add ? p_.g_agg() + dg : p_.g_agg() - dg);
}

void AlpModel::compute_widths() const {
  const double m = p_.m_a();
  w_.gg = width_a_to_gg(g_gamma(kOnShellPhotons), m);
  w_.ee = width_a_to_ee(p_.g_ae(), m);
  w_.inv = p_[Axis::g_achi] != 0.0 ? width_a_to_chichi(p_[Axis::g_achi], p_[Axis::m_chi], m)
                                   : width_inv_from_br(p_[Axis::br_inv], w_.gg + w_.ee);
  have_widths_ = true;
}

double AlpModel::decay_length(double E) const { return model::decay_length(E, p_.m_a(), width_total()); }

}  // namespace alpscan::model
