#include "alpscan/io/ExperimentFile.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "alpscan/core/Units.hpp"
#include "alpscan/io/JsonUtil.hpp"
#include "alpscan/io/ProbeKinematicsJson.hpp"
#include "alpscan/stats/BinnedPoissonLikelihood.hpp"
#include "alpscan/stats/CountingLikelihood.hpp"
#include "alpscan/stats/GaussianMeasurement.hpp"
#include "alpscan/stats/PublishedCurveLikelihood.hpp"
#include "alpscan/stats/SignificanceLikelihood.hpp"
#include "alpscan/stats/TheoryBoundLikelihood.hpp"

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
    {"km", "length", 1e3 * units::meter},
    {"pc", "length", 3.0856775814913673e16 * units::meter},  // IAU 2015 B2
    {"kpc", "length", 3.0856775814913673e19 * units::meter},
    {"Mpc", "length", 3.0856775814913673e22 * units::meter},
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
  if (!load_json_file(path_, impl_->doc, diags_, data_file_limits())) return;
  const json& d = impl_->doc;
  JsonChecker c(path_, diags_);
  c.require_string(d, "/format", "alpscan-experiment/1");
  info_.data_files.push_back(path_);
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
  if (d.contains("probe_kinematics"))
    info_.probe_kinematics = read_probe_kinematics(
        d["probe_kinematics"], path_,
        [this](const json& q, const std::string& where, const std::string& dimension) {
          return convert(q["value"].get<double>(), q, where, dimension);
        },
        diags_);
  if (d.contains("refinement")) {  // {"max_coarse_step": 1, "reason": "..."}: see ExperimentInfo
    const json& r = d["refinement"];
    const json* step = r.is_object() && r.contains("max_coarse_step") ? &r["max_coarse_step"] : nullptr;
    const long long v = step && step->is_number_integer() ? step->get<long long>() : 0;
    if (!r.is_object() || !r.contains("reason") || !r["reason"].is_string() || r["reason"].get<std::string>().empty())
      diags_.add(path_, "/refinement", "expected {\"max_coarse_step\": <power of two>, \"reason\": \"why\"}");
    else if (v < 1 || v > 4096 || (v & (v - 1)) != 0)
      diags_.add(path_, "/refinement/max_coarse_step", "expected a power of two from 1 to 4096, found " +
                                                           (step ? step->dump() : std::string("nothing")));
    else
      info_.max_refinement_step = static_cast<std::size_t>(v);
  }
  // How the prediction meets the data: exactly one of the four likelihood sections.
  int sections = 0;
  for (const char* k : {"counting", "binned", "published_curve", "gaussian", "significance", "theory_bound"})
    sections += d.contains(k) ? 1 : 0;
  if (sections > 1)
    diags_.add(path_, "", "give exactly one of counting, binned, published_curve, gaussian, significance, theory_bound "
                          "(how the prediction meets the data)");
  if (d.contains("binned")) read_binned(d["binned"]);
  else if (d.contains("significance")) read_significance(d["significance"]);
  else if (d.contains("published_curve")) read_published_curve(d["published_curve"]);
  else if (d.contains("gaussian")) read_gaussian(d["gaussian"]);
  else if (d.contains("theory_bound")) read_theory_bound(d["theory_bound"]);
  else if (!d.contains("counting") || !d["counting"].is_object())
    diags_.add(path_, "/counting", "expected an object with background, background_sigma, observed");
  else read_counting(d["counting"]);
}

// "counting": {"background": Q, "background_sigma": Q, "observed": Q, "signal_upper_limit": Q, "signal_upper_limit_cl": Q}
void ExperimentFile::read_counting(const json& k) {
  CountingData data;
  data.projection = info_.kind == "projection";
  auto q = [&](const char* key, double fallback) {
    if (!k.contains(key)) return fallback;
    const json& v = k[key];
    if (!v.is_object() || !v.contains("value") || !v["value"].is_number()) {
      diags_.add(path_, std::string("/counting/") + key, "expected {\"value\": number, \"source\": ...}");
      return fallback;
    }
    return v["value"].get<double>();
  };
  data.background = q("background", 0.0);
  data.background_sigma = q("background_sigma", 0.0);
  data.observed = q("observed", data.background);
  data.quoted_upper_limit = q("signal_upper_limit", 0.0);
  data.quoted_cl = q("signal_upper_limit_cl", info_.default_cl);
  if (k.contains("signal_upper_limit") && !(data.quoted_upper_limit > 0 && data.quoted_cl > 0 && data.quoted_cl < 1))
    diags_.add(path_, "/counting/signal_upper_limit", "expected a number of events > 0 and a CL in (0, 1)");
  if (data.background < 0 || data.background_sigma < 0 || data.observed < 0)
    diags_.add(path_, "/counting", "counts and uncertainties must be >= 0");
  if (!data.projection && !k.contains("observed") && !k.contains("signal_upper_limit"))
    diags_.add(path_, "/counting/observed", "an experiment of kind \"limit\" needs observed counts (or a quoted signal_upper_limit)");
  read_signal_limit_option(k, data);
  info_.likelihood = std::make_shared<stats::CountingLikelihood>(data);
}

// An option "signal_upper_limit" (its choices are numbers written as strings, e.g. ArgoNeuT's 3-, 20- and
// 100-event benchmarks) selects counting/signal_upper_limit; the file's option value must equal the counting
// value (one default, stated once with its source), a job override picks another choice.
void ExperimentFile::read_signal_limit_option(const json& counting, CountingData& data) {
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
  if (file_value != data.quoted_upper_limit)
    diags_.add(path_, "/options/signal_upper_limit/value", "must equal counting/signal_upper_limit (the default)");
  const std::string v = option("signal_upper_limit", choices);
  if (events(v) > 0) data.quoted_upper_limit = events(v);
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
  info_.likelihood = std::make_shared<stats::BinnedPoissonLikelihood>(std::move(x));
}

// "published_curve": {"coupling": "g_agg", "cl": {"value": 0.9, "source": ...}, "source": "paper, figure",
//   and either "m_a": {"values": [..], "unit": "GeV", "source": ..}, "g_limit": {"values": [..], "unit": "GeV^-1", "source": ..}
//   or "file": {"path": "<two-column text file, relative to this file>", "m_a_unit": "GeV", "g_limit_unit": "GeV^-1", "source": ..}}
void ExperimentFile::read_published_curve(const json& b) {
  const std::string w = "/published_curve";
  if (!b.is_object()) {
    diags_.add(path_, w, "expected an object with coupling, cl, source and m_a + g_limit or file");
    return;
  }
  stats::PublishedCurve c;
  c.coupling = b.contains("coupling") && b["coupling"].is_string() ? b["coupling"].get<std::string>() : "";
  std::string g_dimension;
  // g_ae*g_agg: a bound on the product (CAST's solar ABC axions: production by g_ae, detection by g_agg).
  if (c.coupling == "g_agg" || c.coupling == "g_achi" || c.coupling == "g_ae*g_agg") g_dimension = "inverse_energy";
  else if (c.coupling == "g_ae" || c.coupling == "epsilon") g_dimension = "number";  // epsilon: a dark photon's kinetic mixing (recasts)
  else diags_.add(path_, w + "/coupling", "expected \"g_agg\", \"g_achi\", \"g_ae\", \"g_ae*g_agg\" or \"epsilon\" (the coupling the curve bounds)");
  if (!b.contains("source") || !b["source"].is_string() || b["source"].get<std::string>().empty())
    diags_.add(path_, w + "/source", "the curve needs its provenance (paper, figure, how it was digitised)");
  else c.source = b["source"].get<std::string>();
  if (!b.contains("cl") || !b["cl"].is_object() || !b["cl"].contains("value") || !b["cl"]["value"].is_number())
    diags_.add(path_, w + "/cl", "expected {\"value\": the curve's confidence level, \"source\": ...}");
  else c.cl = b["cl"]["value"].get<double>();
  if (g_dimension.empty()) return;
  const bool inline_points = b.contains("m_a") || b.contains("g_limit");
  if (inline_points == b.contains("file")) {
    diags_.add(path_, w, "give the curve either inline (m_a and g_limit) or as a file, not both");
    return;
  }
  if (inline_points) {
    auto list = [&](const char* key, const std::string& dimension, std::vector<double>& out) {
      if (!b.contains(key) || !b[key].is_object() || !b[key].contains("values") || !b[key]["values"].is_array()) {
        diags_.add(path_, w + "/" + key, "expected {\"values\": [numbers], \"unit\": ..., \"source\": ...}");
        return;
      }
      for (const auto& v : b[key]["values"]) {
        if (!v.is_number()) {
          diags_.add(path_, w + "/" + key + "/values", "expected numbers, found " + v.dump());
          return;
        }
        out.push_back(convert(v.get<double>(), b[key], w + "/" + key, dimension));
      }
    };
    list("m_a", "energy", c.m_a);
    list("g_limit", g_dimension, c.g_limit);
  } else {
    const json& f = b["file"];
    if (!f.is_object() || !f.contains("path") || !f["path"].is_string()) {
      diags_.add(path_, w + "/file", "expected {\"path\": ..., \"m_a_unit\": ..., \"g_limit_unit\": ..., \"source\": ...}");
      return;
    }
    std::filesystem::path file(f["path"].get<std::string>());
    if (file.is_relative()) file = std::filesystem::path(path_).parent_path() / file;
    std::string text, why;  // the same guards as the JSON files: a regular file of bounded size
    if (!read_regular_file(file.string(), data_file_limits().max_bytes, text, why)) {
      diags_.add(path_, w + "/file/path", "cannot read " + file.string() + ": " + why);
      return;
    }
    std::istringstream in(text);
    info_.data_files.push_back(file.string());
    const json m_unit = {{"unit", f.value("m_a_unit", std::string("GeV"))}, {"source", f.value("source", json())}};
    const json g_unit = {{"unit", f.value("g_limit_unit", std::string(g_dimension == "number" ? "1" : "GeV^-1"))},
                         {"source", f.value("source", json())}};
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      const std::size_t hash = line.find('#');
      if (hash != std::string::npos) line.erase(hash);
      std::istringstream ls(line);
      double m = 0, g = 0;
      if (!(ls >> m)) continue;  // blank or comment line
      std::string rest;
      if (!(ls >> g) || (ls >> rest)) {
        diags_.add(path_, w + "/file", file.string() + " line " + std::to_string(n) + ": expected two numbers, m_a and g_limit");
        return;
      }
      c.m_a.push_back(convert(m, m_unit, w + "/file/m_a_unit", "energy"));
      c.g_limit.push_back(convert(g, g_unit, w + "/file/g_limit_unit", g_dimension));
    }
  }
  const std::string problem = stats::published_curve_problem(c);
  if (!problem.empty()) {
    diags_.add(path_, w, problem);
    return;
  }
  info_.likelihood = std::make_shared<stats::PublishedCurveLikelihood>(std::move(c));
}

// "theory_bound": {"statement": "eps m_D <= 1.5e-12 eV", "source": "seed 001 Eq. (6), L88-L90"}: a condition on the
// model's parameters (stats/TheoryBoundLikelihood.hpp); the family computes r = X/X_max.
void ExperimentFile::read_theory_bound(const json& b) {
  const std::string w = "/theory_bound";
  if (!b.is_object()) {
    diags_.add(path_, w, "expected an object with statement and source");
    return;
  }
  stats::TheoryBound t;
  for (auto [key, out] : {std::pair<const char*, std::string*>{"statement", &t.statement}, {"source", &t.source}}) {
    if (!b.contains(key) || !b[key].is_string() || b[key].get<std::string>().empty())
      diags_.add(path_, w + "/" + key, std::string("expected a non-empty string (") +
                                           (out == &t.statement ? "the condition as text" : "its provenance") + ")");
    else
      *out = b[key].get<std::string>();
  }
  for (auto it = b.begin(); it != b.end(); ++it)
    if (it.key() != "statement" && it.key() != "source") diags_.add(path_, w + "/" + it.key(), "unknown key (expected statement, source)");
  if (t.statement.empty() || t.source.empty()) return;
  info_.likelihood = std::make_shared<stats::TheoryBoundLikelihood>(std::move(t));
}

// "gaussian": {"quantity": "Delta a_mu", "value": Q, "sigma": Q, "source": "..."} (dimensionless Q).
void ExperimentFile::read_gaussian(const json& b) {
  const std::string w = "/gaussian";
  if (!b.is_object()) {
    diags_.add(path_, w, "expected an object with quantity, value, sigma, source");
    return;
  }
  stats::GaussianData g;
  g.quantity = b.contains("quantity") && b["quantity"].is_string() ? b["quantity"].get<std::string>() : "";
  if (g.quantity.empty()) diags_.add(path_, w + "/quantity", "expected the name of the measured quantity");
  if (!b.contains("source") || !b["source"].is_string() || b["source"].get<std::string>().empty())
    diags_.add(path_, w + "/source", "the measurement needs its provenance");
  else g.source = b["source"].get<std::string>();
  auto q = [&](const char* key) {
    if (!b.contains(key) || !b[key].is_object() || !b[key].contains("value") || !b[key]["value"].is_number()) {
      diags_.add(path_, w + "/" + key, "expected {\"value\": number, \"source\": ...}");
      return 0.0;
    }
    return convert(b[key]["value"].get<double>(), b[key], w + "/" + key, "number");
  };
  g.value = q("value");
  g.sigma = q("sigma");
  const std::string problem = stats::gaussian_data_problem(g);
  if (!problem.empty()) {
    diags_.add(path_, w, problem);
    return;
  }
  info_.likelihood = std::make_shared<stats::GaussianMeasurement>(std::move(g));
}

// "significance": {"z": {"value": Z, "unit": "1", "source": ...}, "source": "why this criterion"}; an optional
// option "significance_z" (choices: numbers as strings) lets a job pick another Z; its file value must equal z.
void ExperimentFile::read_significance(const json& b) {
  const std::string w = "/significance";
  if (!b.is_object() || !b.contains("z") || !b["z"].is_object() || !b["z"].contains("value") || !b["z"]["value"].is_number()) {
    diags_.add(path_, w + "/z", "expected {\"value\": the required significance Z, \"source\": ...}");
    return;
  }
  stats::SignificanceData s;
  s.z = convert(b["z"]["value"].get<double>(), b["z"], w + "/z", "number");
  if (!b.contains("source") || !b["source"].is_string() || b["source"].get<std::string>().empty())
    diags_.add(path_, w + "/source", "the criterion needs its provenance (a choice: say why)");
  else s.source = b["source"].get<std::string>();
  const json& d = impl_->doc;
  if (d.contains("options") && d["options"].is_object() && d["options"].contains("significance_z")) {
    const json& o = d["options"]["significance_z"];
    std::vector<std::string> choices;
    if (o.is_object() && o.contains("choices") && o["choices"].is_array())
      for (const auto& c : o["choices"])
        if (c.is_string()) choices.push_back(c.get<std::string>());
    auto z_of = [](const std::string& v) {
      char* end = nullptr;
      const double x = std::strtod(v.c_str(), &end);
      return (end && *end == '\0' && x > 0) ? x : -1.0;
    };
    const double file_value = o.is_object() && o.contains("value") && o["value"].is_string() ? z_of(o["value"].get<std::string>()) : -1;
    if (file_value != s.z) diags_.add(path_, "/options/significance_z/value", "must equal significance/z (the default)");
    const double z = z_of(option("significance_z", choices));
    if (z > 0) s.z = z;
    else diags_.add(path_, "/options/significance_z", "expected a number > 0");
  }
  const std::string problem = stats::significance_data_problem(s);
  if (!problem.empty()) {
    diags_.add(path_, w, problem);
    return;
  }
  info_.likelihood = std::make_shared<stats::SignificanceLikelihood>(std::move(s));
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

std::string ExperimentFile::option_or(const std::string& key, const std::vector<std::string>& allowed,
                                      const std::string& fallback) {
  const json& d = impl_->doc;
  const bool given = impl_->overrides.contains(key) ||
                     (d.is_object() && d.contains("options") && d["options"].is_object() && d["options"].contains(key));
  if (given) return option(key, allowed);
  impl_->options_read.insert(key);
  return fallback;
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
