// How much memory a job's plan needs, against how much the machine may give it: a grid too large for
// the machine is refused by `alpscan validate` (and by run before anything is planned) instead of
// ending in bad_alloc hours later (README "Job files": limits).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "alpscan/scan/JobSpec.hpp"

namespace alpscan {

struct PlanMemoryLimit {
  std::uint64_t bytes = 0;
  std::string source;  // "ALPSCAN_MAX_PLAN_BYTES" or "half the physical memory"
  std::string error;   // non-empty: ALPSCAN_MAX_PLAN_BYTES is not a byte count
};

// $ALPSCAN_MAX_PLAN_BYTES (bytes; suffixes K, M, G, T for powers of 1024), else half the physical memory.
PlanMemoryLimit plan_memory_limit();

// A lower bound that needs only the axis lengths (before any value or experiment exists): the axes'
// values and the global maps on the full grid (12 bytes per point). Saturates at UINT64_MAX.
std::uint64_t grid_memory_lower_bound(const std::vector<std::size_t>& axis_points);

// The arrays the plan and the merge hold: per experiment its work units (+ the refinement order); the
// global maps on the full grid; and the larger of the scan's refinement state (refined jobs: per point of
// every experiment) and the streaming merge's per-point arrays of the two largest experiments (it holds two at
// a time) with the planes and their running unions.
// experiment_axes/widths as in make_work_plan. Saturates at UINT64_MAX.
std::uint64_t plan_memory_estimate(const JobSpec& job, const std::vector<std::vector<Axis>>& experiment_axes,
                                   const std::vector<std::size_t>& widths);

// "1.5 GB" style, for messages.
std::string human_bytes(std::uint64_t bytes);

// The diagnostic text when `need` exceeds the limit, or "" when it fits.
std::string plan_memory_problem(std::uint64_t need, const PlanMemoryLimit& limit);

}  // namespace alpscan
