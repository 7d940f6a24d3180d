#include "alpscan/maps/MergedResult.hpp"

#include <algorithm>
#include <cmath>

#include "alpscan/io/ExperimentCatalog.hpp"
#include "alpscan/stats/PoissonLikelihood.hpp"

namespace alpscan {

double ExperimentResult::margin(std::size_t i) const {
  const double s = signal[i];
  if (s_up <= 0) return 100.0;
  if (s <= 0) return -100.0;
  return std::clamp(std::log(s / s_up), -100.0, 100.0);
}

MergedResult merge_results(const JobSpec& job, const ParameterSpace& space, const WorkPlan& plan,
                           const Checkpoint& ckpt) {
  MergedResult r;
  r.cl = job.cl;
  r.combined_critical = stats::combined_critical_value(job.cl);
  for (std::size_t e = 0; e < job.experiments.size(); ++e) {
    ExperimentResult x;
    ExperimentPtr exp = make_experiment(job.experiments[e], &x.options);
    x.info = exp->info();
    x.grid = plan.grids[e];
    x.s_up = stats::signal_upper_limit(x.info.data, job.cl);
    x.signal.assign(x.grid.size, 0.0);
    r.experiments.push_back(std::move(x));
  }
  for (std::size_t u = 0; u < plan.units.size(); ++u) {
    const WorkUnit& w = plan.units[u];
    const std::vector<double> v = ckpt.read_unit(static_cast<int>(u));
    std::copy(v.begin(), v.end(), r.experiments[w.experiment].signal.begin() + static_cast<std::ptrdiff_t>(w.begin));
  }
  for (auto& x : r.experiments) {
    x.test_statistic.resize(x.grid.size);
    x.excluded.resize(x.grid.size);
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
