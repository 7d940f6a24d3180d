#include "alpscan/scan/RankActivity.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace alpscan {

RankActivity::RankActivity(int ranks, double t_start) : t0_(t_start), ranks_(static_cast<std::size_t>(ranks)) {}

void RankActivity::given(int rank, double t) {
  ranks_[rank].last_given = t - t0_;
  last_handout_ = t - t0_;
}

void RankActivity::finished(int rank, std::size_t points, double compute_s, double prepare_s, double t) {
  Rank& r = ranks_[rank];
  ++r.units;
  r.points += points;
  r.busy_s += compute_s + prepare_s;
  r.prepare_s += prepare_s;
  r.last_done = t - t0_;
}

void RankActivity::refused(int rank, double t, std::size_t unassigned) {
  Rank& r = ranks_[rank];
  if (r.refused >= 0) return;
  r.refused = t - t0_;
  r.unassigned_at_refusal = unassigned;
}

void RankActivity::served(double seconds) {
  ++requests_;
  service_s_ += seconds;
}

std::string RankActivity::summary(double t_end) const {
  const double wall = t_end - t0_;
  std::size_t umin = ~std::size_t{0}, umax = 0, points = 0, units = 0;
  double bmin = 1e300, bmax = 0, busy = 0, prep = 0, tail_max = 0;
  for (const Rank& r : ranks_) {
    umin = std::min(umin, r.units), umax = std::max(umax, r.units);
    bmin = std::min(bmin, r.busy_s), bmax = std::max(bmax, r.busy_s);
    busy += r.busy_s, prep += r.prepare_s, points += r.points, units += r.units;
    tail_max = std::max(tail_max, wall - std::max(r.last_done, 0.0));
  }
  std::string s = fmt::format(
      "rank activity: {} rank(s), {:.3f} s run, {} points in {} units ({}-{} per rank), busy {:.3f}-{:.3f} s per "
      "rank (prepare {:.3f} s in all; {:.3f} us/point without it), last unit handed out at {:.3f} s, longest idle tail "
      "{:.3f} s",
      ranks_.size(), wall, points, units, umin, umax, bmin, bmax, prep,
      points ? 1e6 * (busy - prep) / double(points) : 0.0,
      std::max(last_handout_, 0.0), tail_max);
  if (requests_)
    s += fmt::format("; dispatcher: {} requests, {:.2f} us each", requests_, 1e6 * service_s_ / double(requests_));
  return s;
}

std::string RankActivity::rank_line(int rank, double t_end) const {
  const Rank& r = ranks_[rank];
  const double wall = t_end - t0_;
  return fmt::format(
      "rank activity of rank {}: {} units, {} points, busy {:.3f} s ({:.0f}% of the run; prepare {:.3f} s), last unit given "
      "at {:.3f} s, "
      "last unit done at {:.3f} s (idle tail {:.3f} s), no more work at {:.3f} s with {} units unassigned",
      rank, r.units, r.points, r.busy_s, wall > 0 ? 100 * r.busy_s / wall : 0.0, r.prepare_s, r.last_given, r.last_done,
      wall - std::max(r.last_done, 0.0), r.refused, r.unassigned_at_refusal);
}

void RankActivity::log(double t_end, bool summary_at_info) const {
  if (summary_at_info) spdlog::info("{}", summary(t_end));
  else spdlog::debug("{}", summary(t_end));
  for (std::size_t r = 0; r < ranks_.size(); ++r) spdlog::debug("{}", rank_line(static_cast<int>(r), t_end));
}

}  // namespace alpscan
