#include "Explain.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "alpscan/io/ExperimentCatalog.hpp"
#include "alpscan/scan/ParameterSpace.hpp"
#include "alpscan/io/DescriptionJson.hpp"
#include "alpscan/stats/Likelihood.hpp"

namespace alpscan {

namespace {

constexpr int kExitOk = 0, kExitInput = 2;

struct PointOrError {
  AlpPoint p;
  std::string error;
};

// The point: the job's value on every fixed axis, the --point value where given; a scanned axis
// must be given (there is no natural default on it).
PointOrError parse_point(const JobSpec& job, const ParameterSpace& space, const std::string& text) {
  PointOrError r;
  bool given[kNumAxes] = {false};
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(',', pos);
    if (end == std::string::npos) end = text.size();
    const std::string item = text.substr(pos, end - pos);
    pos = end + 1;
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos) {
      r.error = "--point: \"" + item + "\" is not axis=value";
      return r;
    }
    const std::string name = item.substr(0, eq), val = item.substr(eq + 1);
    const auto ax = axis_from_name(name);
    if (!ax) {
      std::string all;
      for (int i = 0; i < kNumAxes; ++i) all += (i ? ", " : "") + std::string(axis_name(static_cast<Axis>(i)));
      r.error = "--point: unknown axis \"" + name + "\" (axes: " + all + ")";
      return r;
    }
    char* e = nullptr;
    const double v = std::strtod(val.c_str(), &e);
    if (val.empty() || *e || !std::isfinite(v) || v < 0) {
      r.error = "--point: " + name + " expects a number >= 0 in " + std::string(axis_external_unit(*ax)) +
                ", found \"" + val + "\"";
      return r;
    }
    if (const auto& t = space.tie(*ax)) {
      r.error = "--point: " + name + " is tied to " + std::string(axis_name(t->source)) + " in the job " + job.name +
                " (" + name + " = " + fmt::format("{:g}", t->ratio) + " x " + std::string(axis_name(t->source)) +
                "); give " + std::string(axis_name(t->source)) + " instead";
      return r;
    }
    r.p[*ax] = v * axis_to_internal(*ax);
    given[static_cast<int>(*ax)] = true;
  }
  for (int i = 0; i < kNumAxes; ++i) {
    const Axis a = static_cast<Axis>(i);
    if (given[i]) continue;
    if (space.scanned(a)) {
      r.error = "--point: the job " + job.name + " scans " + std::string(axis_name(a)) + "; give its value (" +
                std::string(axis_external_unit(a)) + ")";
      return r;
    }
    r.p[a] = space.values(a).front() * axis_to_internal(a);
  }
  space.apply_ties(r.p);
  return r;
}

}  // namespace

int cmd_explain(const JobSpec& job, const std::vector<ExperimentPtr>& experiments, const ExplainOptions& o) {
  const ParameterSpace space(job);
  const PointOrError pt = parse_point(job, space, o.point);
  if (!pt.error.empty()) {
    std::cerr << "alpscan explain: " << pt.error << "\n";
    return kExitInput;
  }
  const AlpPoint& p = pt.p;
  std::optional<model::AlpModel> alp;  // the model every experiment is handed, as in the scan
  try {
    alp.emplace(p, job.model);
  } catch (const std::invalid_argument& e) {
    std::cerr << "alpscan explain: --point: " << e.what() << "\n";
    return kExitInput;
  }
  PrepareContext ctx;  // the job's mass range, widened to the point's mass
  const auto& m = space.values(Axis::m_a);
  ctx.m_a_min = std::min(m.front() * axis_to_internal(Axis::m_a), p.m_a());
  ctx.m_a_max = std::max(m.back() * axis_to_internal(Axis::m_a), p.m_a());
  ctx.m_a_values = {p.m_a()};  // one point: experiments tabulating per job mass need only its mass

  nlohmann::json out = nlohmann::json::array();
  bool found = false;
  for (std::size_t i = 0; i < job.experiments.size(); ++i) {
    const ExperimentRequest& req = job.experiments[i];
    if (!o.experiment.empty() && req.name != o.experiment) continue;
    found = true;
    Experiment* exp = experiments.at(i).get();
    exp->prepare(ctx);
    const ExperimentInfo& info = exp->info();
    const std::vector<SignalPart> parts = exp->explain(*alp);
    double total = 0;
    for (const auto& s : parts) total += s.events;
    nlohmann::json jx = {{"experiment", info.name}, {"total", total}};
    for (const auto& s : parts) jx["parts"].push_back({{"name", s.name}, {"events", s.events}});
    // The point judged alone: job-level numbers that need no scanned point. A statistic relative to
    // the best scanned point (binned) is here relative to s = 0; the scan's q is at least this.
    const stats::Likelihood& lik = *info.likelihood;
    const stats::Calibration cal = lik.calibrate(job.cl, nullptr, 0);
    std::vector<double> prediction(lik.values_per_point());
    if (prediction.size() == 1) prediction[0] = total;
    else exp->expected_signal_bins(*alp, prediction.data());
    const double q = lik.test_statistic(prediction.data(), cal);
    const bool in_region = lik.in_region(prediction.data(), q, cal);
    const bool exclusion = lik.role() == stats::Role::exclusion;
    const stats::Description desc = lik.describe(cal);
    if (prediction.size() > 1) jx["bins"] = prediction;
    jx["test_statistic"] = q;
    jx[exclusion ? "excluded" : "preferred"] = in_region;
    add_description(jx, desc, stats::DescriptionItem::explain);
    const std::string verdict = fmt::format("{}; test statistic {:.4g} at {:g}% CL: {}", desc.headline, q, 100 * job.cl,
                                            exclusion ? (in_region ? "excluded" : "allowed")
                                                      : (in_region ? "preferred" : "outside the preferred region"));
    out.push_back(jx);
    if (o.json) continue;
    // What the number is: signal events, or the measured quantity (Delta a_e) or curve ratio a
    // single-valued likelihood names.
    const std::string label = lik.values_per_point() == 1 ? lik.value_labels().front() : "signal";
    const std::string what = label == "signal" ? "signal events" : label;
    std::cout << fmt::format("{} ({}): {:.6g} {}\n", info.name, info.title, total, what);
    std::size_t zero = 0;
    for (const auto& s : parts) {
      if (s.events == 0 && parts.size() > 1) {
        ++zero;  // channel combinations that do not contribute here (all of them are in --json)
        continue;
      }
      std::cout << fmt::format("  {:<60} {:12.6g}  {:6.2f}%\n", s.name, s.events, total != 0 ? 100 * s.events / total : 0.0);
    }
    if (zero) std::cout << fmt::format("  ({} more channel combinations give 0 here)\n", zero);
    if (prediction.size() > 1) {
      const std::vector<std::string> labels = lik.value_labels();
      for (std::size_t b = 0; b < prediction.size(); ++b)
        std::cout << fmt::format("  bin {:<40} {:12.6g}\n", labels[b], prediction[b]);
    }
    for (const auto& item : desc.items)  // the data the prediction meets (per-bin observed, background, ...)
      if (item.targets & stats::DescriptionItem::explain)
        std::cout << fmt::format("  {}: {}\n", item.key, description_value(item.value).dump());
    std::cout << "  " << verdict << "\n";
  }
  if (!found) {
    std::cerr << "alpscan explain: the job " << job.name << " has no experiment \"" << o.experiment << "\"\n";
    return kExitInput;
  }
  if (o.json) {
    nlohmann::json j = {{"job", job.name}, {"point", nlohmann::json::object()}, {"experiments", out}};
    for (int i = 0; i < kNumAxes; ++i) {
      const Axis a = static_cast<Axis>(i);
      j["point"][std::string(axis_name(a))] = p[a] / axis_to_internal(a);
    }
    std::cout << j.dump(2) << "\n";
  }
  return kExitOk;
}

}  // namespace alpscan
