// Shared by the libFuzzer targets: the readers take a file path, so each input is written to a file in
// a private scratch directory first; and one rule for what a reader may throw.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <typeinfo>

namespace alpscan::fuzz {

// A directory of our own for the whole fuzzing process (removed by the OS's /tmp policy, not by us:
// libFuzzer may exit from anywhere). It holds a link to the repository's curve files so that a data
// file's relative "published_curve/file/path" resolves as it does in data/experiments/.
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    char tmpl[] = "/tmp/alpscan-fuzz.XXXXXX";
    if (!mkdtemp(tmpl)) std::abort();
    const std::filesystem::path d(tmpl);
    std::error_code ec;
    std::filesystem::create_directory_symlink(std::filesystem::path(ALPSCAN_SOURCE_DIR) / "data/experiments/curves",
                                              d / "curves", ec);
    return d;
  }();
  return dir;
}

// Writes the fuzzer's bytes to scratch_dir()/name and returns the path.
inline std::string write_input(const char* name, const uint8_t* data, size_t size) {
  const std::string path = (scratch_dir() / name).string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out) std::abort();
  return path;
}

// An exception the readers do not document is a bug: `alpscan` would report it as an internal error
// (exit 1) instead of naming the file and key (exit 2). Print it and abort so libFuzzer saves the input.
[[noreturn]] inline void unexpected_exception(const char* where) {
  try {
    throw;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "alpscan fuzz: %s threw an undocumented %s: %s\n", where, typeid(e).name(), e.what());
  } catch (...) {
    std::fprintf(stderr, "alpscan fuzz: %s threw a non-std exception\n", where);
  }
  std::abort();
}

}  // namespace alpscan::fuzz
