#include "alpscan/scan/PlanMemory.hpp"
#include "alpscan/scan/ParameterSpace.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>

#include <fmt/format.h>

namespace alpscan {

namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

std::uint64_t sat_add(std::uint64_t a, std::uint64_t b) { return a > kMax - b ? kMax : a + b; }
std::uint64_t sat_mul(std::uint64_t a, std::uint64_t b) { return b != 0 && a > kMax / b ? kMax : a * b; }

}  // namespace

PlanMemoryLimit plan_memory_limit() {
  PlanMemoryLimit l;
  if (const char* e = std::getenv("ALPSCAN_MAX_PLAN_BYTES"); e && *e) {
    l.source = "ALPSCAN_MAX_PLAN_BYTES";
    char* end = nullptr;
    const double v = std::strtod(e, &end);
    double scale = 1;
    if (end && *end) {
      switch (std::toupper(static_cast<unsigned char>(*end))) {
        case 'K': scale = 0x1p10; break;
        case 'M': scale = 0x1p20; break;
        case 'G': scale = 0x1p30; break;
        case 'T': scale = 0x1p40; break;
        default: scale = 0;
      }
      if (end[1] != '\0' && !(std::toupper(static_cast<unsigned char>(end[1])) == 'B' && end[2] == '\0')) scale = 0;
    }
    if (end == e || scale == 0 || !(v > 0) || v * scale >= 0x1p64) {
      l.error = std::string("ALPSCAN_MAX_PLAN_BYTES: expected a number of bytes > 0 such as 8000000000 or 8G, found \"") +
                e + "\"";
      return l;
    }
    l.bytes = static_cast<std::uint64_t>(v * scale);
    return l;
  }
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
  l.source = "half the physical memory";
  l.bytes = pages > 0 && page > 0 ? sat_mul(static_cast<std::uint64_t>(pages), static_cast<std::uint64_t>(page)) / 2
                                  : std::uint64_t(4) << 30;  // unknown machine: 4 GiB
  return l;
}

std::uint64_t grid_memory_lower_bound(const std::vector<std::size_t>& axis_points) {
  std::uint64_t sum = 0, product = 1;
  for (std::size_t n : axis_points) {
    sum = sat_add(sum, sat_mul(n, 8));
    product = sat_mul(product, n);
  }
  return sat_add(sum, sat_mul(product, 12));
}

std::uint64_t plan_memory_estimate(const JobSpec& job, const std::vector<std::vector<Axis>>& experiment_axes,
                                   const std::vector<std::size_t>& widths) {
  auto points = [&](Axis a) -> std::uint64_t { return job.axes[static_cast<int>(a)].values.size(); };
  std::vector<std::size_t> lengths;
  for (int i = 0; i < kNumAxes; ++i) lengths.push_back(job.axes[i].values.size());
  std::uint64_t total = grid_memory_lower_bound(lengths);  // axis values, the global maps on the full grid
  const std::uint64_t chunk = job.chunk_size > 0 ? job.chunk_size : 1;
  const bool refined = job.refinement_step > 0;
  // Two phases that do not overlap: the scan (with refinement, rank 0's RefinementState: an experiment's
  // evaluated flag, status and statistic per sub-grid point, 10 bytes, and 4 bytes per full-grid point for the
  // combined map) and the merge (freed the refinement state first).
  std::uint64_t scan_phase = 0, largest = 0, second = 0;
  for (std::size_t e = 0; e < experiment_axes.size(); ++e) {
    std::uint64_t sub = 1;  // the sub-grid the work plan makes (scan/ParameterSpace): ties and the electron loop
    for (Axis a : with_implied_axes(job, experiment_axes[e])) sub = sat_mul(sub, points(a));
    const std::uint64_t width = e < widths.size() && widths[e] > 1 ? widths[e] : 0;
    // Held for the whole run: refinement's order and planned flag (8 + 1), a work unit and its checkpoint
    // state (~40 bytes) per chunk.
    if (refined) total = sat_add(total, sat_mul(sub, 9));
    total = sat_add(total, sat_mul(sub / chunk + 1, 40));
    if (refined) scan_phase = sat_add(scan_phase, sat_mul(sub, 10));
    // Held while the merge streams it (two experiments at a time: one judged while the other is written):
    // signal, test statistic (8 + 8), excluded and evaluated flags (1 + 1), its bins; refined, the inferred
    // points' margins and the inference's temporaries (margin, ln signal: 3 x 8).
    const std::uint64_t arrays = sat_mul(sub, 18 + 8 * width + (refined ? 24 : 0));
    if (arrays > largest) second = largest, largest = arrays;
    else if (arrays > second) second = arrays;
  }
  std::uint64_t full = 1;
  for (std::size_t n : lengths) full = sat_mul(full, n);
  if (refined) scan_phase = sat_add(scan_phase, sat_mul(full, 4));
  std::uint64_t merge_phase = sat_add(largest, second);
  for (const PlaneSpec& p : job.planes) {
    // a map per experiment and a few merged layers, 8 bytes a cell; the running union maxima (2 x 8 bytes)
    // per point of the plane's slice (its own axes and the profiled ones)
    merge_phase = sat_add(merge_phase, sat_mul(sat_mul(points(p.x), points(p.y)), 8 * (experiment_axes.size() + 4)));
    std::uint64_t slice = 1;
    for (int i = 0; i < kNumAxes; ++i)
      if (!p.slice_at.count(static_cast<Axis>(i))) slice = sat_mul(slice, points(static_cast<Axis>(i)));
    merge_phase = sat_add(merge_phase, sat_mul(slice, 16));
  }
  total = sat_add(total, std::max(scan_phase, merge_phase));
  return total;
}

std::string human_bytes(std::uint64_t b) {
  if (b == kMax) return "18 EB (the count overflows)";
  const char* units[] = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
  double v = static_cast<double>(b);
  int u = 0;
  while (v >= 1000 && u < 6) v /= 1000, ++u;
  return u == 0 ? fmt::format("{} bytes", b) : fmt::format("{:.3g} {}", v, units[u]);
}

std::string plan_memory_problem(std::uint64_t need, const PlanMemoryLimit& limit) {
  if (need <= limit.bytes) return "";
  return fmt::format("the grid needs at least {} of memory for its plan and maps (the arrays alone, below the run's "
                     "peak), more than the limit of {} ({}): use fewer points, a \"refinement\" (fewer evaluations, "
                     "not fewer map cells), or raise the limit with ALPSCAN_MAX_PLAN_BYTES=<bytes> (e.g. 64G)",
                     human_bytes(need), human_bytes(limit.bytes), limit.source);
}

}  // namespace alpscan
