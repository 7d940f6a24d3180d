// Secondary photons of the electromagnetic cascade a photon starts in a thick dump, as "direct-photon
// equivalents" for a thick-target yield: a photon of energy k is counted once by the yield (its
// track length 9/7 X0 times n sigma = sigma/sigma_all); the photons of the shower below it have a
// further track length L(k | E0) [X0 per GeV of k] (physics/EmCascade, Rossi approximation A, thick
// dump, the primary injected at the front), i.e.
//   rho(k | E0) = L_secondary(k | E0) / (9/7 X0)   extra photons per GeV of k per primary of E0,
// where L_secondary is the whole photon track minus the primary's own 9/7 X0 in its group.
// For k << E0 it tends to Rossi's c_g E0/k^2 / (9/7) (c_g = 0.5707, EmCascade.hpp).
//
// Use: the proton dumps' meson-decay photons (mostly 10-200 GeV in a Cu/Fe/Mo dump) shower, and
// each secondary photon converts an ALP with the same Primakoff cross-section. The secondary photons
// keep their parent's direction (the collinear cascade: bremsstrahlung and pair angles ~ m_e/E and
// multiple scattering ~ (21 MeV/E) sqrt(t) ~ 1 mrad at 20 GeV, against the pion-p_T angles of
// 5-40 mrad that set the dumps' acceptance), so a secondary at k from a parent with p_T P0 at E0 has
// p_T = P0 k/E0 (PrimakoffYield, source meson_cascade).
#pragma once

#include <vector>

namespace alpscan::physics {

class CascadePhotonResponse {
 public:
  // Groups log-spaced from E_min to E_max (groups_per_decade per decade; EmCascade's grid).
  CascadePhotonResponse(double E_min, double E_max, int groups_per_decade);
  int groups() const { return n_; }
  const std::vector<double>& edges() const { return edges_; }
  double centre(int g) const;  // geometric centre of group g [GeV]
  int group_of(double E) const;  // group containing E (clamped to [0, groups-1])
  // Extra photons in group g per primary photon in group g0, per GeV of the group g (0 for g > g0).
  double rho(int g0, int g) const { return rho_[static_cast<std::size_t>(g0) * n_ + g]; }

 private:
  int n_ = 0;
  std::vector<double> edges_, rho_;
};

}  // namespace alpscan::physics
