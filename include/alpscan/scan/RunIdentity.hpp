// The identity of a run: everything that determines the numbers its checkpoint holds (issue 18) —
// the job as parsed, the content of every data file its experiments read (ExperimentInfo::data_files),
// each experiment's options, and the code (core/BuildInfo code_hash: the sources, compiler and flags,
// dirty trees included). checkpoint/job.json, every chunk file and every prepared-table file carry it,
// so a rebuilt binary with different physics, an edited data file, a lost job.json or a shuffled cache
// file never lets a foreign number into a map. Paths are not part of it (a moved checkout resumes).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/scan/JobSpec.hpp"

namespace alpscan {

std::uint64_t run_identity(const JobSpec& job, const std::vector<ExperimentInfo>& infos);
// 16 lower-case hex digits, as job.json and the log show it.
std::string identity_hex(std::uint64_t identity);

}  // namespace alpscan
