#include "alpscan/io/RunStatus.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"
#include "alpscan/io/JsonUtil.hpp"
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
// Reads a state file through the guarded parser (size, depth, duplicate keys). Absent: false. Present but
// unreadable or not an object: throws InputError naming the file, so status gives exit 2, not a crash.
bool read_state_file(const std::string& path, json& out) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return false;
  Diagnostics d;
  if (!load_json_file(path, out, d)) throw InputError(d);
  if (!out.is_object()) throw InputError(path, "", "expected an object, found " + json_type_name(out));
  return true;
}

// Type checks of the keys status reads, so that a damaged file is an InputError and not a json type_error
// from value()/get() further down.
void require_types(const std::string& path, const json& j, const std::vector<std::string>& strings,
                   const std::vector<std::string>& counts, const std::vector<std::string>& integers) {
  Diagnostics d;
  for (const auto& k : strings)
    if (j.contains(k) && !j[k].is_string()) d.add(path, "/" + k, "expected a string, found " + json_type_name(j[k]));
  for (const auto& k : counts)
    if (j.contains(k) && !j[k].is_number_unsigned())
      d.add(path, "/" + k, "expected a non-negative integer, found " + json_type_name(j[k]));
  for (const auto& k : integers)
    if (j.contains(k) && !(j[k].is_number_integer() && j[k].get<json::number_integer_t>() >= INT_MIN &&
                           j[k].get<json::number_integer_t>() <= INT_MAX))
      d.add(path, "/" + k, "expected an integer, found " + json_type_name(j[k]));
  if (!d.empty()) throw InputError(d);
}

// Whether `pid` on `host` may still be alive: only decidable on the same host (kill(pid, 0)); a pid of
// another host is assumed alive.
bool pid_may_be_alive(const std::string& host_of_pid, long pid) {
  char host[256] = "?";
  gethostname(host, sizeof host - 1);
  if (host_of_pid != host || pid <= 0) return true;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
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

namespace {
int print_status_checked(const std::string& out, bool as_json) {
  json job = json::object(), run = json::object();
  const std::string job_path = out + "/checkpoint/job.json", run_path = out + "/run_status.json";
  const bool have_job = read_state_file(job_path, job);
  const bool have_run = read_state_file(run_path, run);
  require_types(job_path, job, {"identity"}, {"units", "points", "refinement_step"}, {});
  require_types(run_path, run, {"state", "message", "host", "time", "identity"}, {}, {"pid", "ranks", "exit_code"});
  if (!have_job && !have_run) {
    std::cerr << out << ": no alpscan checkpoint here (expected " << out << "/checkpoint/job.json)\n";
    return 2;
  }
  const std::size_t units = job.value("units", 0ul), points = job.value("points", 0ul);
  // Adaptive refinement: units and points are those of the coarse batch; the batches after it depend on
  // the results, so the total is not known before the end.
  const std::size_t refinement = job.value("refinement_step", 0ul);
  std::size_t done_units = 0, done_points = 0, later_units = 0, later_points = 0;
  // Sets, not a vector sized by `units`: memory follows the manifest's lines, whatever job.json claims.
  std::set<std::size_t> seen, seen_later;
  std::ifstream m(out + "/checkpoint/manifest.jsonl");
  std::string line;
  while (std::getline(m, line)) {
    try {
      const json e = json::parse(line);
      const std::size_t u = e.value("unit", units);
      if (u < units && seen.insert(u).second) ++done_units, done_points += e.value("count", 0ul);
      else if (u >= units && refinement > 0 && seen_later.insert(u).second) ++later_units, later_points += e.value("count", 0ul);
    } catch (...) {  // a line being written right now, or torn by a kill
    }
  }
  std::string state = run.value("state", std::string("unknown"));
  const bool results = fs::exists(out + "/scan.h5") && fs::exists(out + "/summary.json");
  // Complete only on the run's own mark, written after every result file was published, and only for the
  // checkpoint it was written for (a later --restart writes "running" before it discards the checkpoint).
  // Without a checkpoint (deleted after the run, as the README allows) the mark stands on its own: every
  // run, --restart included, replaces it with "running" before it touches the directory.
  if (state == "complete" &&
      (!results ||
       (have_job && run.contains("identity") && run.value("identity", "") != job.value("identity", ""))))
    state = "incomplete";
  // The output lock says whether a run holds the directory now, from any host; without a lock file
  // (a directory of an older version) "running" from a process that no longer exists means resumable.
  // An unknown lock state (no flock on this file system) falls back on the recorded pid, like a directory
  // without a lock file.
  std::optional<LockHolder> holder;
  const LockProbe lock = OutputLock::probe(out, &holder);
  bool vanished = false;  // the last run ended without recording how: killed (kill -9, or mpirun after SIGTERM)
  if (lock == LockProbe::held) state = "running";
  else if (lock == LockProbe::free && state == "running" && fs::exists(OutputLock::path(out)))
    state = "incomplete", vanished = true;
  else if (state == "running" && run.contains("pid") &&
           !pid_may_be_alive(run.value("host", ""), run["pid"].get<long>()))
    state = "incomplete";
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
    if (!have_job)  // deleted after a complete run (or never written): nothing to count
      std::cout << "  checkpoint: none (" << out << "/checkpoint/ was removed or never written)\n";
    else
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
}  // namespace

int print_status(const std::string& out, bool as_json) {
  try {
    return print_status_checked(out, as_json);
  } catch (const InputError& e) {
    std::cerr << "alpscan status: damaged state file:\n" << e.what()
              << "(fix or remove that file; a removed checkpoint/ means the run starts again)\n";
  } catch (const nlohmann::json::exception& e) {  // a type not checked above: still a damaged file, not a crash
    std::cerr << "alpscan status: damaged state file in " << out << ": " << e.what() << "\n";
  }
  return 2;
}

}  // namespace alpscan
