#include "alpscan/io/JsonUtil.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace alpscan {

using nlohmann::json;

bool load_json_file(const std::string& path, json& out, Diagnostics& diags) {
  std::ifstream in(path);
  if (!in) {
    diags.add(path, "", "cannot open file (does it exist and is it readable?)");
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    out = json::parse(ss.str());
  } catch (const json::parse_error& e) {
    // nlohmann reports a byte offset; translate it to line:column for humans.
    const std::string text = ss.str();
    const size_t off = std::min<size_t>(e.byte, text.size());
    const size_t line = 1 + std::count(text.begin(), text.begin() + off, '\n');
    const size_t nl = text.rfind('\n', off == 0 ? 0 : off - 1);
    const size_t col = nl == std::string::npos ? off : off - nl - 1;
    diags.add(path, "", "not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(col) +
                            ": " + e.what());
    return false;
  } catch (const json::out_of_range& e) {
    // A number beyond double's range (e.g. 1e400): nlohmann gives no position, but names the number.
    diags.add(path, "", std::string("not valid JSON: ") + e.what());
    return false;
  }
  return true;
}

std::string json_type_name(const json& j) {
  if (j.is_null()) return "null";
  if (j.is_boolean()) return "boolean";
  if (j.is_number()) return "number";
  if (j.is_string()) return "string";
  if (j.is_array()) return "array";
  return "object";
}

int edit_distance(const std::string& a, const std::string& b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string nearest_hint(const std::string& key, const std::vector<std::string>& known) {
  int best = 1 << 30;
  std::string name;
  for (const auto& k : known) {
    const int d = edit_distance(key, k);
    if (d < best) best = d, name = k;
  }
  const int limit = std::max<int>(2, static_cast<int>(key.size()) / 3);
  if (name.empty() || best > limit) return "";
  return " (did you mean \"" + name + "\"?)";
}

const json* JsonChecker::at(const json& root, const std::string& ptr, bool required) {
  const json::json_pointer p(ptr);
  if (!root.contains(p)) {
    if (required) add(ptr, "missing required key");
    return nullptr;
  }
  return &root.at(p);
}

std::string JsonChecker::string(const json& root, const std::string& ptr, bool required) {
  const json* v = at(root, ptr, required);
  if (!v) return {};
  if (!v->is_string()) {
    add(ptr, "expected a string, found " + json_type_name(*v) + " " + v->dump());
    return {};
  }
  return v->get<std::string>();
}

double JsonChecker::number(const json& root, const std::string& ptr, bool required) {
  const json* v = at(root, ptr, required);
  if (!v) return 0.0;
  if (!v->is_number()) {
    add(ptr, "expected a number, found " + json_type_name(*v) + " " + v->dump());
    return 0.0;
  }
  return v->get<double>();
}

void JsonChecker::require_string(const json& root, const std::string& ptr, const std::string& expected) {
  const json* v = at(root, ptr, true);
  if (v && (!v->is_string() || v->get<std::string>() != expected))
    add(ptr, "expected \"" + expected + "\", found " + v->dump());
}

void JsonChecker::no_unknown_keys(const json& obj, const std::string& ptr, const std::vector<std::string>& known) {
  if (!obj.is_object()) return;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) == known.end())
      add(ptr + "/" + it.key(), "unknown key" + nearest_hint(it.key(), known));
  }
}

}  // namespace alpscan
