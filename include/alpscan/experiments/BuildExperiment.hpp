// The common tail of the families' factories: build the experiment from the configuration its reader
// filled, turning a value the constructor rejects into a problem of the data file.
#pragma once

#include <memory>
#include <stdexcept>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/experiments/ExperimentInput.hpp"

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

}  // namespace alpscan
