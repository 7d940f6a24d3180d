// What a family reads its configuration from: the JSON-free view of one experiment data file
// (data/experiments/<name>.json). io/ExperimentFile implements it; the families' readers, which live
// beside the class they configure (experiments/<Family>Experiment.cpp), see only this interface, so
// the experiments layer never includes JSON.
//
// Getters convert to internal units and record a problem (file, JSON path, what was expected) instead
// of throwing, so `alpscan validate` reports every problem of a file at once. Every key a reader asks
// for is remembered: a key of the file's "parameters" or "options" that the family never asked for is
// an error (a misspelt key must not silently fall back to a default).
#pragma once

#include <string>
#include <vector>

#include "alpscan/experiments/Experiment.hpp"

namespace alpscan {

class ExperimentInput {
 public:
  virtual ~ExperimentInput() = default;

  // The data file's path (for messages) and its common fields (name, family, title, statistics).
  virtual const std::string& path() const = 0;
  virtual const ExperimentInfo& info() const = 0;

  // parameters/<key> converted from its unit to internal units; `dimension` is the unit family
  // expected: "energy", "length", "field", "area", "angle", "number", "inverse_energy".
  virtual double number(const std::string& key, const std::string& dimension) = 0;
  // The same, or `fallback` if the key is absent (an optional parameter with a documented default).
  virtual double number_or(const std::string& key, const std::string& dimension, double fallback) = 0;
  // A parameter only some option values use (e.g. shield_B with shield_loss = on): required when
  // `needed`, otherwise optional. Checked whenever present (so switching the option later finds a
  // valid number); its value, or `fallback` if absent.
  virtual double number_when(bool needed, const std::string& key, const std::string& dimension,
                             double fallback = 0.0) = 0;
  // parameters/<key> as {"values": [...], "unit", "source"}: a list in one unit.
  virtual std::vector<double> numbers(const std::string& key, const std::string& dimension) = 0;
  // The list counterpart of number_when (empty if absent and not needed).
  virtual std::vector<double> numbers_when(bool needed, const std::string& key, const std::string& dimension) = 0;
  // options/<key>/value (after the job's overrides); must be one of `allowed`.
  virtual std::string option(const std::string& key, const std::vector<std::string>& allowed) = 0;
  // An option that files written before it existed do not have: option(key, allowed) where the file or the
  // job gives it, else `fallback` (the meaning those files always had; not listed among the options used,
  // so their results stay as they were).
  virtual std::string option_or(const std::string& key, const std::vector<std::string>& allowed,
                                const std::string& fallback) = 0;
  virtual double option_number(const std::string& key) = 0;

  // Records a problem found by the family's own checks (e.g. a value out of range).
  virtual void add_problem(const std::string& json_path, const std::string& message) = 0;
  // No problem recorded in this file so far.
  virtual bool ok() const = 0;
};

}  // namespace alpscan
