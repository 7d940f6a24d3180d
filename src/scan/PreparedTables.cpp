#include "alpscan/scan/PreparedTables.hpp"

#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <spdlog/spdlog.h>

#include "alpscan/core/Hash64.hpp"
#include "alpscan/scan/Checkpoint.hpp"

namespace alpscan {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'A', 'L', 'P', 'S', 'P', 'T', '0', '2'};

struct Header {
  char magic[8];
  std::uint64_t identity;    // the run's (scan/RunIdentity)
  std::int64_t experiment;   // index in the job
  std::uint64_t name_hash;   // Hash64 of the experiment's name
  std::uint64_t count;       // doubles that follow
};

std::string path_of(const std::string& output_dir, int e, const std::string& name) {
  return Checkpoint::dir(output_dir) + "/prepared/e" + std::to_string(e) + "_" + name + ".bin";
}

std::uint64_t name_hash(const std::string& name) { return Hash64().text(name).value(); }

}  // namespace

bool load_prepared_tables(const std::string& output_dir, std::uint64_t identity, int e, const std::string& name,
                          std::vector<double>& out) {
  const std::string path = path_of(output_dir, e, name);
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;  // not prepared yet: the common case, nothing to say
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  auto reject = [&](const char* why) {
    spdlog::info("prepared tables {}: {}; rebuilt", path, why);
    return false;
  };
  Header h{};
  if (bytes.size() < sizeof h + sizeof(std::uint32_t)) return reject("truncated");
  const std::size_t body = bytes.size() - sizeof(std::uint32_t);
  std::uint32_t crc = 0;
  std::memcpy(&crc, bytes.data() + body, sizeof crc);
  if (crc32_bytes(bytes.data(), body) != crc) return reject("CRC mismatch (torn or corrupt)");
  std::memcpy(&h, bytes.data(), sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return reject("not a prepared-table file of this format");
  if (h.identity != identity) return reject("written by another run (job, data files or code)");
  if (h.experiment != e || h.name_hash != name_hash(name)) return reject("holds another experiment's tables");
  if (h.count != (body - sizeof h) / sizeof(double) || (body - sizeof h) % sizeof(double) != 0)
    return reject("size does not match its header");
  out.resize(h.count);
  std::memcpy(out.data(), bytes.data() + sizeof h, h.count * sizeof(double));
  return true;
}

void store_prepared_tables(const std::string& output_dir, std::uint64_t identity, int e, const std::string& name,
                           const std::vector<double>& v) {
  const std::string path = path_of(output_dir, e, name);
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::ostringstream tid;
  tid << std::this_thread::get_id();
  const std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + tid.str();
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.identity = identity, h.experiment = e, h.name_hash = name_hash(name), h.count = v.size();
  std::string bytes(sizeof h + v.size() * sizeof(double), '\0');
  std::memcpy(bytes.data(), &h, sizeof h);
  std::memcpy(bytes.data() + sizeof h, v.data(), v.size() * sizeof(double));
  const std::uint32_t crc = crc32_bytes(bytes.data(), bytes.size());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.write(reinterpret_cast<const char*>(&crc), sizeof crc);
    out.close();
    if (!out) {
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
}

}  // namespace alpscan
