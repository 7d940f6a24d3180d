#include "alpscan/scan/Scheduler.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <spdlog/spdlog.h>

#include "alpscan/model/AlpModel.hpp"
#include "alpscan/scan/PreparedTables.hpp"
#include "alpscan/scan/StopSignal.hpp"
#include "alpscan/scan/UnitWriter.hpp"

namespace alpscan {

namespace {
constexpr int kTagRequest = 11;
constexpr int kTagAssign = 12;
constexpr long long kNoMoreWork = -1;
constexpr long long kStop = -2;
constexpr std::size_t kCheckStopEvery = 32;  // points between checks of the stop flag
constexpr int kChains = 2;  // requests each worker keeps open (its prefetch depth)
constexpr int kMsg = 5;  // request: {finished unit, crc32, interrupted, compute us, prepare us}
constexpr long kMinIdleSleepUs = 50, kMaxIdleSleepUs = 2000;  // rank 0 dispatcher's idle back-off

double now_s() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

Scheduler::Scheduler(Communicator& comm, const JobSpec& job, std::vector<ExperimentPtr> experiments,
                     const ParameterSpace& space, const WorkPlan& plan, Checkpoint* checkpoint, SchedulerOptions opts)
    : comm_(comm), job_(job), space_(space), plan_(plan), ckpt_(checkpoint), opts_(opts),
      experiments_(std::move(experiments)) {
  if (experiments_.size() != job.experiments.size() || experiments_.size() != plan.grids.size())
    throw std::logic_error("Scheduler: one experiment per job entry and plan grid expected");
  // Test hook: slow every evaluation down so tests can deliver signals mid-chunk.
  if (const char* d = std::getenv("ALPSCAN_TEST_POINT_DELAY_US")) delay_us_ = std::strtol(d, nullptr, 10);
  prepared_.assign(experiments_.size(), false);
}

// Rank 0's bookkeeping for one run() over the plan as it is now (an adaptive plan grows between runs).
void Scheduler::start_run() {
  stopping_ = false;
  points_done_ = 0;
  assigned_.assign(plan_.units.size(), 0);
  for (std::size_t u = 0; u < plan_.units.size(); ++u)
    if (ckpt_->done(static_cast<int>(u))) {
      assigned_[u] = 1;
      points_done_ += plan_.units[u].count;
    }
  points_at_start_ = points_done_;
  exp_units_.assign(experiments_.size(), {});
  for (std::size_t u = 0; u < plan_.units.size(); ++u) exp_units_[plan_.units[u].experiment].push_back(static_cast<int>(u));
  exp_cursor_.assign(experiments_.size(), 0);
  if (started_.empty()) {  // what ranks have prepared, and the measured costs, carry over between runs
    started_.assign(experiments_.size(), 0);
    rank_has_.assign(comm_.size(), std::vector<char>(experiments_.size(), 0));
    prep_s_.assign(experiments_.size(), -1.0);
    point_s_.assign(experiments_.size(), -1.0);
  }
  current_.assign(comm_.size(), -1);
  on_.assign(experiments_.size(), 0);
}

Experiment& Scheduler::experiment(int e) {
  if (!prepared_[e]) {
    const double t0 = now_s();
    PrepareContext ctx;
    const auto& m = space_.values(Axis::m_a);
    ctx.m_a_min = m.front() * axis_to_internal(Axis::m_a);
    ctx.m_a_max = m.back() * axis_to_internal(Axis::m_a);
    for (double v : m) ctx.m_a_values.push_back(v * axis_to_internal(Axis::m_a));  // as ParameterSpace::point
    // Tables another rank (or an earlier run of this job) already built are loaded, not rebuilt.
    Experiment& x = *experiments_[e];
    std::vector<double> tables;
    const bool loaded = load_prepared_tables(job_.output_dir, opts_.identity, e, x.info().name, tables) && x.restore_prepared(ctx, tables);
    if (!loaded) {
      x.prepare(ctx);
      tables = x.save_prepared();
      if (!tables.empty()) store_prepared_tables(job_.output_dir, opts_.identity, e, x.info().name, tables);
    }
    const double dt = now_s() - t0;
    prepare_s_ += dt;
    spdlog::debug("rank {}: {} {} in {:.3f} s", comm_.rank(), loaded ? "loaded the prepared tables of" : "prepared",
                  x.info().name, dt);
    prepared_[e] = true;
  }
  return *experiments_[e];
}

bool Scheduler::evaluate_unit(int unit, std::vector<double>& out) {
  const WorkUnit& u = plan_.units[unit];
  Experiment& exp = experiment(u.experiment);
  const SubGrid& grid = plan_.grids[u.experiment];
  const std::size_t nb = plan_.width_of(u.experiment);  // values per point: the experiment's bins
  out.resize(u.count * nb);
  const bool signed_ok = exp.info().likelihood && exp.info().likelihood->signed_prediction();  // e.g. Delta a_e
  for (std::size_t i = 0; i < u.count; ++i) {
    if (i % kCheckStopEvery == 0 && stop_requested()) return false;
    if (delay_us_ > 0) std::this_thread::sleep_for(std::chrono::microseconds(delay_us_));
    const AlpPoint p = space_.point(grid, plan_.index(u.experiment, u.begin + i));
    const model::AlpModel alp(p, job_.model);  // couplings, widths (computed on first use) for the experiment
    double* s = out.data() + i * nb;
    if (nb == 1) s[0] = exp.expected_signal(alp);
    else exp.expected_signal_bins(alp, s);
    for (std::size_t b = 0; b < nb; ++b)
      if (!std::isfinite(s[b]) || (s[b] < 0 && !signed_ok))
        throw std::runtime_error("experiment " + exp.info().name + " returned an invalid expected signal (" +
                                 std::to_string(s[b]) + (nb > 1 ? " in bin " + std::to_string(b) : "") +
                                 ") at m_a = " + std::to_string(p.m_a() / 1e-9) +
                                 " eV, g_agg = " + std::to_string(p.g_agg()) + " GeV^-1, g_ae = " +
                                 std::to_string(p.g_ae()));
  }
  return true;
}

// Experiment affinity: prepare() builds per-experiment tables, so a rank keeps getting units of
// experiments it has already prepared; otherwise it starts an experiment no rank has touched yet,
// and only then joins the experiment with the most work left. This keeps the total prepare cost
// close to one prepare per experiment instead of one per experiment per rank.
int Scheduler::next_unit(int rank) {
  if (stopping_ || stop_requested()) return -1;
  if (opts_.max_units && handed_out_ >= opts_.max_units) {
    stopping_ = true;
    return -1;
  }
  const std::size_t ne = exp_units_.size();
  auto remaining = [&](std::size_t e) {
    auto& q = exp_units_[e];
    while (exp_cursor_[e] < q.size() && assigned_[q[exp_cursor_[e]]]) ++exp_cursor_[e];
    return q.size() - exp_cursor_[e];
  };
  int pick = -1;
  for (std::size_t e = 0; e < ne && pick < 0; ++e)
    if (rank_has_[rank][e] && remaining(e) > 0) pick = static_cast<int>(e);
  for (std::size_t e = 0; e < ne && pick < 0; ++e)
    if (!started_[e] && remaining(e) > 0) pick = static_cast<int>(e);
  // Join an experiment other ranks are on only if its remaining work, shared with them, outweighs
  // the cost of preparing it here (both measured so far); otherwise this rank is done.
  double best = 0;
  if (pick < 0) {
    for (std::size_t e = 0; e < ne; ++e) {
      const std::size_t left = remaining(e);
      if (left == 0) continue;
      double pts = 0;
      for (std::size_t k = exp_cursor_[e]; k < exp_units_[e].size(); ++k)
        if (!assigned_[exp_units_[e][k]]) pts += double(plan_.units[exp_units_[e][k]].count);
      // Not measured yet (its first unit is still running elsewhere): estimate from the others.
      double prep = prep_s_[e], per_point = point_s_[e], known_prep = -1, known_point = -1;
      for (std::size_t k = 0; k < ne; ++k) {
        known_prep = std::max(known_prep, prep_s_[k]);
        known_point = std::max(known_point, point_s_[k]);
      }
      if (prep < 0) prep = known_prep;
      if (per_point < 0) per_point = known_point;
      const double share = pts * std::max(per_point, 0.0) / double(on_[e] + 1);
      const bool unknown = prep < 0 || per_point < 0;
      if ((unknown || share > prep) && (pick < 0 || share > best)) best = share, pick = static_cast<int>(e);
    }
  }
  if (pick < 0 || remaining(pick) == 0) return -1;
  const int u = exp_units_[pick][exp_cursor_[pick]];
  assigned_[u] = 1;
  ++handed_out_;
  activity_.given(rank, now_s());
  rank_has_[rank][pick] = started_[pick] = 1;
  if (current_[rank] >= 0) --on_[current_[rank]];
  current_[rank] = pick;
  ++on_[pick];
  return u;
}

void Scheduler::handle_request(int src, const long long* msg) {
  const long long finished = msg[0];
  if (finished >= 0) {
    ckpt_->record(static_cast<int>(finished), static_cast<std::uint32_t>(msg[1]));
    ++computed_;
    points_done_ += plan_.units[finished].count;
    note_costs(static_cast<int>(finished), msg[3] * 1e-6, msg[4] * 1e-6);
    note_done(src, static_cast<int>(finished), msg[3] * 1e-6, msg[4] * 1e-6);
  }
  if (msg[2]) {  // the worker was signalled: stop handing out work
    stopping_ = true;
  }
  long long reply[3] = {0, 0, 0};
  int u = next_unit(src);
  // The unit a worker abandoned is no longer assigned to anyone: it will be redone on resume.
  reply[0] = u >= 0 ? u : (stopping_ || stop_requested() ? kStop : kNoMoreWork);
  if (u < 0) {
    note_refused(src);
    --open_chains_;
    if (current_[src] >= 0) --on_[current_[src]];
    current_[src] = -1;
  }
  comm_.send(src, kTagAssign, reply, 3);
  log_progress(false);
}

void Scheduler::note_costs(int unit, double compute_s, double prepare_s) {
  const int e = plan_.units[unit].experiment;
  if (prepare_s > 0) prep_s_[e] = std::max(prep_s_[e], prepare_s);
  if (prep_s_[e] < 0 && prepare_s == 0 && point_s_[e] < 0) prep_s_[e] = 0;  // prepared before this run's timing
  const double per_point = compute_s / double(std::max<std::size_t>(plan_.units[unit].count, 1));
  point_s_[e] = point_s_[e] < 0 ? per_point : 0.5 * (point_s_[e] + per_point);
}

void Scheduler::note_done(int rank, int unit, double compute_s, double prepare_s) {
  activity_.finished(rank, plan_.units[unit].count, compute_s, prepare_s, now_s());
}

void Scheduler::note_refused(int rank) {
  activity_.refused(rank, now_s(), static_cast<std::size_t>(std::count(assigned_.begin(), assigned_.end(), 0)));
}

void Scheduler::log_progress(bool force) {
  const double t = now_s();
  if (!force && t - t_last_log_ < opts_.progress_interval_s) return;
  t_last_log_ = t;
  const double elapsed = t - t_start_;
  const double rate = elapsed > 0 ? double(points_done_ - points_at_start_) / elapsed : 0.0;
  const double left = double(plan_.total_points - points_done_);
  spdlog::info("progress: {}/{} evaluations ({:.1f}%), {:.3g} points/s, elapsed {:.1f} s, ETA {}",
               points_done_, plan_.total_points, plan_.total_points ? 100.0 * points_done_ / plan_.total_points : 100.0,
               rate, elapsed, rate > 0 ? fmt::format("{:.1f} s", left / rate) : std::string("?"));
}

// Rank 0 of a multi-rank run: the main thread is the dispatcher (the only thread that calls MPI);
// a second thread evaluates units like any worker, fed through an in-process queue. So rank 0
// answers requests at once even while its own compute is in a long prepare(), and no core is
// spent on a pure dispatcher (the dispatcher sleeps between polls).
void Scheduler::run_dispatcher_with_local_worker() {
  struct Done {
    int unit;
    bool ok;
    std::uint32_t crc;
    double compute_s, prepare_s;
  };
  std::mutex mu;
  std::condition_variable cv;
  std::deque<int> todo;
  std::deque<Done> done;
  bool no_more = false;
  UnitWriter writer(job_.output_dir, opts_.identity, plan_);
  std::thread compute([&] {
    std::vector<double> buf;
    while (true) {
      int u;
      {
        std::unique_lock<std::mutex> lk(mu);
        cv.wait(lk, [&] { return !todo.empty() || no_more; });
        if (todo.empty()) return;
        u = todo.front();
        todo.pop_front();
      }
      const double prep0 = prepare_s_, t0 = now_s();
      if (!evaluate_unit(u, buf)) {
        std::lock_guard<std::mutex> lk(mu);
        done.push_back(Done{u, false, 0, 0, 0});
        return;  // signalled: stop evaluating
      }
      const double prep = prepare_s_ - prep0;
      writer.submit(u, std::move(buf), now_s() - t0 - prep, prep);
      buf = {};
    }
  });
  int local_in_flight = 0;
  bool local_open = true;
  auto feed_local = [&] {
    while (local_open && local_in_flight < kChains) {
      const int u = next_unit(0);
      std::lock_guard<std::mutex> lk(mu);
      if (u < 0) {
        note_refused(0);
        local_open = false;
        no_more = true;
      } else {
        todo.push_back(u);
        ++local_in_flight;
      }
      cv.notify_one();
    }
  };
  feed_local();
  long long msg[kMsg];
  long idle_sleep_us = kMinIdleSleepUs;
  while (open_chains_ > 0 || local_in_flight > 0) {
    bool idle = true;
    std::deque<Done> finished;
    {
      std::lock_guard<std::mutex> lk(mu);
      finished.swap(done);
    }
    for (const UnitWriter::Written& w : writer.take_written()) {
      idle = false;
      --local_in_flight;
      ckpt_->record(w.unit, w.crc);
      note_costs(w.unit, w.compute_s, w.prepare_s);
      note_done(0, w.unit, w.compute_s, w.prepare_s);
      ++computed_;
      points_done_ += plan_.units[w.unit].count;
    }
    for (const Done& d : finished) {  // only failures come this way: the writer reports the rest
      idle = false;
      --local_in_flight;
      if (!d.ok) {
        stopping_ = true;
        local_open = false;
        std::lock_guard<std::mutex> lk(mu);
        local_in_flight -= static_cast<int>(todo.size());  // given back, recomputed on resume
        todo.clear();
        no_more = true;
        cv.notify_one();
      }
    }
    if (stop_requested() && local_open) {
      stopping_ = true;
    }
    feed_local();
    while (open_chains_ > 0 && comm_.probe(kTagRequest)) {
      idle = false;
      const double t_req = now_s();
      const int src = comm_.recv_any(kTagRequest, msg, kMsg);
      handle_request(src, msg);
      activity_.served(now_s() - t_req);
    }
    log_progress(false);
    // Idle back-off: every wake-up of a sleeping thread costs a context switch (on a virtual machine
    // tens of microseconds of a core); polling every 200 us made this thread use most of a core
    // that the two computing threads needed. The sleep doubles while nothing happens, up to
    // kMaxIdleSleepUs, and restarts short at any activity. The latency this adds to a request is
    // hidden by the workers' second request chain (chunks take milliseconds to compute).
    if (idle) {
      std::this_thread::sleep_for(std::chrono::microseconds(idle_sleep_us));
      idle_sleep_us = std::min(2 * idle_sleep_us, kMaxIdleSleepUs);
    } else {
      idle_sleep_us = kMinIdleSleepUs;
    }
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    no_more = true;
  }
  cv.notify_one();
  compute.join();
}

RunOutcome Scheduler::run() {
  RunOutcome out;
  t_start_ = t_last_log_ = now_s();
  std::vector<double> buf;
  if (comm_.rank() == 0) {
    start_run();
    activity_ = RankActivity(comm_.size(), t_start_);
    open_chains_ = kChains * (comm_.size() - 1);
    if (comm_.size() > 1) {
      run_dispatcher_with_local_worker();
    } else {
      UnitWriter writer(job_.output_dir, opts_.identity, plan_);
      auto record = [&](const std::vector<UnitWriter::Written>& ws) {
        for (const auto& w : ws) {
          ckpt_->record(w.unit, w.crc);
          note_costs(w.unit, w.compute_s, w.prepare_s);
          note_done(0, w.unit, w.compute_s, w.prepare_s);
          ++computed_;
          points_done_ += plan_.units[w.unit].count;
        }
      };
      while (true) {
        record(writer.take_written());
        while (writer.pending() >= static_cast<std::size_t>(kChains)) record(writer.wait_written());
        const int u = next_unit(0);
        if (u < 0) {
          note_refused(0);
          break;
        }
        const double prep0 = prepare_s_, t0 = now_s();
        if (!evaluate_unit(u, buf)) {
          stopping_ = true;  // abandoned; recomputed on resume
          break;
        }
        const double prep = prepare_s_ - prep0;
        writer.submit(u, std::move(buf), now_s() - t0 - prep, prep);
        buf = {};
        log_progress(false);
      }
      while (writer.pending() > 0) record(writer.wait_written());
    }
    ckpt_->sync();
    out.units_done = ckpt_->done_count();
    out.complete = out.units_done == plan_.units.size();
    out.units_computed = computed_;
    log_progress(true);
    activity_.log(now_s(), runs_++ == 0);  // later runs (refinement batches): debug only
  } else {
    // Each worker keeps kChains requests open, so its next unit is already queued when it
    // finishes one and it never waits while rank 0 is busy (e.g. in a long prepare()). Every unit
    // received is answered by exactly one later request; a chain ends with a negative reply.
    std::deque<int> queue;
    int open = kChains;
    bool abandon = false;
    long long req[kMsg] = {-1, 0, 0, 0, 0}, rep[3];
    for (int c = 0; c < kChains; ++c) comm_.send(0, kTagRequest, req, kMsg);
    UnitWriter writer(job_.output_dir, opts_.identity, plan_);
    // A unit is reported (its chain answered) only once the writer has made it durable.
    auto report = [&](const std::vector<UnitWriter::Written>& ws) {
      for (const auto& w : ws) {
        long long fin[kMsg] = {w.unit, static_cast<long long>(w.crc), stop_requested() ? 1 : 0,
                               static_cast<long long>(w.compute_s * 1e6), static_cast<long long>(w.prepare_s * 1e6)};
        comm_.send(0, kTagRequest, fin, kMsg);
      }
    };
    while (open > 0 || !queue.empty() || writer.pending() > 0) {
      report(writer.take_written());
      if (queue.empty()) {
        // A chain is either waiting for its answer or holding a unit that is still being written.
        // Take the next unit as soon as one is answered; wait for the writer only when every open
        // chain's unit is in it (waiting first idled a worker for about half an fsync per chunk: 13-15%
        // of its time at 20 ms chunks with 8 ranks on 2 cores, measured with scan/RankActivity).
        if (open > static_cast<int>(writer.pending())) {
          comm_.recv(0, kTagAssign, rep, 3);
          if (rep[0] >= 0) queue.push_back(static_cast<int>(rep[0]));
          else --open;
        } else if (writer.pending() > 0) {
          report(writer.wait_written());  // its chain's next unit comes only after the report
        }
        continue;
      }
      const int u = queue.front();
      queue.pop_front();
      const double prep0 = prepare_s_, t0 = now_s();
      if (abandon || !evaluate_unit(u, buf)) {
        abandon = true;  // signalled: give this and every queued unit back, tell rank 0 to stop
        long long stop[kMsg] = {-1, 0, 1, 0, 0};
        comm_.send(0, kTagRequest, stop, kMsg);
        continue;
      }
      const double prep = prepare_s_ - prep0;
      writer.submit(u, std::move(buf), now_s() - t0 - prep, prep);
      buf = {};
    }
  }
  out.complete = comm_.broadcast(out.complete ? 1 : 0, 0) != 0;
  out.interrupted = !out.complete;
  out.prepare_seconds = prepare_s_;
  return out;
}

}  // namespace alpscan
