// The only door to MPI. In null mode (no MPI launcher detected: plain `alpscan run job.json`)
// MPI is never initialised and this is a one-rank communicator, so every test and the default run
// work without mpirun. Under mpirun/srun it wraps Boost.MPI's world communicator.
#pragma once

#include <memory>
#include <vector>

namespace alpscan {

class Communicator {
 public:
  // Initialises MPI if a launcher is detected (OMPI_COMM_WORLD_SIZE, PMIX_RANK, PMI_RANK, or
  // SLURM_STEP_ID with SLURM_NTASKS), else null mode. Call once, early in main.
  static Communicator& init(int& argc, char**& argv);
  static Communicator& get();
  // Finalises MPI (if it was initialised). Called at exit from main; safe to call twice.
  static void shutdown();
  ~Communicator();

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool null_mode() const { return !env_; }

  // Small integer messages (the scheduler protocol): n int64 values.
  void send(int dest, int tag, const long long* v, int n);
  // Blocking receive from any source with this tag; returns the source rank.
  int recv_any(int tag, long long* v, int n);
  void recv(int src, int tag, long long* v, int n);
  // Is a message with this tag waiting (from any source)?
  bool probe(int tag);
  void barrier();
  // Every rank other than root waits, without spinning, until root reaches this call (root does not
  // wait): the workers' wait while rank 0 merges and writes the results.
  void idle_barrier(int root);
  long long broadcast(long long v, int root);
  // Every rank ends with root's vector (the batches of an adaptive plan; < 2^31 values).
  void broadcast(std::vector<long long>& v, int root);
  long long max(long long v);
  [[noreturn]] void abort(int code);

 private:
  Communicator() = default;
  struct Env;
  std::unique_ptr<Env> env_;
  int rank_ = 0, size_ = 1;
};

}  // namespace alpscan
