// The common tail of the families' factories: build the experiment from the configuration its reader
// filled, turning a value the constructor rejects into a problem of the data file.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/experiments/FamilyRegistry.hpp"

namespace alpscan {

// X(in.info(), c), or nullptr if reading the file already reported a problem (missing or malformed
// numbers) or if the constructor rejects a value out of range (std::invalid_argument, recorded under
// "/parameters").
template <class X, class Config>
ExperimentPtr build_experiment(ExperimentInput& in, const Config& c) {
  if (!in.ok()) return nullptr;
  try {
    return std::make_unique<X>(in.info(), c);
  } catch (const std::invalid_argument& e) {
    in.add_problem("/parameters", e.what());
    return nullptr;
  }
}

// Registers the family whose experiment X is built from the configuration that Read(ExperimentInput&)
// fills: the one line at the bottom of each family's source file,
//     static const bool registered = register_family_of<ColliderExperiment, read_collider_config>(
//         "collider", "e+e- collider: ...");
template <class X, auto Read>
bool register_family_of(std::string name, std::string summary) {
  return register_family({std::move(name), std::move(summary),
                          [](ExperimentInput& in) { return build_experiment<X>(in, Read(in)); }});
}

}  // namespace alpscan
