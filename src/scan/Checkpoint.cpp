#include "alpscan/scan/Checkpoint.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <zlib.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "alpscan/core/Error.hpp"
#include "alpscan/core/Hash64.hpp"
#include "alpscan/scan/RunIdentity.hpp"
#include "alpscan/scan/StopSignal.hpp"

namespace alpscan {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'A', 'L', 'P', 'S', 'C', 'K', '0', '3'};
constexpr double kManifestSyncSeconds = 0.25;

struct UnitHeader {
  char magic[8];
  std::int64_t unit, experiment, begin, count;
  std::uint64_t identity;     // the run's (scan/RunIdentity)
  std::uint64_t grid_digest;  // Checkpoint::grid_digest of the unit
};

// fmt, not "u" + std::to_string(): GCC 12 warns (-Wrestrict, a false positive, GCC bug 105329) on the latter.
std::string unit_file(int unit) { return fmt::format("u{}.bin", unit); }

void fsync_path(const std::string& p, int flags) {
  const int fd = ::open(p.c_str(), flags);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

void write_all(int fd, const void* data, std::size_t n, const std::string& what) {
  const char* p = static_cast<const char*>(data);
  while (n > 0) {
    const ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;  // our signal handlers do not use SA_RESTART
      throw std::runtime_error("cannot write " + what + ": " + std::strerror(errno));
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
}

// Atomically replaces `path` with `bytes`: write a temporary, fsync it, rename, fsync the directory.
void write_durable(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) throw std::runtime_error("cannot create " + tmp + ": " + std::strerror(errno));
  // Every error is reported with its cause (a full disk says "No space left on device"), the descriptor is
  // closed and the partial temporary removed on every path: fsync and close are where a network file
  // system reports a delayed ENOSPC, so their results decide whether the chunk is durable.
  auto fail = [&](const std::string& what, int err) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot " + what + " " + tmp + ": " + std::strerror(err));
  };
  try {
    write_all(fd, bytes.data(), bytes.size(), tmp);  // its message names the cause
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  if (::fsync(fd) != 0) fail("sync", errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot close " + tmp + ": " + std::strerror(err));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0)
    throw std::runtime_error("cannot rename " + tmp + ": " + std::strerror(errno));
  fsync_path(fs::path(path).parent_path().string(), O_RDONLY | O_DIRECTORY);
}

}  // namespace

std::uint32_t crc32_bytes(const void* data, std::size_t n) {
  // CRC-32 (ISO-HDLC, zlib's): the value boost::crc_32_type gave, so existing checkpoints stay valid. zlib
  // takes at most uInt bytes per call.
  uLong c = crc32(0L, Z_NULL, 0);
  const auto* p = static_cast<const Bytef*>(data);
  while (n > 0) {
    const uInt k = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
    c = crc32(c, p, k);
    p += k, n -= k;
  }
  return static_cast<std::uint32_t>(c);
}

Checkpoint::Checkpoint(const std::string& output_dir, std::uint64_t identity, const WorkPlan& plan, bool restart,
                       const CheckpointFormat& format)
    : out_(output_dir), identity_(identity), format_(format), plan_(plan), done_(plan.units.size(), false),
      crc_(plan.units.size(), 0) {
  const std::string d = dir(out_);
  const std::string jobfile = d + "/job.json";
  const std::string id = identity_hex(identity);
  std::error_code ec;
  if (restart) fs::remove_all(d, ec);
  fs::create_directories(d, ec);
  if (ec) throw InputError(d, "", "cannot create the checkpoint directory: " + ec.message());
  remove_stale_temporaries();
  bool write_stamp = true;
  if (fs::exists(jobfile)) {
    std::ifstream in(jobfile);
    std::stringstream text;
    text << in.rdbuf();
    const std::optional<CheckpointStamp> s = format_.decode_stamp(text.str());
    if (s && (s->identity != id || s->units != plan.units.size()))
      throw InputError(out_, "", "this output directory holds checkpoints of a different job, data files or code "
                                 "(identity " + s->identity + ", this run " + id +
                                 "); run with --restart to discard them, or choose another \"output\"");
    if (s) write_stamp = false;
    else  // damaged: every chunk still carries its own identity, so nothing foreign can be adopted
      spdlog::warn("{} is damaged: written anew; chunks are kept where their own identity matches this run ({})",
                   jobfile, id);
  } else if (fs::exists(d + "/manifest.jsonl")) {
    spdlog::warn("{} is missing: written anew; chunks are kept where their own identity matches this run ({})",
                 jobfile, id);
  }
  if (write_stamp)
    write_durable(jobfile, format_.encode_stamp({id, plan.units.size(), plan.total_points, plan.refinement_step}));
  // Re-verify every recorded unit; a torn or bad entry just means the unit is recomputed. Entries of
  // units beyond the plan (later batches of an adaptive plan) wait until the plan has grown.
  std::ifstream m(d + "/manifest.jsonl");
  std::string line;
  while (std::getline(m, line)) {
    const std::optional<ManifestEntry> e = format_.decode_entry(line);
    if (e && e->unit >= 0) recorded_[e->unit] = e->crc32;  // a unit recomputed later: its last line is its file
  }
  adopt_units(0);
}

// Temporary files of a write a killed run never renamed into place: unit files (u<unit>.bin.tmp.<pid>),
// job.json, prepared tables. Nothing reads them; removed and counted, so the directory does not grow.
void Checkpoint::remove_stale_temporaries() const {
  std::size_t removed = 0;
  std::error_code ec;
  for (const std::string& d : {dir(out_), dir(out_) + "/prepared"}) {
    for (const auto& entry : fs::directory_iterator(d, ec)) {
      const std::string name = entry.path().filename().string();
      if (name.find(".tmp.") == std::string::npos || !entry.is_regular_file(ec)) continue;
      if (fs::remove(entry.path(), ec)) ++removed;
    }
  }
  if (removed > 0)
    spdlog::info("checkpoint: removed {} temporary file(s) a killed run left in {}", removed, dir(out_));
}

// Marks units [first, plan size) done where the checkpoint holds a verified result for them.
void Checkpoint::adopt_units(std::size_t first) {
  const std::string d = dir(out_);
  for (std::size_t u = first; u < done_.size(); ++u) {
    const auto it = recorded_.find(static_cast<long>(u));
    if (it == recorded_.end()) continue;
    crc_[u] = it->second;
    try {
      read_unit(static_cast<int>(u));
      done_[u] = true;
      ++resumed_;
    } catch (const std::exception&) {  // verified again from its own trailer below, or reported missing
    }
  }
  // Unit files whose manifest line was not yet synced when the run died: verified by their own
  // CRC trailer and re-indexed.
  std::size_t reindexed = 0;
  const std::size_t rejected_before = rejected_;
  constexpr std::size_t kListed = 10;  // chunks named one by one in the log; the rest are counted
  auto reject = [&](const std::string& why, std::size_t u) {
    if (++rejected_ - rejected_before <= kListed) spdlog::warn("checkpoint: {}; chunk {} is recomputed", why, u);
  };
  for (std::size_t u = first; u < done_.size(); ++u) {
    if ((u - first) % 4096 == 4095) throw_if_stop_requested("checking the checkpoint's chunks");  // a stat per chunk
    if (done_[u]) continue;
    if (!fs::exists(d + "/" + unit_file(static_cast<int>(u)))) {
      if (recorded_.count(static_cast<long>(u))) reject(unit_file(static_cast<int>(u)) + " is in the manifest but missing", u);
      continue;
    }
    try {
      read_unit_file(static_cast<int>(u), false);
      std::ifstream f(d + "/" + unit_file(static_cast<int>(u)), std::ios::binary);
      f.seekg(-static_cast<std::streamoff>(sizeof(std::uint32_t)), std::ios::end);
      std::uint32_t crc = 0;
      f.read(reinterpret_cast<char*>(&crc), sizeof crc);
      record(static_cast<int>(u), crc);
      ++resumed_;
      if (!recorded_.count(static_cast<long>(u))) ++reindexed;
    } catch (const std::exception& e) {
      reject(e.what(), u);
    }
  }
  if (rejected_ - rejected_before > kListed)
    spdlog::warn("checkpoint: {} chunk files failed verification in all (the first {} are listed above); recomputed",
                 rejected_ - rejected_before, kListed);
  if (reindexed > 0)
    spdlog::info("checkpoint: re-indexed {} verified chunk file(s) whose manifest line a killed run had not synced",
                 reindexed);
  sync();
}

void Checkpoint::plan_grown() {
  const std::size_t first = done_.size();
  done_.resize(plan_.units.size(), false);
  crc_.resize(plan_.units.size(), 0);
  adopt_units(first);
}

std::uint64_t Checkpoint::grid_digest(const WorkPlan& plan, int unit) {
  const WorkUnit& u = plan.units[unit];
  Hash64 h;
  h.u64(static_cast<std::uint64_t>(u.experiment)).u64(plan.width_of(u.experiment)).u64(u.count);
  for (std::size_t p = u.begin; p < u.begin + u.count; ++p) h.u64(plan.index(u.experiment, p));
  return h.value();
}

std::uint32_t Checkpoint::write_unit(const std::string& output_dir, std::uint64_t identity, const WorkPlan& plan,
                                     int unit, const std::vector<double>& signal) {
  const WorkUnit& u = plan.units[unit];
  UnitHeader h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.unit = unit, h.experiment = u.experiment, h.begin = static_cast<std::int64_t>(u.begin);
  h.count = static_cast<std::int64_t>(u.count);
  h.identity = identity;
  h.grid_digest = grid_digest(plan, unit);
  const std::size_t body = sizeof h + signal.size() * sizeof(double);
  std::string bytes(body + sizeof(std::uint32_t), '\0');
  std::memcpy(bytes.data(), &h, sizeof h);
  std::memcpy(bytes.data() + sizeof h, signal.data(), signal.size() * sizeof(double));
  // The file carries its own CRC (trailer), so it is verifiable even if its manifest line was
  // lost: the manifest is an index, synced in groups, and the unit file is the durable record.
  const std::uint32_t crc = crc32_bytes(bytes.data(), body);
  std::memcpy(bytes.data() + body, &crc, sizeof crc);
  write_durable(dir(output_dir) + "/" + unit_file(unit), bytes);
  return crc;
}

void Checkpoint::record(int unit, std::uint32_t crc) {
  const WorkUnit& u = plan_.units[unit];
  const std::string line =
      format_.encode_entry({unit, u.experiment, u.begin, u.count, unit_file(unit), crc}) + "\n";
  if (manifest_fd_ < 0) {
    const std::string path = dir(out_) + "/manifest.jsonl";
    manifest_fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (manifest_fd_ < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  }
  write_all(manifest_fd_, line.data(), line.size(), "the checkpoint manifest");
  // Group commit: the unit file itself is already durable and self-verifying, so syncing the
  // index at most every kManifestSyncSeconds loses nothing if the process dies in between.
  const double t = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  if (t - last_sync_ >= kManifestSyncSeconds) {
    ::fsync(manifest_fd_);
    last_sync_ = t;
  }
  done_[unit] = true;
  crc_[unit] = crc;
}

void Checkpoint::sync() {
  if (manifest_fd_ >= 0) ::fsync(manifest_fd_);
}

Checkpoint::~Checkpoint() {
  if (manifest_fd_ >= 0) {
    ::fsync(manifest_fd_);
    ::close(manifest_fd_);
  }
}

std::size_t Checkpoint::done_count() const {
  std::size_t n = 0;
  for (bool b : done_) n += b;
  return n;
}

std::vector<double> Checkpoint::read_unit(int unit) const { return read_unit_file(unit, true); }

std::vector<double> Checkpoint::read_unit_file(int unit, bool check_manifest_crc) const {
  const std::string path = dir(out_) + "/" + unit_file(unit);
  const WorkUnit& u = plan_.units[unit];
  UnitHeader h{};
  const std::size_t nv = plan_.values(u);
  const std::size_t body = sizeof h + nv * sizeof(double);
  // One read into a buffer of the file's size (the merge reads every unit: no stream copies).
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw std::runtime_error(path + ": missing");
    const std::streamoff size = in.tellg();
    if (size < 0) throw std::runtime_error(path + ": cannot be read");
    if (static_cast<std::size_t>(size) != body + sizeof(std::uint32_t))  // before allocating for it
      throw std::runtime_error(fmt::format("{}: {} bytes, expected {} (truncated, or of another format)", path,
                                           size, body + sizeof(std::uint32_t)));
    bytes.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    if (!in.read(bytes.data(), size)) throw std::runtime_error(path + ": cannot be read");
  }
  if (bytes.size() != body + sizeof(std::uint32_t))
    throw std::runtime_error(fmt::format("{}: {} bytes, expected {} (truncated, or of another format)", path,
                                         bytes.size(), body + sizeof(std::uint32_t)));
  std::uint32_t trailer = 0;
  std::memcpy(&trailer, bytes.data() + body, sizeof trailer);
  const std::uint32_t crc = crc32_bytes(bytes.data(), body);
  if (crc != trailer) throw std::runtime_error(path + ": CRC mismatch (corrupt)");
  if (check_manifest_crc && crc != crc_[unit]) throw std::runtime_error(path + ": CRC differs from the manifest's");
  std::memcpy(&h, bytes.data(), sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) throw std::runtime_error(path + ": not a unit file of this format");
  if (h.identity != identity_)
    throw std::runtime_error(fmt::format("{}: written by another run (identity {}, this run {})", path,
                                         identity_hex(h.identity), identity_hex(identity_)));
  if (h.unit != unit || h.experiment != u.experiment || h.begin != static_cast<std::int64_t>(u.begin) ||
      h.count != static_cast<std::int64_t>(u.count) || h.grid_digest != grid_digest(plan_, unit))
    throw std::runtime_error(path + ": holds other grid points than this plan's chunk " + std::to_string(unit));
  std::vector<double> v(nv);
  std::memcpy(v.data(), bytes.data() + sizeof h, nv * sizeof(double));
  return v;
}

}  // namespace alpscan
