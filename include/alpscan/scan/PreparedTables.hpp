// A file cache of experiments' prepared tables (Experiment::save_prepared / restore_prepared), in the
// checkpoint directory: <output>/checkpoint/prepared/e<index>_<name>.bin = the doubles + a CRC-32
// trailer. The first rank to prepare an experiment writes it; a rank that joins the experiment later,
// or a resumed run, loads it instead of rebuilding (on 2 ranks the second prepare of every experiment
// was the main loss of parallel efficiency). The checkpoint's fingerprint (job, data files, code
// version) guards it like the chunks; --restart removes it with them. Not fsync'ed: it is a cache,
// and a torn or missing file only means the tables are rebuilt.
#pragma once

#include <string>
#include <vector>

namespace alpscan {

// true and out filled if the file exists and its CRC matches.
bool load_prepared_tables(const std::string& output_dir, int experiment, const std::string& name,
                          std::vector<double>& out);
// Writes atomically (temporary file + rename); errors are ignored (the cache is optional).
void store_prepared_tables(const std::string& output_dir, int experiment, const std::string& name,
                           const std::vector<double>& values);

}  // namespace alpscan
