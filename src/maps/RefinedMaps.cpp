#include "alpscan/maps/RefinedMaps.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "alpscan/scan/Refinement.hpp"
#include "alpscan/stats/PoissonLikelihood.hpp"

namespace alpscan {

namespace {

// An experiment point's status: its flag, one bit per band, and the side of the region it lies on
// (stats::Likelihood::side: a measurement's band between two outside regions).
unsigned status_bits(const stats::Likelihood& lik, const double* prediction, bool in_region,
                     const std::vector<stats::Band>& bands, const std::vector<bool>& in_band, const stats::Calibration& c) {
  unsigned s = in_region ? 1 : 0;
  for (std::size_t b = 0; b < bands.size(); ++b) s |= unsigned(in_band[b]) << (b + 1);
  return s | unsigned(lik.side(prediction, c) + 1) << (bands.size() + 1);
}

unsigned status_of(const ExperimentResult& x, std::size_t i) {
  std::vector<bool> in(x.in_band.size());
  for (std::size_t b = 0; b < in.size(); ++b) in[b] = x.in_band[b][i];
  return status_bits(*x.info.likelihood, x.prediction(i), x.excluded[i], x.bands, in, x.calibration);
}

SameStatus same_experiment_status(const ExperimentResult& x) {
  return [&x](std::size_t i, std::size_t j) { return status_of(x, i) == status_of(x, j); };
}

SameStatus same_combined_status(const MergedResult& r) {
  return [&r](std::size_t i, std::size_t j) { return r.combined_excluded[i] == r.combined_excluded[j]; };
}

// Multilinear interpolation of v over the corners of a leaf cell.
template <class V>
double linear(const LeafCell& cell, const double* w, V&& v) {
  double s = 0;
  for (std::size_t c = 0; c < cell.corners.size(); ++c)
    if (w[c] != 0) s += w[c] * v(cell.corners[c]);
  return s;
}

// The same in the logarithm (exact for a power law on log axes) where every weighted corner is > 0;
// ln_v(k) is ln v(k), or -inf where v(k) <= 0 (then linear in v).
template <class V, class LnV>
double geometric(const LeafCell& cell, const double* w, V&& v, LnV&& ln_v) {
  double s = 0;
  for (std::size_t c = 0; c < cell.corners.size(); ++c) {
    if (w[c] == 0) continue;
    const double l = ln_v(cell.corners[c]);
    if (!(l > -std::numeric_limits<double>::infinity())) return linear(cell, w, v);
    s += w[c] * l;
  }
  return std::exp(s);
}

double ln_or_minus_inf(double v) { return v > 0 ? std::log(v) : -std::numeric_limits<double>::infinity(); }

}  // namespace

struct RefinementState::Experiment {
  ExperimentInfo info;
  SubGrid grid;
  std::size_t nb = 1;                 // values per point
  bool exclusion = true;
  std::vector<double> prediction;     // nb values per evaluated point, in the order read (compact: a
                                      // refined scan evaluates a small part of the grid)
  std::vector<std::uint8_t> evaluated;
  std::vector<std::uint8_t> status;   // status_bits (flag, bands, side: <= 8 bits, checked)
  std::vector<double> q;              // test statistic
  stats::Calibration calibration;
  std::vector<stats::Band> bands;
  RefinementHierarchy hierarchy;
  std::vector<std::size_t> arrived;   // every evaluated point, in the order read
  std::vector<std::size_t> fresh;     // their slots (positions in `arrived`) read since the last batch
  Experiment(ExperimentInfo i, SubGrid g, std::size_t step)
      : info(std::move(i)), grid(std::move(g)), hierarchy({grid.dims, step}) {}
  const double* pred(std::size_t slot) const { return prediction.data() + slot * nb; }
  void judge(std::size_t slot);
};

namespace {

// Calls f(full index) for every full-grid point whose projection onto `sub` is sub-grid point k.
template <class F>
void for_each_full_point(const ParameterSpace& space, const SubGrid& sub, std::size_t k, F&& f) {
  const SubGrid& full = space.full();
  if (sub.axes.size() == full.axes.size()) return f(k);
  const std::vector<std::size_t> sx = space.unravel(sub, k);
  std::vector<std::size_t> x(full.axes.size(), 0);
  std::vector<char> fixed(full.axes.size(), 0);
  for (std::size_t a = 0, s = 0; a < full.axes.size(); ++a)
    if (s < sub.axes.size() && sub.axes[s] == full.axes[a]) x[a] = sx[s++], fixed[a] = 1;
  while (true) {
    std::size_t i = 0;
    for (std::size_t a = 0; a < x.size(); ++a) i = i * full.dims[a] + x[a];
    f(i);
    std::size_t a = x.size();
    while (a-- > 0) {
      if (fixed[a]) continue;
      if (++x[a] < full.dims[a]) break;
      x[a] = 0;
    }
    if (a == static_cast<std::size_t>(-1)) return;
  }
}

}  // namespace

void RefinementState::Experiment::judge(std::size_t slot) {
  const stats::Likelihood& lik = *info.likelihood;
  const std::size_t k = arrived[slot];
  const double* p = pred(slot);
  q[k] = lik.test_statistic(p, calibration);
  std::vector<bool> in(bands.size());
  for (std::size_t b = 0; b < bands.size(); ++b) in[b] = lik.in_region(p, q[k], bands[b].calibration);
  status[k] = static_cast<std::uint8_t>(status_bits(lik, p, lik.in_region(p, q[k], calibration), bands, in, calibration));
}

namespace {

bool same_calibration(const stats::Calibration& a, const stats::Calibration& b) {
  return a.cl == b.cl && a.threshold == b.threshold && a.reference == b.reference;
}

}  // namespace

RefinementState::RefinementState(const JobSpec& job, const std::vector<ExperimentInfo>& infos,
                                 const ParameterSpace& space, const WorkPlan& plan)
    : cl_(job.cl), critical_(stats::combined_critical_value(job.cl)), space_(space),
      combined_({space.full().dims, plan.combined_step()}) {
  std::uint16_t exclusions = 0;
  for (std::size_t e = 0; e < infos.size(); ++e) {
    auto x = std::make_unique<Experiment>(infos[e], plan.grids[e], plan.step_of(static_cast<int>(e)));
    x->nb = values_per_point(x->info);
    x->exclusion = x->info.likelihood->role() == stats::Role::exclusion;
    exclusions += x->exclusion;
    x->evaluated.assign(x->grid.size, 0);
    x->status.assign(x->grid.size, 0);
    x->q.assign(x->grid.size, 0.0);
    x->bands = x->info.likelihood->bands();
    if (x->bands.size() > 5) throw std::logic_error("refinement: more than 5 bands do not fit a status byte");
    x->calibration.cl = -1;  // not calibrated yet
    exps_.push_back(std::move(x));
  }
  missing_.assign(space.full().size, exclusions);
  evaluated_all_.assign(space.full().size, exclusions == 0);
  combined_excluded_.assign(space.full().size, 0);
}

RefinementState::~RefinementState() = default;

void RefinementState::absorb(const WorkPlan& plan, const Checkpoint& ckpt) {
  for (; units_read_ < plan.units.size(); ++units_read_) {
    const WorkUnit& w = plan.units[units_read_];
    Experiment& x = *exps_[w.experiment];
    const std::vector<double> v = ckpt.read_unit(static_cast<int>(units_read_));
    for (std::size_t i = 0; i < w.count; ++i) {
      const std::size_t k = plan.index(w.experiment, w.begin + i);
      x.prediction.insert(x.prediction.end(), v.begin() + static_cast<std::ptrdiff_t>(i * x.nb),
                          v.begin() + static_cast<std::ptrdiff_t>((i + 1) * x.nb));
      x.evaluated[k] = 1;
      x.fresh.push_back(x.arrived.size());
      x.arrived.push_back(k);
    }
  }
}

std::vector<std::vector<std::size_t>> RefinementState::next_batch(const WorkPlan& plan, const Checkpoint& ckpt) {
  absorb(plan, ckpt);
  // Statuses: of the new points, or of every evaluated point when the calibration moved (the binned
  // reference is the best evaluated point, so a new point can change it).
  bool combined_moved = false;
  std::vector<std::size_t> newly_all;  // full-grid points whose last exclusion experiment arrived
  for (auto& xp : exps_) {
    Experiment& x = *xp;
    const stats::Likelihood& lik = *x.info.likelihood;
    stats::Calibration c = x.calibration;
    if (x.calibration.cl < 0 || lik.calibration_reads_predictions()) {
      // (a calibration is a max over the points or reads none: the order of the points does not matter)
      c = lik.calibrate(cl_, x.prediction.data(), x.arrived.size());
    }
    if (!same_calibration(c, x.calibration)) {
      x.calibration = c;
      for (std::size_t j = 0; j < x.arrived.size(); ++j) x.judge(j);
      x.hierarchy.touch_all();
      combined_moved = combined_moved || x.exclusion;
    } else {
      for (std::size_t j : x.fresh) x.judge(j), x.hierarchy.touch(x.arrived[j]);
    }
    if (x.exclusion)
      for (std::size_t j : x.fresh)
        for_each_full_point(space_, x.grid, x.arrived[j], [&](std::size_t i) {
          if (--missing_[i] == 0) evaluated_all_[i] = 1, newly_all.push_back(i);
        });
    x.fresh.clear();
  }
  auto judge_combined = [&](std::size_t i) {
    double q = 0;
    for (const auto& x : exps_)
      if (x->exclusion) q += x->q[space_.project(x->grid, i)];
    combined_excluded_[i] = q >= critical_;
  };
  if (combined_moved) {
    for (std::size_t i = 0; i < evaluated_all_.size(); ++i)
      if (evaluated_all_[i]) judge_combined(i);
    combined_.touch_all();
  } else {
    for (std::size_t i : newly_all) judge_combined(i), combined_.touch(i);
  }

  std::vector<std::vector<std::size_t>> next(exps_.size());
  for (std::size_t e = 0; e < exps_.size(); ++e) {
    const Experiment& x = *exps_[e];
    next[e] = exps_[e]->hierarchy.requests(x.evaluated, [&x](std::size_t i, std::size_t j) { return x.status[i] == x.status[j]; });
  }
  const std::vector<std::size_t> combined = combined_.requests(
      evaluated_all_, [this](std::size_t i, std::size_t j) { return combined_excluded_[i] == combined_excluded_[j]; });
  for (std::size_t e = 0; e < exps_.size(); ++e)
    if (exps_[e]->exclusion)
      for (std::size_t i : combined) next[e].push_back(space_.project(exps_[e]->grid, i));
  return next;
}

void infer_unevaluated(ExperimentResult& x, std::size_t refinement_step) {
  const std::size_t nb = x.values_per_point(), n = x.grid.size;
  // The corners' values, once (a corner serves every point of its leaves): margins and ln signal.
  std::vector<double> margin(n), ln_signal(n);
  std::vector<std::vector<double>> band_margin(x.bands.size(), std::vector<double>(n));
  for (std::size_t k = 0; k < n; ++k) {
    if (x.inferred(k)) continue;
    margin[k] = x.margin(k);
    for (std::size_t b = 0; b < x.bands.size(); ++b) band_margin[b][k] = x.band_margin(b, k);
    ln_signal[k] = ln_or_minus_inf(x.signal[k]);
  }
  x.inferred_margin.assign(n, 0.0);
  x.inferred_band_margin.assign(x.bands.size(), std::vector<double>(n, 0.0));
  for_each_inferred_point(
      {x.grid.dims, refinement_step}, x.evaluated, same_experiment_status(x),
      [&](const LeafCell& cell, std::size_t i, const double* w) {
        const std::size_t c0 = cell.corners[0];
        x.excluded[i] = x.excluded[c0];
        for (auto& in : x.in_band) in[i] = in[c0];
        x.test_statistic[i] = linear(cell, w, [&](std::size_t c) { return x.test_statistic[c]; });
        x.inferred_margin[i] = linear(cell, w, [&](std::size_t c) { return margin[c]; });
        for (std::size_t b = 0; b < x.bands.size(); ++b)
          x.inferred_band_margin[b][i] = linear(cell, w, [&](std::size_t c) { return band_margin[b][c]; });
        x.signal[i] = geometric(cell, w, [&](std::size_t c) { return x.signal[c]; }, [&](std::size_t c) { return ln_signal[c]; });
        for (std::size_t k = 0; nb > 1 && k < nb; ++k) {
          auto bin = [&](std::size_t c) { return x.signal_bins[c * nb + k]; };
          x.signal_bins[i * nb + k] = geometric(cell, w, bin, [&](std::size_t c) { return ln_or_minus_inf(bin(c)); });
        }
      });
}

void infer_combined(MergedResult& r, const ParameterSpace& space) {
  for_each_inferred_point({space.full().dims, r.combined_step}, r.evaluated_all, same_combined_status(r),
                          [&](const LeafCell& cell, std::size_t i, const double* w) {
                            r.combined_excluded[i] = r.combined_excluded[cell.corners[0]];
                            r.combined_q[i] = linear(cell, w, [&](std::size_t c) { return r.combined_q[c]; });
                          });
}

}  // namespace alpscan
