// Reading the meson-photon Primakoff source shared by the PASSAT and proton beam-dump data files
// (data/experiments/passat_*.json and the beam dumps use the same keys for the beam, the target, the
// pi0/eta photon spectrum and the Helm form factor).
#pragma once

#include "alpscan/io/ExperimentFile.hpp"

namespace alpscan {

struct PassatConfig;
struct BeamDumpConfig;

// Reads parameters E_beam, N_POT, Z, A, sigma_all, N_pi, eta_factor, photon_multiplicity,
// bmpt_c_{alpha,beta,gamma} and helm_{s,r1_c1,r1_c0,r1_c2,cut} (internal units) into c, in that order.
void read_primakoff_source(ExperimentFile& f, PassatConfig& c);
void read_primakoff_source(ExperimentFile& f, BeamDumpConfig& c);

}  // namespace alpscan
