// The experiment interface. An experiment is a signal model plus the data it is compared with
// (ExperimentInfo::likelihood, stats/Likelihood.hpp). Its life cycle on every rank:
//   1. constructed from its configuration (plain numbers; io/ reads them from data/experiments/*.json),
//   2. prepare(ctx) once per job: build every coupling-independent table for the job's axis ranges,
//   3. expected_signal(point) many times: cheap (table interpolation + analytic coupling rescaling).
// Experiments know nothing of MPI, JSON or files.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "alpscan/model/AlpPoint.hpp"
#include "alpscan/stats/Likelihood.hpp"

namespace alpscan {

// One named contribution to a point's signal (alpscan explain): e.g. "primakoff x a->gamma gamma".
struct SignalPart {
  std::string name;
  double events = 0.0;
};

struct ExperimentInfo {
  std::string name;         // unique key, = data file stem, e.g. "passat_nomad"
  std::string family;       // e.g. "passat"
  std::string title;        // human-readable, e.g. "NOMAD reinterpreted as PASSAT"
  std::string kind;         // "limit" (existing data) or "projection"
  std::vector<Axis> axes;   // model axes the signal depends on; others cost nothing
  std::vector<std::string> sources;  // references (seed file and lines, papers)
  double default_cl = 0.90;          // confidence level the publication used
  // How the prediction meets the data (counting, binned, published curve, Gaussian measurement);
  // io/ExperimentFile builds it from the data file. Shared: infos are copied into results.
  std::shared_ptr<const stats::Likelihood> likelihood;
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
  // Binned experiments: the signal in each of the likelihood's bins (out has that many entries);
  // expected_signal() is then their sum. Single-bin experiments need not override it.
  virtual void expected_signal_bins(const AlpPoint& p, double* out) { out[0] = expected_signal(p); }
  // Optional: the tables prepare() built, as plain numbers, so that another rank or a resumed run
  // loads them (scan/PreparedTables) instead of rebuilding them. restore_prepared() must leave the
  // experiment exactly (bit for bit) as prepare(ctx) would, or return false. Default: not supported.
  virtual std::vector<double> save_prepared() const { return {}; }
  virtual bool restore_prepared(const PrepareContext&, const std::vector<double>&) { return false; }
  // The signal split by production x detection channel, for `alpscan explain`. The parts sum to
  // expected_signal(p). Default: one part, "total".
  virtual std::vector<SignalPart> explain(const AlpPoint& p) { return {{"total", expected_signal(p)}}; }
};

// Values an experiment stores per scan point: what its likelihood compares (bins; 1 for one number).
inline std::size_t values_per_point(const ExperimentInfo& info) {
  return info.likelihood ? info.likelihood->values_per_point() : 1;
}

using ExperimentPtr = std::unique_ptr<Experiment>;

}  // namespace alpscan
