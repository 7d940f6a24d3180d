#include "alpscan/io/BeamDumpConfigIO.hpp"

#include <stdexcept>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/BeamDumpExperiment.hpp"

namespace alpscan {

BeamDumpConfig read_beam_dump_config(ExperimentFile& f) {
  BeamDumpConfig c;
  // Photon source: the PASSAT model (same keys as the passat_* files).
  c.E_beam = f.number("E_beam", "energy");
  c.N_POT = f.number("N_POT", "number");
  c.Z = f.number("Z", "number");
  c.A = f.number("A", "number");
  c.sigma_all = f.number("sigma_all", "area");
  c.N_pi = f.number("N_pi", "number");
  c.eta_factor = f.number("eta_factor", "number");
  c.photon_multiplicity = f.number("photon_multiplicity", "number");
  c.bmpt.c_alpha = f.number("bmpt_c_alpha", "number");
  c.bmpt.c_beta = f.number("bmpt_c_beta", "number");
  c.bmpt.c_gamma = f.number("bmpt_c_gamma", "number");
  c.helm_s = f.number("helm_s", "length");
  c.helm_r1_c1 = f.number("helm_r1_c1", "length");
  c.helm_r1_c0 = f.number("helm_r1_c0", "length");
  c.helm_r1_c2 = f.number("helm_r1_c2", "area");
  c.helm_cut = f.number("helm_cut", "number");
  // Geometry and selection
  c.L_d = f.number("L_decay_start", "length");
  c.L_v = f.number("L_decay_length", "length");
  c.half_size = f.number("detector_half_size", "length");
  c.off_axis = f.number_or("detector_off_axis", "length", 0.0);  // absent: on axis
  c.z_acceptance = f.number_or("detector_distance", "length", 0.0);  // absent: end of the decay volume
  c.efficiency = f.number("efficiency", "number");
  c.efficiency_ee = f.number_or("efficiency_ee", "number", 0.0);       // absent: e+e- not detected
  c.E_min = f.number("E_min", "energy");
  c.E_max = f.number("E_max", "energy");

  c.C_phi = f.option("phi_norm", {"literal", "physical"}) == "literal" ? units::pi : 1.0;
  const bool tsai = f.option("screening", {"none", "tsai"}) == "tsai";
  c.screening = tsai ? physics::Screening::tsai : physics::Screening::none;
  if (tsai) c.screening_coeff = f.number("screening_tsai_coeff", "number");
  // Pion transverse momentum (absent: collinear, the PASSAT model).
  c.pion_pt.on = f.option("pion_pt", {"collinear", "bmpt"}) == "bmpt";
  if (c.pion_pt.on) {
    c.pion_pt.a = f.number("bmpt_pt_a", "inverse_energy");
    c.pion_pt.gamma = f.number("bmpt_pt_gamma", "number");
    c.pion_pt.delta = f.number("bmpt_pt_delta", "number");
  }

  // Numerical resolution (not physics): optional overrides of the BeamDumpConfig defaults.
  c.n_E_bins = static_cast<int>(f.number_or("num_E_bins", "number", c.n_E_bins));
  c.m_nodes_per_decade = f.number_or("num_m_nodes_per_decade", "number", c.m_nodes_per_decade);
  c.fast_tol = f.number_or("num_fast_tol", "number", c.fast_tol);
  return c;
}

ExperimentPtr make_beam_dump_experiment(ExperimentFile& f) {
  BeamDumpConfig c = read_beam_dump_config(f);
  if (!f.ok()) return nullptr;  // missing or malformed numbers are already reported
  try {
    return std::make_unique<BeamDumpExperiment>(f.info(), c);
  } catch (const std::invalid_argument& e) {
    f.add_problem("/parameters", e.what());  // a value out of range, e.g. L_decay_length <= 0
    return nullptr;
  }
}

}  // namespace alpscan
