// Builds a BeamDumpExperiment from its data file (data/experiments/{charm,nucal,ship_bdf}.json,
// family "beam_dump"). Reads every parameter and option; the caller calls f.finish() afterwards.
#pragma once

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"

namespace alpscan {

struct BeamDumpConfig;

// Fills a BeamDumpConfig from the file's "parameters" and "options" (internal units).
BeamDumpConfig read_beam_dump_config(ExperimentFile& f);
// The experiment, or nullptr if the file had problems (they are in the file's Diagnostics).
ExperimentPtr make_beam_dump_experiment(ExperimentFile& f);

}  // namespace alpscan
