// alpscan command-line interface: list | validate | plan | run. See README "Command line".
// Exit status: 0 done, 1 internal error, 2 invalid input or usage, 75 incomplete but resumable.
#include <algorithm>
#include <chrono>
#include <future>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "alpscan/core/BuildInfo.hpp"
#include "alpscan/experiments/BandpassRescaledExperiment.hpp"
#include "alpscan/io/CheckpointFormatJson.hpp"
#include "alpscan/io/ExperimentCatalog.hpp"
#include "alpscan/io/JobSpecIO.hpp"
#include "alpscan/io/JsonUtil.hpp"
#include "alpscan/io/OutputLock.hpp"
#include "alpscan/io/ResultFiles.hpp"
#include "alpscan/io/RunStatus.hpp"
#include "alpscan/maps/MergedResult.hpp"
#include "alpscan/maps/PlaneMap.hpp"
#include "alpscan/scan/CpuAffinity.hpp"
#include "alpscan/maps/RefinedMaps.hpp"
#include "alpscan/scan/Checkpoint.hpp"
#include "alpscan/scan/Communicator.hpp"
#include "alpscan/scan/ParameterSpace.hpp"
#include "alpscan/scan/PlanMemory.hpp"
#include "alpscan/scan/RunIdentity.hpp"
#include "alpscan/scan/Scheduler.hpp"
#include "alpscan/scan/StopSignal.hpp"
#include "alpscan/scan/WorkPlan.hpp"
#include "alpscan/stats/Likelihood.hpp"
#include "Explain.hpp"
#include "Plot.hpp"
#include "Submit.hpp"

using namespace alpscan;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInternal = 1;
constexpr int kExitInput = 2;
constexpr int kExitResumable = 75;  // EX_TEMPFAIL: run the same command again to continue

// Output directory of the current run on rank 0, so a failure can be recorded in run_status.json.
std::string g_run_output_dir;
int g_ranks = 1;
// The command line, recorded in the output lock so that a refused run can name the holder's command.
std::string g_command;
// Rank 0's lock on the output directory: held until main returns, after the last status write (a
// failed run records "failed" while it still holds the directory).
std::unique_ptr<OutputLock> g_output_lock;
std::string g_identity;  // the run's identity, recorded with its state

const char* kUsage = R"(usage: alpscan <command> [options]

commands:
  list [--data-dir DIR]          experiments with their couplings, kind and sources
  validate JOB                   check a job file; reports every problem (exit 2 if any)
  plan JOB                       dry run: points, chunks, experiments, axes, evaluations
  status OUTPUT_DIR [--json]     progress of a run (works while it runs): done/total, state, last error
  submit JOB [options]           write a SLURM batch script next to the results and sbatch it
      --ntasks N (default 2)  --nodes N  --time T (default 01:00:00)  --partition P  --account A
      --max-continuations K (default 10)  --signal-grace S (default 120)  --dry-run
  run JOB [options]              run the scan (resumes from the checkpoint by default)
      --restart                  discard the checkpoint and start over
      --max-chunks N             stop (resumable, exit 75) after N chunks in this invocation
      --progress-interval S      seconds between progress lines (default 5)
  plot RESULT_DIR [--plane NAME|x,y] [--format png|pdf|svg] [--out DIR]
                                 draw a finished result (every plane by default; png into RESULT_DIR/plots)
  explain JOB --point A=V,...    one point's signal per experiment, split by production x detection channel,
      [--experiment NAME] [--json]  with its statistics (values in the job's units: m_a in eV, g_agg in GeV^-1)
  version                        code version and git revision

Run under MPI with: mpirun -np N alpscan run JOB
exit status: 0 done, 1 internal error, 2 invalid input, 75 incomplete (resumable: run again)
)";

struct Args {
  std::string command, job, data_dir;
  ExplainOptions explain;
  bool restart = false, json = false;
  SubmitOptions submit;
  std::size_t max_chunks = 0;
  double progress_interval = 5.0;
};

[[noreturn]] void usage_error(const std::string& msg) {
  std::cerr << "alpscan: " << msg << "\n\n" << kUsage;
  std::exit(kExitInput);
}

// The options each command reads; any other option is an error (not silently ignored).
const std::map<std::string, std::set<std::string>>& command_options() {
  static const std::map<std::string, std::set<std::string>> m = {
      {"list", {"--data-dir"}},
      {"validate", {}},
      {"plan", {}},
      {"version", {}},
      {"status", {"--json"}},
      {"submit", {"--ntasks", "--nodes", "--time", "--partition", "--account", "--max-continuations", "--signal-grace",
                  "--dry-run"}},
      {"run", {"--restart", "--max-chunks", "--progress-interval"}},
      {"explain", {"--point", "--experiment", "--json"}}};
  return m;
}

Args parse_args(int argc, char** argv) {
  Args a;
  std::vector<std::string> pos, options;
  for (int i = 1; i < argc; ++i) {
    const std::string s = argv[i];
    if (s.rfind("--", 0) == 0) options.push_back(s);
    auto value = [&](const char* name) -> std::string {
      if (i + 1 >= argc) usage_error(std::string(name) + " needs a value");
      return argv[++i];
    };
    if (s == "--restart") a.restart = true;
    else if (s == "--json") a.json = true;
    else if (s == "--dry-run") a.submit.dry_run = true;
    else if (s == "--nodes") a.submit.nodes = value("--nodes");
    else if (s == "--ntasks") a.submit.ntasks = value("--ntasks");
    else if (s == "--time") a.submit.time = value("--time");
    else if (s == "--partition") a.submit.partition = value("--partition");
    else if (s == "--account") a.submit.account = value("--account");
    else if (s == "--max-continuations" || s == "--signal-grace") {
      const std::string v = value(s.c_str());
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (*end || n < 0) usage_error(s + " expects an integer >= 0, found \"" + v + "\"");
      (s == "--max-continuations" ? a.submit.max_continuations : a.submit.signal_grace_s) = static_cast<int>(n);
    }
    else if (s == "--max-chunks") {
      const std::string v = value("--max-chunks");
      char* end = nullptr;
      const long long n = std::strtoll(v.c_str(), &end, 10);
      if (*end || n < 1) usage_error("--max-chunks expects an integer >= 1, found \"" + v + "\"");
      a.max_chunks = static_cast<std::size_t>(n);
    } else if (s == "--progress-interval") {
      const std::string v = value("--progress-interval");
      char* end = nullptr;
      a.progress_interval = std::strtod(v.c_str(), &end);
      if (*end || !(a.progress_interval >= 0)) usage_error("--progress-interval expects seconds >= 0");
    } else if (s == "--data-dir") a.data_dir = value("--data-dir");
    else if (s == "--point") a.explain.point = value("--point");
    else if (s == "--experiment") a.explain.experiment = value("--experiment");
    else if (s == "-h" || s == "--help") {
      std::cout << kUsage;
      std::exit(kExitOk);
    } else if (s.rfind("--", 0) == 0) usage_error("unknown option " + s);
    else pos.push_back(s);
  }
  if (pos.empty()) usage_error("no command given");
  a.command = pos[0];
  if (const auto it = command_options().find(a.command); it != command_options().end())
    for (const std::string& o : options)
      if (!it->second.count(o))
        usage_error("option " + o + " does not apply to '" + a.command + "'" +
                    (o == "--data-dir" ? " (a job names its data directory with \"data_dir\", or $ALPSCAN_DATA_DIR)" : ""));
  if (pos.size() > 1) a.job = pos[1];
  if (pos.size() > 2) usage_error("too many arguments");
  return a;
}

void setup_logging(int rank) {
  auto logger = spdlog::stderr_color_mt("alpscan");
  logger->set_pattern(fmt::format("[%Y-%m-%d %H:%M:%S.%e] [rank {}] [%l] %v", rank));
  logger->set_level(rank == 0 ? spdlog::level::info : spdlog::level::warn);
  if (const char* l = std::getenv("ALPSCAN_LOG_LEVEL")) logger->set_level(spdlog::level::from_str(l));
  spdlog::set_default_logger(logger);
}

// Reads the job and builds its experiments (which reads and checks their data files and the job's
// option overrides), once: the scan evaluates them and the merge takes their metadata. Every problem
// goes into diags.
JobSpec load_job(const std::string& path, Diagnostics& diags, std::vector<ExperimentPtr>* experiments = nullptr) {
  JobSpec job = read_job(path, diags);
  std::vector<ExperimentPtr> built;  // validate needs them too: the plan's memory depends on their axes
  // Experiments that were resolved are checked even if the job has other problems: all at once.
  for (const auto& r : job.experiments) {
    try {
      ExperimentPtr e = with_bandpass_coupling(make_experiment(r), job.model);  // issue 15: g_eff at its kinematics
      built.push_back(std::move(e));
    } catch (const InputError& err) {
      for (const auto& d : err.diagnostics().items()) diags.add(d.file, d.path, d.message);
    } catch (const BandpassMismatch& err) {  // the bandpass model and an experiment that does not fit it
      if (err.json_path.empty())
        diags.add(job.file, "/model", err.what());
      else
        diags.add(r.file, err.json_path, err.what());
    } catch (const std::invalid_argument& err) {
      diags.add(r.file, "", err.what());
    }
  }
  if (diags.empty()) {  // a grid too large for the machine: refused here, before anything is planned
    std::vector<std::vector<Axis>> axes;
    std::vector<std::size_t> widths;
    for (const auto& e : built) {
      axes.push_back(e->info().axes);
      widths.push_back(values_per_point(e->info()));
    }
    const PlanMemoryLimit limit = plan_memory_limit();
    const std::string why = limit.error.empty() ? plan_memory_problem(plan_memory_estimate(job, axes, widths), limit) : "";
    if (!limit.error.empty()) diags.add("(environment)", "", limit.error);
    else if (!why.empty()) diags.add(job.file, "/parameters", why);
  }
  if (experiments) *experiments = std::move(built);
  return job;
}

std::vector<ExperimentInfo> infos_of(const std::vector<ExperimentPtr>& experiments) {
  std::vector<ExperimentInfo> infos;
  for (const auto& e : experiments) infos.push_back(e->info());
  return infos;
}

std::string axes_list(const std::vector<Axis>& axes) {
  std::string s;
  for (Axis a : axes) s += (s.empty() ? "" : ", ") + std::string(axis_name(a));
  return s;
}

// The work plan: each experiment's sub-grid over the axes it uses, and its values per point (bins).
WorkPlan plan_for(const JobSpec& job, const ParameterSpace& space, const std::vector<ExperimentInfo>& infos) {
  std::vector<std::vector<Axis>> axes;
  std::vector<std::size_t> widths, max_steps;
  for (const auto& i : infos) {
    axes.push_back(i.axes);
    widths.push_back(values_per_point(i));
    max_steps.push_back(i.max_refinement_step);
  }
  return make_work_plan(space, axes, job.chunk_size, widths, job.refinement_step, max_steps);
}

int cmd_list(const Args& a) {
  const ExperimentCatalog cat(a.data_dir.empty() ? default_data_dir() : a.data_dir);
  if (cat.entries().empty()) {
    std::cerr << "alpscan: no experiment data files in " << (a.data_dir.empty() ? default_data_dir() : a.data_dir)
              << "\n";
    return kExitInput;
  }
  std::cout << fmt::format("{:<26} {:<8} {:<11} {:<14} {}\n", "name", "group", "kind", "axes", "title / sources");
  for (const auto& e : cat.entries()) {
    std::string axes = "?";
    try {
      ExperimentPtr x = make_experiment({e.name, e.file, "{}"});
      axes = axes_list(x->info().axes);
    } catch (const std::exception& err) {
      axes = "(invalid data file)";
    }
    std::cout << fmt::format("{:<26} {:<8} {:<11} {:<14} {}\n", e.name, e.family, e.kind, axes, e.title);
    for (const auto& s : e.sources) std::cout << fmt::format("{:<62} source: {}\n", "", s);
  }
  std::cout << "\ngroups: all";
  std::vector<std::string> fam;
  for (const auto& e : cat.entries())
    if (std::find(fam.begin(), fam.end(), e.family) == fam.end()) fam.push_back(e.family);
  for (const auto& f : fam) std::cout << ", " << f;
  std::cout << "\n";
  return kExitOk;
}

int cmd_validate(const Args& a) {
  Diagnostics diags;
  load_job(a.job, diags);
  if (!diags.empty()) {
    std::cerr << diags.format();
    std::cerr << diags.count() << " problem(s) found in " << a.job << "\n";
    return kExitInput;
  }
  std::cout << a.job << ": valid\n";
  return kExitOk;
}

int cmd_plan(const Args& a) {
  Diagnostics diags;
  std::vector<ExperimentPtr> experiments;
  JobSpec job = load_job(a.job, diags, &experiments);
  if (!diags.empty()) {
    std::cerr << diags.format();
    return kExitInput;
  }
  const std::vector<ExperimentInfo> infos = infos_of(experiments);
  const ParameterSpace space(job);
  const WorkPlan plan = plan_for(job, space, infos);
  std::cout << "job " << job.name << " (" << job.file << ")\n";
  std::cout << "output directory: " << job.output_dir << "\n";
  std::cout << fmt::format("confidence level: {:g}%\n", 100 * job.cl);
  std::cout << "axes:\n";
  for (int i = 0; i < kNumAxes; ++i) {
    const Axis ax = static_cast<Axis>(i);
    const auto& v = space.values(ax);
    bool used = false;
    for (const auto& i2 : infos)  // directly, or through an axis that follows it (a tie, the electron loop)
      for (Axis u : with_implied_axes(job, i2.axes)) used = used || u == ax;
    if (const auto& t = space.tie(ax))
      std::cout << fmt::format("  {:<10} tied: {:g} x {} ({} per unit of {})\n", axis_name(ax), t->ratio,
                               axis_name(t->source), axis_external_unit(ax), axis_name(t->source));
    else if (v.size() == 1)
      std::cout << fmt::format("  {:<10} fixed at {:g} {}\n", axis_name(ax), v[0], axis_external_unit(ax));
    else
      std::cout << fmt::format("  {:<10} {} values, {:g} .. {:g} {}{}\n", axis_name(ax), v.size(), v.front(),
                               v.back(), axis_external_unit(ax),
                               used ? "" : "  (no selected experiment uses it: evaluated once, costs nothing)");
  }
  std::cout << fmt::format("grid points: {}\n", space.full().size);
  std::cout << "experiments:\n";
  std::size_t chunks_per[64] = {0};
  for (const auto& u : plan.units) chunks_per[std::min(u.experiment, 63)]++;
  for (std::size_t e = 0; e < infos.size(); ++e) {
    // Job-level numbers that need no scanned point (the binned reference comes after the scan).
    const stats::Likelihood& lik = *infos[e].likelihood;
    const std::string stat = lik.describe(lik.calibrate(job.cl, nullptr, 0)).headline;
    std::cout << fmt::format("  {:<26} axes [{}], {} evaluations in {} chunks, {}\n", infos[e].name,
                             axes_list(with_implied_axes(job, infos[e].axes)), plan.grids[e].size, chunks_per[std::min<std::size_t>(e, 63)],
                             stat);
  }
  std::cout << fmt::format("total: {} evaluations in {} chunks of <= {} points\n", plan.total_points,
                           plan.units.size(), job.chunk_size);
  if (plan.refined()) {
    std::size_t full = 0;
    for (const auto& g : plan.grids) full += g.size;
    std::cout << fmt::format("adaptive refinement: the evaluations above are the coarse grid (every {}th point of each "
                             "scanned axis); the batches that follow depend on its results (the full grid: {} "
                             "evaluations)\n",
                             plan.refinement_step, full);
  }
  std::cout << "planes:";
  for (const auto& p : job.planes) std::cout << " " << p.name();
  std::cout << (job.planes.empty() ? " none\n" : "\n");
  return kExitOk;
}

// Rank 0, after the scan: merge, write the result files, report.
int finish_run(const JobSpec& job, const std::vector<ExperimentInfo>& infos, const ParameterSpace& space,
               const WorkPlan& plan, const Checkpoint& ckpt,
               const RunOutcome& out, std::chrono::steady_clock::time_point t0, long long prep_ms,
               const CpuMask& node_cpus) {
  const double scan_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!out.complete) {
    const std::string why = stop_requested() ? fmt::format("stopped by signal {}", stop_signal())
                                             : std::string("stopped by --max-chunks or a signalled rank");
    spdlog::warn("incomplete: {} of {} chunks durable ({}). Run the same command again to resume.", out.units_done,
                 plan.units.size(), why);
    write_run_status(job.output_dir, {"incomplete", why, kExitResumable, g_ranks, g_identity});
    return kExitResumable;
  }
  spdlog::info("scan complete: {} chunks computed now, {} resumed; {:.3f} s (slowest rank's prepare {:.3f} s)",
               out.units_computed, ckpt.resumed_count(), scan_s, prep_ms / 1000.0);
  auto seconds_since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  // Test hook: a slow merge, so that tests can signal a run while it merges (test_signals.sh).
  if (const char* d = std::getenv("ALPSCAN_TEST_MERGE_DELAY_MS"))
    std::this_thread::sleep_for(std::chrono::milliseconds(std::strtol(d, nullptr, 10)));
  const auto t_merge = std::chrono::steady_clock::now();
  // mpirun bound this rank to one core; the job's other ranks on this node now sleep, so the merge's threads may
  // use their cores (scan/CpuAffinity; never wider than those).
  const int bound = cpu_count(current_cpu_mask()), cpus = widen_cpu_affinity(node_cpus);
  if (cpus > bound) spdlog::debug("merge: rank 0 may use {} CPUs (it was bound to {})", cpus, bound);
  // The merge streams (issue 17 item 3): each experiment, once merged, draws its layers on every plane and is
  // written into the staged scan.h5; then its per-point arrays are released. Rank 0 holds two experiments'
  // arrays (the next one is merged meanwhile), the full-grid maps and the planes, never every experiment at once.
  double planes_s = 0, write_s = 0;
  auto timed = [](double& acc, auto&& f) {
    const auto t = std::chrono::steady_clock::now();
    f();
    acc += std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  std::vector<PlaneBuilder> builders;
  for (const auto& p : job.planes) builders.emplace_back(p, space, infos.size());
  WrittenFiles files;
  MergedResult merged;
  try {
    ResultWriter writer(job, space, merge_header(job, plan));
    // The experiment's plane layers are drawn on a second thread while this one writes it into scan.h5 (HDF5
    // stays on this thread): both only read x. The times are this thread's: writing, then waiting for the planes.
    merged = merge_results(job, infos, space, plan, ckpt, [&](std::size_t e, const ExperimentResult& x) {
      if (builders.empty()) {
        timed(write_s, [&] { writer.add_experiment(x); });
        return;
      }
      auto drawn = std::async(std::launch::async, [&] {
        for (auto& b : builders) b.add(e, x);
      });
      try {
        timed(write_s, [&] { writer.add_experiment(x); });
      } catch (...) {
        drawn.wait();  // x must outlive the drawing
        throw;
      }
      timed(planes_s, [&] { drawn.get(); });
    });
    std::vector<PlaneMap> planes;
    timed(planes_s, [&] {
      for (auto& b : builders) planes.push_back(b.finish(merged));
    });
    const double merge_s = seconds_since(t_merge) - planes_s - write_s;
    if (plan.refined()) {
      std::size_t full = 0;
      for (const auto& g : plan.grids) full += g.size;
      spdlog::info("adaptive refinement: {} evaluations in {} batches instead of {} on the full grid ({:.1f}x fewer)",
                   plan.total_points, plan.batches, full, double(full) / double(std::max<std::size_t>(plan.total_points, 1)));
    }
    if (stop_requested())  // all chunks are durable: the quickest way to a complete result is to finish
      spdlog::warn("signal {} arrived after the last chunk: merging and publishing anyway (if the process is killed "
                   "before the end, e.g. by mpirun 1 s after a SIGTERM, the run stays resumable and the next run only "
                   "merges)", stop_signal());
    timed(write_s, [&] { files = writer.finish(merged, planes); });
    spdlog::info("merge {:.2f} s, planes {:.2f} s, result files {:.2f} s ({:.0f}% of the run's {:.1f} s)", merge_s,
                 planes_s, write_s, 100 * seconds_since(t_merge) / std::max(seconds_since(t0), 1e-9),
                 seconds_since(t0));
  } catch (const std::exception& e) {  // e.g. a full disk: the checkpoint is intact, the run is not complete
    const std::string msg =
        dynamic_cast<const MergeError*>(&e)
            ? std::string("cannot merge the results: ") + e.what() +
                  "; run the same command again: the checkpoint check at start-up recomputes a chunk that fails it"
            : std::string("cannot publish the results: ") + e.what() +
                  "; the checkpoint is intact: fix the cause and run the same command again";
    spdlog::error("{}", msg);
    write_run_status(job.output_dir, {"failed", msg, kExitInternal, g_ranks, g_identity});
    return kExitInternal;
  }
  spdlog::info("results: {} and {}; {} curve files in {}/curves", files.scan_h5, files.summary_json,
               files.curves.size(), job.output_dir);
  std::string status_error;
  if (!write_run_status(job.output_dir, {"complete", "results in " + files.scan_h5, kExitOk, g_ranks, g_identity},
                        &status_error)) {
    spdlog::error("the results are published but the run cannot be marked complete: {}", status_error);
    return kExitInternal;
  }
  if (stop_requested()) spdlog::info("signal {} received; the results are complete: exit 0", stop_signal());
  for (const auto& x : merged.experiments) {
    spdlog::info("  {:<26} {}: {} of {} points {}", x.info.name, x.info.likelihood->describe(x.calibration).headline,
                 x.excluded_points, x.grid.size, x.role() == stats::Role::exclusion ? "excluded" : "in the preferred region");
  }
  return kExitOk;
}


int cmd_run(const Args& a) {
  Communicator& comm = Communicator::get();
  const auto t0 = std::chrono::steady_clock::now();
  Diagnostics diags;
  std::vector<ExperimentPtr> experiments;
  JobSpec job = load_job(a.job, diags, &experiments);
  // The verdict is collective: a rank that sees other files or another machine (e.g. a node with less memory
  // than the plan needs) must not return while the others wait in the next broadcast.
  if (comm.max(static_cast<long long>(!diags.empty())) != 0) {
    if (comm.rank() == 0) std::cerr << diags.format();
    else if (!diags.empty())  // one write: mpirun interleaves the ranks' output between writes
      std::cerr << fmt::format("alpscan: rank {} (not rank 0) refuses the job:\n{}", comm.rank(), diags.format())
                << std::flush;
    if (comm.rank() == 0 && diags.empty())
      std::cerr << "alpscan: another rank refused the job (its problems are printed above or in its output)\n";
    return kExitInput;
  }
  // One run per output directory: rank 0 locks it before anything in it is touched (the checkpoint,
  // --restart's deletion, prepared tables), and every rank leaves with 2 if that fails.
  long long locked = 1;
  if (comm.rank() == 0) {
    try {
      g_output_lock = std::make_unique<OutputLock>(job.output_dir, g_command);
      if (g_output_lock->unsupported())
        spdlog::warn("{}: the file system does not support flock(2); concurrent runs on this output directory are "
                     "not detected", OutputLock::path(job.output_dir));
      if (const auto& h = g_output_lock->crashed_holder())
        spdlog::info("output lock: the previous run ({}) ended without releasing it (killed or crashed)", h->describe());
    } catch (const std::exception& e) {
      std::cerr << "alpscan: " << e.what() << "\n";
      locked = 0;
    }
  }
  if (comm.broadcast(locked, 0) == 0) return kExitInput;
  const std::vector<ExperimentInfo> infos = infos_of(experiments);
  const ParameterSpace space(job);
  WorkPlan plan = plan_for(job, space, infos);  // an adaptive plan grows batch by batch

  // Every rank computes the run's identity from its own view of the job, data files and code; they must
  // agree with rank 0's (a node with another build or data directory would write foreign chunks).
  const std::uint64_t identity = run_identity(job, infos);
  const long long root_identity = comm.broadcast(static_cast<long long>(identity), 0);
  if (comm.max(static_cast<long long>(static_cast<std::uint64_t>(root_identity) != identity)) != 0) {
    if (static_cast<std::uint64_t>(root_identity) != identity)
      std::cerr << fmt::format("alpscan: rank {} sees other code or data files than rank 0 (run identity {} vs {}): "
                               "every rank must run the same build on the same data directory\n",
                               comm.rank(), identity_hex(identity), identity_hex(static_cast<std::uint64_t>(root_identity)));
    return kExitInput;
  }
  std::unique_ptr<Checkpoint> ckpt;
  long long ok = 1;
  if (comm.rank() == 0) {
    spdlog::info("alpscan {} ({}, code {}), job {}: {} evaluations in {} chunks on {} rank(s); run identity {}",
                 code_version(), git_revision(), code_hash(), job.name, plan.total_points, plan.units.size(), comm.size(),
                 identity_hex(identity));
    try {
      g_run_output_dir = job.output_dir;
      g_ranks = comm.size();
      g_identity = identity_hex(identity);
      std::string status_error;
      auto mark_running = [&] {
        if (!write_run_status(job.output_dir, {"running", a.restart ? "restarted" : "", -1, comm.size(), g_identity},
                              &status_error))
          spdlog::warn("cannot record the run's state: {}", status_error);
      };
      // --restart: "running" before the checkpoint is discarded, so that a restart that fails or is killed
      // never leaves the previous job's "complete" behind. Otherwise after the checkpoint accepted this run
      // (a run refused for another job leaves the directory's state as it was).
      if (a.restart) mark_running();
      ckpt = std::make_unique<Checkpoint>(job.output_dir, identity, plan, a.restart, checkpoint_format_json());
      if (!a.restart) mark_running();
      // Only once the checkpoint accepted the directory as this job's: a refused run touches nothing.
      if (const std::size_t n = remove_stale_result_temporaries(job.output_dir))
        spdlog::info("output: removed {} temporary file(s) or staging director(ies) a killed run left in {}", n,
                     job.output_dir);
      if (ckpt->resumed_count() > 0)
        spdlog::info("resuming: {} of {} chunks already done (checkpoint in {})", ckpt->resumed_count(),
                     plan.units.size(), Checkpoint::dir(job.output_dir));
    } catch (const InputError& e) {
      std::cerr << e.diagnostics().format();
      ok = 0;
    } catch (const StopRequested& e) {  // a signal while checking a huge checkpoint: every rank leaves, resumable
      spdlog::warn("{} (signal {}); nothing was computed. Run the same command again to continue.", e.what(), stop_signal());
      ok = -1;
    }
  }
  ok = comm.broadcast(ok, 0);
  if (ok == -1) return kExitResumable;
  if (ok == 0) return kExitInput;

  SchedulerOptions opts;
  opts.max_units = a.max_chunks;
  opts.progress_interval_s = a.progress_interval;
  opts.identity = identity;
  Scheduler sched(comm, job, std::move(experiments), space, plan, ckpt.get(), opts);
  RunOutcome out = sched.run();
  // Adaptive refinement: after each batch rank 0 reads the new units (RefinementState) and says which points are
  // undecided; every rank appends them to its copy of the plan, identically, and the scheduler runs
  // again. A resumed run replays the batches from the checkpoint (the same results give the same batches).
  std::unique_ptr<RefinementState> refinement;
  double deciding_s = 0;  // rank 0's time choosing the batches
  if (plan.refined() && comm.rank() == 0) refinement = std::make_unique<RefinementState>(job, infos, space, plan);
  while (out.complete && plan.refined()) {
    std::vector<long long> flat;  // per experiment: its count, then its sub-grid indices
    if (comm.rank() == 0) {
      const auto t = std::chrono::steady_clock::now();
      for (const auto& points : refinement->next_batch(plan, *ckpt)) {
        flat.push_back(static_cast<long long>(points.size()));
        flat.insert(flat.end(), points.begin(), points.end());
      }
      deciding_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    }
    comm.broadcast(flat, 0);
    std::vector<std::vector<std::size_t>> batch(plan.grids.size());
    std::size_t pos = 0;
    for (auto& points : batch) {
      const auto n = static_cast<std::size_t>(flat.at(pos++));
      points.assign(flat.begin() + static_cast<std::ptrdiff_t>(pos), flat.begin() + static_cast<std::ptrdiff_t>(pos + n));
      pos += n;
    }
    const std::size_t before = plan.units.size();
    const std::size_t added = append_batch(plan, batch);
    if (added == 0) break;  // every map is decided
    if (comm.rank() == 0) {
      ckpt->plan_grown();
      spdlog::info("refinement batch {}: {} evaluations in {} chunks ({} evaluations so far)", plan.batches - 1, added,
                   plan.units.size() - before, plan.total_points);
    }
    out = sched.run();
  }
  if (refinement) spdlog::info("refinement: {} batches, {:.2f} s on rank 0 to choose them", plan.batches, deciding_s);
  refinement.reset();  // its per-point statuses are not needed by the merge: freed before it
  const long long prep_ms = comm.max(static_cast<long long>(out.prepare_seconds * 1000));
  const CpuMask node_cpus = node_sibling_cpus(comm);  // collective: rank 0 learns its node's other ranks' cores
  const int status = out.complete ? kExitOk : kExitResumable;
  if (comm.rank() != 0) {
    comm.idle_barrier(0);  // leave together: a rank exiting early with 75 would make mpirun kill rank 0
    return status;
  }
  const int rc = finish_run(job, infos, space, plan, *ckpt, out, t0, prep_ms, node_cpus);
  comm.idle_barrier(0);
  return rc;
}

}  // namespace

int main(int argc, char** argv) {
  // plot draws a finished result: no MPI, no job; the renderer checks its arguments (exit 2 on bad input).
  if (argc > 1 && std::string(argv[1]) == "plot") return cmd_plot(argc, argv);
  Communicator* comm = nullptr;
  try {
    comm = &Communicator::init(argc, argv);
    for (int i = 0; i < argc; ++i) g_command.append(i ? " " : "").append(argv[i]);
    setup_logging(comm->rank());
    install_stop_handlers();
    const Args a = parse_args(argc, argv);
    if (a.command == "version") {
      std::cout << "alpscan " << code_version() << " (git " << git_revision() << ", code " << code_hash() << ")\n";
      return kExitOk;
    }
    if (a.command == "list") return cmd_list(a);
    if (a.command == "status") {
      if (a.job.empty()) usage_error("status needs an output directory");
      return print_status(a.job, a.json);
    }
    if (a.command == "submit") {
      if (a.job.empty()) usage_error("submit needs a job file");
      SubmitOptions o = a.submit;
      o.job = a.job;
      return cmd_submit(o);
    }
    if (a.command == "explain") {
      if (a.job.empty()) usage_error("explain needs a job file");
      if (a.explain.point.empty()) usage_error("explain needs --point axis=value,...");
      Diagnostics diags;
      std::vector<ExperimentPtr> experiments;
      const JobSpec job = load_job(a.job, diags, &experiments);
      if (!diags.empty()) {
        std::cerr << diags.format();
        return kExitInput;
      }
      ExplainOptions o = a.explain;
      o.json = a.json;
      return cmd_explain(job, experiments, o);
    }
    if (a.command != "validate" && a.command != "plan" && a.command != "run")
      usage_error("unknown command \"" + a.command + "\"" +
                  nearest_hint(a.command, {"list", "validate", "plan", "run", "status", "submit", "explain", "plot", "version"}));
    if (a.job.empty()) usage_error(a.command + " needs a job file");
    if (a.command == "validate") return cmd_validate(a);
    if (a.command == "plan") return cmd_plan(a);
    return cmd_run(a);
  } catch (const InputError& e) {
    std::cerr << e.diagnostics().format();
    return kExitInput;
  } catch (const StopRequested& e) {  // a signal before the scan started: nothing to save; run again to continue
    spdlog::warn("{} (signal {}); nothing was computed. Run the same command again to start.", e.what(), stop_signal());
    if (comm && !comm->null_mode() && comm->size() > 1) comm->abort(kExitResumable);
    return kExitResumable;
  } catch (const std::exception& e) {
    spdlog::critical("internal error: {}", e.what());
    if (!g_run_output_dir.empty()) write_run_status(g_run_output_dir, {"failed", e.what(), kExitInternal, g_ranks, g_identity});
    if (comm && !comm->null_mode() && comm->size() > 1) comm->abort(kExitInternal);
    return kExitInternal;
  }
}
