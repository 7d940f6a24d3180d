#include "alpscan/model/ElectronLoopPhotonCoupling.hpp"

#include <cmath>

#include "alpscan/core/Units.hpp"

namespace alpscan::model {

std::complex<double> loop_function_b1(double tau) {
  std::complex<double> f;
  if (tau >= 1.0) {
    f = std::asin(1.0 / std::sqrt(tau));
  } else {
    const double s = std::sqrt(1.0 - tau);
    // (1/2) ln[(1 + s)/(1 - s)] = ln[(1 + s)/sqrt(tau)] since (1 - s)(1 + s) = tau: no 1 - s, which
    // cancels as tau -> 0.
    f = std::complex<double>(units::pi / 2, std::log((1.0 + s) / std::sqrt(tau)));
  }
  return 1.0 - tau * f * f;
}

std::complex<double> loop_photon_coupling_from_electron(double g_ae, double m_a) {
  const double tau = 4.0 * units::m_electron * units::m_electron / (m_a * m_a);
  return (units::alpha_em / units::pi) * (g_ae / units::m_electron) * loop_function_b1(tau);
}

}  // namespace alpscan::model
