#include "alpscan/io/ExperimentCatalog.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "alpscan/io/BeamDumpConfigIO.hpp"
#include "alpscan/io/ColliderConfigIO.hpp"
#include "alpscan/io/ShowerDumpConfigIO.hpp"
#include "alpscan/io/ElectronDumpConfigIO.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/io/JsonUtil.hpp"
#include "alpscan/io/PassatConfigIO.hpp"

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
    if (!load_json_file(f.string(), j, d) || !j.is_object()) continue;
    CatalogEntry c;
    c.file = f.string();
    c.name = j.value("name", f.stem().string());
    c.family = j.value("family", "");
    c.title = j.value("title", "");
    c.kind = j.value("kind", "");
    if (j.contains("sources") && j["sources"].is_array())
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

std::vector<std::string> ExperimentCatalog::group(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& e : entries_)
    if (name == "all" || e.family == name) out.push_back(e.name);
  return out;
}

std::vector<std::string> ExperimentCatalog::all_names_and_groups() const {
  std::set<std::string> s = {"all"};
  for (const auto& e : entries_) s.insert(e.name), s.insert(e.family);
  return {s.begin(), s.end()};
}

// One factory per experiment family. A new family adds one line here and one *ConfigIO.cpp.
ExperimentPtr make_experiment(const ExperimentRequest& req, std::map<std::string, std::string>* used_options) {
  Diagnostics diags;
  const json overrides = json::parse(req.options_json.empty() ? "{}" : req.options_json);
  ExperimentFile f(req.file, overrides, diags);
  ExperimentPtr e;
  if (diags.empty()) {
    f.set_label(req.name);  // a job's variant of the experiment runs under its label
    const std::string& family = f.info().family;
    if (family == "passat")
      e = make_passat_experiment(f);
    else if (family == "electron_dump")
      e = make_electron_dump_experiment(f);
    else if (family == "beam_dump")
      e = make_beam_dump_experiment(f);
    else if (family == "collider")
      e = make_collider_experiment(f);
    else if (family == "shower_dump")
      e = make_shower_dump_experiment(f);
    else
      diags.add(req.file, "/family", "unknown experiment family \"" + family + "\" (known: passat, beam_dump, electron_dump, collider, shower_dump)");
    f.finish();
  }
  if (!diags.empty()) throw InputError(diags);
  if (used_options) *used_options = f.used_options();
  return e;
}

}  // namespace alpscan
