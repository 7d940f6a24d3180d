#include "alpscan/io/JsonUtil.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

namespace alpscan {

using nlohmann::json;

std::string describe_file_type(unsigned mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

bool read_regular_file(const std::string& path, std::size_t max_bytes, std::string& text, std::string& why) {
  // stat first, without opening: opening a FIFO for reading blocks until a writer appears.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    why = std::string("cannot open file (") + std::strerror(errno) + ")";
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    why = "expected a regular file, found " + describe_file_type(st.st_mode);
    return false;
  }
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
    why = "file of " + std::to_string(st.st_size) + " bytes is larger than the limit of " + std::to_string(max_bytes) +
          " bytes";
    return false;
  }
  // O_NONBLOCK: if the path was swapped for a FIFO since the stat, open does not block; fstat re-checks.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    why = std::string("cannot open file (") + std::strerror(errno) + ")";
    return false;
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    why = "expected a regular file, found " + describe_file_type(st.st_mode);
    return false;
  }
  text.clear();
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      why = std::string("cannot read file (") + std::strerror(errno) + ")";
      return false;
    }
    if (n == 0) break;
    if (text.size() + static_cast<std::size_t>(n) > max_bytes) {  // grew since the stat
      why = "file is larger than the limit of " + std::to_string(max_bytes) + " bytes";
      return false;
    }
    text.append(buf, static_cast<std::size_t>(n));
  }
  return true;
}

namespace {

std::string pointer_token(const std::string& key) {  // RFC 6901 escaping
  std::string t;
  for (char ch : key) {
    if (ch == '~') t += "~0";
    else if (ch == '/') t += "~1";
    else t += ch;
  }
  return t;
}

// Builds the DOM through nlohmann's own SAX DOM builder (its SAX parser is iterative: no recursion on
// the input's nesting), and on the way tracks the JSON pointer of the value being read, so that every
// refusal names its key: nesting deeper than the limit (refused before the level is built),
// a key given twice in one object, and a number out of the range of a double.
class CheckingSax {
 public:
  CheckingSax(json& root, int max_depth) : dom_(root, false), max_depth_(max_depth) {}

  bool null() { return value() && dom_.null(); }
  bool boolean(bool v) { return value() && dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return value() && dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return value() && dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const std::string& s) { return value() && dom_.number_float(v, s); }
  bool string(std::string& v) { return value() && dom_.string(v); }
  bool binary(json::binary_t& v) { return value() && dom_.binary(v); }
  bool start_object(std::size_t n) { return open(true) && dom_.start_object(n); }
  bool start_array(std::size_t n) { return open(false) && dom_.start_array(n); }
  bool end_object() { return close() && dom_.end_object(); }
  bool end_array() { return close() && dom_.end_array(); }
  bool key(std::string& k) {
    Frame& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(k).second) {
      fail(path(),
           "key \"" + k + "\" given twice in one object (JSON leaves the meaning open; keep one)");
      return false;
    }
    return dom_.key(k);
  }
  template <class Exception>
  bool parse_error(std::size_t byte, const std::string&, const Exception& ex) {
    if (ex.id == 406) {  // number overflow (nlohmann's out_of_range.406)
      fail(pending_path(), "number out of the range of a double (about 1.8e308): " + token_of(ex.what()));
    } else {
      syntax_error = true;
      error_byte = byte;
      error_what = ex.what();
    }
    return false;
  }

  bool failed = false, syntax_error = false;
  std::size_t error_byte = 0;
  std::string error_what, error_path, error_message;

 private:
  struct Frame {
    bool object;
    std::size_t next_index = 0;  // arrays: index of the next element
    std::string key;             // objects: the key of the current member
    std::set<std::string> keys;
  };

  static std::string token_of(const std::string& what) {
    const auto a = what.find('\''), b = what.rfind('\'');
    return a != std::string::npos && b > a ? what.substr(a + 1, b - a - 1) : what;
  }
  static void append(std::string& p, const Frame& f, std::size_t index) {
    p.push_back('/');
    p.append(f.object ? pointer_token(f.key) : std::to_string(index));
  }
  std::string path() const {
    std::string p;
    for (const Frame& f : frames_) append(p, f, f.next_index - 1);
    return p;
  }
  // The pointer of the value about to be read (an array's next element is not counted yet).
  std::string pending_path() const {
    std::string p;
    for (std::size_t i = 0; i < frames_.size(); ++i)
      append(p, frames_[i], i + 1 == frames_.size() ? frames_[i].next_index : frames_[i].next_index - 1);
    return p;
  }
  void fail(std::string where, std::string message) {
    failed = true;
    error_path = std::move(where);
    error_message = std::move(message);
  }
  bool value() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().next_index;
    return true;
  }
  bool open(bool object) {
    value();
    if (static_cast<int>(frames_.size()) >= max_depth_) {
      fail(path(), "nesting deeper than " + std::to_string(max_depth_) + " levels of objects and arrays");
      return false;
    }
    frames_.push_back(Frame{object, 0, {}, {}});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  int max_depth_;
  std::vector<Frame> frames_;
};

}  // namespace

bool parse_json_text(const std::string& text, const std::string& name, json& out, Diagnostics& diags,
                     const JsonLimits& limits) {
  json root;
  CheckingSax sax(root, limits.max_depth);
  bool ok = false;
  try {
    ok = json::sax_parse(text, &sax, json::input_format_t::json, true);
  } catch (const json::exception& e) {  // e.g. a size nlohmann refuses; never expected, reported as input
    diags.add(name, "", std::string("cannot read this JSON: ") + e.what());
    return false;
  }
  if (ok && !sax.failed && !sax.syntax_error) {
    out = std::move(root);
    return true;
  }
  if (sax.failed) {
    diags.add(name, sax.error_path, sax.error_message);
  } else {
    // nlohmann reports a byte offset; translate it to line:column for humans.
    const size_t off = std::min<size_t>(sax.error_byte, text.size());
    const size_t line = 1 + std::count(text.begin(), text.begin() + off, '\n');
    const size_t nl = text.rfind('\n', off == 0 ? 0 : off - 1);
    const size_t col = nl == std::string::npos ? off : off - nl - 1;
    diags.add(name, "", "not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(col) + ": " +
                            (sax.error_what.empty() ? std::string("parse error") : sax.error_what));
  }
  return false;
}

bool load_json_file(const std::string& path, json& out, Diagnostics& diags, const JsonLimits& limits) {
  std::string text, why;
  if (!read_regular_file(path, limits.max_bytes, text, why)) {
    diags.add(path, "", why);
    return false;
  }
  return parse_json_text(text, path, out, diags, limits);
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
  if (key.size() > 64) return "";  // no name is that long; and the distance costs len x len per candidate
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
