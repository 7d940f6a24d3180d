// A file cache of experiments' prepared tables (Experiment::save_prepared / restore_prepared), in the
// checkpoint directory: <output>/checkpoint/prepared/e<index>_<name>.bin = a header (magic, the run's
// identity, the experiment's index and a hash of its name, the number of values) + the doubles + a
// CRC-32 trailer. The first rank to prepare an experiment writes it; a rank that joins the experiment
// later, or a resumed run, loads it instead of rebuilding (on 2 ranks the second prepare of every
// experiment was the main loss of parallel efficiency). The header guards it like the chunks: a file of
// another run (job, data files, code) or of another experiment (a renamed or shuffled file) is never
// loaded; --restart removes it with them. Not fsync'ed: it is a cache, and a torn, missing or foreign
// file only means the tables are rebuilt (and the log says why).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace alpscan {

// true and out filled if the file exists, its CRC matches and its header names this run and experiment.
bool load_prepared_tables(const std::string& output_dir, std::uint64_t identity, int experiment,
                          const std::string& name, std::vector<double>& out);
// Writes atomically (temporary file + rename); errors are ignored (the cache is optional).
void store_prepared_tables(const std::string& output_dir, std::uint64_t identity, int experiment,
                           const std::string& name, const std::vector<double>& values);

}  // namespace alpscan
