#include "alpscan/io/ShowerDumpConfigIO.hpp"

#include <limits>
#include <stdexcept>
#include <string>

#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ShowerDumpExperiment.hpp"
#include "alpscan/io/MakeExperiment.hpp"

namespace alpscan {

namespace {
physics::SanfordWangParams sw_params(ExperimentFile& f, const std::string& key) {
  physics::SanfordWangParams p;
  const std::vector<double> c = f.numbers(key, "number");
  if (c.size() != 9) {
    if (!c.empty()) f.add_problem("/parameters/" + key, "expected the 9 Sanford-Wang coefficients c1..c9");
    return p;
  }
  for (int i = 0; i < 9; ++i) p.c[i] = c[i];
  return p;
}

// Pair conversion a Z -> e+ e- Z (spec D5): one table per target nucleus over shared nodes, computed by
// tools/tabulate_pair_conversion and stored in the data file.
void read_pair_conversion(ExperimentFile& f, ShowerDumpConfig& c) {
  const std::string mode = f.option("pair_conversion", {"elastic", "elastic_plus_incoherent", "off"});
  c.pair_conversion = mode != "off";
  if (!c.pair_conversion) return;
  const std::vector<double> m = f.numbers("pair_table_m_a", "energy"), E = f.numbers("pair_table_E", "energy");
  for (std::size_t k = 0; k < c.nuclei.size(); ++k) {
    ScatteringTarget& t = c.nuclei[k];
    const std::string key = "target" + std::to_string(k + 1) + "_pair_sigma";
    const std::vector<double> sigma = f.numbers(key, "area");
    if (m.empty() || E.empty() || sigma.empty()) continue;  // already reported as missing or malformed
    try {
      t.pair = physics::PairConversionTable(m, E, sigma);
    } catch (const std::invalid_argument& e) {
      f.add_problem("/parameters/" + key, e.what());
    }
    t.pair_scale = mode == "elastic_plus_incoherent" ? (t.Z + 1.0) / t.Z : 1.0;
  }
}
}  // namespace

ShowerDumpConfig read_shower_dump_config(ExperimentFile& f) {
  ShowerDumpConfig c;
  c.N_POT = f.number("N_POT", "number");
  c.pi0_sanford_wang = f.option("pi0_model", {"sanford_wang", "bmpt"}) == "sanford_wang";
  if (c.pi0_sanford_wang) {
    auto& s = c.sanford_wang;
    s.p_beam = f.number("p_beam", "energy");
    s.pi_plus = sw_params(f, "sw_pip");
    s.pi_minus = sw_params(f, "sw_pim");
    s.sigma_inel_ref = f.number("sigma_inel_ref", "area") / units::millibarn;  // the fit's unit: mb
    s.A_ref = f.number("A_ref", "number");
    s.A_target = f.number("A_target", "number");
    s.alpha = f.number("pi0_A_exponent", "number");
    s.sigma_inel_target = f.number("sigma_inel_target", "area") / units::millibarn;
    s.secondary_factor = f.number("secondary_factor", "number");
  } else {
    physics::BmptShape shape{f.number("bmpt_c_alpha", "number"), f.number("bmpt_c_beta", "number"),
                             f.number("bmpt_c_gamma", "number")};
    c.bmpt = physics::PionSpectrum(f.number("E_beam", "energy"), shape, f.number("n_pi0", "number"));
    c.bmpt_pt.on = true;
    c.bmpt_pt.a = f.number("pt_a", "inverse_energy");
    c.bmpt_pt.gamma = f.number("pt_gamma", "number");
    c.bmpt_pt.delta = f.number("pt_delta", "number");
  }
  auto& d = c.dump;
  d.Z = f.number("dump_Z", "number");
  d.A = f.number("dump_A", "number");
  d.X0 = f.number("dump_X0", "number");
  d.density = f.number("dump_density", "number");
  d.critical_energy = f.number("dump_critical_energy", "energy");
  d.thickness_X0 = f.number_or("dump_thickness_X0", "number", std::numeric_limits<double>::infinity());
  d.interaction_length_X0 = f.number("dump_interaction_length_X0", "number");

  c.shape = f.option("detector_shape", {"sphere", "box"}) == "sphere" ? DetectorShape::sphere : DetectorShape::box;
  c.distance = f.number("distance", "length");
  if (c.shape == DetectorShape::sphere) {
    c.radius = f.number("radius", "length");
    c.face_area = units::pi * c.radius * c.radius;
    c.acceptance_area = c.face_area;
  } else {
    c.length = f.number("length", "length");
    c.face_area = f.number("face_area", "area");
    const bool paper = f.option("acceptance", {"physical", "paper"}) == "paper";
    c.acceptance_area = f.number(paper ? "acceptance_area_paper" : "acceptance_area_physical", "area");
  }
  for (int k = 1; k <= 3; ++k) {
    const std::string t = "target" + std::to_string(k);
    if (f.number_or(t + "_count", "number", -1) < 0) break;
    ScatteringTarget target;
    target.Z = f.number(t + "_Z", "number");
    target.A = f.number(t + "_A", "number");
    target.count = f.number(t + "_count", "number");
    c.nuclei.push_back(target);
  }
  read_pair_conversion(f, c);
  c.electrons = f.number("electrons", "number");
  c.E_edges = f.numbers("E_edges", "energy");
  c.efficiency = f.number("efficiency", "number");
  c.collinearity_cut = f.option("collinearity_cut", {"on", "off"}) == "on";
  c.production.associated_delta = f.number("associated_threshold_delta", "number");
  c.collinearity.psi0 = f.number("collinearity_angle", "angle");
  c.collinearity.E_thr = f.number("collinearity_soft_threshold", "energy");
  c.production.resonance = f.option("resonance_norm", {"derived", "paper"}) == "paper" ? ResonanceNormalisation::paper
                                                                                       : ResonanceNormalisation::derived;
  c.production.primakoff.form_factor = f.option("primakoff_form_factor", {"tsai", "unity"}) == "unity"
                                           ? physics::PrimakoffFormFactor::unity
                                           : physics::PrimakoffFormFactor::tsai;
  c.sphere_mode = f.option("sphere_decay", {"chord_averaged", "paper"}) == "paper" ? physics::SphereDecayMode::paper
                                                                                   : physics::SphereDecayMode::chord_averaged;
  return c;
}

ExperimentPtr make_shower_dump_experiment(ExperimentFile& f) {
  ShowerDumpConfig c = read_shower_dump_config(f);
  return make_experiment<ShowerDumpExperiment>(f, c);
}

}  // namespace alpscan
