// The experiment interface. An experiment is a signal model plus the counting data it is compared
// with. Its life cycle on every rank:
//   1. constructed from its configuration (plain numbers; io/ reads them from data/experiments/*.json),
//   2. prepare(ctx) once per job: build every coupling-independent table for the job's axis ranges,
//   3. expected_signal(point) many times: cheap (table interpolation + analytic coupling rescaling).
// Experiments know nothing of MPI, JSON or files.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "alpscan/model/AlpPoint.hpp"

namespace alpscan {

// The counting data an experiment's signal is compared with (see stats/PoissonLikelihood).
struct CountingData {
  double background = 0.0;        // expected background events b
  double background_sigma = 0.0;  // Gaussian uncertainty on b
  double observed = 0.0;          // observed events n (= b for a projection; may be non-integer then)
  bool projection = false;        // true: no data yet, n is set to b (the "Asimov" expectation)
  // > 0 where only a publication's signal upper limit is known (not its counts): the number of
  // signal events it excludes at confidence quoted_cl. See stats/PoissonLikelihood.hpp.
  double quoted_upper_limit = 0.0;
  double quoted_cl = 0.90;
};

struct ExperimentInfo {
  std::string name;         // unique key, = data file stem, e.g. "passat_nomad"
  std::string family;       // e.g. "passat"
  std::string title;        // human-readable, e.g. "NOMAD reinterpreted as PASSAT"
  std::string kind;         // "limit" (existing data) or "projection"
  std::vector<Axis> axes;   // model axes the signal depends on; others cost nothing
  std::vector<std::string> sources;  // references (seed file and lines, papers)
  double default_cl = 0.90;          // confidence level the publication used
  CountingData data;
};

// Ranges of the job's axes, so prepare() can size its tables. Internal units.
struct PrepareContext {
  double m_a_min = 0.0, m_a_max = 0.0;  // ALP mass range of the job [GeV]
};

class Experiment {
 public:
  virtual ~Experiment() = default;
  virtual const ExperimentInfo& info() const = 0;
  // Build the coupling-independent tables. Called once per job before any evaluation.
  virtual void prepare(const PrepareContext& ctx) = 0;
  // Expected signal events at a point (internal units). Not thread-safe: an experiment may cache
  // per-mass intermediate results between calls (scan order keeps m_a constant for runs of points).
  virtual double expected_signal(const AlpPoint& p) = 0;
};

using ExperimentPtr = std::unique_ptr<Experiment>;

}  // namespace alpscan
