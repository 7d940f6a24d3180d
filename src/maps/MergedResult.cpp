#include "alpscan/maps/MergedResult.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <type_traits>

#include "alpscan/maps/RefinedMaps.hpp"
#include "alpscan/scan/GridCursor.hpp"
#include "alpscan/stats/PoissonLikelihood.hpp"

namespace alpscan {

double ExperimentResult::margin(std::size_t i) const {
  if (inferred(i)) return inferred_margin[i];
  return info.likelihood->margin(prediction(i), test_statistic[i], calibration);
}

double ExperimentResult::band_margin(std::size_t b, std::size_t i) const {
  if (inferred(i)) return inferred_band_margin.at(b)[i];
  return info.likelihood->margin(prediction(i), test_statistic[i], bands.at(b).calibration);
}

void ExperimentResult::release_arrays() {
  auto drop = [](auto& v) { std::decay_t<decltype(v)>().swap(v); };
  drop(signal), drop(signal_bins), drop(test_statistic), drop(excluded), drop(in_band), drop(evaluated),
      drop(inferred_margin), drop(inferred_band_margin);
}

MergedResult merge_header(const JobSpec& job, const WorkPlan& plan) {
  MergedResult r;
  r.cl = job.cl;
  r.combined_critical = stats::combined_critical_value(job.cl);
  if (plan.refined()) {
    r.refinement_step = plan.refinement_step;
    r.refinement_batches = plan.batches;
    r.combined_step = plan.combined_step();
  }
  return r;
}

namespace {

// One experiment, complete: its units read back, the likelihood calibrated on its evaluated points, every
// point's statistic, flag and bands, and (refinement) its inferred points.
ExperimentResult merge_experiment(const JobSpec& job, const ExperimentInfo& info, std::size_t e,
                                  const std::vector<std::size_t>& units, const WorkPlan& plan, const Checkpoint& ckpt) {
  ExperimentResult x;
  x.info = info;
  x.options = x.info.options;
  x.grid = plan.grids[e];
  const std::size_t nb = x.values_per_point();
  x.signal.assign(x.grid.size, 0.0);
  if (nb > 1) x.signal_bins.assign(x.grid.size * nb, 0.0);
  for (std::size_t u : units) {
    const WorkUnit& w = plan.units[u];
    std::vector<double> v;
    try {
      v = ckpt.read_unit(static_cast<int>(u));
    } catch (const std::exception& err) {
      throw MergeError("experiment " + x.info.name + ": " + err.what());
    }
    for (std::size_t i = 0; i < w.count; ++i) {
      const std::size_t k = plan.index(w.experiment, w.begin + i);
      if (nb == 1) {
        x.signal[k] = v[i];
        continue;
      }
      std::copy(v.begin() + static_cast<std::ptrdiff_t>(i * nb), v.begin() + static_cast<std::ptrdiff_t>((i + 1) * nb),
                x.signal_bins.begin() + static_cast<std::ptrdiff_t>(k * nb));
      x.signal[k] = x.info.likelihood->signal_events(v.data() + i * nb);
    }
  }
  if (plan.refined()) x.evaluated = plan.planned[e];
  // Two passes: the likelihood's job-level numbers from every evaluated point's prediction (the
  // binned reference is the best scanned point), then each point's statistic and flag.
  const stats::Likelihood& lik = *x.info.likelihood;
  if (x.evaluated.empty()) {
    x.calibration = lik.calibrate(job.cl, x.prediction(0), x.grid.size);
  } else {
    std::vector<double> evaluated_predictions;
    for (std::size_t i = 0; i < x.grid.size; ++i)
      if (x.evaluated[i]) evaluated_predictions.insert(evaluated_predictions.end(), x.prediction(i), x.prediction(i) + nb);
    x.calibration = lik.calibrate(job.cl, evaluated_predictions.data(), evaluated_predictions.size() / nb);
  }
  x.test_statistic.resize(x.grid.size);
  x.excluded.resize(x.grid.size);
  x.bands = lik.bands();
  x.in_band.assign(x.bands.size(), std::vector<std::uint8_t>(x.grid.size, 0));
  for (std::size_t i = 0; i < x.grid.size; ++i) {
    if (x.inferred(i)) continue;
    x.test_statistic[i] = lik.test_statistic(x.prediction(i), x.calibration);
    x.excluded[i] = lik.in_region(x.prediction(i), x.test_statistic[i], x.calibration) ? 1 : 0;
    for (std::size_t b = 0; b < x.bands.size(); ++b)
      x.in_band[b][i] = lik.in_region(x.prediction(i), x.test_statistic[i], x.bands[b].calibration) ? 1 : 0;
  }
  if (!x.evaluated.empty()) infer_unevaluated(x, plan.step_of(static_cast<int>(e)));
  auto count = [](const std::vector<std::uint8_t>& v) {
    std::size_t n = 0;
    for (auto b : v) n += b;
    return n;
  };
  x.evaluations = x.evaluated.empty() ? x.grid.size : count(x.evaluated);
  x.excluded_points = count(x.excluded);
  for (const auto& band : x.in_band) x.band_points.push_back(count(band));
  return x;
}

// Adds an exclusion experiment to the global maps on the full grid.
void add_to_global_maps(MergedResult& r, const ExperimentResult& x, const ParameterSpace& space, bool refined) {
  const SubGrid& full = space.full();
  const bool limit = x.info.kind == "limit";
  auto add = [&](std::size_t i, std::size_t k) {
    if (refined && x.inferred(k)) r.evaluated_all[i] = 0;
    r.excluded_any[i] |= x.excluded[k];
    if (limit) r.excluded_any_limit[i] |= x.excluded[k];
    r.combined_q[i] += x.test_statistic[k];
  };
  if (x.grid.axes == full.axes) {  // the same grid: the same index
    for (std::size_t i = 0; i < full.size; ++i) add(i, i);
    return;
  }
  GridCursor c(full.dims);
  const std::size_t slot = c.track(projection_strides(full, x.grid));
  for (std::size_t i = 0; !c.done(); c.next(), ++i) add(i, c.index(slot));
}

}  // namespace

MergedResult merge_results(const JobSpec& job, const std::vector<ExperimentInfo>& infos, const ParameterSpace& space,
                           const WorkPlan& plan, const Checkpoint& ckpt, const ExperimentSink& sink) {
  MergedResult r = merge_header(job, plan);
  const SubGrid& full = space.full();
  r.excluded_any.assign(full.size, 0);
  r.excluded_any_limit.assign(full.size, 0);
  r.combined_q.assign(full.size, 0.0);
  r.combined_excluded.assign(full.size, 0);
  if (plan.refined()) r.evaluated_all.assign(full.size, 1);
  std::vector<std::vector<std::size_t>> units(job.experiments.size());  // per experiment, in plan order
  for (std::size_t u = 0; u < plan.units.size(); ++u) units.at(plan.units[u].experiment).push_back(u);
  // A pipeline of two: experiment e + 1 is read and judged on a second thread while experiment e is added to
  // the maps and handed to the sink (planes, scan.h5), so at most two experiments' arrays are held. The
  // thread calls no MPI and shares nothing but read-only state (the plan, the checkpoint's index, each
  // experiment's own likelihood).
  const std::size_t n = job.experiments.size();
  auto start = [&](std::size_t e) {
    return std::async(std::launch::async, [&, e] { return merge_experiment(job, infos.at(e), e, units[e], plan, ckpt); });
  };
  std::future<ExperimentResult> next;
  if (n > 0) next = start(0);
  for (std::size_t e = 0; e < n; ++e) {
    ExperimentResult x = next.get();
    if (e + 1 < n) next = start(e + 1);
    // A preferred region (g-2) excludes nothing: in none of the global maps. The combined statistic is
    // summed in job order, whatever the experiments' order of arrival, so the sum's rounding is fixed.
    if (x.role() == stats::Role::exclusion) add_to_global_maps(r, x, space, plan.refined());
    if (sink) {
      sink(e, x);
      x.release_arrays();
    }
    r.experiments.push_back(std::move(x));
  }
  for (std::size_t i = 0; i < full.size; ++i) r.combined_excluded[i] = r.combined_q[i] >= r.combined_critical;
  // The combined statistic where some experiment is inferred: from the corners of its leaf cell of the
  // combined map's own hierarchy (the sum of interpolated statistics could cross the critical value
  // inside a cell the hierarchy has decided).
  if (plan.refined()) infer_combined(r, space);
  return r;
}

}  // namespace alpscan
