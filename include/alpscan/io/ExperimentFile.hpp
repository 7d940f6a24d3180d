// Reading data/experiments/<name>.json ("alpscan-experiment/1"). This is the only place experiment
// input numbers enter the program. Format (documented in README, schema in
// schemas/experiment.schema.json):
//   {
//     "format": "alpscan-experiment/1", "name": "passat_nomad", "family": "passat",
//     "title": "...", "kind": "limit" | "projection", "cl": 0.9,
//     "sources": ["seed 000_1c1e6b540ff0680d.txt = arXiv:1909.03071", ...],
//     "counting": { "background": Q, "background_sigma": Q, "observed": Q },   // observed absent for projections
//     "binned": { "labels": [..], "observed": {"values": [..], "source": ..}, "background": {..},
//                 "critical": Q },                    // instead of "counting": a binned analysis
//     "published_curve": { "coupling": "g_agg", "cl": Q, "source": "...", "m_a": {"values", "unit", "source"},
//                 "g_limit": {..} } or with "file": {"path", "m_a_unit", "g_limit_unit", "source"}   // instead
//     "gaussian": { "quantity": "Delta a_mu", "value": Q, "sigma": Q, "source": "..." }           // instead
//     "parameters": { "<key>": Q, ... },
//     "options": { "<key>": {"value": "literal", "choices": ["literal","physical"], "source": "...", "why": "..."} },
//     "notes": ["..."]
//   }
// where a quantity Q is {"value": number, "unit": "GeV", "source": "seed 000 L518", "note": "..."}.
// Units understood: 1, GeV, MeV, keV, eV, GeV^-1, m, cm, mm, fm, T, mb, b, fm^2, cm^2, m^2, rad, mrad, deg.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"

namespace alpscan {

struct CountingData;

// Accessor for one experiment data file: the JSON side of experiments/ExperimentInput (whose comments
// describe the getters). Getters convert to internal units and record any problem in the diagnostics
// instead of throwing, so validation reports every problem at once; call finish() after the family
// has read everything: it reports the keys nobody read and the job's unknown option overrides.
class ExperimentFile final : public ExperimentInput {
 public:
  // Loads and checks the common fields. `option_overrides` (from the job) replace options' values.
  ExperimentFile(std::string path, const nlohmann::json& option_overrides, Diagnostics& diags);
  ~ExperimentFile() override;
  ExperimentFile(const ExperimentFile&) = delete;
  ExperimentFile& operator=(const ExperimentFile&) = delete;

  const std::string& path() const override { return path_; }
  const ExperimentInfo& info() const override { return info_; }

  double number(const std::string& key, const std::string& dimension) override;
  double number_or(const std::string& key, const std::string& dimension, double fallback) override;
  double number_when(bool needed, const std::string& key, const std::string& dimension, double fallback = 0.0) override;
  std::vector<double> numbers(const std::string& key, const std::string& dimension) override;
  std::vector<double> numbers_when(bool needed, const std::string& key, const std::string& dimension) override;
  std::string option(const std::string& key, const std::vector<std::string>& allowed) override;
  std::string option_or(const std::string& key, const std::vector<std::string>& allowed,
                        const std::string& fallback) override;
  double option_number(const std::string& key) override;
  void add_problem(const std::string& json_path, const std::string& message) override;
  bool ok() const override;

  // After the family has read the file: a parameter or option of the file that no getter asked for
  // is a problem (a misspelt optional key would otherwise silently fall back to its default), and so
  // is a job option override the experiment does not have.
  void finish();
  // The name the job gives this experiment when it runs a variant of it (job key "label"): results,
  // curves and checkpoints use it; the title says which data file it is a variant of.
  void set_label(const std::string& label);

 private:
  void read_counting(const nlohmann::json& k);
  void read_binned(const nlohmann::json& b);
  void read_published_curve(const nlohmann::json& b);
  void read_gaussian(const nlohmann::json& b);
  void read_significance(const nlohmann::json& b);
  void read_theory_bound(const nlohmann::json& b);
  void read_signal_limit_option(const nlohmann::json& counting, CountingData& data);
  double convert(double value, const nlohmann::json& q, const std::string& where, const std::string& dimension);
  std::string path_;
  ExperimentInfo info_;
  struct Impl;
  Impl* impl_;
  Diagnostics& diags_;
  std::size_t diags_at_start_ = 0;
};

}  // namespace alpscan
