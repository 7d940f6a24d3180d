// The experiments alpscan knows: every data/experiments/*.json, indexed by name and by group
// (the "family" field, plus "all"). Also builds experiment objects from their data files.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "alpscan/core/Error.hpp"
#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/scan/JobSpec.hpp"

namespace alpscan {

struct CatalogEntry {
  std::string name, family, title, kind, file;
  std::vector<std::string> sources;
};

class ExperimentCatalog {
 public:
  explicit ExperimentCatalog(const std::string& data_dir);
  const std::vector<CatalogEntry>& entries() const { return entries_; }
  const CatalogEntry* find(const std::string& name) const;
  // Names of the experiments in a group ("all": every experiment but the model-consistency conditions of
  // family bandpass_uv_completion, which need the bandpass model; or a family), empty if no such group.
  std::vector<std::string> group(const std::string& name) const;
  std::vector<std::string> all_names_and_groups() const;

 private:
  std::vector<CatalogEntry> entries_;
};

// Builds the experiment of a job request (reads its data file and applies the job's option
// overrides; the options as used are in the experiment's info().options). Throws InputError listing
// every problem.
ExperimentPtr make_experiment(const ExperimentRequest& req);

}  // namespace alpscan
