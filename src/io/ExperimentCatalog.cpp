#include "alpscan/io/ExperimentCatalog.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "alpscan/experiments/FamilyRegistry.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/io/JsonUtil.hpp"

namespace alpscan {

namespace fs = std::filesystem;
using nlohmann::json;

ExperimentCatalog::ExperimentCatalog(const std::string& data_dir) {
  std::error_code ec;
  if (!fs::is_directory(data_dir, ec)) return;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(data_dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    Diagnostics d;
    json j;
    CatalogEntry c;
    c.file = f.string();
    c.name = f.stem().string();
    // A file that does not load (or has a name of the wrong type) stays listed under its file name, so
    // that a job selecting it gets the loader's diagnostic (file, key) instead of "unknown experiment".
    const bool ok = load_json_file(f.string(), j, d, data_file_limits()) && j.is_object();
    auto text = [&](const char* key) {
      return ok && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
    };
    if (!text("name").empty()) c.name = text("name");
    c.family = text("family");
    c.title = text("title");
    c.kind = text("kind");
    if (ok && j.contains("sources") && j["sources"].is_array())
      for (const auto& s : j["sources"])
        if (s.is_string()) c.sources.push_back(s.get<std::string>());
    entries_.push_back(std::move(c));
  }
}

const CatalogEntry* ExperimentCatalog::find(const std::string& name) const {
  for (const auto& e : entries_)
    if (e.name == name) return &e;
  return nullptr;
}

// "all" is every experiment that compares the model with data or a projection. Conditions on a model's own
// parameters (the bandpass UV completion) need that model switched on, so a job that wants them names
// their family: "all" stays valid for every job.
std::vector<std::string> ExperimentCatalog::group(const std::string& name) const {
  static const std::set<std::string> kNotInAll = {"bandpass_uv_completion"};
  std::vector<std::string> out;
  for (const auto& e : entries_)
    if ((name == "all" && !kNotInAll.count(e.family)) || e.family == name) out.push_back(e.name);
  return out;
}

std::vector<std::string> ExperimentCatalog::all_names_and_groups() const {
  std::set<std::string> s = {"all"};
  for (const auto& e : entries_) s.insert(e.name), s.insert(e.family);
  return {s.begin(), s.end()};
}

namespace {
ExperimentPtr make_experiment_checked(const ExperimentRequest& req, Diagnostics& diags);
}  // namespace

// The data file's "family" names the registered family that reads it (experiments/FamilyRegistry.hpp).
ExperimentPtr make_experiment(const ExperimentRequest& req) {
  Diagnostics diags;
  try {
    return make_experiment_checked(req, diags);
  } catch (const json::exception& err) {  // a reader that trusted a type: still the file's fault, not ours
    diags.add(req.file, "", std::string("a value has an unexpected JSON type (schemas/experiment.schema.json): ") + err.what());
    throw InputError(diags);
  }
}

namespace {
ExperimentPtr make_experiment_checked(const ExperimentRequest& req, Diagnostics& diags) {
  const json overrides = json::parse(req.options_json.empty() ? "{}" : req.options_json);
  ExperimentFile f(req.file, overrides, diags);
  ExperimentPtr e;
  if (diags.empty()) {
    f.set_label(req.name);  // a job's variant of the experiment runs under its label
    const std::string& name = f.info().family;
    if (const Family* family = find_family(name)) {
      e = family->make(f);
      f.finish();
    } else {
      std::vector<std::string> known;
      for (const Family* k : registered_families()) known.push_back(k->name);
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      diags.add(req.file, "/family", "unknown experiment family \"" + name + "\" (known: " + list + ")" +
                                         nearest_hint(name, known));
    }
  }
  if (!diags.empty()) throw InputError(diags);
  return e;
}
}  // namespace

}  // namespace alpscan
