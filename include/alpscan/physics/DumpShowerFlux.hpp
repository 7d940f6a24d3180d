// Shower-flux input layer of the MiniBooNE dump / ArgoNeuT target (spec miniboone_argoneut.md
// s2.1-2.4, 2.9, A14, A15, A20): per proton on target (POT), for the particles whose direction is
// inside the forward cone theta < theta_cut about the beam axis,
//   (a) photon track length dl_g/dk             [X0 / GeV / POT]  (N_a = n sigma l_g for Primakoff, Compton),
//   (b) degraded e+ and e- track lengths l_+-(E) [X0 / GeV / POT]  (spec s2.3's l_+-),
//   (c) the pi0-decay photons created in the cone dN/dk [1 / GeV / POT] (and their creation-point
//       spectra of all photons and e+- of the cascade, spec s2.1 / A20).
// The value type DumpShowerFlux is the interface: the consumers read only it, so imported GEANT4
// tables or an in-house MC can fill it instead of build_analytic_dump_shower_flux. For imported
// creation-point e+- lists, fold_created_leptons_tsai gives l_+- by spec s2.3.
//
// Analytic model (spec s2.9 option 3, "tabulated once"):
//   pi0 source (Pi0PhotonSource: Sanford-Wang for 8.89 GeV/c p, BMPT for 120 GeV) -> pi0 -> gamma gamma,
//   decay photons inside the cone -> longitudinal cascade (EmCascade: Rossi approximation B, i.e.
//   complete-screening brem and pair kernels + constant ionisation E_c per X0, full multigroup
//   solution rather than the E << E0 asymptote c E0/E^2), with the pi0 produced along the proton
//   path with density e^{-t/lambda_I}/lambda_I in the slab [0, T] (T = +inf: thick dump).
// "In the cone": the cascade (secondary photons, e+-) keeps the direction of the pi0-decay photon
// that started it (spec s2.9: "give the e+- the parent-photon direction"); so the cone cut is
// applied to the decay photons and the cascade is linear in them. No multiple scattering or
// transverse spread: this overestimates the forward e+- (Highland theta_0 ~ 0.14 rad per X0 at
// 100 MeV >> 10 mrad, spec s2.3) and, less, the forward secondary photons.
// "Per POT": per primary proton; the yield per interaction of the pi0 model times the fraction of
// protons that interact in the slab, 1 - e^{-T/lambda_I} (pot_weight).
// e+- split: pair production is charge symmetric and brem keeps the charge, so in approximation
// A/B l_+ = l_- = l_(e+-)/2 exactly (positron_fraction = 0.5); Compton electrons, delta rays and
// positron annihilation (all neglected) would make l_- > l_+ at E ~ E_c.
// l_+- is "directly the cascade's e+- track length", which equals spec s2.3's "created e+- folded
// with Tsai's kernel, integrated over t" because the cascade track length is linear in the created
// e+-: each created e+- contributes its own slowing-down track and its daughters are themselves
// in the created list. The identity is exact when the slowing down is the one of Tsai's kernel
// (brem = BetheHeitler, E_c = 0, T = inf; the test checks it); with the complete-screening
// spectrum and ionisation the cascade is the better of the two. For a finite slab the fold with
// a fixed T (alplib's T = 5) ignores that e+- are created deep inside: it overestimates.
#pragma once

#include <limits>
#include <vector>

#include "alpscan/physics/EmCascade.hpp"
#include "alpscan/physics/Pi0PhotonSource.hpp"

namespace alpscan::physics {

// A spectrum as contents of energy groups (the integral over each group).
struct GroupSpectrum {
  std::vector<double> edges;    // N+1 ascending [GeV]
  std::vector<double> content;  // N
  // Density [per GeV] at E: content/width at the group centres sqrt(a_g a_g+1), log-log
  // interpolated between centres (linear where a neighbour is 0), constant in the outer half groups,
  // 0 outside [edges.front, edges.back].
  double density(double E) const;
  // Integral over [E_lo, E_hi] of the piecewise-constant density content/width.
  double integral(double E_lo, double E_hi) const;
  double total() const;
};

// The dump or target slab. Values come from the data files (see the report / data json).
struct DumpMaterial {
  double Z = 0.0;                  // atomic number (for the consumers' cross sections)
  double A = 0.0;                  // atomic mass [g/mol]
  double X0 = 0.0;                 // radiation length [g/cm^2]
  double density = 0.0;            // [g/cm^3]
  double critical_energy = 0.0;    // [GeV] Rossi's: ionisation loss per X0 (0: approximation A)
  double thickness_X0 = std::numeric_limits<double>::infinity();  // T [X0]
  double interaction_length_X0 = 0.0;  // lambda_I / X0 of the primary protons (<= 0: pi0 at the front face)
  // Optional photon attenuation table (energies [GeV] ascending, mu [1/X0]); empty: 7/9 per X0.
  std::vector<double> atten_E, atten_mu;
};
// mu [1/X0] of an attenuation cross section sigma [barn/atom]: sigma N_A X0 / A.
double photon_attenuation_per_X0(double sigma_barn, const DumpMaterial& m);

struct ShowerFluxOptions {
  double E_min = 1e-3;          // GeV: lowest group edge (results above E do not depend on it)
  int groups_per_decade = 40;
  double depth_step = 0.01;     // X0 (finite T)
  int source_nodes_per_group = 3;
  BremSpectrum brem = BremSpectrum::CompleteScreening;
  double positron_fraction = 0.5;
  // Annuli of the photon's angle to the beam for the (k, theta_gamma) photon track-length table
  // (spec s2.2), edges [rad] ascending from 0, theta_cut among them; empty: no table. The cascade photons of a pi0-decay
  // photon keep its direction (as the in-cone tables), so each annulus is one linear cascade solve.
  std::vector<double> theta_edges;
  int theta_k_nodes_per_decade = 6;  // photon energies at which the angular ratios are computed
};

struct DumpShowerFlux {
  double theta_cut = 0.0;   // rad
  double pot_weight = 1.0;  // interactions per POT in the slab
  GroupSpectrum photon_source;                    // pi0-decay photons created in the cone [per POT]
  GroupSpectrum photon_track;                     // [X0 per POT]
  GroupSpectrum positron_track, electron_track;   // [X0 per POT]
  GroupSpectrum photon_created, lepton_created;   // creation points in the cone (all generations) [per POT]
  double ionisation_energy = 0.0, leak_energy = 0.0;  // cascade energy budget [GeV per POT]
  // The (k, theta_gamma) table: photon track length [X0 per POT] of the photons whose direction lies
  // in the annulus theta_edges[i] <= theta < theta_edges[i+1] (pi0-decay photons with their own
  // angles, their cascade photons along them). Empty unless ShowerFluxOptions::theta_edges is set.
  std::vector<double> theta_edges;
  std::vector<GroupSpectrum> photon_track_by_angle;

  double dl_gamma_dk(double k) const { return photon_track.density(k); }        // X0/GeV/POT
  double dl_positron_dE(double E) const { return positron_track.density(E); }   // X0/GeV/POT
  double dl_electron_dE(double E) const { return electron_track.density(E); }   // X0/GeV/POT
  double dN_source_dk(double k) const { return photon_source.density(k); }      // 1/GeV/POT
};

// The analytic flux (see the top of the file). Photon grid: E_min .. k_max of the pi0 model.
DumpShowerFlux build_analytic_dump_shower_flux(const Pi0Source& pi0, const DumpMaterial& material, double theta_cut,
                                               const ShowerFluxOptions& options = {});

// Spec s2.3: l(E') = sum_h N_h int_0^T dt I(t, E, E') for created e+- N_h per group (flat in ln E
// inside a group; edges must be log-uniform), as group contents of track length [X0]. Uses the
// incomplete-gamma closed form of ShowerTrackLength (electron_track_length_within).
GroupSpectrum fold_created_leptons_tsai(const GroupSpectrum& created, double T);

}  // namespace alpscan::physics
