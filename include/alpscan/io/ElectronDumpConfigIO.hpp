// Builds an ElectronDumpExperiment from its data file (data/experiments/{e137,e141,na64_*}.json, family
// "electron_dump"). Reads every parameter and option; the caller calls f.finish() afterwards.
// Conventions: target_thickness_X0 = 0 is a thick (infinite) target; L_decay_length = 0 an open decay
// region (L_v = +inf).
#pragma once

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"

namespace alpscan {

struct ElectronDumpConfig;

// Fills an ElectronDumpConfig from the file's "parameters" and "options" (internal units).
ElectronDumpConfig read_electron_dump_config(ExperimentFile& f);
// The experiment, or nullptr if the file had problems (they are in the file's Diagnostics).
ExperimentPtr make_electron_dump_experiment(ExperimentFile& f);

}  // namespace alpscan
