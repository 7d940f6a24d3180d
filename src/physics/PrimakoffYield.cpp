#include "alpscan/physics/PrimakoffYield.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alpscan/core/Units.hpp"
#include "alpscan/physics/PrimakoffMeasure.hpp"

namespace alpscan::physics {

namespace {

// Quadrature pieces from `far` to `near` with lengths shrinking 10x towards `near` (near < far
// mirrors): the first piece with `coarse`, then n_grades pieces with `fine`; add(gl, a, b) takes one.
template <class Add>
void add_graded(const GaussLegendre& coarse, const GaussLegendre& fine, int n_grades, double far, double near,
                Add&& add) {
  const double d = near - far;
  double f = 0.1;
  add(coarse, far, near - f * d);
  for (int g = 0; g < n_grades; ++g, f *= 0.1) {
    const double end = (g + 1 == n_grades) ? near : near - 0.1 * f * d;
    add(fine, near - f * d, end);
  }
}

// Quadrature nodes in the photon p_T on the panels between the sorted breakpoints `bp` (those above
// P_end dropped, duplicates merged): Gauss-Legendre on each panel, with `n_grades` pieces shrinking 10x
// towards the acceptance edge K on both sides (the kernel J jumps there). weight(P, base) is the node's
// weight for base = |h| w_i (the panel's Jacobian times the rule's weight); nodes of weight 0 are dropped.
template <class Node, class Weight>
std::vector<Node> pt_panel_nodes(std::vector<double> bp, double P_end, double K, const GaussLegendre& coarse,
                                 const GaussLegendre& fine, int n_grades, Weight&& weight) {
  std::vector<Node> out;
  std::sort(bp.begin(), bp.end());
  bp.erase(std::remove_if(bp.begin(), bp.end(), [&](double b) { return b > P_end; }), bp.end());
  bp.erase(std::unique(bp.begin(), bp.end()), bp.end());
  auto add = [&](const GaussLegendre& gl, double lo, double hi) {
    const double c0 = 0.5 * (lo + hi), h = 0.5 * (hi - lo);
    for (int i = 0; i < gl.size(); ++i) {
      const double P = c0 + h * gl.nodes()[i];
      const double w = weight(P, std::fabs(h) * gl.weights()[i]);
      if (w > 0) out.push_back({P, w});
    }
  };
  for (std::size_t i = 0; i + 1 < bp.size(); ++i) {
    const double lo = bp[i], hi = bp[i + 1];
    if (!(hi > lo)) continue;
    if (hi == K) add_graded(coarse, fine, n_grades, lo, K, add);
    else if (lo == K) add_graded(coarse, fine, n_grades, hi, K, add);
    else add(coarse, lo, hi);
  }
  return out;
}

}  // namespace

double tsai_screening_momentum(double Z, double c, double m_e) { return m_e * std::cbrt(Z) / c; }

double acceptance_fraction(double Delta, double pT, double K) {
  if (pT <= 0.0) return Delta < K ? 1.0 : 0.0;
  double a = (K * K - pT * pT - Delta * Delta) / (2.0 * pT * Delta);
  if (a >= 1.0) return 1.0;
  if (a <= -1.0) return 0.0;
  return 1.0 - std::acos(a) / units::pi;
}

double primakoff_kernel_integral(double tau, double a, double b) {
  const double ta = tau + a * a, tb = tau + b * b;
  // ln(tb/ta) via log1p keeps precision when b^2 - a^2 << tau; tau (a^2 - b^2)/(ta tb) has no cancellation.
  return 0.5 * (std::log1p((b * b - a * a) / ta) + tau * (a * a - b * b) / (ta * tb));
}

PrimakoffJ::PrimakoffJ(PrimakoffTarget target, JResolution res)
    : target_(target), res_(res), gl_(res.n_gl) {
  if (!(target_.helm.R1 > 0) || !(target_.helm.x_cut > 0))
    throw std::invalid_argument("PrimakoffJ: Helm R1 and cutoff must be > 0");
  if (target_.screening == Screening::tsai && !(target_.screening_q > 0))
    throw std::invalid_argument("PrimakoffJ: screening momentum must be > 0");
  // F^2(t) = 1 - t (R1^2/5 + s^2) + ...: below delta_F the variation is < 1e-8.
  const double R = target_.helm.R1, s = target_.helm.s;
  delta_F_ = 1e-4 / std::sqrt(R * R / 5.0 + s * s);
  // F^2 = A^2 e^{-s^2 t}, A = 3 j1(x)/x in [0, 1] below the cut: |dA^2/dt| = 3 A R1^2 j2(x)/x^2 <= R1^2/5
  // (j2(x)/x^2 = (1/16) int_{-1}^{1} cos(xt) (1 - t^2)^2 dt <= 1/15) and |d e^{-s^2 t}/dt| <= s^2.
  dF2_max_ = R * R / 5.0 + s * s;
}

double PrimakoffJ::integrand(double Delta, double tau, double pT, double K) const {
  // Integrand in u = ln Delta: Delta^4 F^2(t) f_acc / t^2 with t = tau + Delta^2 (never formed from
  // the four terms of Eq. 10, spec s1.3).
  const double d2 = Delta * Delta;
  const double t = tau + d2;
  const double r = d2 / t;
  double v = r * r * target_.helm.squared(t) * acceptance_fraction(Delta, pT, K);
  if (target_.screening == Screening::tsai) {
    const double x = t / (target_.screening_q * target_.screening_q);  // a^2 |t|
    const double sc = x / (1.0 + x);
    v *= sc * sc;
  }
  return v;
}

double PrimakoffJ::mass_factor(double tau, double d2) const {
  // The integrand without f_acc: r^2 F^2(t) (x screening), r = Delta^2/t, t = tau + Delta^2.
  const double t = tau + d2;
  const double r = d2 / t;
  double v = r * r * target_.helm.squared(t);
  if (target_.screening == Screening::tsai) {
    const double x = t / (target_.screening_q * target_.screening_q);
    const double sc = x / (1.0 + x);
    v *= sc * sc;
  }
  return v;
}

double PrimakoffJ::numeric(double tau, double pT, double K, double lo, double hi, Nodes* rec) const {
  // Breakpoints; f_acc has square-root edges at |K - p_T| and K + p_T (p_T > 0), so segments
  // touching them use the smoothstep map t -> 3t^2 - 2t^3, which makes sqrt(u - a) smooth in t.
  double bp[8];
  bool sq[8];
  int nb = 0;
  bp[nb] = lo, sq[nb++] = false;
  const double cand[4] = {std::sqrt(tau), std::fabs(K - pT), K + pT,
                          target_.screening == Screening::tsai ? target_.screening_q : 0.0};
  const bool cand_sq[4] = {false, pT > 0, pT > 0, false};
  for (int i = 0; i < 4; ++i)
    if (cand[i] > lo && cand[i] < hi) bp[nb] = cand[i], sq[nb++] = cand_sq[i];
  bp[nb] = hi, sq[nb++] = false;
  if (pT > 0) {  // an edge at lo or hi itself (lo = p_T - K when p_T > K)
    const double e1 = std::fabs(K - pT), e2 = K + pT;
    sq[0] = std::fabs(lo - e1) <= 1e-12 * e1 || std::fabs(lo - e2) <= 1e-12 * e2;
    sq[nb - 1] = std::fabs(hi - e2) <= 1e-12 * e2 || std::fabs(hi - e1) <= 1e-12 * e1;
  }
  for (int i = 1; i < nb; ++i)  // insertion sort of <= 6 breakpoints
    for (int j = i; j > 0 && bp[j] < bp[j - 1]; --j) std::swap(bp[j], bp[j - 1]), std::swap(sq[j], sq[j - 1]);
  if (rec) rec->log_span = std::log(hi / lo), rec->valid = true;
  // Gauss-Legendre on [c - h, c + h] (the arithmetic of GaussLegendre::integrate), recording each
  // node's Delta^2 and weighted value when asked.
  const std::vector<double>& x = gl_.nodes();
  const std::vector<double>& wt = gl_.weights();
  // rec->acc: the same weight times the Jacobian and f_acc only (no F^2, screening or r^2), the
  // mass-independent measure PrimakoffMeasure collects.
  auto gl_sum = [&](double c, double h, auto&& f) {
    double s = 0.0, d2 = 0.0, jac = 1.0;
    for (std::size_t k = 0; k < x.size(); ++k) {
      const double v = f(c + h * x[k], d2, jac);
      s += wt[k] * v;
      if (rec) {
        rec->d2.push_back(d2), rec->a.push_back(wt[k] * h * v);
        rec->acc.push_back(wt[k] * h * jac * acceptance_fraction(std::sqrt(d2), pT, K));
      }
    }
    return s * h;
  };
  double sum = 0.0;
  for (int i = 0; i + 1 < nb; ++i) {
    if (!(bp[i + 1] > bp[i])) continue;
    const double ua = std::log(bp[i]), ub = std::log(bp[i + 1]);
    const int nseg = std::max(1, static_cast<int>(std::ceil((ub - ua) / res_.max_log_width)));
    const double w = (ub - ua) / nseg;
    for (int s = 0; s < nseg; ++s) {
      const double a = ua + s * w, b = (s + 1 == nseg) ? ub : a + w;
      const bool smooth = (s == 0 && sq[i]) || (s + 1 == nseg && sq[i + 1]);
      if (smooth) {
        sum += gl_sum(0.5, 0.5, [&](double t, double& d2, double& jac) {
          const double u = a + (b - a) * t * t * (3.0 - 2.0 * t);
          const double D = std::exp(u);
          d2 = D * D;
          jac = 6.0 * t * (1.0 - t) * (b - a);
          return jac * integrand(D, tau, pT, K);
        });
      } else {
        sum += gl_sum(0.5 * (a + b), 0.5 * (b - a), [&](double u, double& d2, double& jac) {
          const double D = std::exp(u);
          d2 = D * D;
          jac = 1.0;
          return integrand(D, tau, pT, K);
        });
      }
    }
  }
  return sum;
}

PrimakoffJ::Parts PrimakoffJ::parts(double tau, double pT, double K, Nodes* rec) const {
  Parts p;
  if (rec) {  // keep the vectors' capacity: one Nodes serves every c node of a yield evaluation
    rec->valid = false;
    rec->d2.clear();
    rec->a.clear();
    rec->acc.clear();
    rec->log_span = 0.0;
  }
  // Nodes only for tau = 0 (screened too: from_nodes declines those, PrimakoffMeasure uses acc).
  if (tau != 0.0) rec = nullptr;
  const double qc = target_.helm.q_cut();
  if (tau >= qc * qc) return p;
  const double dc = std::sqrt(qc * qc - tau);
  if (target_.screening == Screening::none) {
    p.f0 = (pT < K) ? 1.0 : 0.0;
    p.delta_a = std::min({pT > 0 ? std::fabs(K - pT) : K, delta_F_, dc});
    // Below 1e-4 sqrt(tau) the integrand is < 1e-16: start there if that is higher.
    p.delta_lo = std::max(p.delta_a, 1e-4 * std::sqrt(tau));
  } else {
    // Screened integrand ~ (a Delta)^4 at small Delta: nothing below 1e-3 / a.
    p.delta_lo = 1e-3 * target_.screening_q;
    if (pT > K) p.delta_lo = std::max(p.delta_lo, pT - K);  // f_acc = 0 below
  }
  if (p.delta_lo < dc && p.delta_lo > 0) {
    p.numeric = numeric(tau, pT, K, p.delta_lo, dc, rec);
  } else if (rec) {
    rec->valid = p.delta_lo > 0;  // delta_lo >= dc: the numeric part is 0 for every tau
  }
  return p;
}

double PrimakoffJ::closed(double tau, const Parts& p) const {
  if (p.f0 == 0.0 || !(p.delta_a > 0)) return 0.0;
  return p.f0 * target_.helm.squared(tau) * primakoff_kernel_integral(tau, 0.0, p.delta_a);
}

bool PrimakoffJ::reusable(double tau, const Parts& p) const {
  // The numeric integrand depends on tau through Delta^4/(tau+Delta^2)^2 (relative change
  // <= 2 tau/Delta_lo^2) and, screened, through a^2 tau.
  double scale2 = p.delta_lo * p.delta_lo;
  if (target_.screening == Screening::tsai)
    scale2 = std::min(scale2, target_.screening_q * target_.screening_q);
  return tau <= 1e-10 * scale2;
}

bool PrimakoffJ::from_nodes(double tau, const Parts& p0, const Nodes& n, double& J) const {
  // Same rule as the tau = 0 numeric part, on [Delta_lo(0), q_cut] instead of [Delta_lo(tau), Delta_c]:
  // the pieces in between carry Delta^4/tau^2 < 1e-16 (below 1e-4 sqrt(tau)) and F^2 ~ 2e-7 over a
  // width tau/(2 q_cut^2) in u (at the cut), both negligible. Without a breakpoint at sqrt(tau) the
  // 10-node rule on u-segments of width <= 2 still resolves r^2 = 1/(1 + tau e^{-2u})^2 (poles
  // pi/2 off the real axis) to ~1e-11. Only F^2(tau + Delta^2) is replaced by F^2(Delta^2): the
  // error is at most tau dF2_max log_span.
  if (!n.valid || target_.screening != Screening::none) return false;
  double s = 0.0;
  for (std::size_t i = 0; i < n.d2.size(); ++i) {
    const double r = n.d2[i] / (tau + n.d2[i]);
    s += n.a[i] * r * r;
  }
  const double Jt = closed(tau, p0) + s;
  if (!(tau * dF2_max_ * n.log_span <= 1e-11 * Jt)) return false;
  J = Jt;
  return true;
}

double PrimakoffJ::operator()(double tau, double pT, double K) const {
  const Parts p = parts(tau, pT, K);
  return closed(tau, p) + p.numeric;
}

// ---------------------------------------------------------------------------------------------

PrimakoffYield::PrimakoffYield(YieldParams p, YieldResolution r)
    : p_(p), r_(r), J_(p.target, r.j), gl_c_(r.n_c), gl_graded_(r.n_c_graded), gl_P_(r.n_P),
      gl_P_graded_(r.n_P_graded) {
  if (!(p_.sigma_all > 0) || !(p_.theta_max > 0) || !(p_.E_star > 0))
    throw std::invalid_argument("PrimakoffYield: sigma_all, theta_max and E_star must be > 0");
  if (p_.source == PhotonSource::proton_equivalent &&
      (!(p_.proton_energy > 0) || p_.eta_factor != 1.0 || p_.photon_multiplicity != 1.0 || p_.pion_pt.on ||
       !(p_.proton.dipole_q2 > 0)))
    throw std::invalid_argument(
        "PrimakoffYield: proton-equivalent photons need proton_energy > 0, a dipole scale > 0, eta_factor = "
        "photon_multiplicity = 1 and no pion p_T");
  if (p_.source == PhotonSource::meson_cascade) {
    if (!p_.pion_pt.on || !(p_.cascade_E_min > 0) || !(p_.pions.E_beam() > p_.cascade_E_min))
      throw std::invalid_argument("PrimakoffYield: the cascade source needs the pion p_T option and 0 < cascade_E_min < E_beam");
    cascade_ = std::make_shared<const CascadePhotonResponse>(p_.cascade_E_min, p_.pions.E_beam(),
                                                             p_.cascade_groups_per_decade);
    for (int g = 0; g < cascade_->groups(); ++g)
      parents_.emplace_back(p_.pions, p_.pion_pt, p_.E_star, cascade_->centre(g), r_.n_pt_theta, r_.n_pt_phi);
  }
  if (p_.pion_pt.on && p_.pT_cap < p_.E_star)
    throw std::invalid_argument("PrimakoffYield: the pion p_T option cannot be combined with a photon p_T cap");
  if (p_.pion_pt.on && !(p_.pion_pt.a > 0))
    throw std::invalid_argument("PrimakoffYield: pion p_T slope a must be > 0");
}

double PrimakoffYield::prefactor() const {
  return units::alpha_em * p_.Z * p_.Z * p_.C_phi * p_.eta_factor * p_.photon_multiplicity /
         (4.0 * p_.sigma_all);
}

std::vector<PrimakoffYield::CNode> PrimakoffYield::c_nodes(double E) const {
  std::vector<CNode> out;
  const double cmin = photon_c_min(E, p_.pions.E_beam(), p_.E_star, p_.pT_cap);
  if (cmin >= 1.0) return out;
  auto add = [&](const GaussLegendre& gl, double a, double b) {
    const double c0 = 0.5 * (a + b), h = 0.5 * (b - a);
    for (int i = 0; i < gl.size(); ++i) {
      const double c = c0 + h * gl.nodes()[i];
      out.push_back({c, std::fabs(h) * gl.weights()[i] * forward_photon_density(p_.pions, E, c)});
    }
  };
  // J jumps by -1/2 ln(tau) where p_T(c) = K (spec s1.5, small-tau structure) and has log
  // singularities on both sides: split there and grade the pieces geometrically towards it.
  const double K = E * p_.theta_max;
  double cK = -1.0;
  if (K < p_.E_star) cK = std::sqrt(1.0 - (K / p_.E_star) * (K / p_.E_star));
  if (!(cK > cmin && cK < 1.0)) {
    add(gl_c_, cmin, 1.0);
    return out;
  }
  auto graded = [&](double far, double near) {  // pieces from far to near, lengths shrinking 10x
    add_graded(gl_c_, gl_graded_, r_.n_grades, far, near, add);
  };
  graded(cmin, cK);
  graded(1.0, cK);  // d < 0: mirrored
  return out;
}

std::vector<PrimakoffYield::PNode> PrimakoffYield::pt_nodes(double E) const {
  if (p_.source == PhotonSource::proton_equivalent) return proton_nodes(E);
  if (p_.source == PhotonSource::meson_cascade) return cascade_nodes(E);
  if (p_.pion_pt.on) return smeared_nodes(E);
  std::vector<PNode> out;
  for (const CNode& n : c_nodes(E)) out.push_back({photon_pt(p_.E_star, n.c), n.w});
  return out;
}

std::vector<PrimakoffYield::PNode> PrimakoffYield::smeared_nodes(double E) const {
  if (!(E > 0)) return {};
  const SmearedPhotonPt H(p_.pions, p_.pion_pt, p_.E_star, E, r_.n_pt_theta, r_.n_pt_phi);
  if (H.empty()) return {};
  const double K = E * p_.theta_max;
  // J = 0 for P > K + q_cut (|P + Delta| < K needs Delta > P - K); H < 1e-14 of its peak beyond
  // E* + 40/a (a' >= a since x <= 1).
  const double s0 = 1.0 / p_.pion_pt.a;
  const double P_end = std::min(K + p_.target.helm.q_cut(), p_.E_star + 40.0 * s0);
  std::vector<double> bp = {0.0, P_end};
  for (double f = 0.25; f < 40.0; f *= 2.0) bp.push_back(f * s0);
  bp.push_back(p_.E_star);
  if (K < P_end) bp.push_back(K);
  // Graded pieces towards K as in c_nodes.
  return pt_panel_nodes<PNode>(bp, P_end, K, gl_P_, gl_P_graded_, r_.n_P_grades,
                               [&](double P, double base) { return base * H.density(P); });
}

std::vector<PrimakoffYield::PNode> PrimakoffYield::proton_nodes(double E) const {
  const double Ep = p_.proton_energy, x = E / Ep;
  if (!(x > 0.0 && x < 1.0)) return {};
  const double K = E * p_.theta_max;
  // H ~ P^3 below a = x m_p/sqrt(1-x) (Q^2_min), ~ dP/P from a to Lambda (the dipole scale) and
  // ~ P^-9 above; the tail beyond 20 Lambda is < 1e-10 of it. J = 0 for P > K + q_cut.
  const double a = x * kProtonMass / std::sqrt(1.0 - x), L = std::sqrt(p_.proton.dipole_q2);
  const double P_end = std::min(K + p_.target.helm.q_cut(), 20.0 * L);
  std::vector<double> bp = {0.0, P_end, L};
  for (double b = a / 4.0; b < P_end; b *= 4.0) bp.push_back(b);  // geometric panels: the flux is ~ dP/P
  if (K < P_end) bp.push_back(K);
  // J jumps at P = K (as in smeared_nodes); two graded pieces suffice here (the flux is smooth across
  // K; the 3-D integral of tests/physics/ProtonEquivalentPhotons.test.cpp is met to 1e-6 relative).
  return pt_panel_nodes<PNode>(bp, P_end, K, gl_P_, gl_P_graded_, 2, [&](double P, double base) {
    return base * 2.0 * P / Ep * proton_photon_flux(x, P * P, p_.proton);
  });
}

std::vector<PrimakoffYield::PNode> PrimakoffYield::cascade_nodes(double E) const {
  const CascadePhotonResponse& R = *cascade_;
  if (!(E >= R.edges().front() && E < R.edges().back())) return {};
  const int gk = R.group_of(E);
  auto density = [&](double P) {  // H_c(E, P), see the header
    double h = 0.0;
    for (int g0 = gk; g0 < R.groups(); ++g0) {
      const double r = R.rho(g0, gk);
      if (!(r > 0) || parents_[g0].empty()) continue;
      const double E0 = R.centre(g0), dE0 = R.edges()[g0 + 1] - R.edges()[g0];
      h += r * dE0 * parents_[g0].density(P * E0 / E) * E0 / E;
    }
    return h;
  };
  const double K = E * p_.theta_max;
  // The parents' H < 1e-14 of its peak beyond E* + 40/a (smeared_nodes); the secondaries' P is smaller
  // by E/E0 <= 1. J = 0 for P > K + q_cut. Panels geometric (ratio 4) down to P_end/1024: the
  // density is a sum of copies of the parents' spectra scaled by E/E0 over 1-2 decades; two graded
  // pieces at P = K (the parent-variable sum of tests/physics/CascadePhotonResponse.test.cpp is met to
  // <0.5%).
  const double P_end = std::min(K + p_.target.helm.q_cut(), p_.E_star + 40.0 / p_.pion_pt.a);
  std::vector<double> bp = {0.0, P_end};
  for (double b = P_end / 1024.0; b < P_end; b *= 4.0) bp.push_back(b);
  if (K < P_end) bp.push_back(K);
  std::vector<PNode> out = pt_panel_nodes<PNode>(bp, P_end, K, gl_P_, gl_P_graded_, 2,
                                                 [&](double P, double base) { return base * density(P); });
  if (!(p_.cascade_kick_pt > 0)) return out;
  // Transverse kick q, 2-D Gaussian of per-axis r.m.s. sigma: |q| Rayleigh on 2 x 8 GL nodes over
  // [0, 6 sigma] (tail e^-18), the relative azimuth on 16 GL nodes over (0, pi) (symmetric); the new
  // p_T is |P + q|. The rule's weights are renormalised to 1 per node.
  const double sg = p_.cascade_kick_pt;
  static const GaussLegendre gr(8), gphi(16);
  std::vector<std::pair<double, double>> kick;  // (|q|, phi) -> weight
  std::vector<double> kw;
  double norm = 0.0;
  for (int piece = 0; piece < 2; ++piece) {
    const double a = 3.0 * sg * piece, b = a + 3.0 * sg;
    for (int i = 0; i < gr.size(); ++i) {
      const double q = 0.5 * (a + b) + 0.5 * (b - a) * gr.nodes()[i];
      const double wq = 0.5 * (b - a) * gr.weights()[i] * q / (sg * sg) * std::exp(-0.5 * q * q / (sg * sg));
      for (int j = 0; j < gphi.size(); ++j) {
        const double phi = 0.5 * units::pi * (1.0 + gphi.nodes()[j]);
        kick.push_back({q, phi});
        kw.push_back(wq * 0.5 * gphi.weights()[j]);  // dphi/pi over (0, pi)
        norm += kw.back();
      }
    }
  }
  std::vector<PNode> smeared;
  smeared.reserve(out.size() * kick.size());
  for (const PNode& n : out)
    for (std::size_t k = 0; k < kick.size(); ++k) {
      const double q = kick[k].first, c = std::cos(kick[k].second);
      smeared.push_back({std::sqrt(std::max(0.0, n.pT * n.pT + q * q + 2.0 * n.pT * q * c)), n.w * kw[k] / norm});
    }
  return smeared;
}

double PrimakoffYield::operator()(double E, double m) const {
  if (!(m < E) || !(E > 0)) return 0.0;
  const double s = m * m / (2.0 * E);
  const double tau = s * s;
  const double K = E * p_.theta_max;
  double sum = 0.0;
  for (const PNode& n : pt_nodes(E)) sum += n.w * J_(tau, n.pT, K);
  return prefactor() * sum;
}

void PrimakoffYield::add_to_measure(double E, double coef, PrimakoffMeasure& measure) const {
  if (!(E > 0)) return;
  const double K = E * p_.theta_max, c = coef * prefactor();
  for (const PNode& n : pt_nodes(E)) measure.add(J_, c * n.w, n.pT, K);
}

void PrimakoffYield::at_masses(double E, const std::vector<double>& m, std::vector<double>& out) const {
  out.assign(m.size(), 0.0);
  if (!(E > 0)) return;
  std::vector<double> tau(m.size());
  for (std::size_t k = 0; k < m.size(); ++k) {
    const double s = m[k] * m[k] / (2.0 * E);
    tau[k] = s * s;
  }
  const double K = E * p_.theta_max;
  const double qc2 = p_.target.helm.q_cut() * p_.target.helm.q_cut();
  PrimakoffJ::Nodes nodes;
  for (const PNode& n : pt_nodes(E)) {
    const double pT = n.pT;
    // tau -> 0 limit of the numeric part, with its quadrature nodes for the heavier masses
    const PrimakoffJ::Parts p0 = J_.parts(0.0, pT, K, &nodes);
    for (std::size_t k = 0; k < m.size(); ++k) {
      if (!(m[k] < E) || tau[k] >= qc2) continue;
      double J;
      if (J_.reusable(tau[k], p0)) J = J_.closed(tau[k], p0) + p0.numeric;
      else if (!J_.from_nodes(tau[k], p0, nodes, J)) J = J_(tau[k], pT, K);
      out[k] += n.w * J;
    }
  }
  for (double& v : out) v *= prefactor();
}

}  // namespace alpscan::physics
