// A job description ("alpscan-job/1"), validated and in plain C++ types (read by io/JobSpecIO). See README "Job files"
// and schemas/job.schema.json for the format. Values are kept in EXTERNAL units (eV, GeV^-1) here;
// scan/ParameterSpace converts to internal units.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "alpscan/core/Error.hpp"
#include "alpscan/model/AlpModel.hpp"
#include "alpscan/model/AlpPoint.hpp"

namespace alpscan {

// A tied axis ({"tied_to": "g_ae", "ratio": r}) is no dimension of the grid: at every point its value is r
// times the value of its source axis (external units on both sides), e.g. g_agg = 1.957 g_ae for seed 003's
// Fig. 14a. Its `values` hold one placeholder (0); scan/ParameterSpace applies the tie.
struct AxisSpec {
  enum class Kind { fixed, list, lin, log, tied };
  Kind kind = Kind::fixed;
  std::vector<double> values;  // materialised grid, external units, strictly increasing
  bool given = false;          // false: not in the job, default value used
  std::optional<Axis> tied_to;  // Kind::tied: the source axis (itself scanned or fixed, never tied)
  double tie_ratio = 0.0;       // Kind::tied: value = tie_ratio x source value, > 0
};

struct ExperimentRequest {
  std::string name;          // the experiment's name in this job: its data file's name, or the job's "label"
  std::string file;          // path of its data file
  std::string options_json;  // job overrides of the experiment's options, as a JSON object text
};

// A 2-D plane of the scan for maps and curves. Axes of the scan not in the plane are either fixed
// at a value (slice; the value must be one of the axis' grid values) or profiled (a plane point is
// excluded only if it is excluded for every value of the profiled axes).
struct PlaneSpec {
  Axis x = Axis::m_a, y = Axis::g_agg;
  std::map<Axis, double> slice_at;  // external units
  std::string name() const;        // e.g. "m_a__g_agg", or "m_a__g_agg__g_ae=1e-06" for a slice
};

struct JobSpec {
  std::string file;           // where it was read from
  std::string canonical_text; // the job as parsed, re-serialised (stored in results for provenance)
  std::string name;
  std::string description;
  std::array<AxisSpec, kNumAxes> axes;
  std::vector<ExperimentRequest> experiments;
  double cl = 0.90;
  std::string output_dir;     // absolute or relative to the current directory
  std::size_t chunk_size = 1024;
  // Adaptive boundary refinement (scan/Refinement): stride of the coarse lattice; 0 = the full grid.
  std::size_t refinement_step = 0;
  std::vector<PlaneSpec> planes;
  std::string data_dir;       // experiment data files
  model::ModelOptions model;  // the job's "model" object: choices every experiment sees (model/AlpModel)
};

}  // namespace alpscan
