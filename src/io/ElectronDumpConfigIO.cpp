#include "alpscan/io/ElectronDumpConfigIO.hpp"

#include <limits>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Units.hpp"
#include "alpscan/experiments/ElectronDumpExperiment.hpp"
#include "alpscan/io/MakeExperiment.hpp"

namespace alpscan {

namespace {
constexpr double kAvogadro = 6.02214076e23;  // 1/mol (SI 2019, exact)
}

ElectronDumpConfig read_electron_dump_config(ExperimentFile& f) {
  ElectronDumpConfig c;
  c.E0 = f.number("E_beam", "energy");
  c.N_EOT = f.number("N_EOT", "number");
  c.Z = f.number("Z", "number");
  c.A = f.number("A", "number");
  // X0 in g/cm^2 (the PDG convention; the file format has no mass units): nuclei per area in one X0.
  const double X0 = f.number("X0_g_per_cm2", "number");
  c.n_X0 = X0 * kAvogadro / c.A / (units::cm * units::cm);
  // Thickness in X0; 0 or absent means a thick (infinite) target.
  const double T = f.number_or("target_thickness_X0", "number", 0.0);
  c.thickness_X0 = T > 0 ? T : std::numeric_limits<double>::infinity();
  c.helm_s = f.number("helm_s", "length");
  c.helm_r1_c1 = f.number("helm_r1_c1", "length");
  c.helm_r1_c0 = f.number("helm_r1_c0", "length");
  c.helm_r1_c2 = f.number("helm_r1_c2", "area");
  c.helm_cut = f.number("helm_cut", "number");
  c.L_d = f.number("L_decay_start", "length");
  // 0 means an OPEN decay region (L_v = +inf): every ALP that passes L_decay_start counts, visible
  // downstream or escaping as missing energy (NA64's active-dump signature; ElectronDumpExperiment.hpp).
  const double Lv = f.number("L_decay_length", "length");
  c.L_v = Lv == 0.0 ? std::numeric_limits<double>::infinity() : Lv;
  c.half_size = f.number("detector_half_size", "length");
  c.efficiency = f.number("efficiency", "number");
  c.E_min = f.number("E_min", "energy");

  c.photon_track_cascade = f.option("photon_track_length", {"cascade", "tsai_whitis"}) == "cascade";
  const bool tsai = f.option("screening", {"none", "tsai"}) == "tsai";
  c.screening = tsai ? physics::Screening::tsai : physics::Screening::none;
  if (tsai) c.screening_coeff = f.number("screening_tsai_coeff", "number");
  const std::string ch = f.option("channels", {"gg+ee", "gg", "ee"});
  c.detect_gg = ch != "ee";
  c.detect_ee = ch != "gg";
  const std::string prod = f.option("production", {"primakoff+brems", "primakoff", "brems"});
  c.photon_production = prod != "brems";
  c.electron_production = prod != "primakoff";

  c.n_E_bins = static_cast<int>(f.number_or("num_E_bins", "number", c.n_E_bins));
  c.m_nodes_per_decade = f.number_or("num_m_nodes_per_decade", "number", c.m_nodes_per_decade);
  c.fast_tol = f.number_or("num_fast_tol", "number", c.fast_tol);
  return c;
}

ExperimentPtr make_electron_dump_experiment(ExperimentFile& f) {
  ElectronDumpConfig c = read_electron_dump_config(f);
  return make_experiment<ElectronDumpExperiment>(f, c);  // rejects e.g. L_decay_length <= 0
}

}  // namespace alpscan
