#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "alpscan/core/BuildInfo.hpp"
#include "alpscan/io/DescriptionJson.hpp"
#include "alpscan/io/ProbeKinematicsJson.hpp"
#include "alpscan/io/ReferenceBands.hpp"
#include "alpscan/io/ResultFiles.hpp"
#include "alpscan/maps/Contour.hpp"
#include "alpscan/maps/LayerNames.hpp"

namespace alpscan {

namespace fs = std::filesystem;
using nlohmann::json;

void write_scan_h5(const std::string& path, const JobSpec& job, const ParameterSpace& space, const MergedResult& r,
                   const std::vector<PlaneMap>& planes);

void write_text_file(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream o(tmp, std::ios::binary);
    o << text;
    if (!o) throw std::runtime_error("cannot write " + tmp);
  }
  fs::rename(tmp, path);
}

namespace {

bool is_log_axis(const JobSpec& job, Axis a) {
  const auto& s = job.axes[static_cast<int>(a)];
  if (s.kind == AxisSpec::Kind::log) return true;
  if (s.kind == AxisSpec::Kind::lin) return false;
  for (double v : s.values)
    if (!(v > 0)) return false;
  return true;  // explicit lists of positive values: plotted on log axes, as AxionLimits does
}

std::string label(Axis a) { return std::string(axis_name(a)) + " [" + std::string(axis_external_unit(a)) + "]"; }

// summary.json's list of an experiment's bands: name, title, level (CL and the likelihood's threshold,
// e.g. chi^2 <= 1) and how many of its points are inside.
template <class Count>
json bands_json(const ExperimentResult& x, const Count& count) {
  json out = json::array();
  for (std::size_t b = 0; b < x.bands.size(); ++b)
    out.push_back({{"name", x.bands[b].name},
                   {"title", x.bands[b].title},
                   {"confidence_level", x.bands[b].calibration.cl},
                   {"threshold", x.bands[b].calibration.threshold},
                   {"points", count(x.in_band[b])}});
  return out;
}

}  // namespace

WrittenFiles write_results(const JobSpec& job, const ParameterSpace& space, const MergedResult& r,
                           const std::vector<PlaneMap>& planes) {
  WrittenFiles w;
  fs::create_directories(job.output_dir);
  w.scan_h5 = job.output_dir + "/scan.h5";
  const std::string h5_tmp = w.scan_h5 + ".tmp." + std::to_string(::getpid());
  write_scan_h5(h5_tmp, job, space, r, planes);
  fs::rename(h5_tmp, w.scan_h5);

  json summary = {{"format", "alpscan-summary/1"},
                  {"job", job.name},
                  {"job_file", job.file},
                  {"code_version", code_version()},
                  {"git_revision", git_revision()},
                  {"code_hash", code_hash()},
                  {"confidence_level", r.cl},
                  {"model", {{"electron_loop", model::electron_loop_name(job.model.electron_loop)}}},
                  {"points", space.full().size},
                  {"result", "scan.h5"}};
  if (job.model.bandpass.on)  // only then: results of jobs without it stay as they were
    summary["model"]["bandpass"] = {{"spectrum", "two fermions (seed 001)"},
                                    {"parameters", {"m_f_light", "m_f_heavy", "eps", "m_D"}}};
  json axes = json::object();
  for (int i = 0; i < kNumAxes; ++i) {
    const Axis a = static_cast<Axis>(i);
    const auto& v = space.values(a);
    axes[std::string(axis_name(a))] = {{"unit", axis_external_unit(a)}, {"points", v.size()},
                                       {"min", v.front()}, {"max", v.back()}};
  }
  summary["axes"] = axes;
  auto count = [](const std::vector<std::uint8_t>& e) {
    std::size_t n = 0;
    for (auto b : e) n += b;
    return n;
  };
  json exps = json::array();
  for (const auto& x : r.experiments) {
    exps.push_back({{"name", x.info.name}, {"title", x.info.title}, {"kind", x.info.kind},
                    {"evaluations", x.evaluated.empty() ? x.grid.size : count(x.evaluated)},
                    {"excluded_points", count(x.excluded)}, {"options", x.options}, {"sources", x.info.sources}});
    if (!x.evaluated.empty()) exps.back()["grid_points"] = x.grid.size;
    add_description(exps.back(), x.info.likelihood->describe(x.calibration), stats::DescriptionItem::summary);
    if (!x.bands.empty()) exps.back()["bands"] = bands_json(x, count);
    if (x.info.probe_kinematics) exps.back()["probe_kinematics"] = probe_kinematics_json(*x.info.probe_kinematics);
  }
  summary["experiments"] = exps;
  if (r.refinement_step > 0) {
    std::size_t evaluations = 0, full = 0;
    for (const auto& x : r.experiments) evaluations += count(x.evaluated), full += x.grid.size;
    summary["refinement"] = {{"coarse_step", r.refinement_step}, {"batches", r.refinement_batches},
                             {"evaluations", evaluations}, {"full_grid_evaluations", full}};
  }
  summary["excluded_any_points"] = count(r.excluded_any);
  summary["excluded_any_limit_points"] = count(r.excluded_any_limit);
  summary["combined_excluded_points"] = count(r.combined_excluded);

  std::vector<stats::Description> described;  // per experiment, for the curve sidecars
  for (const auto& x : r.experiments) described.push_back(x.info.likelihood->describe(x.calibration));
  json jplanes = json::array();
  for (const auto& pm : planes) {
    json jp = {{"name", pm.spec.name()}, {"x", axis_name(pm.spec.x)}, {"y", axis_name(pm.spec.y)},
               {"profiled", pm.profiled}};
    json sl = json::object();
    for (const auto& [a, v] : pm.spec.slice_at) sl[std::string(axis_name(a))] = v;
    jp["slice"] = sl;
    const std::string dir = job.output_dir + "/curves/" + pm.spec.name();
    fs::create_directories(dir);
    const bool lx = is_log_axis(job, pm.spec.x), ly = is_log_axis(job, pm.spec.y);
    json curves = json::object(), band_curves = json::object();
    for (std::size_t l = 0; l < pm.layers.size(); ++l) {
      const PlaneLayer& L = pm.layers[l];
      const auto polys = contour_regions(pm.x, pm.y, L.margin, lx, ly);
      const bool is_exp = L.experiment >= 0;
      const stats::Band* band = is_exp && L.band >= 0 ? &r.experiments[L.experiment].bands[L.band] : nullptr;
      const bool preferred = is_exp && r.experiments[L.experiment].role() == stats::Role::preferred_region;
      const double cl = band ? band->calibration.cl : r.cl;  // a band has its own level
      std::string title, sources;
      json src = json::array();
      if (is_exp) {
        const auto& x = r.experiments[L.experiment];
        title = band ? x.info.title + "; band " + band->title : x.info.title;
        for (const auto& s : x.info.sources) src.push_back(s), sources += (sources.empty() ? "" : "; ") + s;
      } else {
        title = L.name == kLayerUnion         ? "excluded by any of the job's experiments (limits and projections)"
                : L.name == kLayerUnionLimits ? "excluded by any of the job's experiments with data (kind limit)"
                                           : "combined likelihood (sum of -2 ln L)";
        for (const auto& x : r.experiments)
          if (x.role() == stats::Role::exclusion && (L.name != kLayerUnionLimits || x.info.kind == "limit"))
            src.push_back(x.info.name);
        sources = "experiments: " + src.dump();
      }
      std::string text = fmt::format("# {}: {} ({:g}% CL, alpscan {} {}); source: {}\n# {}\t{}\n", L.name, title,
                                     100 * cl, code_version(), git_revision(), sources, label(pm.spec.x),
                                     label(pm.spec.y));
      json ranges = json::array();
      std::size_t row = 0;
      for (const auto& poly : polys) {
        ranges.push_back({row, row + poly.size() - 1});
        for (const auto& [px, py] : poly) text += fmt::format("{:.6e}\t{:.6e}\n", px, py), ++row;
      }
      const std::string base = dir + "/" + L.name;
      write_text_file(base + ".txt", text);
      json side = {{"format", "alpscan-curve/1"},
                   {"curve", L.name},
                   {"title", title},
                   {"file", L.name + ".txt"},
                   {"confidence_level", cl},
                   {"test_statistic", is_exp ? described[L.experiment].test_statistic
                                      : L.name == kLayerCombined
                                          ? "sum over experiments of one-sided -2 ln lambda >= (Phi^-1(CL))^2"
                                          : "excluded by any of the experiments (each by its own test statistic)"},
                   {"columns", {label(pm.spec.x), label(pm.spec.y)}},
                   {"geometry", std::string("closed polygons around the ") +
                                    (preferred ? "preferred (not excluded) region(s)" : "excluded region(s)") +
                                    "; rows of each polygon listed in 'polygons' (first row = last row)"},
                   {"polygons", ranges},
                   {"plane", pm.spec.name()},
                   {"profiled_axes", pm.profiled},
                   {"slice", sl},
                   {"sources", src},
                   {"code_version", code_version()},
                   {"git_revision", git_revision()},
                   {"code_hash", code_hash()},
                   {"job", job.name}};
      json fixed = json::object();
      for (int i = 0; i < kNumAxes; ++i) {
        const Axis a = static_cast<Axis>(i);
        if (!space.scanned(a)) fixed[std::string(axis_name(a))] = space.values(a).front();
      }
      side["fixed_axes"] = fixed;
      if (is_exp) {
        add_description(side, described[L.experiment], stats::DescriptionItem::curve);
        side["options"] = r.experiments[L.experiment].options;
        side["kind"] = r.experiments[L.experiment].info.kind;
      }
      if (preferred) side["role"] = "preferred_region";
      if (band) {
        side["experiment"] = r.experiments[L.experiment].info.name;
        side["band"] = {{"name", band->name}, {"title", band->title}, {"confidence_level", band->calibration.cl},
                        {"threshold", band->calibration.threshold}};
      }
      write_text_file(base + ".json", side.dump(2) + "\n");
      w.curves.push_back(base + ".txt");
      const std::string file = "curves/" + pm.spec.name() + "/" + L.name + ".txt";
      if (band) band_curves[r.experiments[L.experiment].info.name][band->name] = file;
      else curves[L.name] = file;
    }
    jp["curves"] = curves;
    if (!band_curves.empty()) jp["band_curves"] = band_curves;  // preferred bands, apart from the exclusions
    jp["reference_curves"] = write_reference_bands(dir, "curves/" + pm.spec.name(), pm);
    jplanes.push_back(jp);
  }
  summary["planes"] = jplanes;
  w.summary_json = job.output_dir + "/summary.json";
  write_text_file(w.summary_json, summary.dump(2) + "\n");
  return w;
}

}  // namespace alpscan
