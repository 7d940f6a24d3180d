#include "alpscan/physics/StellarEmission.hpp"

#include <algorithm>
#include <cmath>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/Quadrature.hpp"

namespace alpscan::physics {

namespace {
constexpr double kPi = units::pi;
// Atomic mass unit [GeV] (CODATA 2018) and 1 g/cm^3 in GeV^4: 1 g = 5.60958860e23 GeV, 1 cm = units::cm GeV^-1.
constexpr double kAtomicMassUnit = 0.93149410242;
constexpr double kGramInGeV = 5.60958860e23;

double bose(double w, double T) { return 1.0 / std::expm1(w / T); }

// The upper end of the emitted spectrum: 60 T above threshold (e^-60 of the peak).
constexpr double kSpanInT = 60.0;
// u = sqrt(w - threshold) on two Gauss-Legendre panels: [0, sqrt(12 T)] holds the bulk of a thermal
// spectrum, [sqrt(12 T), sqrt(60 T)] the tail; the sqrt maps the p ~ sqrt(w - m) edges onto smooth ones.
constexpr double kSplitInT = 12.0;
constexpr int kNodesPerPanel = 48;
}  // namespace

StellarPlasma ionised_plasma(double temperature, double rho_g_per_cm3, double electrons_per_baryon,
                             double z2_per_baryon) {
  const double rho = rho_g_per_cm3 * kGramInGeV / (units::cm * units::cm * units::cm);  // GeV^4
  const double n_b = rho / kAtomicMassUnit;                                             // baryons, GeV^3
  const double n_e = electrons_per_baryon * n_b;
  StellarPlasma s;
  s.temperature = temperature;
  s.plasma_frequency = std::sqrt(4 * kPi * units::alpha_em * n_e / units::m_electron);
  s.kappa = std::sqrt(4 * kPi * units::alpha_em / temperature * (n_e + z2_per_baryon * n_b));
  return s;
}

double primakoff_bracket(double k, double p, double kappa) {
  const double k2 = kappa * kappa;
  const double b = (k - p) * (k - p) + k2;
  const double a = (k + p) * (k + p) + k2;
  const double first = a * b / (4 * k * p * k2) * std::log1p(4 * k * p / b);  // ln(a/b), a - b = 4kp
  const double d = std::abs(k - p);
  const double second = d > 0 ? (k * k - p * p) * (k * k - p * p) / (4 * k * p * k2) * 2 * std::log((k + p) / d) : 0.0;
  return first - second - 1.0;
}

double primakoff_spectrum(double w, double m_a, const StellarPlasma& s) {
  const double wp = s.plasma_frequency, T = s.temperature;
  if (!(w > std::max(m_a, wp))) return 0.0;
  const double k = std::sqrt((w - wp) * (w + wp));
  const double p = std::sqrt((w - m_a) * (w + m_a));
  const double rate = T * s.kappa * s.kappa / (32 * kPi) * (p / w) * primakoff_bracket(k, p, s.kappa);  // Gamma / g^2
  return k * w * w * rate * bose(w, T) / (kPi * kPi);
}

double coalescence_spectrum(double E, double m_a, const StellarPlasma& s) {
  const double wp = s.plasma_frequency, T = s.temperature;
  if (!(m_a > 2 * wp) || !(E > m_a)) return 0.0;
  const double p = std::sqrt((E - m_a) * (E + m_a));
  const double w_hi = 0.5 * (E + p), w_lo = 0.5 * (E - p);
  // int_{w_lo}^{w_hi} f(w) f(E - w) dw = f(E) [p + 2 T ln((1 - e^{-w_hi/T}) / (1 - e^{-w_lo/T}))]
  const double inner = bose(E, T) * (p + 2 * T * (std::log(-std::expm1(-w_hi / T)) - std::log(-std::expm1(-w_lo / T))));
  const double x = 1.0 - 4 * wp * wp / (m_a * m_a);
  const double width0 = m_a * m_a * m_a / (64 * kPi) * x * std::sqrt(x);  // Gamma(a -> gamma gamma) / g^2 at rest
  return m_a * width0 / (2 * kPi * kPi) * E * inner;
}

double degenerate_bremsstrahlung_shape(double w, double m_a, double temperature) {
  if (!(w > m_a)) return 0.0;
  const double p = std::sqrt((w - m_a) * (w + m_a));
  return p * p * p * bose(w, temperature);
}

double EmissionNodes::total() const {
  double t = 0.0;
  for (double x : weight) t += x;
  return t;
}

namespace {
// Adds the nodes of int_{threshold}^{threshold + 60 T} f(w) dw, substituted w = threshold + u^2.
template <class F>
void add_nodes(EmissionNodes& out, double threshold, double T, F&& f) {
  static const GaussLegendre gl(kNodesPerPanel);
  const double edges[3] = {0.0, std::sqrt(kSplitInT * T), std::sqrt(kSpanInT * T)};
  for (int panel = 0; panel < 2; ++panel) {
    const double c = 0.5 * (edges[panel] + edges[panel + 1]), h = 0.5 * (edges[panel + 1] - edges[panel]);
    for (int i = 0; i < gl.size(); ++i) {
      const double u = c + h * gl.nodes()[i];
      const double w = threshold + u * u;
      out.energy.push_back(w);
      out.weight.push_back(gl.weights()[i] * h * 2 * u * f(w));
    }
  }
}
}  // namespace

EmissionNodes emission_nodes(StellarProcess process, double m_a, const StellarPlasma& s) {
  EmissionNodes n;
  const double T = s.temperature;
  if (process == StellarProcess::degenerate_bremsstrahlung) {
    add_nodes(n, m_a, T, [&](double w) { return degenerate_bremsstrahlung_shape(w, m_a, T); });
    return n;
  }
  add_nodes(n, std::max(m_a, s.plasma_frequency), T, [&](double w) { return primakoff_spectrum(w, m_a, s); });
  if (process == StellarProcess::primakoff_and_coalescence && m_a > 2 * s.plasma_frequency)
    add_nodes(n, m_a, T, [&](double E) { return coalescence_spectrum(E, m_a, s); });
  return n;
}

double energy_loss_ratio(StellarProcess process, double m_a, const StellarPlasma& s) {
  const StellarProcess massless = process == StellarProcess::degenerate_bremsstrahlung ? process : StellarProcess::primakoff;
  return emission_nodes(process, m_a, s).total() / emission_nodes(massless, 0.0, s).total();
}

double escape_fraction(const EmissionNodes& nodes, double m_a, double width, double radius) {
  if (!(m_a > 0) || !(width > 0)) return 1.0;
  const double rate = radius * m_a * width;  // R / lambda = R m Gamma / p
  double all = 0.0, out = 0.0;
  for (std::size_t i = 0; i < nodes.energy.size(); ++i) {
    const double w = nodes.energy[i];
    const double p = std::sqrt((w - m_a) * (w + m_a));
    all += nodes.weight[i];
    if (p > 0) out += nodes.weight[i] * std::exp(-rate / p);
  }
  return all > 0 ? out / all : 1.0;
}

}  // namespace alpscan::physics
