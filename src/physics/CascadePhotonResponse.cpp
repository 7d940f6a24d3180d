#include "alpscan/physics/CascadePhotonResponse.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "alpscan/physics/EmCascade.hpp"

namespace alpscan::physics {

CascadePhotonResponse::CascadePhotonResponse(double E_min, double E_max, int groups_per_decade) {
  if (!(E_min > 0) || !(E_max > E_min) || groups_per_decade < 1)
    throw std::invalid_argument("CascadePhotonResponse: need 0 < E_min < E_max and groups_per_decade >= 1");
  CascadeGrid grid;
  grid.E_min = E_min;
  grid.E_max = E_max;
  grid.groups_per_decade = groups_per_decade;
  const EmCascade cascade(grid, CascadeMedium{});  // approximation A, attenuation 7/9 per X0
  n_ = cascade.groups();
  edges_ = cascade.edges();
  rho_.assign(static_cast<std::size_t>(n_) * n_, 0.0);
  const double direct = 9.0 / 7.0;  // the primary's own track [X0]: it leaves its group only by pair production
  std::vector<double> photons(n_, 0.0), leptons(n_, 0.0);
  for (int g0 = 0; g0 < n_; ++g0) {
    std::fill(photons.begin(), photons.end(), 0.0);
    photons[g0] = 1.0;
    const CascadeResult r = cascade.solve(photons, leptons, std::numeric_limits<double>::infinity(), 0.0, 0.0);
    for (int g = 0; g <= g0; ++g) {
      const double extra = r.photon_track[g] - (g == g0 ? direct : 0.0);
      rho_[static_cast<std::size_t>(g0) * n_ + g] = std::max(0.0, extra) / direct / (edges_[g + 1] - edges_[g]);
    }
  }
}

double CascadePhotonResponse::centre(int g) const { return std::sqrt(edges_[g] * edges_[g + 1]); }

int CascadePhotonResponse::group_of(double E) const {
  const auto it = std::upper_bound(edges_.begin(), edges_.end(), E);
  const int g = static_cast<int>(it - edges_.begin()) - 1;
  return std::clamp(g, 0, n_ - 1);
}

}  // namespace alpscan::physics
