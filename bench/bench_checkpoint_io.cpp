// The per-chunk costs of checkpointing, one at a time (issue 17 item 5; the scaling model in the README):
// a unit file written durably (Checkpoint::write_unit: temporary file, fsync, rename, fsync of the
// directory) as a function of the chunk's size, and rank 0's manifest record (Checkpoint::record:
// one appended line, fsync'ed in groups). The scan pays the first on each rank's background
// UnitWriter thread and the second on rank 0's dispatcher, once per chunk. Figures only.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "alpscan/io/CheckpointFormatJson.hpp"
#include "alpscan/scan/Checkpoint.hpp"

using namespace alpscan;

namespace {
double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

int main() {
  char tmpl[] = "/tmp/alpscan-bench-ckpt.XXXXXX";
  if (!::mkdtemp(tmpl)) return 1;
  const std::string out = tmpl;
  const std::size_t sizes[] = {100, 1000, 10000, 100000};
  const int reps[] = {300, 300, 100, 20};
  std::printf("checkpoint I/O per chunk (this machine's file system: %s)\n", out.c_str());
  std::printf("%-26s %12s %14s\n", "unit file (points)", "us/chunk", "ns/point");
  for (int k = 0; k < 4; ++k) {
    WorkPlan plan;
    for (int u = 0; u < reps[k]; ++u) plan.units.push_back({0, u * sizes[k], sizes[k]});
    std::filesystem::create_directories(Checkpoint::dir(out));
    const std::vector<double> v(sizes[k], 1.5);
    const double t0 = now_s();
    for (int u = 0; u < reps[k]; ++u) Checkpoint::write_unit(out, 1, plan, u, v);
    const double dt = (now_s() - t0) / reps[k];
    std::printf("%-26zu %12.1f %14.2f\n", sizes[k], dt * 1e6, dt * 1e9 / double(sizes[k]));
    std::filesystem::remove_all(Checkpoint::dir(out));
  }
  {  // manifest records: rank 0's share of each chunk
    WorkPlan plan;
    const int n = 20000;
    for (int u = 0; u < n; ++u) plan.units.push_back({0, std::size_t(u) * 100, 100});
    Checkpoint ckpt(out, 1, plan, true, checkpoint_format_json());
    const double t0 = now_s();
    for (int u = 0; u < n; ++u) ckpt.record(u, 0x12345678u);
    ckpt.sync();
    std::printf("%-26s %12.2f\n", "manifest record (rank 0)", (now_s() - t0) / n * 1e6);
  }
  std::filesystem::remove_all(out);
  return 0;
}
