#include "alpscan/io/PassatConfigIO.hpp"

#include "alpscan/core/Error.hpp"
#include "alpscan/experiments/PassatExperiment.hpp"
#include "alpscan/io/MakeExperiment.hpp"
#include "alpscan/io/PrimakoffSourceIO.hpp"

namespace alpscan {

PassatConfig read_passat_config(ExperimentFile& f) {
  PassatConfig c;
  read_primakoff_source(f, c);
  c.B = f.number("B", "field");
  c.L = f.number("L", "length");
  c.L_tilde = f.number("L_tilde", "length");
  c.theta_max = f.number("theta_max", "angle");
  c.pT_cap = f.number_or("pT_cap", "energy", 1e300);  // absent: no cap (all but CAST)
  c.E_min = f.number("E_min", "energy");
  c.E_max = f.number("E_max", "energy");

  c.phi_norm = f.option("phi_norm", {"literal", "physical"}) == "physical" ? PhiNorm::physical : PhiNorm::literal;
  const bool tsai = f.option("screening", {"none", "tsai"}) == "tsai";
  c.screening = tsai ? physics::Screening::tsai : physics::Screening::none;
  if (tsai) c.screening_coeff = f.number("screening_tsai_coeff", "number");
  c.shield_loss = f.option("shield_loss", {"off", "on"}) == "on";
  if (c.shield_loss) {  // required only when switched on (NOMAD has no muon shield)
    c.shield_B = f.number("shield_B", "field");
    c.shield_L = f.number("shield_L", "length");
  }

  // Numerical resolution (not physics): optional overrides of the PassatConfig defaults.
  c.n_E_bins = static_cast<int>(f.number_or("num_E_bins", "number", c.n_E_bins));
  c.m_nodes_per_decade = f.number_or("num_m_nodes_per_decade", "number", c.m_nodes_per_decade);
  c.fast_tol = f.number_or("num_fast_tol", "number", c.fast_tol);
  c.yield_res.n_c = static_cast<int>(f.number_or("num_n_c", "number", c.yield_res.n_c));
  c.yield_res.j.n_gl = static_cast<int>(f.number_or("num_n_gl_delta", "number", c.yield_res.j.n_gl));
  return c;
}

ExperimentPtr make_passat_experiment(ExperimentFile& f) {
  PassatConfig c = read_passat_config(f);
  return make_experiment<PassatExperiment>(f, c);  // rejects e.g. B <= 0
}

}  // namespace alpscan
