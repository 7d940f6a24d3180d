// Builds a ShowerDumpExperiment from its data file (family "shower_dump": data/experiments/
// {miniboone_dump,argoneut}.json). Parameters (units as the dimension says):
//   N_POT; pi0 source: option pi0_model = sanford_wang (p_beam, sw_pip / sw_pim lists c1..c9,
//   sigma_inel_ref, A_ref, A_target, pi0_A_exponent, sigma_inel_target, secondary_factor) | bmpt (E_beam,
//   bmpt_c_alpha/beta/gamma, n_pi0, pt_a, pt_gamma, pt_delta);
//   dump: dump_Z, dump_A, dump_X0 (number, g/cm^2), dump_density (number, g/cm^3), dump_critical_energy,
//   dump_thickness_X0 (optional; absent = thick), dump_interaction_length_X0;
//   detector: option detector_shape = sphere (distance to the centre, radius) | box (distance to the
//   front face, length, face_area); acceptance_area (or, with option acceptance = physical | paper,
//   acceptance_area_physical / acceptance_area_paper); targets target<k>_Z/_A/_count (k = 1, 2, 3);
//   electrons; selection: E_edges (list, energy), efficiency, collinearity_angle (angle),
//   collinearity_soft_threshold (energy). Options: resonance_norm (derived | paper, spec A1),
//   primakoff_form_factor (tsai | unity, A2), sphere_decay (chord_averaged | paper, A9), collinearity_cut
//   (on | off, A7). The caller calls f.finish() afterwards.
#pragma once

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"

namespace alpscan {

struct ShowerDumpConfig;
ShowerDumpConfig read_shower_dump_config(ExperimentFile& f);
ExperimentPtr make_shower_dump_experiment(ExperimentFile& f);

}  // namespace alpscan
