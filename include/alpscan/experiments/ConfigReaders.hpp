// Pieces of configuration several families read under the same keys, read once here. Templates over
// the family's Config struct, which holds the fields under the same names (PassatConfig and
// BeamDumpConfig share the Primakoff source; the tabulating families share the screening option and the
// table resolution).
#pragma once

#include "alpscan/experiments/ExperimentInput.hpp"
#include "alpscan/physics/PrimakoffYield.hpp"

namespace alpscan {

// The Helm form factor of the target nucleus: helm_s, helm_r1_c1, helm_r1_c0, helm_r1_c2, helm_cut.
template <class Config>
void read_helm_form_factor(ExperimentInput& in, Config& c) {
  c.helm_s = in.number("helm_s", "length");
  c.helm_r1_c1 = in.number("helm_r1_c1", "length");
  c.helm_r1_c0 = in.number("helm_r1_c0", "length");
  c.helm_r1_c2 = in.number("helm_r1_c2", "area");
  c.helm_cut = in.number("helm_cut", "number");
}

// The meson-photon Primakoff source of the PASSAT and proton beam-dump files: E_beam, N_POT, Z, A,
// sigma_all, N_pi, eta_factor, photon_multiplicity, bmpt_c_{alpha,beta,gamma} and the Helm form factor.
template <class Config>
void read_primakoff_source(ExperimentInput& in, Config& c) {
  c.E_beam = in.number("E_beam", "energy");
  c.N_POT = in.number("N_POT", "number");
  c.Z = in.number("Z", "number");
  c.A = in.number("A", "number");
  c.sigma_all = in.number("sigma_all", "area");
  c.N_pi = in.number("N_pi", "number");
  c.eta_factor = in.number("eta_factor", "number");
  c.photon_multiplicity = in.number("photon_multiplicity", "number");
  c.bmpt.c_alpha = in.number("bmpt_c_alpha", "number");
  c.bmpt.c_beta = in.number("bmpt_c_beta", "number");
  c.bmpt.c_gamma = in.number("bmpt_c_gamma", "number");
  read_helm_form_factor(in, c);
}

// Option screening = none | tsai; with tsai the coefficient screening_tsai_coeff.
template <class Config>
void read_screening(ExperimentInput& in, Config& c) {
  const bool tsai = in.option("screening", {"none", "tsai"}) == "tsai";
  c.screening = tsai ? physics::Screening::tsai : physics::Screening::none;
  c.screening_coeff = in.number_when(tsai, "screening_tsai_coeff", "number", c.screening_coeff);
}

// Numerical resolution of the yield tables (not physics): optional overrides of the Config defaults.
template <class Config>
void read_table_resolution(ExperimentInput& in, Config& c) {
  c.n_E_bins = static_cast<int>(in.number_or("num_E_bins", "number", c.n_E_bins));
  c.m_nodes_per_decade = in.number_or("num_m_nodes_per_decade", "number", c.m_nodes_per_decade);
  c.fast_tol = in.number_or("num_fast_tol", "number", c.fast_tol);
}

}  // namespace alpscan
