#include "alpscan/io/ReferenceBands.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "alpscan/core/BuildInfo.hpp"
#include "alpscan/io/ResultFiles.hpp"
#include "alpscan/model/QcdAxion.hpp"

namespace alpscan {

namespace {
constexpr int kPoints = 25;  // per edge; the edges are straight lines in log-log, more points only help clipping

struct Band {
  const char* name;  // qcd_*: reserved for reference curves (maps/LayerNames.hpp), no experiment takes it
  const char* title;
  const char* edges;
  const char* source;
  double (*g)(double m_a, double parameter);
  double lo, hi;  // the parameter at the two edges
};
}  // namespace

nlohmann::json write_reference_bands(const std::string& dir, const std::string& rel_dir, const PlaneMap& pm) {
  nlohmann::json written = nlohmann::json::object();
  if (pm.spec.x != Axis::m_a || pm.x.empty() || !(pm.x.front() > 0)) return written;
  Band band;
  if (pm.spec.y == Axis::g_agg)
    band = {"qcd_ksvz", "QCD axion, KSVZ-type band (E/N = 2 .. 44/3)", "E/N = 2 (lower edge) .. 44/3 (upper edge)",
            "seed 004 appendix A: Eq. (A1) f_a = 5.691e6 eV/m_a GeV, Eq. (A2) g = (m_a/GeV)(0.203 E/N - 0.39), E/N "
            "from 44/3 to 2 (L276-L284)",
            model::qcd_axion_g_agg, model::kKsvzEoverNLow, model::kKsvzEoverNHigh};
  else if (pm.spec.y == Axis::g_ae)
    band = {"qcd_dfsz", "QCD axion, DFSZ I/II band (tan beta = 0.25 .. 120, no loop factors)",
            "|C_ae| = sin^2(beta)/3 with tan(beta) = 0.25 (lower edge) .. 120 (upper edge)",
            "seed 004 appendix A: Eqs. (A1), (A3)-(A5) g_ae = m_e C_ae/f_a, C_ae = -+ sin^2(beta)/3 + loop factors "
            "(L288-L296; loop factors left out), tan(beta) from 0.25 to 120 (L298)",
            [](double m, double t) { return model::qcd_axion_g_ae(m, model::sin2_beta(t)); }, model::kDfszTanBetaLow,
            model::kDfszTanBetaHigh};
  else
    return written;

  const double to_internal = axis_to_internal(Axis::m_a), x0 = pm.x.front(), x1 = pm.x.back();
  std::vector<double> xs;
  for (int i = 0; i < kPoints; ++i) xs.push_back(x0 * std::pow(x1 / x0, double(i) / (kPoints - 1)));
  std::string text = fmt::format("# {}: {} (alpscan {} {}); source: {}\n# {} [{}]\t{} [{}]\n", band.name, band.title,
                                 code_version(), git_revision(), band.source, axis_name(Axis::m_a),
                                 axis_external_unit(Axis::m_a), axis_name(pm.spec.y), axis_external_unit(pm.spec.y));
  // Closed polygon: the lower edge left to right, the upper edge back, the first point again.
  const double to_external_g = 1.0 / axis_to_internal(pm.spec.y);
  for (double x : xs) text += fmt::format("{:.6e}\t{:.6e}\n", x, band.g(x * to_internal, band.lo) * to_external_g);
  for (auto it = xs.rbegin(); it != xs.rend(); ++it)
    text += fmt::format("{:.6e}\t{:.6e}\n", *it, band.g(*it * to_internal, band.hi) * to_external_g);
  text += fmt::format("{:.6e}\t{:.6e}\n", xs.front(), band.g(xs.front() * to_internal, band.lo) * to_external_g);
  const std::string base = dir + "/" + band.name;
  write_text_file(base + ".txt", text);
  const nlohmann::json side = {{"format", "alpscan-curve/1"},
                               {"curve", band.name},
                               {"kind", "reference"},
                               {"title", band.title},
                               {"file", std::string(band.name) + ".txt"},
                               {"edges", band.edges},
                               {"columns", {fmt::format("{} [{}]", axis_name(Axis::m_a), axis_external_unit(Axis::m_a)),
                                            fmt::format("{} [{}]", axis_name(pm.spec.y), axis_external_unit(pm.spec.y))}},
                               {"geometry", "one closed polygon: the lower edge by increasing m_a, then the upper edge back"},
                               {"polygons", {{0, 2 * kPoints}}},
                               {"plane", pm.spec.name()},
                               {"sources", {band.source}},
                               {"code_version", code_version()},
                               {"git_revision", git_revision()}};
  write_text_file(base + ".json", side.dump(2) + "\n");
  written[band.name] = rel_dir + "/" + band.name + ".txt";
  return written;
}

}  // namespace alpscan
