// Fixed Gauss-Legendre rules. Every integral in the physics code uses fixed nodes (no adaptive or
// Monte Carlo rules) so that results are bit-identical across runs, ranks and resumes.
#pragma once

#include <vector>

namespace alpscan::physics {

// An n-point Gauss-Legendre rule on [-1, 1] (nodes and weights from GSL's glfixed tables).
class GaussLegendre {
 public:
  explicit GaussLegendre(int n);
  int size() const { return static_cast<int>(x_.size()); }
  const std::vector<double>& nodes() const { return x_; }    // on [-1, 1], ascending
  const std::vector<double>& weights() const { return w_; }  // sum to 2

  // Integral of f over [a, b].
  template <class F>
  double integrate(F&& f, double a, double b) const {
    const double c = 0.5 * (a + b), h = 0.5 * (b - a);
    double s = 0.0;
    for (std::size_t i = 0; i < x_.size(); ++i) s += w_[i] * f(c + h * x_[i]);
    return s * h;
  }

 private:
  std::vector<double> x_, w_;
};

}  // namespace alpscan::physics
