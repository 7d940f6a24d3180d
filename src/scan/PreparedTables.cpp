#include "alpscan/scan/PreparedTables.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "alpscan/scan/Checkpoint.hpp"

namespace alpscan {

namespace fs = std::filesystem;

namespace {
std::string path_of(const std::string& output_dir, int e, const std::string& name) {
  return Checkpoint::dir(output_dir) + "/prepared/e" + std::to_string(e) + "_" + name + ".bin";
}
}  // namespace

bool load_prepared_tables(const std::string& output_dir, int e, const std::string& name, std::vector<double>& out) {
  std::ifstream in(path_of(output_dir, e, name), std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  if (bytes.size() < sizeof(std::uint32_t) || (bytes.size() - sizeof(std::uint32_t)) % sizeof(double) != 0) return false;
  const std::size_t body = bytes.size() - sizeof(std::uint32_t);
  std::uint32_t crc = 0;
  std::memcpy(&crc, bytes.data() + body, sizeof crc);
  if (crc32_bytes(bytes.data(), body) != crc) return false;
  out.resize(body / sizeof(double));
  std::memcpy(out.data(), bytes.data(), body);
  return true;
}

void store_prepared_tables(const std::string& output_dir, int e, const std::string& name,
                           const std::vector<double>& v) {
  const std::string path = path_of(output_dir, e, name);
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::ostringstream tid;
  tid << std::this_thread::get_id();
  const std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + tid.str();
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    const std::size_t body = v.size() * sizeof(double);
    out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(body));
    const std::uint32_t crc = crc32_bytes(v.data(), body);
    out.write(reinterpret_cast<const char*>(&crc), sizeof crc);
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
}

}  // namespace alpscan
