// Families register themselves; the catalog builds any data file through its family; a key of a
// data file that its family does not read is an error naming the file and the key (issue 11: a
// misspelt detector_off_axis in charm.json used to validate and silently move the signal).
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "alpscan/core/Error.hpp"
#include "alpscan/experiments/FamilyRegistry.hpp"
#include "alpscan/io/ExperimentCatalog.hpp"

using namespace alpscan;

namespace {
const std::string kData = std::string(ALPSCAN_SOURCE_DIR) + "/data/experiments";

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The problems make_experiment reports for `text` written as a data file ("" if none).
std::string problems_of(const std::string& text) {
  char name[] = "/tmp/alpscan_family_XXXXXX";
  const int fd = mkstemp(name);
  REQUIRE(fd >= 0);
  close(fd);
  std::ofstream(name) << text;
  std::string out;
  try {
    make_experiment({"probe", name, "{}"});
  } catch (const InputError& e) {
    out = e.diagnostics().format();
  }
  std::remove(name);
  return out;
}
}  // namespace

TEST_CASE("every data file's family is registered and builds", "[registry]") {
  const ExperimentCatalog cat(kData);
  REQUIRE(cat.entries().size() >= 18);
  for (const auto& e : cat.entries()) {
    INFO(e.file);
    REQUIRE(find_family(e.family) != nullptr);
    CHECK(make_experiment({e.name, e.file, "{}"}) != nullptr);
  }
  for (const char* f : {"passat", "beam_dump", "electron_dump", "collider", "shower_dump"}) CHECK(find_family(f));
  CHECK(find_family("no_such_family") == nullptr);
}

TEST_CASE("a data-file key the family does not read is an error naming file and key", "[registry]") {
  const std::string charm = read_text(kData + "/charm.json");
  REQUIRE(charm.find("\"detector_off_axis\"") != std::string::npos);
  CHECK(problems_of(charm).empty());  // the file as it is: valid

  std::string misspelt = charm;
  misspelt.replace(misspelt.find("\"detector_off_axis\""), 19, "\"detector_of_axis\"");
  const std::string p = problems_of(misspelt);
  CHECK(p.find("/parameters/detector_of_axis") != std::string::npos);
  CHECK(p.find("did you mean \"detector_off_axis\"") != std::string::npos);

  std::string bad_option = charm;
  bad_option.replace(bad_option.find("\"phi_norm\": {"), 13, "\"phi_normalisation\": {\"value\": \"x\"}, \"phi_norm\": {");
  const std::string o = problems_of(bad_option);
  INFO(o);
  CHECK(o.find("/options/phi_normalisation") != std::string::npos);

  std::string bad_family = charm;
  bad_family.replace(bad_family.find("\"beam_dump\""), 11, "\"beam_dumps\"");
  const std::string f = problems_of(bad_family);
  CHECK(f.find("unknown experiment family \"beam_dumps\"") != std::string::npos);
  CHECK(f.find("did you mean \"beam_dump\"") != std::string::npos);
}

TEST_CASE("a data file may cap the refinement step, with a reason; a bad cap names file and key", "[registry][refinement]") {
  const std::string osqar = read_text(kData + "/osqar.json");
  const auto at = osqar.find("\"counting\"");
  REQUIRE(at != std::string::npos);
  auto with = [&](const std::string& section) { return std::string(osqar).insert(at, section + ",\n  "); };
  CHECK(problems_of(with(R"("refinement": {"max_coarse_step": 2, "reason": "fingers two points wide"})")).empty());
  char name[] = "/tmp/alpscan_cap_XXXXXX";
  const int fd = mkstemp(name);
  REQUIRE(fd >= 0);
  close(fd);
  std::ofstream(name) << with(R"("refinement": {"max_coarse_step": 2, "reason": "fingers two points wide"})");
  CHECK(make_experiment({"probe", name, "{}"})->info().max_refinement_step == 2);
  std::remove(name);
  CHECK(make_experiment({"osqar", kData + "/osqar.json", "{}"})->info().max_refinement_step == 0);  // no cap
  const std::string p = problems_of(with(R"("refinement": {"max_coarse_step": 3, "reason": "x"})"));
  CHECK(p.find("/refinement/max_coarse_step") != std::string::npos);
  CHECK(p.find("power of two") != std::string::npos);
  CHECK(problems_of(with(R"("refinement": {"max_coarse_step": 2})")).find("/refinement") != std::string::npos);
}
