#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "alpscan/core/BuildInfo.hpp"
#include "alpscan/io/DescriptionJson.hpp"
#include "alpscan/io/ProbeKinematicsJson.hpp"
#include "alpscan/io/ReferenceBands.hpp"
#include "alpscan/io/ResultFiles.hpp"
#include "alpscan/io/ScanH5Writer.hpp"
#include "alpscan/maps/Contour.hpp"
#include "alpscan/maps/LayerNames.hpp"

namespace alpscan {

namespace fs = std::filesystem;
using nlohmann::json;

std::string io_error_text(int err) {
  if (err == ENOSPC) return "no space left on device";
  if (err == EDQUOT) return "disk quota exceeded";
  std::string t = std::strerror(err);
  if (!t.empty()) t[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(t[0])));
  return t;
}

namespace {

[[noreturn]] void io_fail(const std::string& what, const std::string& path, int err) {
  throw std::runtime_error("cannot " + what + " " + path + ": " + io_error_text(err));
}

// fsync of a file or directory by name: what a rename made durable is the directory entry.
void fsync_path(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) io_fail("open", path, errno);
  const int r = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (r != 0 && err != EINVAL) io_fail("sync", path, err);  // EINVAL: a file system without fsync of dirs
}

void fsync_tree(const fs::path& d) {
  for (const auto& e : fs::recursive_directory_iterator(d))
    fsync_path(e.path().string(), e.is_directory());
  fsync_path(d.string(), true);
}

}  // namespace

void write_text_file(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) io_fail("create", tmp, errno);
  const char* p = text.data();
  std::size_t n = text.size();
  int err = 0;
  while (n > 0 && err == 0) {
    const ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno != EINTR) err = errno;
    else if (w > 0) p += w, n -= static_cast<std::size_t>(w);
  }
  if (err == 0 && ::fsync(fd) != 0) err = errno;  // a delayed write error (ENOSPC on NFS) shows here
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err != 0) {
    ::unlink(tmp.c_str());
    io_fail("write", path, err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    err = errno;
    ::unlink(tmp.c_str());
    io_fail("rename into place", path, err);
  }
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
json bands_json(const ExperimentResult& x) {
  json out = json::array();
  for (std::size_t b = 0; b < x.bands.size(); ++b)
    out.push_back({{"name", x.bands[b].name},
                   {"title", x.bands[b].title},
                   {"confidence_level", x.bands[b].calibration.cl},
                   {"threshold", x.bands[b].calibration.threshold},
                   {"points", x.band_points.at(b)}});
  return out;
}

}  // namespace

WrittenFiles write_summary_and_curves(const JobSpec& job, const std::string& out, const ParameterSpace& space,
                                     const MergedResult& r, const std::vector<PlaneMap>& planes);
WrittenFiles publish(const std::string& stage, const std::string& out, const WrittenFiles& staged);

namespace {
// Only what alpscan itself writes in an output directory: the staging directory ".publish.tmp.<pid>" and the
// temporaries "<result file>.tmp.<pid>" of write_text_file. The directory may be shared with the user's own
// files (e.g. "output": "."), so nothing else with ".tmp." in its name is touched.
bool is_own_temporary(const std::string& name) {
  static const std::regex own(R"((\.publish|run_status\.json|summary\.json|scan\.h5)\.tmp\.[0-9]+)");
  return std::regex_match(name, own);
}
}  // namespace

std::size_t remove_stale_result_temporaries(const std::string& output_dir) {
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(output_dir, ec)) {
    if (!is_own_temporary(e.path().filename().string())) continue;
    if (fs::remove_all(e.path(), ec) > 0) ++removed;
  }
  return removed;
}

std::string staging_dir(const std::string& output_dir) {
  return output_dir + "/.publish.tmp." + std::to_string(::getpid());
}

ResultWriter::ResultWriter(const JobSpec& job, const ParameterSpace& space, const MergedResult& header)
    : job_(job), space_(space), stage_(staging_dir(job.output_dir)) {
  // Everything is written into a staging directory first; only then are the files renamed into place.
  std::error_code ec;
  fs::remove_all(stage_, ec);
  fs::create_directories(stage_ + "/curves", ec);
  if (ec) throw std::runtime_error("cannot create " + stage_ + ": " + io_error_text(ec.value()));
  try {
    h5_ = std::make_unique<ScanH5Writer>(stage_ + "/scan.h5", job, space, header);
  } catch (...) {
    fs::remove_all(stage_, ec);
    throw;
  }
}

ResultWriter::~ResultWriter() {
  if (published_) return;
  h5_.reset();  // closes the file before its directory goes
  // After a failed close HDF5 may keep the file's descriptor open, and an unlinked file's blocks stay taken until
  // it is closed: truncated first, the space is free at once (for the run status written next on a full disk).
  ::truncate((stage_ + "/scan.h5").c_str(), 0);
  std::error_code ec;
  fs::remove_all(stage_, ec);  // frees the space a failed write took; the published files are untouched
}

void ResultWriter::add_experiment(const ExperimentResult& x) {
  if (!h5_) throw std::logic_error("ResultWriter::add_experiment after finish");
  h5_->add_experiment(x);
}

WrittenFiles ResultWriter::finish(const MergedResult& r, const std::vector<PlaneMap>& planes) {
  if (!h5_) throw std::logic_error("ResultWriter::finish called twice");
  auto t = std::chrono::steady_clock::now();
  auto lap = [&t] {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - t).count();
    t = now;
    return s;
  };
  h5_->finish(r, planes);
  h5_.reset();
  const double h5_s = lap();
  WrittenFiles staged = write_summary_and_curves(job_, stage_, space_, r, planes);
  staged.scan_h5 = stage_ + "/scan.h5";
  const double curves_s = lap();
  fsync_tree(stage_);
  const double sync_s = lap();
  WrittenFiles w = publish(stage_, job_.output_dir, staged);
  published_ = true;
  spdlog::debug("result files: scan.h5 maps and planes {:.3f} s, summary and curves {:.3f} s, fsync {:.3f} s, "
                "publication {:.3f} s", h5_s, curves_s, sync_s, lap());
  return w;
}

WrittenFiles write_results(const JobSpec& job, const ParameterSpace& space, const MergedResult& r,
                           const std::vector<PlaneMap>& planes) {
  ResultWriter w(job, space, r);
  for (const auto& x : r.experiments) w.add_experiment(x);
  return w.finish(r, planes);
}

WrittenFiles write_summary_and_curves(const JobSpec& job, const std::string& out, const ParameterSpace& space,
                                     const MergedResult& r, const std::vector<PlaneMap>& planes) {
  WrittenFiles w;
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
    const std::vector<double> v = space.effective_values(a);
    json& ax = axes[std::string(axis_name(a))] = {{"unit", axis_external_unit(a)}, {"points", v.size()},
                                                  {"min", v.front()}, {"max", v.back()}};
    if (const auto& t = space.tie(a)) ax["tied_to"] = {{"axis", axis_name(t->source)}, {"ratio", t->ratio}};
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
                    {"evaluations", x.evaluations},
                    {"excluded_points", x.excluded_points}, {"options", x.options}, {"sources", x.info.sources}});
    if (r.refinement_step > 0) exps.back()["grid_points"] = x.grid.size;
    add_description(exps.back(), x.info.likelihood->describe(x.calibration), stats::DescriptionItem::summary);
    if (!x.bands.empty()) exps.back()["bands"] = bands_json(x);
    if (x.info.probe_kinematics) exps.back()["probe_kinematics"] = probe_kinematics_json(*x.info.probe_kinematics);
  }
  summary["experiments"] = exps;
  if (r.refinement_step > 0) {
    std::size_t evaluations = 0, full = 0;
    for (const auto& x : r.experiments) evaluations += x.evaluations, full += x.grid.size;
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
    const std::string dir = out + "/curves/" + pm.spec.name();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw std::runtime_error("cannot create " + dir + ": " + io_error_text(ec.value()));
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
      json fixed = json::object(), tied = json::object();
      for (int i = 0; i < kNumAxes; ++i) {
        const Axis a = static_cast<Axis>(i);
        if (const auto& t = space.tie(a)) tied[std::string(axis_name(a))] = {{"axis", axis_name(t->source)}, {"ratio", t->ratio}};
        else if (!space.scanned(a)) fixed[std::string(axis_name(a))] = space.values(a).front();
      }
      side["fixed_axes"] = fixed;
      if (!tied.empty()) side["tied_axes"] = tied;  // {"g_agg": {"axis": "g_ae", "ratio": r}}: g_agg = r g_ae
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
  w.summary_json = out + "/summary.json";
  write_text_file(w.summary_json, summary.dump(2) + "\n");
  return w;
}

// Renames the staged curves/, summary.json and scan.h5 into the output directory (the curves directory is
// swapped whole: no mix of old and new curves), syncs the directory, and removes the staging directory with
// the previous curves. A reader between the renames may see old and new files side by side; run_status.json
// says "running" until the caller marks the run complete after this returns.
WrittenFiles publish(const std::string& stage, const std::string& out, const WrittenFiles& staged) {
  auto move = [](const std::string& from, const std::string& to) {
    if (::rename(from.c_str(), to.c_str()) != 0) io_fail("rename " + from + " to", to, errno);
  };
  const std::string curves = out + "/curves", old_curves = stage + "/curves.previous";
  const bool had_curves = fs::exists(curves);
  if (had_curves) move(curves, old_curves);
  try {
    move(stage + "/curves", curves);
    move(stage + "/summary.json", out + "/summary.json");
    move(stage + "/scan.h5", out + "/scan.h5");
  } catch (...) {
    // Put the previous curves back before the caller removes the staging directory that holds them
    // (best effort: a rename that failed once may fail again; the run is marked failed either way).
    if (had_curves && fs::exists(old_curves)) {
      std::error_code ignored;
      if (fs::exists(curves)) fs::rename(curves, stage + "/curves.new", ignored);
      fs::rename(old_curves, curves, ignored);
    }
    throw;
  }
  fsync_path(out, true);
  std::error_code ec;
  fs::remove_all(stage, ec);
  WrittenFiles w{out + "/scan.h5", out + "/summary.json", {}};
  for (const std::string& c : staged.curves) w.curves.push_back(curves + c.substr(stage.size() + 7));  // "/curves"
  return w;
}

}  // namespace alpscan
