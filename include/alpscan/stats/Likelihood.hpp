// How an experiment's prediction meets its data: one interface for every kind of statistical
// comparison, so that the merge, the maps, the result files, the curves and `alpscan explain` never
// ask which kind they hold. Five kinds implement it (stats/*Likelihood.hpp, GaussianMeasurement.hpp):
//   counting          one Poisson count with a Gaussian background uncertainty, or a quoted limit
//   binned_poisson    a binned Poisson likelihood relative to the best scanned point (MiniBooNE)
//   published_curve   a published exclusion curve g_lim(m_a) at its own CL (bounds known only as curves)
//   gaussian          a Gaussian measurement (e.g. Delta a_mu): a preferred region, not an exclusion
//   significance      signal >= Z sqrt(background) with a per-point background the experiment predicts
//
// Use, per experiment and job (maps/MergedResult.cpp):
//   1. the scan stores values_per_point() numbers per point: the experiment's prediction;
//   2. calibrate(cl, predictions of every scanned point) once: the job-level numbers (the counting
//      signal upper limit at the job's CL, the binned reference ln L_ref = max over the scanned points
//      and s = 0, ...). A kind that needs no pass over the points ignores them;
//   3. test_statistic(), in_region() and margin() per point, with that calibration;
//   4. describe(calibration) for the result files (io/ turns it into JSON and HDF5 attributes).
// No JSON, MPI, HDF5 or experiments/ here: plain numbers and strings.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace alpscan::stats {

// What the region a likelihood marks means. Exclusions enter the union and combined maps; a
// preferred region (g-2) is reported apart from them and never excludes anything.
enum class Role { exclusion, preferred_region };

// The job-level numbers a likelihood judges points with, fixed by calibrate(). Their meaning is the
// implementation's (see each kind); callers only hand them back.
struct Calibration {
  double cl = 0.0;         // the job's confidence level
  double threshold = 0.0;  // counting: s_up; binned: critical -2 Delta ln L; gaussian: critical chi^2; curve: 1
  double reference = 0.0;  // binned: ln L_ref; others: 0
};

// One described quantity. `targets` says where it is written; a key "a/b" is entry b of an object a
// in the JSON outputs (summary.json: "binned": {"bins": ...}). Lists become JSON text in HDF5 attributes.
struct DescriptionItem {
  enum Target : unsigned {
    result_file = 1,  // scan.h5: attribute of the experiment's group
    summary = 2,      // summary.json: entry of the experiment
    curve = 4,        // curves/<plane>/<experiment>.json sidecar
    explain = 8,      // alpscan explain (text and --json)
    all = 15
  };
  using Value = std::variant<double, std::string, std::vector<double>, std::vector<std::string>>;
  std::string key;
  Value value;
  unsigned targets = all;
};

struct Description {
  std::string headline;                 // one line for logs and the run plan, e.g. "s_up = 3.2 events"
  std::string test_statistic;           // what the statistic is and where a point is in the region
  std::vector<DescriptionItem> items;   // the data and the job-level numbers, with their targets
};

// A named band reported beside the likelihood's region at the job's CL, e.g. the 1 sigma and 2 sigma
// ranges of a measurement: the likelihood's own region under another calibration, so in_region() and
// margin() judge it. It has the likelihood's role (a band of a preferred region is never an exclusion).
struct Band {
  std::string name;         // part of file and layer names: "1sigma" -> curves/<plane>/<experiment>_1sigma.txt
  std::string title;        // e.g. "1 sigma: |prediction - value| <= 1 sigma"
  Calibration calibration;  // the band's CL and threshold
};

class Likelihood {
 public:
  virtual ~Likelihood() = default;
  // "counting", "binned_poisson", "published_curve" or "gaussian" (for messages and tests).
  virtual std::string kind() const = 0;
  virtual Role role() const { return Role::exclusion; }
  // Numbers the experiment predicts per point (bins of a binned analysis; 1 otherwise).
  virtual std::size_t values_per_point() const { return 1; }
  // A name for each predicted value (bin labels), for explain.
  virtual std::vector<std::string> value_labels() const { return {"signal"}; }
  // Whether a prediction may be negative (a measured shift such as Delta a_e); event counts may not,
  // and the scheduler refuses a negative count as a bug of the experiment.
  virtual bool signed_prediction() const { return false; }

  // The point's signal events from its prediction (maps and summaries show it): by default the sum of
  // the predicted values (the bins); a kind whose values are not all signal (significance: signal and
  // background) says which part is.
  virtual double signal_events(const double* prediction) const {
    double s = 0;
    for (std::size_t i = 0; i < values_per_point(); ++i) s += prediction[i];
    return s;
  }
  // Job-level numbers from the job's CL and the predictions of all `points` scanned points
  // (points x values_per_point() numbers, point-major; may be empty: explain at one point).
  virtual Calibration calibrate(double cl, const double* predictions, std::size_t points) const = 0;
  // Whether calibrate() reads the predictions (the binned reference does); if not, its result depends on
  // the CL alone and a caller may compute it once (adaptive refinement calibrates after every batch).
  virtual bool calibration_reads_predictions() const { return false; }
  // The point's test statistic (-2 Delta ln L, one-sided for exclusions; chi^2 for a measurement).
  // Exclusions: what the combined map sums.
  virtual double test_statistic(const double* prediction, const Calibration& c) const = 0;
  // Excluded (role exclusion) or inside the preferred region (role preferred_region); q is
  // test_statistic(prediction, c).
  virtual bool in_region(const double* prediction, double q, const Calibration& c) const = 0;
  // A smooth field >= 0 exactly where in_region(), clamped to [-100, 100], for contouring.
  virtual double margin(const double* prediction, double q, const Calibration& c) const = 0;
  virtual Description describe(const Calibration& c) const = 0;
  // Which side of the region a point lies on (-1 below, +1 above, 0 inside or where the notion does
  // not apply), for kinds whose region can be a band between two outside regions: a measurement's
  // band lies between predictions too small and too large. Adaptive refinement (maps/RefinedMaps)
  // subdivides a cell whose corners lie on different sides, so a band thinner than a coarse cell is
  // found even if no coarse point falls inside it (the prediction is continuous). Default 0.
  virtual int side(const double* /*prediction*/, const Calibration& /*c*/) const { return 0; }
  // The bands the result files carry beside the region at the job's CL (every plane, scan.h5, summary);
  // fixed levels, independent of the job's CL. Default: none (exclusions).
  virtual std::vector<Band> bands() const { return {}; }
};

}  // namespace alpscan::stats
