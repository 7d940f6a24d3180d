#include "alpscan/experiments/PassatExperiment.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/MassNodes.hpp"
#include "alpscan/physics/AlpConversion.hpp"
#include "alpscan/physics/ExpNeg.hpp"
#include "alpscan/physics/Quadrature.hpp"
#include "alpscan/experiments/BuildExperiment.hpp"
#include "alpscan/experiments/ConfigReaders.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/experiments/FamilyRegistry.hpp"

namespace alpscan {

namespace {

constexpr double kMassFloor = 1e-30;  // GeV; the unscreened yield grows as -ln m, m = 0 is singular
constexpr int kPolyOrder = 24;        // Taylor order of h(y) = sinc^2(sqrt y) (tail < 1e-28 for y <= 9)
constexpr double kPolyYMax = 9.0;     // polynomial path only while (qL/2)^2 <= 9 in every bin
constexpr double kExpUnderflow = 745.0;

physics::YieldParams yield_params(const PassatConfig& c) {
  physics::YieldParams p;
  p.pions = physics::PionSpectrum(c.E_beam, c.bmpt, c.N_pi);
  p.E_star = 0.5 * units::m_pi0;
  p.Z = c.Z;
  p.sigma_all = c.sigma_all;
  p.C_phi = (c.phi_norm == PhiNorm::literal) ? units::pi : 1.0;
  p.eta_factor = c.eta_factor;
  p.photon_multiplicity = c.photon_multiplicity;
  p.theta_max = c.theta_max;
  p.pT_cap = c.pT_cap;
  p.target.helm.R1 = physics::lewin_smith_r1(c.A, c.helm_r1_c1, c.helm_r1_c0, c.helm_r1_c2);
  p.target.helm.s = c.helm_s;
  p.target.helm.x_cut = c.helm_cut;
  p.target.screening = c.screening;
  if (c.screening == physics::Screening::tsai)
    p.target.screening_q = physics::tsai_screening_momentum(c.Z, c.screening_coeff, units::m_electron);
  return p;
}

// Taylor coefficients of h(y) = sin^2(sqrt y)/y = sum_n (-1)^n c_n y^n, c_n = 2^(2n+1)/(2n+2)!.
// |h^(k)(y)| <= k! c_k for y >= 0, because h(y) = int_0^1 2(1-t) cos(2t sqrt y) dt.
const std::vector<double>& h_coeffs() {
  static const std::vector<double> c = [] {
    std::vector<double> v(kPolyOrder + 1);
    double f = 1.0;  // 2^(2n+1)/(2n+2)! at n = 0
    for (int n = 0; n <= kPolyOrder; ++n) {
      v[n] = (n % 2 ? -f : f);
      f *= 4.0 / ((2.0 * n + 3.0) * (2.0 * n + 4.0));
    }
    return v;
  }();
  return c;
}

}  // namespace

PassatExperiment::PassatExperiment(ExperimentInfo info, PassatConfig cfg)
    : info_(std::move(info)), cfg_(cfg), yield_(yield_params(cfg), cfg.yield_res) {
  info_.axes = {Axis::m_a, Axis::g_agg};
  if (!(cfg_.B > 0) || !(cfg_.L > 0) || !(cfg_.N_POT > 0) || !(cfg_.E_min > 0))
    throw std::invalid_argument("PassatExperiment: B, L, N_POT and E_min must be > 0");
  if (cfg_.n_E_bins < 1) throw std::invalid_argument("PassatExperiment: n_E_bins must be >= 1");
}

void PassatExperiment::make_energy_bins() {
  // Energy bins uniform in u = 1/E (the vacuum oscillation phase m^2 L u / 4 is linear in u). The
  // flux vanishes above E_beam, so the window is cut there.
  const double e_hi = std::min(cfg_.E_max, cfg_.E_beam);
  u_.clear();
  E_.clear();
  if (e_hi > cfg_.E_min) {
    const int n = cfg_.n_E_bins;
    u_lo_ = 1.0 / e_hi;
    du_ = (1.0 / cfg_.E_min - u_lo_) / n;
    for (int j = 0; j < n; ++j) {
      u_.push_back(u_lo_ + (j + 0.5) * du_);
      E_.push_back(1.0 / u_.back());
    }
  }
}

void PassatExperiment::prepare(const PrepareContext& ctx) {
  make_energy_bins();
  // Mass nodes, log-spaced over the job's range (guarded against m <= 0 and a zero-width range).
  table_ = YieldTable(log_mass_nodes(ctx.m_a_min, ctx.m_a_max, cfg_.m_nodes_per_decade, kMassFloor), E_.size(),
                      MassInterpolation::linear_in_ln_m);
  table_.fill_by_energy([&](std::size_t j, const std::vector<double>& m, std::vector<double>& row) {
    yield_.at_masses(E_[j], m, row);
  });
  prepared_ = true;
  mc_ = MassCache{};
}

// Layout: {tag, YieldTable::save}. The energy bins are recomputed (cheap, the same arithmetic); the
// table must have as many bins and exactly the mass nodes prepare(ctx) would make.
namespace {
constexpr double kPreparedTag = 20261205.2;  // layout version
}

std::vector<double> PassatExperiment::save_prepared() const {
  return prepared_ ? save_yield_tables(kPreparedTag, {&table_}) : std::vector<double>{};
}

bool PassatExperiment::restore_prepared(const PrepareContext& ctx, const std::vector<double>& v) {
  make_energy_bins();
  prepared_ = restore_yield_tables(v, kPreparedTag, {&table_}, MassInterpolation::linear_in_ln_m, E_.size(),
                                   log_mass_nodes(ctx.m_a_min, ctx.m_a_max, cfg_.m_nodes_per_decade, kMassFloor));
  if (!prepared_) return false;
  mc_ = MassCache{};
  return true;
}

double PassatExperiment::table_y(int j, const YieldTable::Bracket& b, double m) const {
  // Y(E; m_k+1) = 0 when m_k+1 >= E: the yield falls to zero at threshold; interpolating towards 0 is
  // only used within one node spacing of E (m ~ E is outside the model anyway, A16).
  return b.k >= 0 ? table_.at(j, b) : yield_(E_[j], m);
}

double PassatExperiment::yield_table(double E, double m) const {
  if (!prepared_ || E_.empty()) return 0.0;
  const int n = static_cast<int>(E_.size());
  const YieldTable::Bracket b = table_.bracket(m);
  if (n < 3) return table_y(0, b, m);
  // Quadratic Lagrange interpolation in u = 1/E through the three nearest bin centres, on ln Y
  // (the spectrum falls by ~2x per bin near its kinematic end) or on Y if a value is 0.
  const double x = (1.0 / E - u_lo_) / du_ - 0.5;  // fractional bin index
  const int j = std::clamp(static_cast<int>(std::lround(x)), 1, n - 2);
  const double t = x - j;
  const double w[3] = {0.5 * t * (t - 1.0), (1.0 - t) * (1.0 + t), 0.5 * t * (t + 1.0)};
  double y[3];
  bool pos = true;
  for (int i = 0; i < 3; ++i) pos = (y[i] = table_y(j - 1 + i, b, m)) > 0 && pos;
  double r = 0.0;
  for (int i = 0; i < 3; ++i) r += w[i] * (pos ? std::log(y[i]) : y[i]);
  return pos ? std::exp(r) : std::max(r, 0.0);
}

namespace {
// sum_j WP_j e^{-g^2 D_j} over n bins, the exponentials by physics/ExpNeg so that the loop vectorises
// (within ~1e-16 relative of libm's exp; term: n values of scratch).
ALPSCAN_VECTOR_CLONES
double survival_weighted_sum(const double* WP, const double* D, int n, double g2, double* term) {
  for (int j = 0; j < n; ++j) term[j] = WP[j] * physics::exp_neg(g2 * D[j]);
  return physics::sum4(term, n);
}
}  // namespace

void PassatExperiment::set_mass(double m) {
  MassCache& c = mc_;
  c.m = m;
  const int nE = static_cast<int>(E_.size());
  c.W.assign(nE, 0.0);
  c.y0.assign(nE, 0.0);
  c.x0.assign(nE, 0.0);
  c.D.assign(nE, 0.0);
  c.WP.assign(nE, 0.0);
  c.term.assign(nE, 0.0);
  c.n = 0;
  // Bins are ordered by increasing u = decreasing E, so E > m holds on a prefix.
  while (c.n < nE && E_[c.n] > m) ++c.n;
  const double BL2 = 0.5 * cfg_.B * cfg_.L;
  const double k = 0.25 * m * m * cfg_.L;  // phase at g = 0: x0 = (m^2 L / 4) u
  c.chi0 = k * 0.5 * du_;
  c.narrow = c.chi0 <= cfg_.chi_narrow;
  const double S_abs = std::min(1.0, 1.0 / c.chi0);  // |sinc(2 chi)| with chi >= chi0/2
  double sumWbeta = 0.0, y_max = 0.0;
  const YieldTable::Bracket b = table_.bracket(m);
  c.C0 = 0.0;
  c.D_max = 0.0;
  for (int j = 0; j < c.n; ++j) {
    const double y = table_y(j, b, m);
    c.W[j] = cfg_.N_POT * BL2 * BL2 * y * du_ / (u_[j] * u_[j]);
    c.x0[j] = k * u_[j];
    c.y0[j] = c.x0[j] * c.x0[j];
    c.D[j] = physics::decay_exponent_per_g2(E_[j], m, cfg_.L_tilde);
    const double P0 = physics::bin_conversion_shape(c.y0[j], c.chi0, cfg_.chi_narrow);
    c.WP[j] = c.W[j] * P0;
    c.C0 += c.WP[j];
    c.D_max = std::max(c.D_max, c.D[j]);
    y_max = std::max(y_max, c.y0[j]);
    // beta_j bounds |dP/d eps| (eps = (gBL/2)^2 enters as y = y0 + eps): 1/3 for a narrow bin
    // (|h'| <= 1/3); for a wide bin 2.5/y^2 + |sinc 2chi|/(2 y^1.5) (differentiating
    // [A(chi) + S(chi) sin^2 sqrt y]/y with chi = chi0 x0/sqrt y).
    const double beta = c.narrow ? 1.0 / 3.0
                                 : 2.5 / (c.y0[j] * c.y0[j]) + S_abs / (2.0 * c.y0[j] * std::sqrt(c.y0[j]));
    sumWbeta += c.W[j] * beta;
  }
  c.eps_bound = c.C0 > 0 ? sumWbeta / c.C0 : 0.0;
  // Narrow bins and small phases: N/g^4 = sum_j W_j h(y0_j + eps) is a polynomial in eps
  // (Taylor series of h truncated where the tail is < 1e-28), exact for y0_max + eps <= 9.
  c.poly_ok = c.narrow && y_max < kPolyYMax && c.n > 0;
  c.poly.assign(kPolyOrder + 1, 0.0);
  if (c.poly_ok) {
    c.eps_poly = kPolyYMax - y_max;
    const std::vector<double>& h = h_coeffs();
    std::vector<double> M(kPolyOrder + 1, 0.0);  // M_p = sum W y0^p
    for (int j = 0; j < c.n; ++j) {
      double yp = 1.0;
      for (int p = 0; p <= kPolyOrder; ++p, yp *= c.y0[j]) M[p] += c.W[j] * yp;
    }
    for (int kk = 0; kk <= kPolyOrder; ++kk) {
      double a = 0.0, binom = 1.0;  // binom = C(n, kk) for n = kk, kk+1, ...
      for (int nn = kk; nn <= kPolyOrder; ++nn) {
        a += h[nn] * binom * M[nn - kk];
        binom = binom * (nn + 1) / (nn + 1 - kk);
      }
      c.poly[kk] = a;
    }
  }
}

double PassatExperiment::signal(double m, double g) {
  if (!prepared_) throw std::logic_error("PassatExperiment::signal called before prepare()");
  if (E_.empty() || !(g > 0)) return 0.0;
  m = std::max(m, kMassFloor);
  if (m != mc_.m) set_mass(m);
  const MassCache& c = mc_;
  if (c.n == 0 || c.C0 <= 0) {
    ++counts_.zero;
    return 0.0;
  }
  const double g2 = g * g, g4 = g2 * g2;
  const double BL2 = 0.5 * cfg_.B * cfg_.L;
  const double eps = g2 * BL2 * BL2;
  const double tol = cfg_.fast_tol;
  const bool decay = g2 * c.D_max > tol;  // else exp(-g^2 D) = 1 to tol in every bin
  double shield_a = 0.0;
  if (cfg_.shield_loss) shield_a = 0.25 * g2 * cfg_.shield_B * cfg_.shield_B * cfg_.shield_L * cfg_.shield_L;
  const bool shield = shield_a > tol;  // 1 - P_shield >= 1 - (g B_s L_s/2)^2
  if (!shield) {
    if (eps * c.eps_bound <= tol) {
      if (!decay) {
        ++counts_.closed;
        return g4 * c.C0;
      }
      if (g2 * c.D[0] > kExpUnderflow) {
        ++counts_.zero;
        return 0.0;
      }
      ++counts_.decay;
      // D increases with j (E decreases): the bins beyond the first whose exp underflows add nothing.
      const int n = static_cast<int>(std::partition_point(c.D.begin(), c.D.begin() + c.n,
                                                          [&](double D) { return !(g2 * D > kExpUnderflow); }) -
                                     c.D.begin());
      return g4 * survival_weighted_sum(c.WP.data(), c.D.data(), n, g2, mc_.term.data());
    }
    if (!decay && c.poly_ok && eps <= c.eps_poly) {
      ++counts_.poly;
      double s = 0.0;
      for (int k = kPolyOrder; k >= 0; --k) s = s * eps + c.poly[k];
      return g4 * s;
    }
  }
  // Full loop: exact q(g) in every bin.
  ++counts_.full;
  double s = 0.0;
  for (int j = 0; j < c.n; ++j) {
    double f = 1.0;
    if (decay) {
      const double x = g2 * c.D[j];
      if (x > kExpUnderflow) break;
      f = std::exp(-x);
    }
    const double y = c.y0[j] + eps;
    double P;
    if (c.narrow) {
      P = physics::bin_conversion_shape(y, 0.0, cfg_.chi_narrow);
    } else {
      const double chi = c.chi0 * c.x0[j] / std::sqrt(y);
      P = physics::bin_conversion_shape(y, chi, cfg_.chi_narrow);
    }
    if (shield) f *= 1.0 - physics::conversion_probability(E_[j], m, g, cfg_.shield_B, cfg_.shield_L);
    s += c.W[j] * P * f;
  }
  return g4 * s;
}

double PassatExperiment::c4(double m) {
  if (!prepared_) throw std::logic_error("PassatExperiment::c4 called before prepare()");
  if (E_.empty()) return 0.0;
  m = std::max(m, kMassFloor);
  if (m != mc_.m) set_mass(m);
  return mc_.C0;
}

double PassatExperiment::signal_reference(double m, double g, int n_panels) const {
  const double e_hi = std::min(cfg_.E_max, cfg_.E_beam);
  if (!(e_hi > cfg_.E_min) || !(g > 0)) return 0.0;
  m = std::max(m, kMassFloor);
  const double ua = 1.0 / e_hi, ub = 1.0 / cfg_.E_min, h = (ub - ua) / n_panels;
  const physics::GaussLegendre gl4(4), gl8(8);
  const double k = 0.5 * m * m, b = g * cfg_.B, L2 = 0.5 * cfg_.L;
  auto phase = [&](double u) { return L2 * std::hypot(k * u, b); };
  auto extra = [&](double E) {  // survival and shield factors, exact
    double f = physics::survival_probability(E, m, g, cfg_.L_tilde);
    if (cfg_.shield_loss) f *= 1.0 - physics::conversion_probability(E, m, g, cfg_.shield_B, cfg_.shield_L);
    return f;
  };
  double total = 0.0;
  for (int p = 0; p < n_panels; ++p) {
    const double a = ua + p * h, bb = a + h, c0 = 0.5 * (a + bb), hh = 0.5 * h;
    // Smooth weight Y(1/u)/u^2 at 4 GL nodes, Lagrange-interpolated inside the panel.
    double un[4], fn[4];
    for (int i = 0; i < 4; ++i) {
      un[i] = c0 + hh * gl4.nodes()[i];
      fn[i] = yield_(1.0 / un[i], m) / (un[i] * un[i]);
    }
    auto weight = [&](double u) {
      double s = 0.0;
      for (int i = 0; i < 4; ++i) {
        double l = 1.0;
        for (int j = 0; j < 4; ++j)
          if (j != i) l *= (u - un[j]) / (un[i] - un[j]);
        s += l * fn[i];
      }
      return s;
    };
    const double span = std::fabs(phase(bb) - phase(a));
    const bool resolve = span <= 2000.0;
    const int nsub = resolve ? std::max(1, static_cast<int>(std::ceil(span / 0.5))) : 64;
    const double hs = h / nsub;
    for (int s = 0; s < nsub; ++s) {
      const double sa = a + s * hs, sb = sa + hs;
      if (resolve) {
        total += gl8.integrate(
            [&](double u) {
              const double E = 1.0 / u;
              return weight(u) * physics::conversion_probability(E, m, g, cfg_.B, cfg_.L) * extra(E);
            },
            sa, sb);
      } else {
        // Unresolvable oscillation: <sin^2> over the sub-panel (linear phase), smooth rest by GL.
        const double chi = 0.5 * std::fabs(phase(sb) - phase(sa));
        const double ms2 = physics::mean_sin2_linear_phase(phase(0.5 * (sa + sb)), chi);
        total += ms2 * gl8.integrate(
                           [&](double u) {
                             const double E = 1.0 / u;
                             const double q = physics::conversion_q(E, m, g, cfg_.B);
                             return weight(u) * (b / q) * (b / q) * extra(E);
                           },
                           sa, sb);
      }
    }
  }
  return cfg_.N_POT * g * g * total;
}

// ---- configuration from the data file, and registration ----

PassatConfig read_passat_config(ExperimentInput& in) {
  PassatConfig c;
  read_primakoff_source(in, c);
  c.B = in.number("B", "field");
  c.L = in.number("L", "length");
  c.L_tilde = in.number("L_tilde", "length");
  c.theta_max = in.number("theta_max", "angle");
  c.pT_cap = in.number_or("pT_cap", "energy", 1e300);  // absent: no cap (all but CAST)
  c.E_min = in.number("E_min", "energy");
  c.E_max = in.number("E_max", "energy");

  c.phi_norm = in.option("phi_norm", {"literal", "physical"}) == "physical" ? PhiNorm::physical : PhiNorm::literal;
  read_screening(in, c);
  c.shield_loss = in.option("shield_loss", {"off", "on"}) == "on";
  // Required only when switched on (NOMAD has no muon shield).
  c.shield_B = in.number_when(c.shield_loss, "shield_B", "field", c.shield_B);
  c.shield_L = in.number_when(c.shield_loss, "shield_L", "length", c.shield_L);

  read_table_resolution(in, c);
  c.yield_res.n_c = static_cast<int>(in.number_or("num_n_c", "number", c.yield_res.n_c));
  c.yield_res.j.n_gl = static_cast<int>(in.number_or("num_n_gl_delta", "number", c.yield_res.j.n_gl));
  return c;
}

// The family registers itself when the program starts (experiments/FamilyRegistry.hpp).
static const bool registered = register_family_of<PassatExperiment, read_passat_config>(
    "passat", "PASSAT: Primakoff production in a dump, conversion back to a photon in a helioscope magnet (seed 000)");

}  // namespace alpscan
