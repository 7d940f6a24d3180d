// Small helpers shared by the JSON readers: load a file with a clear parse error, typed getters
// that record diagnostics (file, JSON pointer, expected vs found) instead of throwing, and the
// "did you mean" hint for misspelt keys.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"

namespace alpscan {

// Bounds on what a JSON input may cost to read, so that a hostile or broken file gives a clear
// error in bounded time and memory instead of a crash (README "Job files": limits).
struct JsonLimits {
  std::size_t max_bytes = 16u << 20;  // job files: 16 MiB (the largest real job is a few KB)
  int max_depth = 64;                 // nested objects/arrays (real files nest at most 5 levels)
};
// Data files (data/experiments): the same depth, a larger size (the largest today is ~21 KB).
inline JsonLimits data_file_limits() { return {64u << 20, 64}; }

// Reads a regular file of at most max_bytes into `text`. Refuses (with the reason in `why`) anything
// else without blocking: a FIFO, a directory or a device is detected by stat() before it is opened.
bool read_regular_file(const std::string& path, std::size_t max_bytes, std::string& text, std::string& why);

// Parses `text` (named `name` in diagnostics) into `out`. Refuses, with the JSON pointer of the value:
// nesting deeper than limits.max_depth (checked while parsing, before the level is built: nothing
// recurses on the input's depth), a key repeated in one object, a number beyond the range of a double;
// and syntax errors with their line and column. Records one diagnostic and returns false on failure.
bool parse_json_text(const std::string& text, const std::string& name, nlohmann::json& out, Diagnostics& diags,
                     const JsonLimits& limits = {});

// The one way the readers load a JSON file: read_regular_file, then parse_json_text. On failure
// records a diagnostic naming the file (and the key, where there is one) and returns false.
bool load_json_file(const std::string& path, nlohmann::json& out, Diagnostics& diags, const JsonLimits& limits = {});

// JSON type name as a user would say it ("number", "string", "object", ...).
std::string json_type_name(const nlohmann::json& j);

// Levenshtein distance; used for "did you mean" hints.
int edit_distance(const std::string& a, const std::string& b);
// " (did you mean \"x\"?)" for the nearest of `known` if it is close enough, else "".
std::string nearest_hint(const std::string& key, const std::vector<std::string>& known);

class JsonChecker {
 public:
  JsonChecker(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}
  // Value at a JSON pointer, or nullptr (with a diagnostic "missing") if absent.
  const nlohmann::json* at(const nlohmann::json& root, const std::string& ptr, bool required = true);
  std::string string(const nlohmann::json& root, const std::string& ptr, bool required = true);
  double number(const nlohmann::json& root, const std::string& ptr, bool required = true);
  void require_string(const nlohmann::json& root, const std::string& ptr, const std::string& expected);
  // Reports every key of `obj` (at `ptr`) not in `known`, with the nearest valid key.
  void no_unknown_keys(const nlohmann::json& obj, const std::string& ptr, const std::vector<std::string>& known);
  void add(const std::string& ptr, const std::string& msg) { diags_.add(file_, ptr, msg); }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  Diagnostics& diags_;
};

}  // namespace alpscan
