// The experiment interface. An experiment is a signal model plus the data it is compared with
// (ExperimentInfo::likelihood, stats/Likelihood.hpp). Its life cycle on every rank:
//   1. constructed from its configuration (plain numbers; io/ reads them from data/experiments/*.json),
//   2. prepare(ctx) once per job: build every coupling-independent table for the job's axis ranges,
//   3. expected_signal(model) many times: cheap (table interpolation + analytic coupling rescaling).
// Experiments receive the ALP model of the point (model/AlpModel: couplings, widths, branching ratios,
// decay length); they never decode the point's axes or compute a width themselves.
// Experiments know nothing of MPI, JSON or files.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "alpscan/model/AlpModel.hpp"
#include "alpscan/model/ProbeKinematics.hpp"
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
  std::map<std::string, std::string> options;  // options as used (data file + job overrides), for provenance
  // How the prediction meets the data (counting, binned, published curve, Gaussian measurement);
  // io/ExperimentFile builds it from the data file. Shared: infos are copied into results.
  std::shared_ptr<const stats::Likelihood> likelihood;
  // Where the experiment probes the ALP-photon coupling (model/ProbeKinematics.hpp), from the data
  // file's "probe_kinematics" section; absent for files that do not declare it yet.
  std::optional<model::ProbeKinematics> probe_kinematics;
  // Adaptive refinement (scan/Refinement): the largest coarse step this experiment's map tolerates, from
  // the data file's "refinement" section (0: any). An experiment whose excluded region has features
  // narrower than a coarse cell that touch no boundary (LSW: fingers between coherence zeros) caps it.
  std::size_t max_refinement_step = 0;
  // The files whose contents determine this experiment's numbers (its data file and the curve files it
  // reads): the checkpoint identity (scan/RunIdentity) hashes them, so an edited file is never resumed.
  std::vector<std::string> data_files;
};

// Ranges of the job's axes, so prepare() can size its tables. Internal units.
struct PrepareContext {
  double m_a_min = 0.0, m_a_max = 0.0;  // ALP mass range of the job [GeV]
  // The job's masses [GeV], bit for bit the m_a() of its points (empty: only the range is known).
  // Experiments whose per-mass values are not interpolated tabulate exactly these (ShowerDump).
  std::vector<double> m_a_values;
};

class Experiment {
 public:
  virtual ~Experiment() = default;
  virtual const ExperimentInfo& info() const = 0;
  // Build the coupling-independent tables. Called once per job before any evaluation.
  virtual void prepare(const PrepareContext& ctx) = 0;
  // Expected signal events for the ALP model of a point (internal units). Not thread-safe: an experiment
  // may cache per-mass intermediate results between calls (scan order keeps m_a constant for runs of
  // points). An AlpPoint converts to its model implicitly, so expected_signal(point) also works.
  virtual double expected_signal(const model::AlpModel& a) = 0;
  // Binned experiments: the signal in each of the likelihood's bins (out has that many entries);
  // expected_signal() is then their sum. Single-bin experiments need not override it.
  virtual void expected_signal_bins(const model::AlpModel& a, double* out) { out[0] = expected_signal(a); }
  // Optional: the tables prepare() built, as plain numbers, so that another rank or a resumed run
  // loads them (scan/PreparedTables) instead of rebuilding them. restore_prepared() must leave the
  // experiment exactly (bit for bit) as prepare(ctx) would, or return false. Default: not supported.
  virtual std::vector<double> save_prepared() const { return {}; }
  virtual bool restore_prepared(const PrepareContext&, const std::vector<double>&) { return false; }
  // The signal split by production x detection channel, for `alpscan explain`. The parts sum to
  // expected_signal(a). Default: one part, "total".
  virtual std::vector<SignalPart> explain(const model::AlpModel& a) { return {{"total", expected_signal(a)}}; }
};

// Values an experiment stores per scan point: what its likelihood compares (bins; 1 for one number).
inline std::size_t values_per_point(const ExperimentInfo& info) {
  return info.likelihood ? info.likelihood->values_per_point() : 1;
}

using ExperimentPtr = std::unique_ptr<Experiment>;

}  // namespace alpscan
