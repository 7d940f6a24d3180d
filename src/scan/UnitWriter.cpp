#include "alpscan/scan/UnitWriter.hpp"

#include <utility>

#include "alpscan/scan/Checkpoint.hpp"

namespace alpscan {

UnitWriter::UnitWriter(std::string output_dir, std::uint64_t identity, const WorkPlan& plan)
    : out_(std::move(output_dir)), identity_(identity), plan_(plan), thread_([this] { loop(); }) {}

UnitWriter::~UnitWriter() {
  {
    std::lock_guard<std::mutex> lk(mu_);
    closing_ = true;
  }
  cv_work_.notify_one();
  thread_.join();
}

void UnitWriter::submit(int unit, std::vector<double>&& values, double compute_s, double prepare_s) {
  {
    std::lock_guard<std::mutex> lk(mu_);
    todo_.push_back(Job{unit, std::move(values), compute_s, prepare_s});
    ++pending_;
  }
  cv_work_.notify_one();
}

void UnitWriter::loop() {
  while (true) {
    Job job;
    {
      std::unique_lock<std::mutex> lk(mu_);
      cv_work_.wait(lk, [&] { return !todo_.empty() || closing_; });
      if (todo_.empty()) return;  // closing, and everything queued is written
      job = std::move(todo_.front());
      todo_.pop_front();
    }
    Written w{job.unit, 0, job.compute_s, job.prepare_s};
    std::exception_ptr err;
    try {
      w.crc = Checkpoint::write_unit(out_, identity_, plan_, job.unit, job.values);
    } catch (...) {
      err = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (err) {
        if (!error_) error_ = err;
        --pending_;  // never reported: recomputed on resume
      } else {
        written_.push_back(w);
      }
    }
    cv_done_.notify_all();
  }
}

std::vector<UnitWriter::Written> UnitWriter::take_locked() {
  if (error_) std::rethrow_exception(error_);
  std::vector<Written> out;
  out.swap(written_);
  pending_ -= out.size();
  return out;
}

std::vector<UnitWriter::Written> UnitWriter::take_written() {
  std::lock_guard<std::mutex> lk(mu_);
  return take_locked();
}

std::vector<UnitWriter::Written> UnitWriter::wait_written() {
  std::unique_lock<std::mutex> lk(mu_);
  cv_done_.wait(lk, [&] { return !written_.empty() || error_ || pending_ == 0; });
  return take_locked();
}

std::size_t UnitWriter::pending() const {
  std::lock_guard<std::mutex> lk(mu_);
  return pending_;
}

}  // namespace alpscan
