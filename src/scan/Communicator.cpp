#include "alpscan/scan/Communicator.hpp"

#include <chrono>
#include <cstdlib>
#include <thread>
#include <stdexcept>
#include <string>

#include <boost/mpi.hpp>

namespace alpscan {

namespace mpi = boost::mpi;

struct Communicator::Env {
  mpi::environment env;
  mpi::communicator world;
  // funneled: rank 0 runs a compute thread, but only the main thread ever calls MPI.
  Env(int& argc, char**& argv) : env(argc, argv, mpi::threading::funneled, true) {}
};

namespace {
Communicator* g_comm = nullptr;
bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(v)) return true;
  return std::getenv("SLURM_STEP_ID") && std::getenv("SLURM_NTASKS") && std::getenv("SLURM_PROCID");
}
}  // namespace

Communicator& Communicator::init(int& argc, char**& argv) {
  if (g_comm) return *g_comm;
  g_comm = new Communicator();
  std::atexit(&Communicator::shutdown);
  if (launched_by_mpi()) {
    g_comm->env_ = std::make_unique<Env>(argc, argv);
    g_comm->rank_ = g_comm->env_->world.rank();
    g_comm->size_ = g_comm->env_->world.size();
  }
  return *g_comm;
}

Communicator& Communicator::get() {
  if (!g_comm) throw std::logic_error("Communicator::init was not called");
  return *g_comm;
}

Communicator::~Communicator() = default;

void Communicator::shutdown() {
  delete g_comm;  // ~Env runs MPI_Finalize through boost::mpi::environment
  g_comm = nullptr;
}

namespace {
// Point-to-point messages need a second process: in null mode they are a programming error, reported
// as such instead of dereferencing the absent MPI environment.
void require_mpi(const void* env, const char* what) {
  if (!env) throw std::logic_error(std::string("Communicator::") + what + " in null mode (one process, no MPI)");
}
}  // namespace

void Communicator::send(int dest, int tag, const long long* v, int n) {
  require_mpi(env_.get(), "send");
  env_->world.send(dest, tag, v, n);
}

int Communicator::recv_any(int tag, long long* v, int n) {
  require_mpi(env_.get(), "recv_any");
  const mpi::status s = env_->world.recv(mpi::any_source, tag, v, n);
  return s.source();
}

void Communicator::recv(int src, int tag, long long* v, int n) {
  require_mpi(env_.get(), "recv");
  env_->world.recv(src, tag, v, n);
}

bool Communicator::probe(int tag) {
  if (!env_) return false;
  return static_cast<bool>(env_->world.iprobe(mpi::any_source, tag));
}

void Communicator::barrier() {
  if (env_) env_->world.barrier();
}

void Communicator::idle_barrier(int root) {
  if (!env_ || size_ == 1) return;
  constexpr int kTagRelease = 13;
  long long token = 0;
  if (rank_ == root) {
    for (int r = 0; r < size_; ++r)
      if (r != root) env_->world.send(r, kTagRelease, token);
    return;
  }
  // Polled with a sleep: a blocking MPI wait spins (OpenMPI busy-polls) and would take a core from the
  // root's merge on a machine with as many ranks as cores.
  while (!env_->world.iprobe(root, kTagRelease)) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  env_->world.recv(root, kTagRelease, token);
}

long long Communicator::broadcast(long long v, int root) {
  if (env_) mpi::broadcast(env_->world, v, root);
  return v;
}

void Communicator::broadcast(std::vector<long long>& v, int root) {
  if (!env_) return;
  long long n = static_cast<long long>(v.size());
  mpi::broadcast(env_->world, n, root);
  v.resize(static_cast<std::size_t>(n));
  if (n > 0) mpi::broadcast(env_->world, v.data(), static_cast<int>(n), root);
}

long long Communicator::max(long long v) {
  if (!env_) return v;
  return mpi::all_reduce(env_->world, v, mpi::maximum<long long>());
}

void Communicator::abort(int code) {
  if (env_) env_->env.abort(code);
  std::exit(code);
}

}  // namespace alpscan
