#include "alpscan/model/QcdAxion.hpp"

#include "alpscan/core/Units.hpp"

namespace alpscan::model {

double qcd_axion_fa(double m_a) { return 5.691e6 * units::eV / m_a; }  // GeV (seed Eq. A1)

double qcd_axion_g_agg(double m_a, double E_over_N) { return m_a * (0.203 * E_over_N - 0.39); }  // seed Eq. A2

double qcd_axion_g_ae(double m_a, double s2b) { return units::m_electron * (s2b / 3.0) / qcd_axion_fa(m_a); }

double sin2_beta(double t) { return t * t / (1.0 + t * t); }

}  // namespace alpscan::model
