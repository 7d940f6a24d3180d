#include "alpscan/io/BeamDumpConfigIO.hpp"

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/BeamDumpExperiment.hpp"
#include "alpscan/io/MakeExperiment.hpp"
#include "alpscan/io/PrimakoffSourceIO.hpp"

namespace alpscan {

BeamDumpConfig read_beam_dump_config(ExperimentFile& f) {
  BeamDumpConfig c;
  // Photon source: the PASSAT model (same keys as the passat_* files).
  read_primakoff_source(f, c);
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
  return make_experiment<BeamDumpExperiment>(f, c);  // rejects e.g. L_decay_length <= 0
}

}  // namespace alpscan
