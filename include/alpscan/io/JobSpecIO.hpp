// Reading a job file ("alpscan-job/1", schemas/job.schema.json) into a JobSpec (scan/JobSpec.hpp).
#pragma once

#include <string>

#include "alpscan/core/Error.hpp"
#include "alpscan/scan/JobSpec.hpp"

namespace alpscan {

// Default directory of experiment data files: $ALPSCAN_DATA_DIR, else the source tree's data/experiments.
std::string default_data_dir();

// Reads and validates a job file. Records every problem in `diags`; the result is meaningful only
// when diags is empty.
JobSpec read_job(const std::string& path, Diagnostics& diags);

}  // namespace alpscan
