// The dispatch round trip without the scheduler's logic (issue 17 item 5): under mpirun -np P, every
// rank r >= 1 sends K requests of the scheduler's size (5 int64) to rank 0 and waits for each 3-int64
// answer; rank 0 answers like the dispatcher (iprobe, receive from any rank, send) without ever
// sleeping. Prints the workers' mean round trip and rank 0's throughput (answers per second with
// every worker asking at once). Run by bench/bench_scaling.sh; not a bench_* program because it needs
// mpirun (a single process just says so).
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "alpscan/scan/Communicator.hpp"

using namespace alpscan;

namespace {
double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
constexpr int kTagRequest = 11, kTagAssign = 12;
}  // namespace

int main(int argc, char** argv) {
  Communicator& comm = Communicator::init(argc, argv);
  const int k = argc > 1 ? std::atoi(argv[1]) : 20000;
  if (comm.size() < 2) {
    std::printf("mpi_round_trip: run under mpirun with >= 2 ranks\n");
    return 0;
  }
  comm.barrier();
  long long req[5] = {0, 0, 0, 0, 0}, rep[3] = {0, 0, 0};
  const double t0 = now_s();
  double rtt_sum = 0;
  if (comm.rank() == 0) {
    long long left = static_cast<long long>(k) * (comm.size() - 1);
    while (left > 0) {
      if (!comm.probe(kTagRequest)) continue;
      const int src = comm.recv_any(kTagRequest, req, 5);
      rep[0] = req[0];
      comm.send(src, kTagAssign, rep, 3);
      --left;
    }
  } else {
    for (int i = 0; i < k; ++i) {
      req[0] = i;
      comm.send(0, kTagRequest, req, 5);
      comm.recv(0, kTagAssign, rep, 3);
    }
    rtt_sum = now_s() - t0;
  }
  const double wall = now_s() - t0;
  const long long rtt_ns_max = comm.max(static_cast<long long>(rtt_sum / k * 1e9));
  if (comm.rank() == 0)
    std::printf("ranks %d: %d round trips per worker; slowest worker's mean round trip %.2f us; rank 0 answered "
                "%.0f requests/s\n",
                comm.size(), k, rtt_ns_max * 1e-3, double(k) * (comm.size() - 1) / wall);
  comm.barrier();
  return 0;
}
