// ALP emission from a stellar plasma and its dependence on the ALP mass (family stellar_energy_loss;
// seed 002 L1500-L1535, L1620-L1701, L1745-L1776; spec fips_astro_and_helioscopes.md 2.2, 2.4, 2.5, 2.7, F4).
// A stellar energy-loss bound is a bound on the emissivity eps(m_a) ~ g^2; its published number g_0 is
// for massless ALPs, so at mass m_a the bound moves to g_0 / sqrt(eps(m_a)/eps(0)) (times the escape
// fraction below). This file computes eps(m_a)/eps(0) for one representative zone of the star.
//
// (a) Primakoff gamma + Ze -> a + Ze in a non-degenerate plasma with Debye-Hueckel screening (Raffelt,
//     "Stars as laboratories" (1996) Sec. 5.2; massive form as in Carenza et al., PLB 809 (2020) 135709,
//     arXiv:2004.08399, and Cadamuro & Redondo). The conversion rate of a transverse photon of energy w,
//     momentum k = sqrt(w^2 - w_p^2), into an ALP of momentum p = sqrt(w^2 - m_a^2) (static ions: the
//     energy is conserved):
//        Gamma(w) = g^2 T kappa^2/(32 pi) (p/w) B(k, p, kappa),
//        B = ((k+p)^2+kappa^2)((k-p)^2+kappa^2)/(4 k p kappa^2) ln[((k+p)^2+kappa^2)/((k-p)^2+kappa^2)]
//            - (k^2-p^2)^2/(4 k p kappa^2) ln[(k+p)^2/(k-p)^2] - 1
//          = 2 int_{-1}^{1} dc k^2 p^2 (1-c^2) / (q^2 (q^2 + kappa^2)),  q^2 = k^2 + p^2 - 2 k p c,
//     (the angular form: screened Coulomb |q|^-2 (q^2+kappa^2)^-1, transverse photon x pseudoscalar
//     |k x p|^2). Massless limit (k = p = w): B = (1 + kappa^2/4w^2) ln(1 + 4w^2/kappa^2) - 1, Raffelt's
//     Eq. (5.8). Emissivity (2 polarisations, Bose occupation f(w) = 1/(e^{w/T} - 1)):
//        eps = int 2 d^3k/(2pi)^3 w Gamma f = (1/pi^2) int_{max(m_a,w_p)} dw k w^2 Gamma(w) f(w).
//     kappa^2 = (4 pi alpha / T) sum_j Z_j^2 n_j over electrons and ions (all non-degenerate).
// (a') Photon coalescence gamma gamma -> a (open for m_a > 2 w_p; Carenza et al. 2020 add it and find it
//     dominant at high mass). By detailed balance with a -> gamma gamma (rest width
//     Gamma_0 = g^2 m^3/(64 pi) (1 - 4 w_p^2/m^2)^{3/2}, the p-wave factor of two photons of mass w_p), and
//     photons otherwise taken massless in the decay kinematics (photon energies uniform in
//     [(E-p)/2, (E+p)/2] in the plasma frame):
//        eps = (m Gamma_0 / 2 pi^2) int_m dE E int_{(E-p)/2}^{(E+p)/2} dw f(w) f(E-w)
//     and, with f(a) f(b) = f(a+b)(1 + f(a) + f(b)), the inner integral is
//        f(E) [p + 2 T ln((1 - e^{-w+/T}) / (1 - e^{-w-/T}))],  w+- = (E +- p)/2   (derived here).
// (b) Electron bremsstrahlung e + Ze -> e + Ze + a through g_ae in a DEGENERATE core (red giant, white
//     dwarf). Massless: dL/dw ~ w^3 / (e^{w/T} - 1) (Raffelt 1986, PRD 33, 897; Raffelt, "Stars as
//     laboratories" Sec. 3.5: only electrons within ~T of the Fermi surface radiate; the emissivity ~ T^4
//     carries the pi^4/15 of int x^3/(e^x - 1)). Its factors: phase space d^3p/(2w) w = 2 pi p w dw, Pauli
//     blocking int dE f(E)(1 - f(E - w)) = w/(e^{w/T} - 1), and |M|^2 ~ |p|^2 / w^2 (a non-relativistic
//     electron couples to the ALP through the spin term (g_ae/2m_e) sigma.grad a, ~ the ALP momentum p,
//     over the electron propagator ~ 1/w). Keeping that structure with p = sqrt(w^2 - m_a^2):
//        dL/dw ~ p^3 / (e^{w/T} - 1),  w > m_a   (APPROXIMATION, derived here; the Coulomb part of |M|^2
//     is kept at its massless, w-independent form),
//     so L(m)/L(0) = (15/pi^4) sum_n n^-4 3 (n mu)^2 K_2(n mu),  mu = m_a/T. Carenza & Lucente,
//     PRD 103 (2021) 123024 (arXiv:2104.09524) compute the full massive rate.
// (c) Decay inside the star: an ALP of energy w decays (a -> gamma gamma, e+e-, the model's visible width
//     Gamma, vacuum value) over lambda = p / (m_a Gamma); only ALPs that leave the core (radius R) carry
//     energy away: escape = <exp(-R/lambda)>, averaged over the emitted energy spectrum. (The straight
//     path from the centre; Lucente et al., PRD 2022, arXiv:2203.01336, treat the energy transfer
//     in full.)
//
// Internal units (GeV). One zone (T, kappa, w_p) stands for the star: see the data files for the cost of
// that choice at masses >> T.
#pragma once

#include <vector>

namespace alpscan::physics {

struct StellarPlasma {
  double temperature = 0.0;       // T [GeV]
  double kappa = 0.0;             // Debye-Hueckel screening scale [GeV]
  double plasma_frequency = 0.0;  // w_p [GeV]
};

// A fully ionised, non-degenerate plasma of mass density rho [g/cm^3] with Y_e = sum_j X_j Z_j / A_j
// electrons per baryon and z2 = sum_j X_j Z_j^2 / A_j: w_p^2 = 4 pi alpha n_e / m_e,
// kappa^2 = (4 pi alpha / T)(n_e + sum_j Z_j^2 n_j), n = rho / m_u.
StellarPlasma ionised_plasma(double temperature, double rho_g_per_cm3, double electrons_per_baryon,
                             double z2_per_baryon);

// B(k, p, kappa) of the Primakoff rate (closed form; the k = p limit handled).
double primakoff_bracket(double k, double p, double kappa);

// d eps / d w / g^2 [GeV^3] (g in GeV^-1) for Primakoff emission at photon energy w; 0 below threshold.
double primakoff_spectrum(double w, double m_a, const StellarPlasma& s);
// d eps / d E / g^2 [GeV^3] for photon coalescence into an ALP of energy E; 0 unless m_a > 2 w_p, E > m_a.
double coalescence_spectrum(double E, double m_a, const StellarPlasma& s);
// The degenerate bremsstrahlung shape p^3 / (e^{w/T} - 1) (arbitrary normalisation; see (b)); 0 for w <= m_a.
double degenerate_bremsstrahlung_shape(double w, double m_a, double temperature);

enum class StellarProcess { primakoff, primakoff_and_coalescence, degenerate_bremsstrahlung };

// The emitted energy spectrum as quadrature nodes: energies w_i and weights with sum_i weight_i = eps
// (in the process's normalisation). Fixed Gauss-Legendre nodes in u = sqrt(w - threshold) up to 60 T.
struct EmissionNodes {
  std::vector<double> energy, weight;
  double total() const;
};
EmissionNodes emission_nodes(StellarProcess process, double m_a, const StellarPlasma& s);

// eps(m_a) / eps(0) of a process (eps(0): Primakoff alone for the Primakoff processes).
double energy_loss_ratio(StellarProcess process, double m_a, const StellarPlasma& s);

// The fraction of the emitted energy carried by ALPs that decay beyond `radius` [GeV^-1]:
// sum_i weight_i exp(-radius m_a width / p_i) / sum_i weight_i; 1 for m_a = 0 or width = 0.
double escape_fraction(const EmissionNodes& nodes, double m_a, double width, double radius);

}  // namespace alpscan::physics
