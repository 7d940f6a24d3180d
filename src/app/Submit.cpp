#include "Submit.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "alpscan/io/ExperimentCatalog.hpp"
#include "alpscan/io/JobSpecIO.hpp"

namespace alpscan {

namespace fs = std::filesystem;

namespace {

// SLURM time formats: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S. Returns seconds, -1 if not understood.
long slurm_time_seconds(const std::string& t) {
  long days = 0;
  std::string rest = t;
  const auto dash = t.find('-');
  if (dash != std::string::npos) {
    days = std::strtol(t.substr(0, dash).c_str(), nullptr, 10);
    rest = t.substr(dash + 1);
  }
  std::vector<long> f;
  std::stringstream ss(rest);
  std::string part;
  while (std::getline(ss, part, ':')) {
    if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos) return -1;
    f.push_back(std::strtol(part.c_str(), nullptr, 10));
  }
  long s = -1;
  if (dash == std::string::npos) {
    if (f.size() == 1) s = f[0] * 60;
    else if (f.size() == 2) s = f[0] * 60 + f[1];
    else if (f.size() == 3) s = f[0] * 3600 + f[1] * 60 + f[2];
  } else {
    if (f.size() == 1) s = f[0] * 3600;
    else if (f.size() == 2) s = f[0] * 3600 + f[1] * 60;
    else if (f.size() == 3) s = f[0] * 3600 + f[1] * 60 + f[2];
  }
  return s < 0 ? -1 : s + days * 86400;
}

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
}

}  // namespace

int cmd_submit(const SubmitOptions& o) {
  Diagnostics diags;
  JobSpec job = read_job(o.job, diags);
  if (!diags.empty()) {
    std::cerr << diags.format();
    return 2;
  }
  const long limit = slurm_time_seconds(o.time);
  if (limit < 0) {
    std::cerr << "alpscan submit: --time \"" << o.time << "\" is not a SLURM time (e.g. 30, 02:00:00, 1-12:00)\n";
    return 2;
  }
  if (o.signal_grace_s <= 0 || o.signal_grace_s >= limit) {
    std::cerr << "alpscan submit: --signal-grace " << o.signal_grace_s << " s must be > 0 and shorter than --time ("
              << limit << " s)\n";
    return 2;
  }
  const std::string out = fs::absolute(job.output_dir).lexically_normal().string();
  const std::string job_abs = fs::absolute(o.job).lexically_normal().string();
  const std::string dir = out + "/slurm";
  fs::create_directories(dir);
  const std::string script = dir + "/" + job.name + ".sbatch";

  const std::string tmpl_path = std::string(ALPSCAN_SOURCE_DIR) + "/slurm/alpscan.sbatch.in";
  std::ifstream in(tmpl_path);
  if (!in) {
    std::cerr << "alpscan submit: cannot read the batch template " << tmpl_path << "\n";
    return 1;
  }
  std::stringstream ts;
  ts << in.rdbuf();
  std::string text = ts.str();

  std::string lines = fmt::format("#SBATCH --job-name=alpscan-{}\n#SBATCH --ntasks={}\n#SBATCH --time={}\n", job.name,
                                  o.ntasks, o.time);
  if (!o.nodes.empty()) lines += "#SBATCH --nodes=" + o.nodes + "\n";
  if (!o.partition.empty()) lines += "#SBATCH --partition=" + o.partition + "\n";
  if (!o.account.empty()) lines += "#SBATCH --account=" + o.account + "\n";
  lines += "#SBATCH --chdir=" + fs::current_path().string() + "\n";
  lines += "#SBATCH --output=" + dir + "/" + job.name + "-%j.out";
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  replace_all(text, "@SBATCH_LINES@", lines);
  replace_all(text, "@GRACE@", std::to_string(o.signal_grace_s));
  replace_all(text, "@ALPSCAN@", shell_quote(self));
  replace_all(text, "@JOB@", shell_quote(job_abs));
  replace_all(text, "@OUTPUT@", shell_quote(out));
  replace_all(text, "@SCRIPT@", script);
  replace_all(text, "@MAX_CONTINUATIONS@", std::to_string(o.max_continuations));
  {
    std::ofstream f(script);
    f << text;
  }
  ::chmod(script.c_str(), 0755);
  std::cout << "batch script: " << script << "\n";
  const std::string cmd = "sbatch --parsable " + shell_quote(script);
  if (o.dry_run) {
    std::cout << "dry run: not submitted; submit with: " << cmd << "\n";
    return 0;
  }
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (!p) {
    std::cerr << "alpscan submit: cannot run sbatch\n";
    return 1;
  }
  std::string reply;
  std::array<char, 256> buf{};
  while (std::fgets(buf.data(), buf.size(), p)) reply += buf.data();
  const int rc = ::pclose(p);
  if (rc != 0) {
    std::cerr << "alpscan submit: sbatch failed: " << reply;
    return 1;
  }
  while (!reply.empty() && (reply.back() == '\n' || reply.back() == '\r')) reply.pop_back();
  std::cout << "submitted job " << reply << " (log " << dir << "/" << job.name << "-" << reply << ".out)\n";
  std::cout << "watch: alpscan status " << out << "   |   squeue -j " << reply << "\n";
  return 0;
}

}  // namespace alpscan
