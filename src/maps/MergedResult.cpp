#include "alpscan/maps/MergedResult.hpp"

#include <algorithm>
#include <cmath>

#include "alpscan/maps/RefinedMaps.hpp"
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

MergedResult merge_results(const JobSpec& job, const std::vector<ExperimentInfo>& infos, const ParameterSpace& space,
                           const WorkPlan& plan, const Checkpoint& ckpt) {
  MergedResult r;
  r.cl = job.cl;
  r.combined_critical = stats::combined_critical_value(job.cl);
  for (std::size_t e = 0; e < job.experiments.size(); ++e) {
    ExperimentResult x;
    x.info = infos.at(e);
    x.options = x.info.options;
    x.grid = plan.grids[e];
    x.signal.assign(x.grid.size, 0.0);
    if (x.values_per_point() > 1) x.signal_bins.assign(x.grid.size * x.values_per_point(), 0.0);
    r.experiments.push_back(std::move(x));
  }
  for (std::size_t u = 0; u < plan.units.size(); ++u) {
    const WorkUnit& w = plan.units[u];
    const std::vector<double> v = ckpt.read_unit(static_cast<int>(u));
    ExperimentResult& x = r.experiments[w.experiment];
    const std::size_t nb = x.values_per_point();
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
  if (plan.refined()) {
    r.refinement_step = plan.refinement_step;
    r.refinement_batches = plan.batches;
    r.combined_step = plan.combined_step();
    for (std::size_t e = 0; e < r.experiments.size(); ++e) r.experiments[e].evaluated = plan.planned[e];
  }
  // Two passes: the likelihood's job-level numbers from every evaluated point's prediction (the
  // binned reference is the best scanned point), then each point's statistic and flag.
  for (std::size_t e = 0; e < r.experiments.size(); ++e) {
    ExperimentResult& x = r.experiments[e];
    const stats::Likelihood& lik = *x.info.likelihood;
    if (x.evaluated.empty()) {
      x.calibration = lik.calibrate(job.cl, x.prediction(0), x.grid.size);
    } else {
      const std::size_t nb = x.values_per_point();
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
  }
  const SubGrid& full = space.full();
  r.excluded_any.assign(full.size, 0);
  r.excluded_any_limit.assign(full.size, 0);
  r.combined_q.assign(full.size, 0.0);
  r.combined_excluded.assign(full.size, 0);
  if (plan.refined()) r.evaluated_all.assign(full.size, 1);
  for (const auto& x : r.experiments) {
    if (x.role() != stats::Role::exclusion) continue;  // a preferred region excludes nothing
    for (std::size_t i = 0; i < full.size; ++i) {
      const std::size_t k = space.project(x.grid, i);
      if (plan.refined() && x.inferred(k)) r.evaluated_all[i] = 0;
      r.excluded_any[i] |= x.excluded[k];
      if (x.info.kind == "limit") r.excluded_any_limit[i] |= x.excluded[k];
      r.combined_q[i] += x.test_statistic[k];
    }
  }
  for (std::size_t i = 0; i < full.size; ++i) r.combined_excluded[i] = r.combined_q[i] >= r.combined_critical;
  // The combined statistic where some experiment is inferred: from the corners of its leaf cell of the
  // combined map's own hierarchy (the sum of interpolated statistics could cross the critical value
  // inside a cell the hierarchy has decided).
  if (plan.refined()) infer_combined(r, space);
  return r;
}

}  // namespace alpscan
