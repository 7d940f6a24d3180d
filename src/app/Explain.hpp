// `alpscan explain JOB --point m_a=...,g_agg=...`: the signal of every experiment of a job at one
// point, split by production x detection channel, with its statistics. For a physicist debugging a
// limit: which channel makes the signal, and how far the point is from the exclusion threshold.
#pragma once

#include <string>

#include <vector>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/scan/JobSpec.hpp"

namespace alpscan {

struct ExplainOptions {
  std::string point;       // "axis=value,axis=value", external units (eV, GeV^-1)
  std::string experiment;  // only this experiment (empty: all of the job's)
  bool json = false;       // machine-readable output
};

// Exit status: 0, or 2 for a malformed --point (the message names the axis and what was expected).
// `experiments`: the job's experiments in job order (built once by the caller; explain prepares them).
int cmd_explain(const JobSpec& job, const std::vector<ExperimentPtr>& experiments, const ExplainOptions& o);

}  // namespace alpscan
