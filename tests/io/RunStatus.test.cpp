// alpscan status (io/RunStatus): a damaged state file gives exit 2 with a message, never an exception or
// a huge allocation; a complete run whose checkpoint/ was deleted stays complete; a "running" record whose
// pid is gone is resumable. tests/integration/test_publication.sh covers the same through the binary.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/io/RunStatus.hpp"
#include "temp_dir.hpp"

using namespace alpscan;

namespace {
void write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path) << text;
}
// print_status(out, --json) with its state ("complete", "running", "resumable", ...), or "" if none printed.
std::string state_of(const std::string& out, int& rc) {
  std::ostringstream captured;
  std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
  rc = print_status(out, true);
  std::cout.rdbuf(old);
  if (captured.str().empty()) return "";
  return nlohmann::json::parse(captured.str()).value("state", "");
}
std::string host() {
  char h[256] = "?";
  ::gethostname(h, sizeof h - 1);
  return h;
}
}  // namespace

TEST_CASE("RunStatus: a damaged state file gives exit 2, not an exception", "[io][status]") {
  TempDir t("status");
  const std::string out = t.path();
  SECTION("units claimed far beyond the manifest: no allocation by units") {
    write(out + "/checkpoint/job.json", R"({"identity":"a","units":1000000000000000000,"points":5})");
    write(out + "/checkpoint/manifest.jsonl", "{\"unit\":3,\"count\":2}\n{\"unit\":3,\"count\":2}\n");
    int rc = -1;
    CHECK(state_of(out, rc) == "resumable");  // readable: one chunk done
    CHECK(rc == 75);
  }
  SECTION("units not an integer") {
    write(out + "/checkpoint/job.json", R"({"identity":"a","units":1e18})");
    CHECK(print_status(out, false) == 2);
  }
  SECTION("pid a string") {
    write(out + "/checkpoint/job.json", R"({"identity":"a","units":2})");
    write(out + "/run_status.json", R"({"state":"running","pid":"12","host":")" + host() + "\"}");
    CHECK(print_status(out, false) == 2);
  }
  SECTION("run_status.json not JSON, or not an object") {
    write(out + "/run_status.json", "{\"state\": ");
    CHECK(print_status(out, false) == 2);
    write(out + "/run_status.json", "[1,2]");
    int rc = -1;
    CHECK(state_of(out, rc) == "");  // nothing on stdout
    CHECK(rc == 2);
  }
  SECTION("a string key of the wrong type") {
    write(out + "/run_status.json", R"({"state":"complete","time":5})");
    CHECK(print_status(out, false) == 2);
  }
}

TEST_CASE("RunStatus: a complete run stays complete once checkpoint/ is deleted", "[io][status]") {
  TempDir t("status");
  const std::string out = t.path();
  write(out + "/run_status.json", R"({"state":"complete","identity":"abc","pid":1,"host":"h"})");
  CHECK(print_status(out, false) == 75);  // the mark alone, without results: not complete
  write(out + "/scan.h5", "x");
  write(out + "/summary.json", "{}");
  CHECK(print_status(out, false) == 0);
  write(out + "/checkpoint/job.json", R"({"identity":"other","units":1})");
  CHECK(print_status(out, false) == 75);  // a checkpoint of another identity: the mark is not its own
}

TEST_CASE("RunStatus: a running record of a dead pid on this host is resumable", "[io][status]") {
  TempDir t("status");
  const std::string out = t.path();
  write(out + "/checkpoint/job.json", R"({"identity":"a","units":1})");
  write(out + "/run_status.json", R"({"state":"running","pid":)" + std::to_string(::getpid()) +
                                      R"(,"host":")" + host() + "\"}");
  int rc = -1;
  CHECK(state_of(out, rc) == "running");  // no lock file: judged by the pid, alive (this process)
  CHECK(rc == 75);
  // pid_max is at most 2^22: this pid does not exist
  write(out + "/run_status.json", R"({"state":"running","pid":2147483000,"host":")" + host() + "\"}");
  CHECK(state_of(out, rc) == "resumable");
  CHECK(rc == 75);
  // recorded by another host: cannot be checked from here, so still running
  write(out + "/run_status.json", R"({"state":"running","pid":2147483000,"host":"elsewhere.invalid"})");
  CHECK(state_of(out, rc) == "running");
}
