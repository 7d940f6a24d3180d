#include "alpscan/io/ExperimentFile.hpp"

#include <cstdlib>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "alpscan/core/Units.hpp"
#include "alpscan/io/JsonUtil.hpp"
#include "alpscan/stats/BinnedPoisson.hpp"

namespace alpscan {

using nlohmann::json;

namespace {

struct UnitDef {
  const char* unit;
  const char* dimension;
  double to_internal;
};
const UnitDef kUnits[] = {
    {"1", "number", 1.0},
    {"GeV", "energy", units::GeV},
    {"MeV", "energy", units::MeV},
    {"keV", "energy", units::keV},
    {"eV", "energy", units::eV},
    {"GeV^-1", "inverse_energy", 1.0},
    {"m", "length", units::meter},
    {"cm", "length", units::cm},
    {"mm", "length", 1e-3 * units::meter},
    {"fm", "length", units::fm},
    {"T", "field", units::tesla},
    {"mb", "area", units::millibarn},
    {"b", "area", 1e3 * units::millibarn},
    {"fm^2", "area", units::fm * units::fm},
    {"cm^2", "area", units::cm * units::cm},
    {"m^2", "area", units::meter * units::meter},
    {"rad", "angle", 1.0},
    {"mrad", "angle", 1e-3},
    {"deg", "angle", units::pi / 180.0},
};

}  // namespace

struct ExperimentFile::Impl {
  json doc;
  json overrides;
  std::set<std::string> options_read;
  std::set<std::string> parameters_read;  // every parameters/<key> a getter asked for, present or not
  bool has_parameter(const std::string& key) const {
    return doc.is_object() && doc.contains("parameters") && doc["parameters"].is_object() &&
           doc["parameters"].contains(key);
  }
};

ExperimentFile::ExperimentFile(std::string path, const json& option_overrides, Diagnostics& diags)
    : path_(std::move(path)), impl_(new Impl), diags_(diags), diags_at_start_(diags.items().size()) {
  impl_->overrides = option_overrides.is_object() ? option_overrides : json::object();
  if (!load_json_file(path_, impl_->doc, diags_)) return;
  const json& d = impl_->doc;
  JsonChecker c(path_, diags_);
  c.require_string(d, "/format", "alpscan-experiment/1");
  info_.name = c.string(d, "/name");
  info_.family = c.string(d, "/family");
  info_.title = c.string(d, "/title");
  info_.kind = c.string(d, "/kind");
  if (!info_.kind.empty() && info_.kind != "limit" && info_.kind != "projection")
    diags_.add(path_, "/kind", "expected \"limit\" or \"projection\", found \"" + info_.kind + "\"");
  if (d.contains("cl")) info_.default_cl = c.number(d, "/cl");
  if (d.contains("sources") && d["sources"].is_array()) {
    for (const auto& s : d["sources"])
      if (s.is_string()) info_.sources.push_back(s.get<std::string>());
  }
  if (info_.sources.empty()) diags_.add(path_, "/sources", "expected a non-empty list of sources");
  info_.data.projection = info_.kind == "projection";
  if (d.contains("binned")) read_binned(d["binned"]);
  if (!info_.binned.empty() && !d.contains("counting")) {
    // a binned experiment needs no single-bin counting section
  } else if (!d.contains("counting") || !d["counting"].is_object()) {
    diags_.add(path_, "/counting", "expected an object with background, background_sigma, observed");
  } else {
    const json& k = d["counting"];
    auto q = [&](const char* key, double fallback) {
      if (!k.contains(key)) return fallback;
      const json& v = k[key];
      if (!v.is_object() || !v.contains("value") || !v["value"].is_number()) {
        diags_.add(path_, std::string("/counting/") + key, "expected {\"value\": number, \"source\": ...}");
        return fallback;
      }
      return v["value"].get<double>();
    };
    info_.data.background = q("background", 0.0);
    info_.data.background_sigma = q("background_sigma", 0.0);
    info_.data.observed = q("observed", info_.data.background);
    info_.data.quoted_upper_limit = q("signal_upper_limit", 0.0);
    info_.data.quoted_cl = q("signal_upper_limit_cl", info_.default_cl);
    if (k.contains("signal_upper_limit") && !(info_.data.quoted_upper_limit > 0 && info_.data.quoted_cl > 0 &&
                                              info_.data.quoted_cl < 1))
      diags_.add(path_, "/counting/signal_upper_limit", "expected a number of events > 0 and a CL in (0, 1)");
    if (info_.data.background < 0 || info_.data.background_sigma < 0 || info_.data.observed < 0)
      diags_.add(path_, "/counting", "counts and uncertainties must be >= 0");
    if (!info_.data.projection && !k.contains("observed") && !k.contains("signal_upper_limit"))
      diags_.add(path_, "/counting/observed", "an experiment of kind \"limit\" needs observed counts (or a quoted signal_upper_limit)");
    read_signal_limit_option(k);
  }
}

// An option "signal_upper_limit" (its choices are numbers written as strings, e.g. ArgoNeuT's 3-, 20- and
// 100-event benchmarks) selects counting/signal_upper_limit; the file's option value must equal the counting
// value (one default, stated once with its source), a job override picks another choice.
void ExperimentFile::read_signal_limit_option(const json& counting) {
  const json& d = impl_->doc;
  if (!d.contains("options") || !d["options"].is_object() || !d["options"].contains("signal_upper_limit")) return;
  const json& o = d["options"]["signal_upper_limit"];
  std::vector<std::string> choices;
  if (o.is_object() && o.contains("choices") && o["choices"].is_array())
    for (const auto& c : o["choices"])
      if (c.is_string()) choices.push_back(c.get<std::string>());
  if (!counting.contains("signal_upper_limit")) {
    diags_.add(path_, "/options/signal_upper_limit", "needs counting/signal_upper_limit (the default, with its source)");
    return;
  }
  auto events = [](const std::string& v) {
    char* end = nullptr;
    const double x = std::strtod(v.c_str(), &end);
    return (end && *end == '\0' && x > 0) ? x : -1.0;
  };
  const double file_value = o.is_object() && o.contains("value") && o["value"].is_string() ? events(o["value"].get<std::string>()) : -1;
  if (file_value != info_.data.quoted_upper_limit)
    diags_.add(path_, "/options/signal_upper_limit/value", "must equal counting/signal_upper_limit (the default)");
  const std::string v = option("signal_upper_limit", choices);
  if (events(v) > 0) info_.data.quoted_upper_limit = events(v);
  else diags_.add(path_, "/options/signal_upper_limit", "expected a number of signal events > 0, found \"" + v + "\"");
}

void ExperimentFile::set_label(const std::string& label) {
  if (label.empty() || label == info_.name) return;
  std::string options;  // the job's overrides, so the curve header says what the variant is
  for (auto it = impl_->overrides.begin(); it != impl_->overrides.end(); ++it)
    options += (options.empty() ? ": " : ", ") + it.key() + " = " +
               (it.value().is_string() ? it.value().get<std::string>() : it.value().dump());
  info_.title += " [variant \"" + label + "\" of " + info_.name + options + "]";
  info_.name = label;
}

ExperimentFile::~ExperimentFile() { delete impl_; }

// "binned": {"labels": [...], "observed": {"values": [...], "source": ...},
//            "background": {"values": [...], "source": ...}, "critical": {"value": x, "source": ...}}
void ExperimentFile::read_binned(const json& b) {
  if (!b.is_object()) {
    diags_.add(path_, "/binned", "expected an object with labels, observed, background, critical");
    return;
  }
  BinnedData x;
  if (!b.contains("labels") || !b["labels"].is_array() || b["labels"].empty()) {
    diags_.add(path_, "/binned/labels", "expected a non-empty list of bin labels");
    return;
  }
  for (const auto& l : b["labels"]) x.labels.push_back(l.is_string() ? l.get<std::string>() : l.dump());
  auto values = [&](const char* key, std::vector<double>& out) {
    const std::string where = std::string("/binned/") + key;
    if (!b.contains(key) || !b[key].is_object() || !b[key].contains("values") || !b[key]["values"].is_array()) {
      diags_.add(path_, where, "expected {\"values\": [one number per bin], \"source\": ...}");
      return;
    }
    if (!b[key].contains("source") || !b[key]["source"].is_string())
      diags_.add(path_, where + "/source", "every input number needs a source (seed file and line, or paper)");
    for (const auto& v : b[key]["values"]) {
      if (!v.is_number()) {
        diags_.add(path_, where + "/values", "expected numbers, found " + v.dump());
        return;
      }
      out.push_back(v.get<double>());
    }
    if (out.size() != x.labels.size())
      diags_.add(path_, where + "/values", "expected " + std::to_string(x.labels.size()) + " values (one per label), found " +
                                               std::to_string(out.size()));
  };
  values("observed", x.observed);
  values("background", x.background);
  if (!b.contains("critical") || !b["critical"].is_object() || !b["critical"].contains("value") ||
      !b["critical"]["value"].is_number()) {
    diags_.add(path_, "/binned/critical", "expected {\"value\": -2 Delta ln L threshold, \"source\": ...}");
    return;
  }
  x.critical = b["critical"]["value"].get<double>();
  x.critical_note = b["critical"].value("source", std::string());
  if (x.observed.size() != x.labels.size() || x.background.size() != x.labels.size()) return;
  const std::string problem = stats::binned_data_problem(x);
  if (!problem.empty()) {
    diags_.add(path_, "/binned", problem);
    return;
  }
  info_.binned = std::move(x);
}

double ExperimentFile::number(const std::string& key, const std::string& dimension) {
  impl_->parameters_read.insert(key);
  const std::string where = "/parameters/" + key;
  const json& d = impl_->doc;
  if (!d.is_object() || !d.contains("parameters") || !d["parameters"].contains(key)) {
    diags_.add(path_, where, "missing parameter (expected {\"value\": number, \"unit\": <" + dimension +
                                 " unit>, \"source\": ...})");
    return 0.0;
  }
  const json& q = d["parameters"][key];
  if (!q.is_object() || !q.contains("value") || !q["value"].is_number()) {
    diags_.add(path_, where + "/value", "expected a number");
    return 0.0;
  }
  return convert(q["value"].get<double>(), q, where, dimension);
}

// Checks the source and unit of the quantity q at `where` and converts value to internal units.
double ExperimentFile::convert(double value, const json& q, const std::string& where, const std::string& dimension) {
  if (!q.contains("source") || !q["source"].is_string())
    diags_.add(path_, where + "/source", "every input number needs a source (seed file and line, or paper)");
  const std::string unit = q.contains("unit") && q["unit"].is_string() ? q["unit"].get<std::string>() : "1";
  for (const auto& u : kUnits) {
    if (unit == u.unit) {
      if (dimension != u.dimension) {
        diags_.add(path_, where + "/unit",
                   "expected a unit of " + dimension + ", found \"" + unit + "\" (" + u.dimension + ")");
        return 0.0;
      }
      return value * u.to_internal;
    }
  }
  std::string known;
  for (const auto& u : kUnits)
    if (dimension == u.dimension) known += std::string(known.empty() ? "" : ", ") + u.unit;
  diags_.add(path_, where + "/unit", "unknown unit \"" + unit + "\"; expected one of: " + known);
  return 0.0;
}

std::vector<double> ExperimentFile::numbers(const std::string& key, const std::string& dimension) {
  impl_->parameters_read.insert(key);
  const std::string where = "/parameters/" + key;
  const json& d = impl_->doc;
  if (!d.is_object() || !d.contains("parameters") || !d["parameters"].contains(key)) {
    diags_.add(path_, where, "missing parameter (expected {\"values\": [numbers], \"unit\": <" + dimension +
                                 " unit>, \"source\": ...})");
    return {};
  }
  const json& q = d["parameters"][key];
  if (!q.is_object() || !q.contains("values") || !q["values"].is_array() || q["values"].empty()) {
    diags_.add(path_, where + "/values", "expected a non-empty list of numbers");
    return {};
  }
  std::vector<double> out;
  for (const auto& v : q["values"]) {
    if (!v.is_number()) {
      diags_.add(path_, where + "/values", "expected numbers, found " + v.dump());
      return {};
    }
    out.push_back(convert(v.get<double>(), q, where, dimension));
  }
  return out;
}

double ExperimentFile::number_or(const std::string& key, const std::string& dimension, double fallback) {
  impl_->parameters_read.insert(key);
  if (!impl_->has_parameter(key)) return fallback;
  return number(key, dimension);
}

double ExperimentFile::number_when(bool needed, const std::string& key, const std::string& dimension, double fallback) {
  impl_->parameters_read.insert(key);
  if (!needed && !impl_->has_parameter(key)) return fallback;
  return number(key, dimension);
}

std::vector<double> ExperimentFile::numbers_when(bool needed, const std::string& key, const std::string& dimension) {
  impl_->parameters_read.insert(key);
  if (!needed && !impl_->has_parameter(key)) return {};
  return numbers(key, dimension);
}

std::string ExperimentFile::option(const std::string& key, const std::vector<std::string>& allowed) {
  impl_->options_read.insert(key);
  const json& d = impl_->doc;
  std::string where = "/options/" + key + "/value";
  std::string value;
  std::string origin = path_;
  if (impl_->overrides.contains(key)) {
    const json& o = impl_->overrides[key];
    if (!o.is_string()) {
      diags_.add(path_, "(job override) options/" + key, "expected a string");
      return allowed.empty() ? "" : allowed.front();
    }
    value = o.get<std::string>();
    origin = "job option override";
  } else if (d.is_object() && d.contains("options") && d["options"].contains(key) &&
             d["options"][key].contains("value") && d["options"][key]["value"].is_string()) {
    value = d["options"][key]["value"].get<std::string>();
  } else {
    diags_.add(path_, where, "missing option (expected a string)");
    return allowed.empty() ? "" : allowed.front();
  }
  if (!allowed.empty()) {
    bool ok = false;
    std::string list;
    for (const auto& a : allowed) {
      ok = ok || a == value;
      list += (list.empty() ? "\"" : ", \"") + a + "\"";
    }
    if (!ok) {
      diags_.add(path_, where, "expected one of " + list + ", found \"" + value + "\" (from " + origin + ")");
      return allowed.front();
    }
  }
  info_.options[key] = value;
  return value;
}

double ExperimentFile::option_number(const std::string& key) {
  impl_->options_read.insert(key);
  const json& d = impl_->doc;
  const json* v = nullptr;
  if (impl_->overrides.contains(key))
    v = &impl_->overrides[key];
  else if (d.is_object() && d.contains("options") && d["options"].contains(key) && d["options"][key].contains("value"))
    v = &d["options"][key]["value"];
  if (!v || !v->is_number()) {
    diags_.add(path_, "/options/" + key + "/value", "expected a number");
    return 0.0;
  }
  info_.options[key] = v->dump();
  return v->get<double>();
}

void ExperimentFile::add_problem(const std::string& json_path, const std::string& message) {
  diags_.add(path_, json_path, message);
}

bool ExperimentFile::ok() const { return diags_.items().size() == diags_at_start_; }

void ExperimentFile::finish() {
  for (auto it = impl_->overrides.begin(); it != impl_->overrides.end(); ++it) {
    if (!impl_->options_read.count(it.key())) {
      std::vector<std::string> known(impl_->options_read.begin(), impl_->options_read.end());
      diags_.add(path_, "(job override) options/" + it.key(),
                 "experiment " + info_.name + " has no option \"" + it.key() + "\"" + nearest_hint(it.key(), known));
    }
  }
  // Keys of the file that the family never asked for. Checked only when the family read the file
  // (a file whose family is unknown has no reader to compare with).
  const json& d = impl_->doc;
  if (!d.is_object() || (impl_->parameters_read.empty() && impl_->options_read.empty())) return;
  auto unread = [&](const char* section, const std::set<std::string>& read) {
    if (!d.contains(section) || !d[section].is_object()) return;
    const std::vector<std::string> known(read.begin(), read.end());
    for (auto it = d[section].begin(); it != d[section].end(); ++it)
      if (!read.count(it.key()))
        diags_.add(path_, std::string("/") + section + "/" + it.key(),
                   "family \"" + info_.family + "\" has no " + (section[0] == 'p' ? "parameter" : "option") + " \"" +
                       it.key() + "\"" + nearest_hint(it.key(), known));
  };
  unread("parameters", impl_->parameters_read);
  unread("options", impl_->options_read);
}

}  // namespace alpscan
