// Small helpers shared by the JSON readers: load a file with a clear parse error, typed getters
// that record diagnostics (file, JSON pointer, expected vs found) instead of throwing, and the
// "did you mean" hint for misspelt keys.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alpscan/core/Error.hpp"

namespace alpscan {

// Parses `path` into `out`. On failure records a diagnostic (missing file, or line/column of the
// syntax error) and returns false.
bool load_json_file(const std::string& path, nlohmann::json& out, Diagnostics& diags);

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
