// Builds a PassatExperiment from its data file (data/experiments/passat_*.json). Reads every
// parameter and option; the caller calls f.finish() afterwards.
#pragma once

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"

namespace alpscan {

struct PassatConfig;

// Fills a PassatConfig from the file's "parameters" and "options" (internal units).
PassatConfig read_passat_config(ExperimentFile& f);
// The experiment, or nullptr if the file had problems (they are in the file's Diagnostics).
ExperimentPtr make_passat_experiment(ExperimentFile& f);

}  // namespace alpscan
