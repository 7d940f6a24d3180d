// Background writer of finished work units. A unit file is made durable with two fsyncs (the file,
// then its directory after the rename; see Checkpoint::write_unit), which costs milliseconds of
// waiting per unit on a local disk and more on a cluster file system. Done on the computing thread,
// that wait is serial time that no rank count removes (on 2 ranks the two ranks' fsyncs also queue
// behind each other in the file-system journal). So each rank hands its finished units to this
// writer and keeps computing; a unit is reported finished (to the manifest, or to rank 0) only
// after take_written() has returned it, i.e. after it is durable. Nothing is lost on a kill: a unit
// not yet written was never reported and is recomputed on resume.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "alpscan/scan/WorkPlan.hpp"

namespace alpscan {

class UnitWriter {
 public:
  struct Written {
    int unit = -1;
    std::uint32_t crc = 0;
    double compute_s = 0, prepare_s = 0;  // the evaluation's timing, passed through for the cost model
  };
  // `identity`: the run's (scan/RunIdentity), stamped into every unit file.
  UnitWriter(std::string output_dir, std::uint64_t identity, const WorkPlan& plan);
  ~UnitWriter();  // writes what is still queued, then joins
  UnitWriter(const UnitWriter&) = delete;
  UnitWriter& operator=(const UnitWriter&) = delete;

  // Queue a finished unit (values are moved). Thread-safe.
  void submit(int unit, std::vector<double>&& values, double compute_s, double prepare_s);
  // Units made durable since the last call (non-blocking). Rethrows a write error.
  std::vector<Written> take_written();
  // Blocks until at least one unit is durable (or none is pending), then as take_written().
  std::vector<Written> wait_written();
  // Submitted units not yet returned by take_written()/wait_written().
  std::size_t pending() const;

 private:
  struct Job {
    int unit;
    std::vector<double> values;
    double compute_s, prepare_s;
  };
  void loop();
  std::vector<Written> take_locked();

  std::string out_;
  std::uint64_t identity_;
  const WorkPlan& plan_;
  mutable std::mutex mu_;
  std::condition_variable cv_work_, cv_done_;
  std::deque<Job> todo_;
  std::vector<Written> written_;
  std::size_t pending_ = 0;
  bool closing_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace alpscan
