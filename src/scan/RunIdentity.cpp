#include "alpscan/scan/RunIdentity.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "alpscan/core/BuildInfo.hpp"
#include "alpscan/core/Hash64.hpp"

namespace alpscan {

std::uint64_t run_identity(const JobSpec& job, const std::vector<ExperimentInfo>& infos) {
  Hash64 h;
  h.text("alpscan-run-identity/1").text(job.canonical_text).text(code_version()).text(code_hash());
  for (const ExperimentInfo& info : infos) {
    h.text(info.name);
    for (const auto& [key, value] : info.options) h.text(key).text(value);
    for (const std::string& file : info.data_files) {
      // The file's name and content; not its directory, so a moved checkout still resumes.
      h.text(std::filesystem::path(file).filename().string());
      std::ifstream in(file, std::ios::binary);
      const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      h.u64(in.is_open() && !in.bad() ? 0 : 1).text(content);  // an unreadable file differs from an empty one
    }
  }
  return h.value();
}

std::string identity_hex(std::uint64_t identity) { return fmt::format("{:016x}", identity); }

}  // namespace alpscan
