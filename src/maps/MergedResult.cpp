#include "alpscan/maps/MergedResult.hpp"

#include <algorithm>
#include <cmath>

#include "alpscan/stats/BinnedPoisson.hpp"
#include "alpscan/stats/PoissonLikelihood.hpp"

namespace alpscan {

double ExperimentResult::margin(std::size_t i) const {
  if (binned()) {
    const double q = test_statistic[i];
    if (!(q > 0)) return -100.0;
    return std::clamp(0.5 * std::log(q / info.binned.critical), -100.0, 100.0);
  }
  const double s = signal[i];
  if (s_up <= 0) return 100.0;
  if (s <= 0) return -100.0;
  return std::clamp(std::log(s / s_up), -100.0, 100.0);
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
    x.s_up = x.binned() ? 0.0 : stats::signal_upper_limit(x.info.data, job.cl);
    x.signal.assign(x.grid.size, 0.0);
    if (x.binned()) x.signal_bins.assign(x.grid.size * values_per_point(x.info), 0.0);
    r.experiments.push_back(std::move(x));
  }
  for (std::size_t u = 0; u < plan.units.size(); ++u) {
    const WorkUnit& w = plan.units[u];
    const std::vector<double> v = ckpt.read_unit(static_cast<int>(u));
    ExperimentResult& x = r.experiments[w.experiment];
    if (!x.binned()) {
      std::copy(v.begin(), v.end(), x.signal.begin() + static_cast<std::ptrdiff_t>(w.begin));
      continue;
    }
    const std::size_t nb = values_per_point(x.info);
    std::copy(v.begin(), v.end(), x.signal_bins.begin() + static_cast<std::ptrdiff_t>(w.begin * nb));
    for (std::size_t i = 0; i < w.count; ++i) {
      double tot = 0;
      for (std::size_t b = 0; b < nb; ++b) tot += v[i * nb + b];
      x.signal[w.begin + i] = tot;
    }
  }
  for (auto& x : r.experiments) {
    x.test_statistic.resize(x.grid.size);
    x.excluded.resize(x.grid.size);
    if (x.binned()) {
      // q relative to the best of the scanned points and s = 0 (stats/BinnedPoisson.hpp).
      const std::size_t nb = values_per_point(x.info);
      std::vector<double> ll(x.grid.size);
      x.log_l_ref = stats::binned_log_likelihood_null(x.info.binned);
      for (std::size_t i = 0; i < x.grid.size; ++i) {
        ll[i] = stats::binned_log_likelihood(x.info.binned, x.signal_bins.data() + i * nb);
        x.log_l_ref = std::max(x.log_l_ref, ll[i]);
      }
      for (std::size_t i = 0; i < x.grid.size; ++i) {
        x.test_statistic[i] = std::max(0.0, 2.0 * (x.log_l_ref - ll[i]));
        x.excluded[i] = x.test_statistic[i] >= x.info.binned.critical ? 1 : 0;
      }
      continue;
    }
    for (std::size_t i = 0; i < x.grid.size; ++i) {
      x.test_statistic[i] = stats::test_statistic(x.info.data, x.signal[i]);
      x.excluded[i] = x.signal[i] >= x.s_up ? 1 : 0;
    }
  }
  const SubGrid& full = space.full();
  r.excluded_any.assign(full.size, 0);
  r.excluded_any_limit.assign(full.size, 0);
  r.combined_q.assign(full.size, 0.0);
  r.combined_excluded.assign(full.size, 0);
  for (const auto& x : r.experiments) {
    for (std::size_t i = 0; i < full.size; ++i) {
      const std::size_t k = space.project(x.grid, i);
      r.excluded_any[i] |= x.excluded[k];
      if (x.info.kind == "limit") r.excluded_any_limit[i] |= x.excluded[k];
      r.combined_q[i] += x.test_statistic[k];
    }
  }
  for (std::size_t i = 0; i < full.size; ++i) r.combined_excluded[i] = r.combined_q[i] >= r.combined_critical;
  return r;
}

}  // namespace alpscan
