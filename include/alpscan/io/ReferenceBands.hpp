// QCD-axion reference bands beside a plane's limit curves, in the same AxionLimits text format (one closed
// polygon; two '#' header lines; m_a [eV], g [GeV^-1] or 1) with a JSON sidecar, so a collaboration plot
// can draw them with the curves:
//   curves/<plane>/qcd_ksvz.txt   (m_a, g_agg) planes: KSVZ-type band, E/N = 2 .. 44/3 (seed 004 Eq. A2)
//   curves/<plane>/qcd_dfsz.txt   (m_a, g_ae) planes: DFSZ I/II band, tan(beta) = 0.25 .. 170 (Eqs. A3-A5)
// over the plane's m_a range. Other planes get none.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "alpscan/maps/PlaneMap.hpp"

namespace alpscan {

// Writes the bands that apply to this plane into `dir` (curves/<plane>); returns {name: path relative to
// the output directory} for summary.json (empty object if none applies).
nlohmann::json write_reference_bands(const std::string& dir, const std::string& rel_dir, const PlaneMap& pm);

}  // namespace alpscan
