#include "alpscan/physics/HelioscopeRate.hpp"

#include <cmath>
#include <stdexcept>

#include "alpscan/physics/AlpConversion.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "alpscan/physics/SolarAxionFlux.hpp"

namespace alpscan::physics {

namespace {
constexpr int kSegments = 2048;
constexpr double kChiNarrow = 0.3;
}  // namespace

double helioscope_rate_per_g4(double m_a, const HelioscopeMagnet& mag) {
  if (!(mag.E_min > 0) || !(mag.E_max > mag.E_min) || !(mag.L > 0))
    throw std::invalid_argument("helioscope_rate_per_g4: need 0 < E_min < E_max and L > 0");
  static const GaussLegendre gl(4);
  const double dm2 = std::fabs(m_a * m_a - mag.m_gamma2);
  const double k = 0.25 * dm2 * mag.L;  // phase qL/2 = k u
  const double h = 0.5 * mag.B;         // (g B / 2) at g = 1
  const double u_lo = 1.0 / mag.E_max, u_hi = 1.0 / mag.E_min, du = (u_hi - u_lo) / kSegments;
  // dE = du / u^2; flux at g = 1.
  auto flux_du = [&](double u) { return solar_primakoff_flux(1.0 / u, m_a, 1.0) / (u * u); };
  double sum = 0.0;
  for (int s = 0; s < kSegments; ++s) {
    const double a = u_lo + s * du, b = a + du;
    const double chi = 0.5 * k * du;
    if (chi <= kChiNarrow) {
      sum += gl.integrate([&](double u) { return flux_du(u) * conversion_probability_medium(1.0 / u, m_a, mag.m_gamma2, 1.0, mag.B, mag.L); }, a, b);
    } else {
      // P = (gBL/2)^2 sin^2(phi)/phi^2 with phi = k u: the smooth factor flux/phi^2 times <sin^2> on the step.
      const double smooth = gl.integrate([&](double u) { const double phi = k * u; return flux_du(u) / (phi * phi); }, a, b);
      sum += h * h * mag.L * mag.L * smooth * mean_sin2_linear_phase(k * 0.5 * (a + b), chi);
    }
  }
  return sum;
}

}  // namespace alpscan::physics
