// Builds a ColliderExperiment from its data file (family "collider":
// data/experiments/{belle2_3gamma,belle2_3gamma_50ab,lep_opal_3gamma}.json). Reads every parameter
// and option; the caller calls f.finish() afterwards.
// Parameters: sqrt_s (energy), luminosity_pb_inv (number, in pb^-1: the file format has no
// inverse-area unit), cos_theta_min/cos_theta_max (number, CM recoil-photon acceptance), efficiency,
// m_a_min/m_a_max (energy), decay_radius (length); for z_coupling = hypercharge also m_Z, Gamma_Z,
// Gamma_ee (energy) and sin2_theta_W (number). Option z_coupling: photon_only | hypercharge.
#pragma once

#include "alpscan/experiments/Experiment.hpp"
#include "alpscan/io/ExperimentFile.hpp"

namespace alpscan {

struct ColliderConfig;

ColliderConfig read_collider_config(ExperimentFile& f);
// The experiment, or nullptr if the file had problems (they are in the file's Diagnostics).
ExperimentPtr make_collider_experiment(ExperimentFile& f);

}  // namespace alpscan
