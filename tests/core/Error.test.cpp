// Diagnostics (core/Error.hpp) keep a bounded list: a hostile file with millions of problems is reported
// by its first kMaxItems and a count, in bounded memory.
#include <catch2/catch.hpp>

#include <string>

#include "alpscan/core/Error.hpp"

using namespace alpscan;

TEST_CASE("Diagnostics: the first kMaxItems are listed, the rest counted", "[core][diagnostics]") {
  Diagnostics d;
  d.add("f.json", "/a", "x");
  CHECK(d.format() == "f.json: /a: x\n");
  for (std::size_t i = 1; i < Diagnostics::kMaxItems + 5; ++i) d.add("f.json", "/n/" + std::to_string(i), "y");
  CHECK(d.items().size() == Diagnostics::kMaxItems);
  CHECK(d.count() == Diagnostics::kMaxItems + 5);
  const std::string text = d.format();
  CHECK(text.find("f.json: /n/999: y\n") != std::string::npos);
  CHECK(text.find("/n/1000:") == std::string::npos);
  const std::string tail = "... and 5 more problem(s), not listed\n";
  CHECK(text.substr(text.size() - tail.size()) == tail);
}
