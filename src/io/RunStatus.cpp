#include "alpscan/io/RunStatus.hpp"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "alpscan/io/OutputLock.hpp"
#include "alpscan/io/ResultFiles.hpp"

namespace alpscan {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}
bool read_json(const std::string& path, json& out) {
  std::ifstream in(path);
  if (!in) return false;
  try {
    in >> out;
  } catch (...) {
    return false;
  }
  return true;
}
}  // namespace

bool write_run_status(const std::string& output_dir, const RunStatus& s, std::string* error) {
  char host[256] = "?";
  gethostname(host, sizeof host - 1);
  json j = {{"state", s.state}, {"message", s.message}, {"exit_code", s.exit_code}, {"ranks", s.ranks},
            {"host", host},     {"pid", ::getpid()},    {"time", utc_now()}};
  if (!s.identity.empty()) j["identity"] = s.identity;
  std::error_code ec;
  fs::create_directories(output_dir, ec);
  const std::string path = output_dir + "/run_status.json";
  try {
    write_text_file(path, j.dump(1) + "\n");
    return true;
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    if (s.state != "complete") fs::remove(path, ec);  // unlinking needs no space
    return false;
  }
}

int print_status(const std::string& out, bool as_json) {
  json job = json::object(), run = json::object();
  const bool have_job = read_json(out + "/checkpoint/job.json", job);
  const bool have_run = read_json(out + "/run_status.json", run);
  if (!have_job && !have_run) {
    std::cerr << out << ": no alpscan checkpoint here (expected " << out << "/checkpoint/job.json)\n";
    return 2;
  }
  const std::size_t units = job.value("units", 0ul), points = job.value("points", 0ul);
  // Adaptive refinement: units and points are those of the coarse batch; the batches after it depend on
  // the results, so the total is not known before the end.
  const std::size_t refinement = job.value("refinement_step", 0ul);
  std::size_t done_units = 0, done_points = 0, later_units = 0, later_points = 0;
  std::vector<char> seen(units, 0);
  std::set<std::size_t> seen_later;
  std::ifstream m(out + "/checkpoint/manifest.jsonl");
  std::string line;
  while (std::getline(m, line)) {
    try {
      const json e = json::parse(line);
      const std::size_t u = e.value("unit", units);
      if (u < units && !seen[u]) seen[u] = 1, ++done_units, done_points += e.value("count", 0ul);
      else if (u >= units && refinement > 0 && seen_later.insert(u).second) ++later_units, later_points += e.value("count", 0ul);
    } catch (...) {  // a line being written right now, or torn by a kill
    }
  }
  std::string state = run.value("state", std::string("unknown"));
  const bool results = fs::exists(out + "/scan.h5") && fs::exists(out + "/summary.json");
  // Complete only on the run's own mark, written after every result file was published, and only for the
  // checkpoint it was written for (a later --restart writes "running" before it discards the checkpoint).
  if (state == "complete" &&
      (!results || (run.contains("identity") && run.value("identity", "") != job.value("identity", ""))))
    state = "incomplete";
  // The output lock says whether a run holds the directory now, from any host; without a lock file
  // (a directory of an older version) "running" from a process that no longer exists means resumable.
  const std::optional<LockHolder> holder = OutputLock::holder(out);
  bool vanished = false;  // the last run ended without recording how: killed (kill -9, or mpirun after SIGTERM)
  if (holder) state = "running";
  else if (state == "running" && fs::exists(OutputLock::path(out))) state = "incomplete", vanished = true;
  else if (state == "running" && run.contains("pid")) {
    char host[256] = "?";
    gethostname(host, sizeof host - 1);
    if (run.value("host", "") == host && ::kill(run["pid"].get<int>(), 0) != 0) state = "incomplete";
  }
  const std::string verdict = state == "complete" ? "complete"
                              : state == "failed" ? "failed"
                              : state == "running" ? "running"
                                                   : "resumable";
  json j = {{"output", out},
                  {"state", verdict},
                  {"done_chunks", done_units},
                  {"total_chunks", units},
                  {"done_points", done_points},
                  {"total_points", points},
                  {"refinement_step", refinement},
                  {"refinement_chunks_done", later_units},
                  {"refinement_points_done", later_points},
                  {"results", results && verdict == "complete" ? out + "/scan.h5" : ""},
                  {"last_run", run}};
  if (holder) j["holder"] = {{"host", holder->host}, {"pid", holder->pid}, {"started", holder->started},
                             {"command", holder->command}};
  if (as_json) {
    std::cout << j.dump(1) << "\n";
  } else {
    std::cout << fmt::format("{}: {}\n", out, verdict);
    std::cout << fmt::format("  {}chunks: {}/{}   points: {}/{} ({:.1f}%)\n", refinement ? "coarse grid: " : "",
                             done_units, units, done_points, points, points ? 100.0 * done_points / points : 0.0);
    if (refinement)
      std::cout << fmt::format("  refinement batches: {} chunks, {} points done so far (their number depends on the "
                               "results)\n", later_units, later_points);
    if (have_run)
      std::cout << fmt::format("  last run: {} at {} on {} ({} rank(s), pid {}){}\n", run.value("state", "?"),
                               run.value("time", "?"), run.value("host", "?"), run.value("ranks", 0),
                               run.value("pid", 0),
                               run.value("message", "").empty() ? "" : ": " + run.value("message", ""));
    if (holder) std::cout << "  held by: " << holder->describe() << "\n";
    if (results && verdict == "complete")
      std::cout << "  results: " << out << "/scan.h5, " << out << "/summary.json, " << out << "/curves/\n";
    else if (results)
      std::cout << "  results of an earlier run: " << out << "/scan.h5 (replaced when this one completes)\n";
    if (vanished)
      std::cout << "  the last run ended without recording its end (killed, e.g. kill -9 or mpirun after a SIGTERM)\n";
    if (verdict == "resumable") std::cout << "  resume: run the same `alpscan run JOB` (or resubmit) again\n";
  }
  return verdict == "complete" ? 0 : verdict == "failed" ? 1 : 75;
}

}  // namespace alpscan
