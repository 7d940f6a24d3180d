#include "alpscan/io/PrimakoffSourceIO.hpp"

#include "alpscan/experiments/BeamDumpExperiment.hpp"
#include "alpscan/experiments/PassatExperiment.hpp"

namespace alpscan {

namespace {

// PassatConfig and BeamDumpConfig hold these fields under the same names.
template <class Config>
void read_source(ExperimentFile& f, Config& c) {
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
}

}  // namespace

void read_primakoff_source(ExperimentFile& f, PassatConfig& c) { read_source(f, c); }
void read_primakoff_source(ExperimentFile& f, BeamDumpConfig& c) { read_source(f, c); }

}  // namespace alpscan
