#include "alpscan/maps/MergedResult.hpp"

#include <algorithm>
#include <cmath>

#include "alpscan/stats/PoissonLikelihood.hpp"

namespace alpscan {

double ExperimentResult::margin(std::size_t i) const {
  return info.likelihood->margin(prediction(i), test_statistic[i], calibration);
}

double ExperimentResult::band_margin(std::size_t b, std::size_t i) const {
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
    if (nb == 1) {
      std::copy(v.begin(), v.end(), x.signal.begin() + static_cast<std::ptrdiff_t>(w.begin));
      continue;
    }
    std::copy(v.begin(), v.end(), x.signal_bins.begin() + static_cast<std::ptrdiff_t>(w.begin * nb));
    for (std::size_t i = 0; i < w.count; ++i) x.signal[w.begin + i] = x.info.likelihood->signal_events(v.data() + i * nb);
  }
  // Two passes: the likelihood's job-level numbers from every point's prediction (the binned
  // reference is the best scanned point), then each point's statistic and flag.
  for (auto& x : r.experiments) {
    const stats::Likelihood& lik = *x.info.likelihood;
    x.calibration = lik.calibrate(job.cl, x.prediction(0), x.grid.size);
    x.test_statistic.resize(x.grid.size);
    x.excluded.resize(x.grid.size);
    for (std::size_t i = 0; i < x.grid.size; ++i) {
      x.test_statistic[i] = lik.test_statistic(x.prediction(i), x.calibration);
      x.excluded[i] = lik.in_region(x.prediction(i), x.test_statistic[i], x.calibration) ? 1 : 0;
    }
    x.bands = lik.bands();
    for (const stats::Band& b : x.bands) {
      std::vector<std::uint8_t> in(x.grid.size);
      for (std::size_t i = 0; i < x.grid.size; ++i)
        in[i] = lik.in_region(x.prediction(i), x.test_statistic[i], b.calibration) ? 1 : 0;
      x.in_band.push_back(std::move(in));
    }
  }
  const SubGrid& full = space.full();
  r.excluded_any.assign(full.size, 0);
  r.excluded_any_limit.assign(full.size, 0);
  r.combined_q.assign(full.size, 0.0);
  r.combined_excluded.assign(full.size, 0);
  for (const auto& x : r.experiments) {
    if (x.role() != stats::Role::exclusion) continue;  // a preferred region excludes nothing
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
