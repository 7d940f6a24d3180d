#include "alpscan/io/ProbeKinematicsJson.hpp"

#include "alpscan/core/Units.hpp"

namespace alpscan {

using nlohmann::json;

namespace {

const char* kVertexKeys = "photon_mass, photon_mass_squared_sign (optional) and second_photon";

std::optional<model::ProbeVertex> read_vertex(const json& v, const std::string& w, const std::string& file,
                                              const QuantityConverter& quantity, Diagnostics& diags) {
  if (!v.is_object()) {
    diags.add(file, w, std::string("expected an object with ") + kVertexKeys);
    return std::nullopt;
  }
  const std::size_t before = diags.items().size();
  model::ProbeVertex x;
  auto q = [&](const json& parent, const char* key, const std::string& where, const char* dimension) {
    if (!parent.contains(key) || !parent[key].is_object() || !parent[key].contains("value") ||
        !parent[key]["value"].is_number()) {
      diags.add(file, where + "/" + key,
                std::string("expected {\"value\": number, \"unit\": <") + dimension + " unit>, \"source\": ...}");
      return 0.0;
    }
    return quantity(parent[key], where + "/" + key, dimension);
  };
  x.photon_mass = q(v, "photon_mass", w, "energy");
  if (v.contains("photon_mass_squared_sign")) {
    const json& s = v["photon_mass_squared_sign"];
    if (s == "+") x.photon_mass_sq_sign = 1.0;
    else if (s == "-") x.photon_mass_sq_sign = -1.0;
    else diags.add(file, w + "/photon_mass_squared_sign", "expected \"+\" (plasma) or \"-\" (gas, n > 1), found " + s.dump());
  }
  const std::string w2 = w + "/second_photon";
  if (!v.contains("second_photon") || !v["second_photon"].is_object() || !v["second_photon"].contains("kind") ||
      !v["second_photon"]["kind"].is_string()) {
    diags.add(file, w2, "expected {\"kind\": \"static_field\" | \"momentum_transfer\" | \"plasma_photon\" | \"on_shell\" | \"s_channel\", ...}");
    return std::nullopt;
  }
  const json& p = v["second_photon"];
  const std::string kind = p["kind"].get<std::string>();
  using S = model::ProbeVertex::SecondPhoton;
  if (kind == "static_field") {
    x.second = S::static_field;
    x.length = q(p, "length", w2, "length");
    x.photon_energy = q(p, "photon_energy", w2, "energy");
  } else if (kind == "momentum_transfer") {
    x.second = S::momentum_transfer;
    x.momentum_transfer = q(p, "q", w2, "energy");
  } else if (kind == "plasma_photon") {
    x.second = S::plasma_photon;
  } else if (kind == "on_shell") {
    x.second = S::on_shell;
  } else if (kind == "s_channel") {
    x.second = S::s_channel;
    x.sqrt_s = q(p, "sqrt_s", w2, "energy");
  } else {
    diags.add(file, w2 + "/kind",
              "expected \"static_field\", \"momentum_transfer\", \"plasma_photon\", \"on_shell\" or \"s_channel\", found \"" + kind + "\"");
    return std::nullopt;  // its other keys cannot be judged
  }
  for (auto it = p.begin(); it != p.end(); ++it) {
    const std::string& k = it.key();
    const bool known = k == "kind" || k == "source" || k == "note" ||
                       (x.second == S::static_field && (k == "length" || k == "photon_energy")) ||
                       (x.second == S::momentum_transfer && k == "q") ||
                       (x.second == S::s_channel && k == "sqrt_s");
    if (!known) diags.add(file, w2 + "/" + k, "not a key of a second photon of kind \"" + kind + "\"");
  }
  if (diags.items().size() != before) return std::nullopt;
  const std::string problem = model::probe_vertex_problem(x);
  if (!problem.empty()) {
    diags.add(file, w, problem);
    return std::nullopt;
  }
  return x;
}

json quantity_json(double value, const char* unit) { return {{"value", value}, {"unit", unit}}; }

json vertex_json(const model::ProbeVertex& v) {
  json j = {{"photon_mass", quantity_json(v.photon_mass / units::eV, "eV")},
            {"photon_mass_squared_sign", v.photon_mass_sq_sign > 0 ? "+" : "-"}};
  json p = {{"kind", model::second_photon_name(v.second)}};
  if (v.second == model::ProbeVertex::SecondPhoton::static_field) {
    p["length"] = quantity_json(v.length / units::meter, "m");
    p["photon_energy"] = quantity_json(v.photon_energy / units::eV, "eV");
  } else if (v.second == model::ProbeVertex::SecondPhoton::momentum_transfer) {
    p["q"] = quantity_json(v.momentum_transfer / units::eV, "eV");
  } else if (v.second == model::ProbeVertex::SecondPhoton::s_channel) {
    p["sqrt_s"] = quantity_json(v.sqrt_s / units::eV, "eV");
  }
  j["second_photon"] = p;
  return j;
}

}  // namespace

std::optional<model::ProbeKinematics> read_probe_kinematics(const json& s, const std::string& file,
                                                            const QuantityConverter& quantity, Diagnostics& diags) {
  const std::string w = "/probe_kinematics";
  if (!s.is_object()) {
    diags.add(file, w, "expected an object with signal, source, production (and detection)");
    return std::nullopt;
  }
  const std::size_t before = diags.items().size();
  model::ProbeKinematics k;
  const std::string signal = s.contains("signal") && s["signal"].is_string() ? s["signal"].get<std::string>() : "";
  if (signal == "one_vertex") k.signal = model::ProbeKinematics::Signal::one_vertex;
  else if (signal == "production_and_detection") k.signal = model::ProbeKinematics::Signal::production_and_detection;
  else diags.add(file, w + "/signal", "expected \"one_vertex\" (signal ~ g^2) or \"production_and_detection\" (~ g_prod^2 g_det^2)");
  if (!s.contains("source") || !s["source"].is_string() || s["source"].get<std::string>().empty())
    diags.add(file, w + "/source", "say where these kinematics come from (spec bandpass.md 1.6, seed or paper lines)");
  else k.source = s["source"].get<std::string>();
  if (!s.contains("production")) diags.add(file, w + "/production", std::string("expected a vertex: ") + kVertexKeys);
  else if (auto v = read_vertex(s["production"], w + "/production", file, quantity, diags)) k.production = *v;
  const bool two = k.signal == model::ProbeKinematics::Signal::production_and_detection;
  if (two && !s.contains("detection"))
    diags.add(file, w + "/detection", "signal \"production_and_detection\" needs a detection vertex");
  else if (!two && s.contains("detection"))
    diags.add(file, w + "/detection", "a detection vertex needs signal \"production_and_detection\"");
  else if (two)
    k.detection = read_vertex(s["detection"], w + "/detection", file, quantity, diags);
  for (auto it = s.begin(); it != s.end(); ++it) {
    const std::string& key = it.key();
    if (key != "signal" && key != "source" && key != "note" && key != "production" && key != "detection")
      diags.add(file, w + "/" + key, "not a key of probe_kinematics (signal, source, note, production, detection)");
  }
  if (diags.items().size() != before) return std::nullopt;
  return k;
}

json probe_kinematics_json(const model::ProbeKinematics& k) {
  json j = {{"signal", model::signal_name(k.signal)}, {"source", k.source}, {"production", vertex_json(k.production)}};
  if (k.detection) j["detection"] = vertex_json(*k.detection);
  return j;
}

}  // namespace alpscan
