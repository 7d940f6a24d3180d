// Kind "theory_bound": a consistency condition on the model's own parameters, not a measurement -- e.g.
// the bandpass axion's UV completion (seed 001 Eqs. (6)-(10), L88-L116: the dark photon's stellar bound
// eps m_D <~ 1.5e-12 eV, f_a >~ m_a, perturbative Yukawas, millicharge bounds). The family predicts
//   r = X / X_max   (>= 0; one value per point)
// for the condition X <= X_max; the point is excluded where r > 1. The boundary itself is allowed
// (the seeds' benchmarks sit on it: eps m_D = 1.5e-12 eV exactly, seed 001 L142), with a relative
// tolerance of 1e-9 so that rounding of the inputs does not exclude a point that satisfies the
// condition as written.
// There is no CL and no statistical weight: the job's CL does not move the line, and in the combined
// map the condition is a hard cut (q = 0 where it holds, kViolated where it fails), never a
// contribution that adds to other experiments' q below the line.
#pragma once

#include <string>

#include "alpscan/stats/Likelihood.hpp"

namespace alpscan::stats {

struct TheoryBound {
  std::string statement;  // the condition as text, e.g. "eps m_D <= 1.5e-12 eV"
  std::string source;     // where it comes from (seed and lines)
};

class TheoryBoundLikelihood final : public Likelihood {
 public:
  // q of a point that violates the condition: above every critical value a combined map can have.
  static constexpr double kViolated = 1e100;
  static constexpr double kTolerance = 1e-9;

  explicit TheoryBoundLikelihood(TheoryBound b) : b_(std::move(b)) {}
  std::string kind() const override { return "theory_bound"; }
  std::vector<std::string> value_labels() const override { return {"r = X/X_max, excluded at > 1"}; }
  Calibration calibrate(double cl, const double* predictions, std::size_t points) const override;
  double test_statistic(const double* prediction, const Calibration& c) const override;
  bool in_region(const double* prediction, double q, const Calibration& c) const override;
  double margin(const double* prediction, double q, const Calibration& c) const override;
  Description describe(const Calibration& c) const override;
  const TheoryBound& bound() const { return b_; }

 private:
  TheoryBound b_;
};

}  // namespace alpscan::stats
