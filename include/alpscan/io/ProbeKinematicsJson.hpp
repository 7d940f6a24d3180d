// JSON reader and writer for model::ProbeKinematics: a data file's "probe_kinematics" section
// (format in README "Probe kinematics"; schema schemas/experiment.schema.json) and its copy in
// summary.json. Kept beside the struct's users in io/, out of the model headers.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/model/ProbeKinematics.hpp"

namespace alpscan {

// Converts the quantity q = {"value", "unit", "source"} at JSON path `where` to internal units of
// `dimension` ("energy", "length"), recording problems (ExperimentFile::convert).
using QuantityConverter = std::function<double(const nlohmann::json& q, const std::string& where, const std::string& dimension)>;

// Reads section `s` (JSON path "/probe_kinematics" of file `file`); every problem is recorded in
// `diags` with its path, and nothing is returned if there was one.
std::optional<model::ProbeKinematics> read_probe_kinematics(const nlohmann::json& s, const std::string& file,
                                                            const QuantityConverter& quantity, Diagnostics& diags);

// The section as written to summary.json: the data-file form with every quantity in eV (lengths in m).
nlohmann::json probe_kinematics_json(const model::ProbeKinematics& k);

}  // namespace alpscan
