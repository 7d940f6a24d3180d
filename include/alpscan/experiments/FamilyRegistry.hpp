// Experiment families register themselves: each family's source file (experiments/<Family>Experiment.cpp)
// ends with
//     static const bool registered = register_family_of<ColliderExperiment, read_collider_config>(
//         "collider", "e+e- -> gamma a, a -> gamma gamma");
// (register_family_of, experiments/BuildExperiment.hpp, wraps register_family with the common factory)
// and the catalog (io/ExperimentCatalog) builds an experiment from a data file by looking up its
// "family" field here. Adding a family is one source file, one data file and one test; nothing else is
// edited. (The experiments library is linked whole, see CMakeLists.txt, so the registering objects
// are kept even though nothing names them.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"

namespace alpscan {

class ExperimentInput;

struct Family {
  std::string name;     // the data files' "family" field, e.g. "beam_dump"
  std::string summary;  // one line for `alpscan list`
  // Reads the family's configuration from the file and builds the experiment; nullptr if the file
  // had problems (they are recorded in the input).
  ExperimentPtr (*make)(ExperimentInput& input) = nullptr;
};

// Adds a family (called from a static initialiser); returns true. A second family of the same name
// is a programming error and aborts the program at start-up with a message.
bool register_family(Family family);
// The family of that name, or nullptr.
const Family* find_family(std::string_view name);
// Every registered family, sorted by name.
std::vector<const Family*> registered_families();

}  // namespace alpscan
