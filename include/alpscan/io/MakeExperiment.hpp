// The common tail of the make_*_experiment functions (io/*ConfigIO.cpp): build the experiment from
// the config read from its data file, turning a rejected value into a problem of the file.
#pragma once

#include <memory>
#include <stdexcept>

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"

namespace alpscan {

// X(f.info(), c), or nullptr if reading the file already reported a problem (missing or malformed
// numbers) or if the constructor rejects a value out of range (std::invalid_argument, recorded
// under "/parameters").
template <class X, class Config>
ExperimentPtr make_experiment(ExperimentFile& f, const Config& c) {
  if (!f.ok()) return nullptr;  // missing or malformed numbers are already reported
  try {
    return std::make_unique<X>(f.info(), c);
  } catch (const std::invalid_argument& e) {
    f.add_problem("/parameters", e.what());
    return nullptr;
  }
}

}  // namespace alpscan
