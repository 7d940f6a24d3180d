// Reading and validating "alpscan-job/1" files. Every problem is reported with file, JSON pointer,
// expectation and finding; misspelt keys get the nearest valid key.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <set>

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/magic.h>
#include <sys/vfs.h>
#endif

#include <nlohmann/json.hpp>

#include "alpscan/io/ExperimentCatalog.hpp"
#include "alpscan/io/JobSpecIO.hpp"
#include "alpscan/io/JsonUtil.hpp"
#include "alpscan/maps/LayerNames.hpp"
#include "alpscan/scan/PlanMemory.hpp"

namespace alpscan {

using nlohmann::json;
namespace fs = std::filesystem;

std::string default_data_dir() {
  if (const char* d = std::getenv("ALPSCAN_DATA_DIR"); d && *d) return d;
  return std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments";
}

namespace {

const std::vector<std::string> kTopKeys = {"format", "name", "description", "parameters", "experiments",
                                           "confidence_level", "output", "chunk_size", "planes", "data_dir",
                                           "model", "refinement"};
const std::vector<std::string> kAxisKeys = {"value", "values", "scale", "min", "max", "points", "unit", "tied_to", "ratio"};

std::vector<std::string> axis_names() {
  std::vector<std::string> v;
  for (int i = 0; i < kNumAxes; ++i) v.emplace_back(axis_name(static_cast<Axis>(i)));
  return v;
}

// Physical range of each axis (external units), so nonsense such as a negative mass is caught here.
bool axis_value_ok(Axis a, double v, std::string& why) {
  switch (a) {
    case Axis::m_a:
      why = "a mass > 0 eV";
      return v > 0;
    case Axis::br_inv:
      why = "a branching ratio in [0, 1]";
      return v >= 0 && v <= 1;
    case Axis::g_agg:
    case Axis::g_achi:
    case Axis::g_ae:
      why = "a coupling >= 0";
      return v >= 0;
    case Axis::eps:
      why = "a kinetic mixing in [0, 1)";
      return v >= 0 && v < 1;
    default:
      why = "a mass >= 0 eV";
      return v >= 0;
  }
}

AxisSpec read_axis(JsonChecker& c, const json& j, Axis a, const std::string& ptr) {
  AxisSpec s;
  s.given = true;
  if (j.is_number()) {  // shorthand: "g_ae": 0
    s.kind = AxisSpec::Kind::fixed;
    s.values = {j.get<double>()};
  } else if (!j.is_object()) {
    c.add(ptr, "expected an object ({\"value\": x}, {\"values\": [...]} or {\"scale\": \"log\", \"min\", \"max\", "
               "\"points\"}) or a number, found " + json_type_name(j));
    return s;
  } else {
    c.no_unknown_keys(j, ptr, kAxisKeys);
    const int forms = int(j.contains("value")) + int(j.contains("values")) + int(j.contains("scale")) +
                      int(j.contains("tied_to"));
    if (forms != 1) {
      c.add(ptr, "give exactly one of \"value\", \"values\", \"scale\" (+ min, max, points) or \"tied_to\" (+ ratio); "
                 "found " + std::to_string(forms));
      return s;
    }
    if (j.contains("ratio") && !j.contains("tied_to"))
      c.add(ptr + "/ratio", "\"ratio\" belongs to a tied axis {\"tied_to\": axis, \"ratio\": r}; this axis is not tied");
    if (j.contains("tied_to")) {  // resolved against its source in resolve_ties, once every axis is read
      s.kind = AxisSpec::Kind::tied;
      s.values = {0.0};
      if (j.contains("unit")) c.add(ptr + "/unit", "a tied axis takes its unit from the ratio: give none");
      for (const char* k : {"min", "max", "points"})
        if (j.contains(k)) c.add(ptr + "/" + k, "a tied axis has no grid of its own (its values follow \"tied_to\"): remove it");
      const std::string src = j["tied_to"].is_string() ? j["tied_to"].get<std::string>() : "";
      s.tied_to = axis_from_name(src);
      if (!s.tied_to) c.add(ptr + "/tied_to", "expected the name of another axis, found " + j["tied_to"].dump() +
                                                   nearest_hint(src, axis_names()));
      else if (*s.tied_to == a) c.add(ptr + "/tied_to", "an axis cannot be tied to itself");
      if (a == Axis::m_a) c.add(ptr, "m_a cannot be tied: it is the mass axis every experiment is tabulated on");
      if (!j.contains("ratio") || !j["ratio"].is_number() || !(j["ratio"].get<double>() > 0) ||
          !std::isfinite(j["ratio"].get<double>()))
        c.add(ptr + "/ratio", std::string("expected a number > 0 (value of ") + std::string(axis_name(a)) + " [" +
                                  std::string(axis_external_unit(a)) + "] per unit of the source axis), found " +
                                  (j.contains("ratio") ? j["ratio"].dump() : "nothing"));
      else
        s.tie_ratio = j["ratio"].get<double>();
      return s;
    }
    if (j.contains("unit")) {
      const std::string want(axis_external_unit(a));
      if (!j["unit"].is_string() || j["unit"].get<std::string>() != want)
        c.add(ptr + "/unit", "this axis is given in \"" + want + "\", found " + j["unit"].dump());
    }
    if (j.contains("value")) {
      s.kind = AxisSpec::Kind::fixed;
      if (!j["value"].is_number()) {
        c.add(ptr + "/value", "expected a number, found " + j["value"].dump());
        return s;
      }
      s.values = {j["value"].get<double>()};
    } else if (j.contains("values")) {
      s.kind = AxisSpec::Kind::list;
      if (!j["values"].is_array() || j["values"].empty()) {
        c.add(ptr + "/values", "expected a non-empty array of numbers, found " + j["values"].dump());
        return s;
      }
      for (size_t i = 0; i < j["values"].size(); ++i) {
        if (!j["values"][i].is_number())
          c.add(ptr + "/values/" + std::to_string(i), "expected a number, found " + j["values"][i].dump());
        else
          s.values.push_back(j["values"][i].get<double>());
      }
      if (!std::is_sorted(s.values.begin(), s.values.end()) ||
          std::adjacent_find(s.values.begin(), s.values.end()) != s.values.end())
        c.add(ptr + "/values", "values must be strictly increasing");
    } else {
      const std::string scale = j["scale"].is_string() ? j["scale"].get<std::string>() : "";
      if (scale != "log" && scale != "lin") {
        c.add(ptr + "/scale", "expected \"log\" or \"lin\", found " + j["scale"].dump());
        return s;
      }
      s.kind = scale == "log" ? AxisSpec::Kind::log : AxisSpec::Kind::lin;
      if (!j.contains("min")) c.add(ptr + "/min", "missing required key (grid start)");
      if (!j.contains("max")) c.add(ptr + "/max", "missing required key (grid end)");
      if (!j.contains("min") || !j.contains("max")) return s;
      if (!j.contains("points") || !j["points"].is_number_integer() || j["points"].get<long long>() < 1) {
        c.add(ptr + "/points", std::string("expected an integer >= 1 (number of grid points), found ") +
                                   (j.contains("points") ? j["points"].dump() : "nothing"));
        return s;
      }
      if ((j.contains("min") && !j["min"].is_number()) || (j.contains("max") && !j["max"].is_number())) {
        if (j.contains("min") && !j["min"].is_number()) c.add(ptr + "/min", "expected a number, found " + j["min"].dump());
        if (j.contains("max") && !j["max"].is_number()) c.add(ptr + "/max", "expected a number, found " + j["max"].dump());
        return s;
      }
      const double lo = j["min"].get<double>(), hi = j["max"].get<double>();
      const long long n = j["points"].get<long long>();
      if (n > 100000000LL) {
        c.add(ptr + "/points", "at most 1e8 points per axis, found " + std::to_string(n));
        return s;
      }
      if (!(hi > lo) && n > 1) {
        c.add(ptr, "expected min < max, found min = " + j["min"].dump() + ", max = " + j["max"].dump());
        return s;
      }
      if (s.kind == AxisSpec::Kind::log && !(lo > 0)) {
        c.add(ptr + "/min", "a log grid needs min > 0, found " + j["min"].dump());
        return s;
      }
      s.values.resize(n);
      for (long long i = 0; i < n; ++i) {
        const double t = n == 1 ? 0.0 : double(i) / double(n - 1);
        s.values[i] = s.kind == AxisSpec::Kind::log ? std::exp(std::log(lo) + t * (std::log(hi) - std::log(lo)))
                                                    : lo + t * (hi - lo);
      }
      if (n > 1) s.values.front() = lo, s.values.back() = hi;  // exact edges
    }
  }
  std::string why;
  for (size_t i = 0; i < s.values.size(); ++i) {
    if (!std::isfinite(s.values[i]) || !axis_value_ok(a, s.values[i], why)) {
      c.add(ptr, "expected " + why + ", found " + json(s.values[i]).dump());
      break;
    }
  }
  return s;
}

// The values a tied axis takes along its source (external units); an untied axis' own values.
std::vector<double> effective_values(const JobSpec& job, Axis a) {
  const AxisSpec& s = job.axes[static_cast<int>(a)];
  if (s.kind != AxisSpec::Kind::tied || !s.tied_to) return s.values;
  std::vector<double> v = job.axes[static_cast<int>(*s.tied_to)].values;
  for (double& x : v) x *= s.tie_ratio;
  return v;
}

// Ties are checked once every axis is read: the source must be given in /parameters (a tie to a default
// 0 would silently zero the axis) and not tied itself (no chains), and every tied value must be a valid
// value of the tied axis (br_inv = r x source <= 1, ...).
// Returns the tied axes that failed (reported here or by read_axis), so later checks skip them.
std::set<Axis> resolve_ties(JsonChecker& c, const JobSpec& job) {
  std::set<Axis> bad;
  for (int i = 0; i < kNumAxes; ++i) {
    const Axis a = static_cast<Axis>(i);
    const AxisSpec& s = job.axes[i];
    if (s.kind != AxisSpec::Kind::tied) continue;
    bad.insert(a);  // until it passes every check below
    if (!s.tied_to || *s.tied_to == a) continue;  // reported by read_axis
    const std::string ptr = "/parameters/" + std::string(axis_name(a)), src(axis_name(*s.tied_to));
    const AxisSpec& from = job.axes[static_cast<int>(*s.tied_to)];
    if (from.kind == AxisSpec::Kind::tied) {
      c.add(ptr + "/tied_to", "the source axis " + src + " is itself tied; tie both to the same scanned axis");
      continue;
    }
    if (!from.given) {
      c.add(ptr + "/tied_to", "the source axis " + src + " is not in /parameters (it would be 0 everywhere); give it "
                              "as a grid or a value");
      continue;
    }
    if (!(s.tie_ratio > 0)) continue;  // reported by read_axis
    std::string why;
    bool ok = true;
    for (double v : effective_values(job, a))
      if (!std::isfinite(v) || !axis_value_ok(a, v, why)) {
        c.add(ptr + "/ratio", "ratio x " + src + " must be " + why + " at every value of " + src + ", found " +
                                  json(v).dump());
        ok = false;
        break;
      }
    if (ok) bad.erase(a);
  }
  return bad;
}

// Defaults for axes the job does not give: the plain QCD-less ALP with only the couplings named.
double axis_default(Axis a) {
  (void)a;
  return 0.0;
}


// "model": {"bandpass": {"eps": 2.5e-9, "m_D": 6e-4}}: the bandpass axion. Its parameters are axes of the
// point: the fermion masses m_f_light, m_f_heavy and the dark photon eps, m_D (m_D in eV like the mass
// axes). "eps" and "m_D" inside the model object are a shorthand for a fixed axis; each is given once,
// there or under "parameters" (where it can be scanned).
void read_bandpass(JsonChecker& c, const json& b, JobSpec& job) {
  const std::string ptr = "/model/bandpass";
  if (!b.is_object()) {
    c.add(ptr, "expected an object {\"eps\": kinetic mixing, \"m_D\": dark photon mass [eV]} (either may be an axis "
               "under /parameters instead), found " + json_type_name(b));
    return;
  }
  c.no_unknown_keys(b, ptr, {"eps", "m_D"});
  job.model.bandpass.on = true;
  for (Axis a : {Axis::eps, Axis::m_D}) {
    const std::string key(axis_name(a));
    AxisSpec& spec = job.axes[static_cast<int>(a)];
    const char* what = a == Axis::eps ? "the kinetic mixing epsilon, a number in (0, 1)" : "the dark photon mass in eV, > 0";
    if (b.contains(key)) {
      if (spec.given) {
        c.add(ptr + "/" + key, "given twice: here and as the axis /parameters/" + key + "; keep one");
        continue;
      }
      if (!b[key].is_number()) {
        c.add(ptr + "/" + key, std::string("expected ") + what + ", found " + b[key].dump());
        continue;
      }
      spec.given = true;
      spec.kind = AxisSpec::Kind::fixed;
      spec.values = {b[key].get<double>()};
    } else if (!spec.given) {
      c.add(ptr + "/" + key, std::string("expected ") + what + " (here, or as the axis /parameters/" + key + "), found nothing");
      continue;
    }
  }
  if (job.model.electron_loop != model::ModelOptions::ElectronLoop::off)
    c.add("/model/electron_loop", "the electron-loop coupling cannot be combined with the bandpass model (its own form factor is not modelled)");
}

// The bandpass parameters' values, once the shorthands are set and the ties resolved (a tie may follow the
// other shorthand): eps in (0, 1), m_D > 0, the fermion masses > 0. A tied axis whose tie is broken (its
// source missing or tied) was reported by resolve_ties and is not checked again.
void check_bandpass_values(JsonChecker& c, const json& b, const JobSpec& job, const std::set<Axis>& bad_ties) {
  const std::string ptr = "/model/bandpass";
  for (Axis a : {Axis::eps, Axis::m_D}) {
    const std::string key(axis_name(a));
    const bool here = b.is_object() && b.contains(key);
    if (!job.axes[static_cast<int>(a)].given || bad_ties.count(a)) continue;  // reported already
    const char* what = a == Axis::eps ? "the kinetic mixing epsilon, a number in (0, 1)" : "the dark photon mass in eV, > 0";
    const std::string where = here ? ptr + "/" + key : "/parameters/" + key;
    for (double v : effective_values(job, a))
      if (!(v > 0) || !std::isfinite(v) || (a == Axis::eps && v >= 1)) {
        c.add(where, std::string("expected ") + what + ", found " + json(v).dump());
        break;
      }
  }
  for (Axis a : {Axis::m_f_light, Axis::m_f_heavy}) {
    if (bad_ties.count(a)) continue;
    for (double v : effective_values(job, a))
      if (!(v > 0)) {
        c.add("/parameters/" + std::string(axis_name(a)),
              "the bandpass model needs the fermion masses: every value of " + std::string(axis_name(a)) + " must be > 0 [eV]");
        break;
      }
  }
}

// Points an axis declares, read before its values are generated (grids above the per-axis cap of 1e8
// count as the cap: read_axis refuses them without generating anything).
std::size_t declared_points(const json& j) {
  if (!j.is_object()) return 1;
  if (j.contains("values") && j["values"].is_array()) return std::max<std::size_t>(j["values"].size(), 1);
  if (j.contains("points") && j["points"].is_number_integer()) {
    const long long n = j["points"].get<long long>();
    return n < 1 ? 1 : static_cast<std::size_t>(std::min(n, 100000000LL));
  }
  return 1;
}

// A job's name becomes a directory and file name (out/<name>, the checkpoint, SLURM scripts): letters,
// digits, '_', '.', '-', not starting with '.', so that it can never climb out of out/ ("../x") or hide.
bool safe_job_name(const std::string& n) {
  if (n.empty() || n.size() > 128 || n[0] == '.') return false;
  return std::all_of(n.begin(), n.end(), [](char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' ||
           ch == '-';
  });
}

// Where permission bits say yes but no result can be written (they do not stop root): a read-only
// mount, or a kernel pseudo file system such as /proc or /sys. "" if none of these.
std::string unusable_file_system(const std::string& dir) {
  struct statvfs vfs {};
  if (::statvfs(dir.c_str(), &vfs) == 0 && (vfs.f_flag & ST_RDONLY)) return "on a read-only file system";
#ifdef __linux__
  struct statfs sfs {};
  if (::statfs(dir.c_str(), &sfs) == 0) {
    switch (static_cast<unsigned long>(sfs.f_type)) {
      case PROC_SUPER_MAGIC: return "on /proc, a kernel pseudo file system that cannot hold files";
      case SYSFS_MAGIC: return "on /sys, a kernel pseudo file system that cannot hold files";
      case DEVPTS_SUPER_MAGIC: return "on devpts, a kernel pseudo file system that cannot hold files";
      default: break;
    }
  }
#endif
  return "";
}

// The output directory must be creatable and writable before a run starts, not found wanting hours later.
// Checks, without creating anything: the length (PATH_MAX with room for the files inside, NAME_MAX per
// component); that the directory, if it exists, is a writable directory; else that its nearest existing
// ancestor is one. (Permission bits do not stop root: there only the structural problems are caught.)
void check_output_dir(JsonChecker& c, const std::string& ptr, const std::string& dir) {
  constexpr std::size_t kRoomInside = 256;  // checkpoint/<unit file>, curves/<experiment>_<plane>.csv, ...
  if (dir.size() + kRoomInside > PATH_MAX) {
    c.add(ptr, "the output path has " + std::to_string(dir.size()) + " bytes; at most " +
                   std::to_string(PATH_MAX - kRoomInside) + " (PATH_MAX " + std::to_string(PATH_MAX) +
                   " less room for the files inside)");
    return;
  }
  for (const auto& part : fs::path(dir)) {
    if (part.native().size() > NAME_MAX) {
      c.add(ptr, "the output path has a component of " + std::to_string(part.native().size()) +
                     " bytes (\"" + part.native().substr(0, 24) + "...\"); at most NAME_MAX = " + std::to_string(NAME_MAX));
      return;
    }
  }
  fs::path p = fs::path(dir).lexically_normal();
  if (p.empty()) p = ".";
  bool missing_below = false;  // the directory itself does not exist: an ancestor must take it
  for (;;) {
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0) {
      const std::string what = missing_below ? "the output directory \"" + dir + "\" would be created in \"" + p.string() + "\", which"
                                             : "the output directory \"" + dir + "\"";
      if (!S_ISDIR(st.st_mode))
        c.add(ptr, what + " is not a directory (" + (S_ISREG(st.st_mode) ? "a regular file" : "another kind of file") +
                       "): give a directory path");
      else if (::access(p.c_str(), W_OK | X_OK) != 0)
        c.add(ptr, what + " is not writable (" + std::strerror(errno) + ")");
      else if (const std::string fs_problem = unusable_file_system(p.string()); !fs_problem.empty())
        c.add(ptr, what + " is " + fs_problem);
      return;
    }
    if (errno == ENOTDIR) {  // a component on the way is a file: report the file
      missing_below = true;
      p = p.parent_path();
      continue;
    }
    if (errno != ENOENT) {
      c.add(ptr, "cannot use the output directory \"" + dir + "\": " + std::strerror(errno));
      return;
    }
    missing_below = true;
    const fs::path up = p.parent_path();
    if (up.empty() || up == p) {  // a relative path with no existing prefix: created in the working directory
      if (p == ".") {
        c.add(ptr, "cannot use the output directory \"" + dir + "\": the working directory is gone");
        return;
      }
      p = ".";
      continue;
    }
    p = up;
  }
}

}  // namespace

JobSpec read_job(const std::string& path, Diagnostics& diags) {
  JobSpec job;
  job.file = path;
  json j;
  if (!load_json_file(path, j, diags)) return job;  // size, depth, duplicate keys, overflowing numbers
  JsonChecker c(path, diags);
  if (!j.is_object()) {
    c.add("", "expected a JSON object, found " + json_type_name(j));
    return job;
  }
  job.canonical_text = j.dump(2);
  c.no_unknown_keys(j, "", kTopKeys);
  c.require_string(j, "/format", "alpscan-job/1");
  job.name = c.string(j, "/name", false);
  const bool named = !job.name.empty();
  if (!named) job.name = fs::path(path).stem().string();
  if (!safe_job_name(job.name))
    c.add("/name", std::string(named ? "" : "(taken from the file name) ") +
                       "expected a name of letters, digits, '_', '.' and '-' (at most 128, not starting with '.'), found \"" +
                       job.name + "\": it names the output directory out/<name>, which must stay inside out/");
  job.description = c.string(j, "/description", false);

  // parameters
  for (int i = 0; i < kNumAxes; ++i) {
    job.axes[i].values = {axis_default(static_cast<Axis>(i))};
  }
  if (const json* p = c.at(j, "/parameters")) {
    if (!p->is_object()) {
      c.add("/parameters", "expected an object of axes, found " + json_type_name(*p));
    } else {
      c.no_unknown_keys(*p, "/parameters", axis_names());
      // A grid too large for the machine is refused before its values are generated (1e8 x 1e8 points
      // would cost gigabytes and a minute just to validate); load_job refines this with the experiments.
      std::vector<std::size_t> lengths;
      for (auto it = p->begin(); it != p->end(); ++it) lengths.push_back(declared_points(it.value()));
      const PlanMemoryLimit limit = plan_memory_limit();
      if (!limit.error.empty()) {
        diags.add("(environment)", "", limit.error);
        return job;
      }
      if (const std::string why = plan_memory_problem(grid_memory_lower_bound(lengths), limit); !why.empty()) {
        c.add("/parameters", why);
        return job;
      }
      for (auto it = p->begin(); it != p->end(); ++it) {
        auto a = axis_from_name(it.key());
        if (!a) continue;
        job.axes[static_cast<int>(*a)] = read_axis(c, it.value(), *a, "/parameters/" + it.key());
      }
      if (!p->contains("m_a")) c.add("/parameters/m_a", "missing required axis (the ALP mass, in eV)");
      // The invisible width comes either from a -> chi chi or from a given branching ratio
      // (model::AlpModel refuses a point with both; refused here so that no scan stops half-way).
      auto any_nonzero = [&](Axis a) {
        for (double v : effective_values(job, a))
          if (v != 0) return true;
        return false;
      };
      if (any_nonzero(Axis::g_achi) && any_nonzero(Axis::br_inv))
        c.add("/parameters/br_inv", "give the invisible width either by g_achi (with m_chi) or by br_inv, not both: "
                                    "one of them must be 0");
    }
  }

  // experiments
  job.data_dir = j.contains("data_dir") && j["data_dir"].is_string() ? j["data_dir"].get<std::string>()
                                                                      : default_data_dir();
  if (j.contains("data_dir") && !j["data_dir"].is_string()) c.add("/data_dir", "expected a directory path string");
  const ExperimentCatalog catalog(job.data_dir);
  if (const json* e = c.at(j, "/experiments")) {
    constexpr std::size_t kMaxEntries = 256;  // the catalog has ~60 experiments; each entry builds one or more
    if (!e->is_array() || e->empty()) {
      c.add("/experiments", "expected a non-empty array of experiment or group names, found " + e->dump());
    } else if (e->size() > kMaxEntries) {
      c.add("/experiments", "expected at most " + std::to_string(kMaxEntries) + " entries (experiments, groups, labelled "
                            "variants), found " + std::to_string(e->size()));
    } else {
      for (size_t i = 0; i < e->size(); ++i) {
        const std::string ptr = "/experiments/" + std::to_string(i);
        const json& item = (*e)[i];
        std::string name, label;
        json options = json::object();
        if (item.is_string()) {
          name = item.get<std::string>();
        } else if (item.is_object()) {
          c.no_unknown_keys(item, ptr, {"name", "options", "label"});
          name = c.string(j, ptr + "/name");
          if (item.contains("label")) {
            // A variant of an experiment under its own name (e.g. ArgoNeuT at another event benchmark):
            // the label names its results, curves and checkpoint, so it must be a file-name-safe word
            // that is not another experiment's name.
            label = c.string(j, ptr + "/label");
            const bool word = !label.empty() && std::all_of(label.begin(), label.end(), [](char ch) {
              return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
            });
            if (!word)
              c.add(ptr + "/label", "expected a name of lower-case letters, digits and '_', found \"" + label + "\"");
            else if (label != name && (catalog.find(label) || !catalog.group(label).empty()))
              c.add(ptr + "/label", "\"" + label + "\" is the name of another experiment or group; choose another label");
            else if (is_reserved_layer_name(label))
              c.add(ptr + "/label", "\"" + label + "\" is reserved for the merged results (union, union_limits, "
                                    "combined, qcd_*, *_<n>sigma bands); choose another label");
          }
          if (item.contains("options")) {
            if (!item["options"].is_object())
              c.add(ptr + "/options", "expected an object of option overrides, found " + item["options"].dump());
            else
              options = item["options"];
          }
        } else {
          c.add(ptr, "expected an experiment name (string) or {\"name\": ..., \"options\": {...}}, found " +
                         json_type_name(item));
          continue;
        }
        if (name.empty()) {
          if (item.is_string() || (item.contains("name") && item["name"].is_string()))
            c.add(item.is_string() ? ptr : ptr + "/name",
                  "expected an experiment or group name, found an empty string; `alpscan list` shows them");
          continue;
        }
        std::vector<std::string> names;
        if (catalog.find(name))
          names = {name};
        else
          names = catalog.group(name);
        if (names.empty()) {
          c.add(ptr, "unknown experiment or group \"" + name + "\"" +
                         nearest_hint(name, catalog.all_names_and_groups()) + "; `alpscan list` shows them");
          continue;
        }
        if (!options.empty() && names.size() > 1)
          c.add(ptr + "/options", "options can only be given for a single experiment, not the group \"" + name + "\"");
        if (!label.empty() && names.size() > 1)
          c.add(ptr + "/label", "a label names a single experiment, not the group \"" + name + "\"");
        for (const auto& n : names) {
          const std::string as = label.empty() || names.size() > 1 ? n : label;
          auto dup = std::find_if(job.experiments.begin(), job.experiments.end(),
                                  [&](const ExperimentRequest& r) { return r.name == as; });
          if (dup != job.experiments.end()) {
            c.add(ptr, "experiment \"" + as + "\" is selected twice" +
                           (label.empty() ? " (to run a variant of it, give the second one a \"label\")" : ""));
            continue;
          }
          if (label.empty() && is_reserved_layer_name(as)) {  // a data file named like a merged layer
            c.add(ptr, "experiment \"" + as + "\" has a name reserved for the merged results; rename its data file");
            continue;
          }
          job.experiments.push_back({as, catalog.find(n)->file, options.dump()});
        }
      }
    }
  }

  if (j.contains("confidence_level")) {
    job.cl = c.number(j, "/confidence_level");
    // From 0.5 (a weaker "limit" is no exclusion) to 0.999999 (about 5 sigma; beyond, the tails of the
    // statistics are not resolved and a tiny 1 - CL would exclude points with no signal at all).
    if (j["confidence_level"].is_number() && !(job.cl >= 0.5 && job.cl <= 0.999999))
      c.add("/confidence_level",
            "expected a probability in [0.5, 0.999999] such as 0.9 or 0.95, found " + j["confidence_level"].dump());
  }
  job.output_dir = c.string(j, "/output", false);
  if (j.contains("output") && j["output"].is_string() && job.output_dir.empty())
    c.add("/output", "expected a directory path, found an empty string");
  // An explicit "output" is the user's choice (absolute or relative to the working directory); the
  // default out/<name> stays inside out/ because the name is a safe word (checked above).
  if (job.output_dir.empty()) job.output_dir = "out/" + job.name;
  const bool explicit_output = j.contains("output");
  if (job.output_dir.find('\0') != std::string::npos)
    c.add("/output", "expected a directory path, found one with a NUL character (\\u0000)");
  else if (explicit_output || safe_job_name(job.name))  // an unsafe name is reported once, above
    check_output_dir(c, explicit_output ? "/output" : "/name", job.output_dir);
  if (j.contains("chunk_size")) {
    if (!j["chunk_size"].is_number_integer() || j["chunk_size"].get<long long>() < 1)
      c.add("/chunk_size", "expected an integer >= 1 (points per work unit), found " + j["chunk_size"].dump());
    else
      job.chunk_size = j["chunk_size"].get<std::size_t>();
  }
  // refinement: adaptive boundary refinement (scan/Refinement): the coarse lattice's stride
  if (j.contains("refinement")) {
    const json& r = j["refinement"];
    if (!r.is_object()) {
      c.add("/refinement", "expected an object such as {\"coarse_step\": 16}, found " + json_type_name(r));
    } else {
      c.no_unknown_keys(r, "/refinement", {"coarse_step"});
      const json* s = r.contains("coarse_step") ? &r["coarse_step"] : nullptr;
      const long long v = s && s->is_number_integer() ? s->get<long long>() : 0;
      if (!s)
        c.add("/refinement/coarse_step", "missing: the stride of the coarse grid in grid points (a power of two such as 16)");
      else if (v < 2 || v > 4096 || (v & (v - 1)) != 0)
        c.add("/refinement/coarse_step",
              "expected a power of two from 2 to 4096 (the stride of the coarse grid in grid points), found " + s->dump());
      else
        job.refinement_step = static_cast<std::size_t>(v);
    }
  }

  // model: choices that hold for every point and experiment (model/AlpModel.hpp ModelOptions)
  if (j.contains("model")) {
    const json& m = j["model"];
    if (!m.is_object()) {
      c.add("/model", "expected an object such as {\"electron_loop\": \"off\"}, found " + json_type_name(m));
    } else {
      c.no_unknown_keys(m, "/model", {"electron_loop", "bandpass"});
      if (m.contains("electron_loop")) {
        const json& v = m["electron_loop"];
        const std::string t = v.is_string() ? v.get<std::string>() : "";
        using L = model::ModelOptions::ElectronLoop;
        if (t == "off") job.model.electron_loop = L::off;
        else if (t == "add") job.model.electron_loop = L::add;
        else if (t == "subtract") job.model.electron_loop = L::subtract;
        else
          c.add("/model/electron_loop",
                "expected \"off\", \"add\" or \"subtract\" (the electron-loop photon coupling added to g_agg "
                "with either relative sign), found " + v.dump());
      }
      if (m.contains("bandpass")) read_bandpass(c, m["bandpass"], job);
    }
  }
  // Ties once every axis is known, including the model block's shorthand axes (bandpass eps, m_D); then the
  // bandpass values, which a tie may set.
  const std::set<Axis> bad_ties = resolve_ties(c, job);
  if (job.model.bandpass.on) {
    const json* m = j.contains("model") ? &j["model"] : nullptr;
    check_bandpass_values(c, m && m->is_object() && m->contains("bandpass") ? (*m)["bandpass"] : json(), job, bad_ties);
  }
  // The bandpass parameters mean nothing without the bandpass model: a scan over them would silently
  // repeat one map.
  if (!job.model.bandpass.on)
    for (Axis a : {Axis::m_f_light, Axis::m_f_heavy, Axis::eps, Axis::m_D})
      if (job.axes[static_cast<int>(a)].given)
        c.add("/parameters/" + std::string(axis_name(a)),
              "this is a parameter of the bandpass model, which the job does not enable: add \"model\": {\"bandpass\": {...}}");

  // planes
  auto scanned = [&](Axis a) { return job.axes[static_cast<int>(a)].values.size() > 1; };
  if (j.contains("planes")) {
    if (!j["planes"].is_array()) {
      c.add("/planes", "expected an array of planes, found " + json_type_name(j["planes"]));
    } else {
      std::set<std::string> plane_names;  // one lookup per plane: a file of 1e5 copies stays linear
      for (size_t i = 0; i < j["planes"].size(); ++i) {
        const std::string ptr = "/planes/" + std::to_string(i);
        const json& pl = j["planes"][i];
        if (!pl.is_object()) {
          c.add(ptr, "expected an object {\"x\": axis, \"y\": axis, \"slice\": {axis: value}}");
          continue;
        }
        c.no_unknown_keys(pl, ptr, {"x", "y", "slice"});
        PlaneSpec ps;
        auto plane_axis = [&](const char* key) -> std::optional<Axis> {
          const std::string n = c.string(j, ptr + "/" + key);
          auto a = axis_from_name(n);
          if (!a && !n.empty())
            c.add(ptr + "/" + key, "unknown axis \"" + n + "\"" + nearest_hint(n, axis_names()));
          return a;
        };
        const auto ax = plane_axis("x"), ay = plane_axis("y");
        if (!ax || !ay) continue;
        ps.x = *ax, ps.y = *ay;
        if (ps.x == ps.y) c.add(ptr, "x and y must differ");
        bool tied_axis = false;
        for (Axis pa : {ps.x, ps.y})
          if (const auto& t = job.axes[static_cast<int>(pa)]; t.kind == AxisSpec::Kind::tied && t.tied_to) {
            tied_axis = true;
            c.add(ptr, std::string(axis_name(pa)) + " is tied to " + std::string(axis_name(*t.tied_to)) +
                           " (no axis of its own); plot against " + std::string(axis_name(*t.tied_to)) + " instead");
          }
        if (!tied_axis && (!scanned(ps.x) || !scanned(ps.y)))
          c.add(ptr, "both plane axes must be scanned (more than one value)");
        if (pl.contains("slice")) {
          if (!pl["slice"].is_object()) c.add(ptr + "/slice", "expected an object {axis: value}");
          else
            for (auto it = pl["slice"].begin(); it != pl["slice"].end(); ++it) {
              auto a = axis_from_name(it.key());
              if (!a) {
                c.add(ptr + "/slice/" + it.key(), "unknown axis" + nearest_hint(it.key(), axis_names()));
                continue;
              }
              if (!it.value().is_number()) {
                c.add(ptr + "/slice/" + it.key(), "expected a number (a value of that axis' grid)");
                continue;
              }
              if (*a == ps.x || *a == ps.y) {
                c.add(ptr + "/slice/" + it.key(), it.key() + " is an axis of this plane (" + std::string(*a == ps.x ? "x" : "y") +
                                                      "); a slice fixes one of the other scanned axes");
                continue;
              }
              if (const auto& t = job.axes[static_cast<int>(*a)]; t.kind == AxisSpec::Kind::tied && t.tied_to) {
                c.add(ptr + "/slice/" + it.key(), it.key() + " is tied to " + std::string(axis_name(*t.tied_to)) +
                                                      " and follows it; slice " + std::string(axis_name(*t.tied_to)) + " instead");
                continue;
              }
              const double v = it.value().get<double>();
              const auto& vals = job.axes[static_cast<int>(*a)].values;
              const bool on_grid = std::any_of(vals.begin(), vals.end(), [&](double g) {
                return std::abs(g - v) <= 1e-9 * std::max(std::abs(g), std::abs(v));
              });
              if (!on_grid) c.add(ptr + "/slice/" + it.key(), "value " + it.value().dump() + " is not on the axis grid");
              ps.slice_at[*a] = v;
            }
        }
        if (!plane_names.insert(ps.name()).second) c.add(ptr, "the plane " + ps.name() + " is given twice");
        job.planes.push_back(ps);
      }
    }
  } else if (scanned(Axis::m_a) && scanned(Axis::g_agg)) {
    job.planes.push_back(PlaneSpec{});  // the (m_a, g_agg) plane, other axes profiled
  } else if (scanned(Axis::m_a) && scanned(Axis::g_ae)) {
    job.planes.push_back(PlaneSpec{Axis::m_a, Axis::g_ae, {}});
  }
  return job;
}

}  // namespace alpscan
