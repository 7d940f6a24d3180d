#include "alpscan/physics/Quadrature.hpp"

#include <stdexcept>

#include <gsl/gsl_integration.h>

namespace alpscan::physics {

GaussLegendre::GaussLegendre(int n) {
  if (n < 1) throw std::invalid_argument("GaussLegendre: n must be >= 1");
  gsl_integration_glfixed_table* t = gsl_integration_glfixed_table_alloc(static_cast<size_t>(n));
  if (!t) throw std::runtime_error("GaussLegendre: GSL table allocation failed");
  x_.resize(n);
  w_.resize(n);
  for (int i = 0; i < n; ++i) gsl_integration_glfixed_point(-1.0, 1.0, i, &x_[i], &w_[i], t);
  gsl_integration_glfixed_table_free(t);
  // GSL returns the points ordered symmetric pairs; sort ascending for readable traversal.
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      if (x_[j] < x_[i]) {
        std::swap(x_[i], x_[j]);
        std::swap(w_[i], w_[j]);
      }
}

}  // namespace alpscan::physics
