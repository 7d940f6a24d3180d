// Errors in user input. Every message names the file, the JSON path, what was expected and what
// was found, so a user can fix a job or data file without reading code. Validation collects all
// problems first (Diagnostics) and reports them at once.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace alpscan {

struct Diagnostic {
  std::string file;      // file the problem is in
  std::string path;      // JSON pointer, e.g. "/parameters/m_a/min"
  std::string message;   // what was expected and what was found
  std::string format() const { return file + ": " + (path.empty() ? "/" : path) + ": " + message; }
};

class Diagnostics {
 public:
  // At most kMaxItems are kept (a hostile file can have millions of problems); the rest are counted.
  static constexpr std::size_t kMaxItems = 1000;
  void add(std::string file, std::string path, std::string message) {
    if (items_.size() >= kMaxItems) {
      ++dropped_;
      return;
    }
    items_.push_back({std::move(file), std::move(path), std::move(message)});
  }
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t count() const { return items_.size() + dropped_; }  // every problem found, listed or not
  std::string format() const {
    std::string s;
    for (const auto& d : items_) s += d.format() + "\n";
    if (dropped_ > 0) s += "... and " + std::to_string(dropped_) + " more problem(s), not listed\n";
    return s;
  }

 private:
  std::vector<Diagnostic> items_;
  std::size_t dropped_ = 0;
};

// Thrown when input is invalid; carries every diagnostic found.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostics d) : std::runtime_error(d.format()), diags_(std::move(d)) {}
  InputError(std::string file, std::string path, std::string message)
      : InputError(make(std::move(file), std::move(path), std::move(message))) {}
  const Diagnostics& diagnostics() const { return diags_; }

 private:
  static Diagnostics make(std::string f, std::string p, std::string m) {
    Diagnostics d;
    d.add(std::move(f), std::move(p), std::move(m));
    return d;
  }
  Diagnostics diags_;
};

}  // namespace alpscan
