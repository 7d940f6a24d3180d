// A data file's "probe_kinematics" section (io/ProbeKinematicsJson) read through io/ExperimentFile:
// values in internal units, every problem named by its JSON path, and the summary.json form.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/core/Units.hpp"
#include "alpscan/io/ExperimentFile.hpp"
#include "alpscan/io/ProbeKinematicsJson.hpp"
#include "temp_dir.hpp"

using namespace alpscan;
using nlohmann::json;
using Catch::Detail::Approx;

namespace {

json base_file() {
  return json::parse(R"({
    "format": "alpscan-experiment/1", "name": "x", "family": "none", "title": "t", "kind": "limit",
    "sources": ["s"],
    "counting": {"background": {"value": 0, "source": "s"}, "observed": {"value": 0, "source": "s"}},
    "probe_kinematics": {
      "signal": "production_and_detection", "source": "spec bandpass.md 1.6",
      "production": {"photon_mass": {"value": 0.3, "unit": "keV", "source": "s"},
                     "second_photon": {"kind": "momentum_transfer", "q": {"value": 9, "unit": "keV", "source": "s"}}},
      "detection": {"photon_mass": {"value": 1e-11, "unit": "eV", "source": "s"}, "photon_mass_squared_sign": "-",
                    "second_photon": {"kind": "static_field", "length": {"value": 10, "unit": "kpc", "source": "s"},
                                      "photon_energy": {"value": 3, "unit": "keV", "source": "s"}}}}
  })");
}

// Reads `doc` as a data file; returns the problems' JSON paths (empty: none).
std::vector<std::string> problems(const json& doc, std::optional<model::ProbeKinematics>* out = nullptr) {
  TempDir dir("probe-kinematics");
  const std::string f = dir.path() + "/x.json";
  std::ofstream(f) << doc.dump();
  Diagnostics d;
  ExperimentFile e(f, json::object(), d);
  if (out) *out = e.info().probe_kinematics;
  std::vector<std::string> paths;
  for (const auto& i : d.items()) paths.push_back(i.path);
  return paths;
}

}  // namespace

TEST_CASE("probe_kinematics is read in internal units", "[io][probe_kinematics]") {
  std::optional<model::ProbeKinematics> k;
  REQUIRE(problems(base_file(), &k).empty());
  REQUIRE(k);
  CHECK(k->signal == model::ProbeKinematics::Signal::production_and_detection);
  CHECK(k->production.photon_mass == Approx(0.3 * units::keV));
  CHECK(k->production.second == model::ProbeVertex::SecondPhoton::momentum_transfer);
  CHECK(k->production.momentum_transfer == Approx(9 * units::keV));
  REQUIRE(k->detection);
  CHECK(k->detection->photon_mass_sq_sign == -1.0);
  // 1 kpc = 3.0856776e19 m (IAU 2015 parsec).
  CHECK(k->detection->length == Approx(10 * 3.0856776e19 * units::meter).epsilon(1e-7));
  CHECK(k->detection->photon_energy == Approx(3 * units::keV));
  // summary.json form: eV and m.
  const json j = probe_kinematics_json(*k);
  CHECK(j["signal"] == "production_and_detection");
  CHECK(j["detection"]["second_photon"]["length"]["value"].get<double>() == Approx(3.0856776e20).epsilon(1e-7));
  CHECK(j["production"]["second_photon"]["q"]["value"].get<double>() == Approx(9000));
}

TEST_CASE("probe_kinematics problems name their JSON path", "[io][probe_kinematics]") {
  auto one = [](json doc) {
    const auto p = problems(doc);
    return p.size() == 1 ? p.front() : std::string("(") + std::to_string(p.size()) + " problems)";
  };
  json doc = base_file();
  doc["probe_kinematics"].erase("detection");
  CHECK(one(doc) == "/probe_kinematics/detection");
  doc = base_file();
  doc["probe_kinematics"]["signal"] = "one_vertex";  // a detection vertex without the two-vertex signal
  CHECK(one(doc) == "/probe_kinematics/detection");
  doc = base_file();
  doc["probe_kinematics"]["production"]["second_photon"]["kind"] = "static";
  CHECK(one(doc) == "/probe_kinematics/production/second_photon/kind");
  doc = base_file();
  doc["probe_kinematics"]["detection"]["second_photon"]["length"]["unit"] = "keV";
  CHECK(one(doc) == "/probe_kinematics/detection/second_photon/length/unit");
  doc = base_file();
  doc["probe_kinematics"]["detection"]["second_photon"].erase("photon_energy");
  CHECK(one(doc) == "/probe_kinematics/detection/second_photon/photon_energy");
  doc = base_file();
  doc["probe_kinematics"]["production"]["second_photon"]["length"] = doc["probe_kinematics"]["detection"]["second_photon"]["length"];
  CHECK(one(doc) == "/probe_kinematics/production/second_photon/length");  // not a key of a momentum transfer
  doc = base_file();
  doc["probe_kinematics"]["detection"]["photon_mass_squared_sign"] = "minus";
  CHECK(one(doc) == "/probe_kinematics/detection/photon_mass_squared_sign");
  doc = base_file();
  doc["probe_kinematics"]["production"]["second_photon"]["q"]["value"] = 0;
  CHECK(one(doc) == "/probe_kinematics/production");
  doc = base_file();
  doc["probe_kinematics"]["sorce"] = "typo";
  CHECK(one(doc) == "/probe_kinematics/sorce");
  doc = base_file();
  doc["probe_kinematics"].erase("source");
  CHECK(one(doc) == "/probe_kinematics/source");
}

TEST_CASE("a file without probe_kinematics has none", "[io][probe_kinematics]") {
  json doc = base_file();
  doc.erase("probe_kinematics");
  std::optional<model::ProbeKinematics> k;
  REQUIRE(problems(doc, &k).empty());
  CHECK_FALSE(k);
}

TEST_CASE("an s-channel photon (e+e- -> gamma a) reads, writes and reads back", "[io][probe_kinematics]") {
  json doc = base_file();
  doc["probe_kinematics"] = json::parse(R"({
    "signal": "one_vertex", "source": "spec bandpass.md 3.2 rule 7",
    "production": {"photon_mass": {"value": 0, "unit": "eV", "source": "vacuum"},
                   "second_photon": {"kind": "s_channel", "sqrt_s": {"value": 10.58, "unit": "GeV", "source": "s"}}}})");
  std::optional<model::ProbeKinematics> k;
  REQUIRE(problems(doc, &k).empty());
  REQUIRE(k);
  CHECK(k->production.second == model::ProbeVertex::SecondPhoton::s_channel);
  CHECK(k->production.sqrt_s == Approx(10.58 * units::GeV).epsilon(1e-15));
  CHECK(k->production.photon_mass == 0.0);
  const json j = probe_kinematics_json(*k);
  CHECK(j["production"]["second_photon"]["kind"] == "s_channel");
  CHECK(j["production"]["second_photon"]["sqrt_s"]["value"].get<double>() == Approx(1.058e10).epsilon(1e-12));
  CHECK(j["production"]["second_photon"]["sqrt_s"]["unit"] == "eV");
  // Round trip: the written section (with sources added back, as a data file needs) reads to the same numbers.
  json back = j;
  for (const char* key : {"photon_mass"}) back["production"][key]["source"] = "s";
  back["production"]["second_photon"]["sqrt_s"]["source"] = "s";
  doc["probe_kinematics"] = back;
  std::optional<model::ProbeKinematics> k2;
  REQUIRE(problems(doc, &k2).empty());
  REQUIRE(k2);
  CHECK(k2->production.second == model::ProbeVertex::SecondPhoton::s_channel);
  CHECK(k2->production.sqrt_s == Approx(k->production.sqrt_s).epsilon(1e-14));
  CHECK(k2->production.photon_mass_sq_sign == 1.0);
}

TEST_CASE("s-channel problems name the key", "[io][probe_kinematics]") {
  json doc = base_file();
  doc["probe_kinematics"]["production"]["second_photon"] = json::parse(R"({"kind": "s_channel"})");
  auto p = problems(doc);
  REQUIRE(p.size() == 1);
  CHECK(p.front() == "/probe_kinematics/production/second_photon/sqrt_s");
  doc["probe_kinematics"]["production"]["second_photon"]["sqrt_s"] = json::parse(R"({"value": 10, "unit": "m", "source": "s"})");
  p = problems(doc);
  REQUIRE(p.size() == 1);
  CHECK(p.front() == "/probe_kinematics/production/second_photon/sqrt_s/unit");
  doc["probe_kinematics"]["production"]["second_photon"]["sqrt_s"] = json::parse(R"({"value": -1, "unit": "GeV", "source": "s"})");
  p = problems(doc);
  REQUIRE(p.size() == 1);
  CHECK(p.front() == "/probe_kinematics/production");
  doc["probe_kinematics"]["production"]["second_photon"] =
      json::parse(R"({"kind": "s_channel", "sqrt_s": {"value": 10, "unit": "GeV", "source": "s"}, "q": {"value": 1, "unit": "GeV", "source": "s"}})");
  p = problems(doc);
  REQUIRE(p.size() == 1);
  CHECK(p.front() == "/probe_kinematics/production/second_photon/q");  // not a key of an s-channel photon
  // and the message of a missing sqrt_s says what is expected
  doc["probe_kinematics"]["production"]["second_photon"] = json::parse(R"({"kind": "s_channel"})");
  TempDir dir("probe-kinematics-msg");
  const std::string f = dir.path() + "/x.json";
  std::ofstream(f) << doc.dump();
  Diagnostics d;
  ExperimentFile e(f, json::object(), d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items().front().message.find("energy unit") != std::string::npos);
}
