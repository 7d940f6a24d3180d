// The one JSON loader of the job and data-file readers (io/JsonUtil): hostile input gives one
// diagnostic naming the file and the key, in bounded time and memory, never a crash or a hang.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "alpscan/io/JsonUtil.hpp"
#include "temp_dir.hpp"

using namespace alpscan;
using nlohmann::json;

namespace {

// Parses `text`; returns "" on success, else the one diagnostic as printed.
std::string problem(const std::string& text, JsonLimits limits = {}) {
  Diagnostics d;
  json j;
  const bool ok = parse_json_text(text, "f.json", j, d, limits);
  if (ok) {
    REQUIRE(d.empty());
    return "";
  }
  REQUIRE(d.items().size() == 1);
  return d.format();
}

}  // namespace

TEST_CASE("JsonUtil: a valid document loads as nlohmann would parse it", "[io][json]") {
  Diagnostics d;
  json j;
  const std::string text = R"({"a": [1, 2.5, {"b": null, "c": "x/y~z"}], "d": {"e": true}, "f": -1e-400})";
  REQUIRE(parse_json_text(text, "f.json", j, d));
  CHECK(d.empty());
  CHECK(j == json::parse(text));
  CHECK(j["f"].get<double>() == 0.0);  // underflow is a number (zero), not an error
}

TEST_CASE("JsonUtil: a key given twice is refused at any level, naming it", "[io][json]") {
  CHECK(problem(R"({"a": 1, "a": 2})") == "f.json: /a: key \"a\" given twice in one object (JSON leaves the meaning open; keep one)\n");
  CHECK_THAT(problem(R"({"a": [0, {"x": 1, "y": 2, "x": 3}]})"), Catch::Contains("f.json: /a/1/x: key \"x\" given twice"));
  CHECK_THAT(problem(R"({"a/b": {"~": 1, "~": 1}})"), Catch::Contains("/a~1b/~0: key \"~\" given twice"));  // RFC 6901
  CHECK(problem(R"({"a": {"x": 1}, "b": {"x": 1}})").empty());  // the same key in two objects is fine
}

TEST_CASE("JsonUtil: a number beyond a double is refused with its key", "[io][json]") {
  CHECK(problem(R"({"m": {"value": 1e400}})") ==
        "f.json: /m/value: number out of the range of a double (about 1.8e308): 1e400\n");
  CHECK_THAT(problem(R"({"v": [1, 2, -1e999]})"), Catch::Contains("f.json: /v/2: number out of the range"));
  CHECK_THAT(problem("1e400"), Catch::Contains("f.json: /: number out of the range"));
  // integers beyond 64 bits become doubles (finite): not an error of the loader
  CHECK(problem(R"({"n": 123456789012345678901234567890})").empty());
}

TEST_CASE("JsonUtil: nesting is bounded while parsing, before anything recurses", "[io][json]") {
  const auto nested = [](int depth, const char* open, const char* close) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += open;
    for (int i = 0; i < depth; ++i) s += close;
    return s;
  };
  CHECK(problem(nested(64, "[", "]")).empty());
  CHECK_THAT(problem(nested(65, "[", "]")), Catch::Contains("nesting deeper than 64 levels"));
  // 1e5 levels (200 KB, the issue's crash): refused at once, in bounded memory
  CHECK_THAT(problem(nested(100000, "[", "]")), Catch::Contains("nesting deeper than 64 levels"));
  CHECK_THAT(problem(nested(100000, "{\"k\":", "}")), Catch::Contains("f.json: /k/k/k"));
  JsonLimits shallow;
  shallow.max_depth = 2;
  CHECK_THAT(problem(R"({"a": {"b": {"c": 1}}})", shallow), Catch::Contains("f.json: /a/b: nesting deeper than 2 levels"));
}

TEST_CASE("JsonUtil: syntax errors give line and column", "[io][json]") {
  CHECK_THAT(problem("{\n  \"a\": 1,\n  \"b\" 2\n}"), Catch::Contains("f.json: /: not valid JSON at line 3, column 7"));
  CHECK_THAT(problem(""), Catch::Contains("not valid JSON at line 1"));
  CHECK_THAT(problem("{\"a\": 1} trailing"), Catch::Contains("not valid JSON"));
}

TEST_CASE("JsonUtil: load_json_file reads regular files only, of bounded size, without blocking", "[io][json]") {
  TempDir tmp("jsonutil");
  const std::string good = tmp.path() + "/good.json";
  std::ofstream(good) << R"({"a": 1})";
  Diagnostics d;
  json j;
  CHECK(load_json_file(good, j, d));
  CHECK(j["a"] == 1);

  auto refusal = [&](const std::string& path, JsonLimits limits = {}) {
    Diagnostics dd;
    json jj;
    CHECK_FALSE(load_json_file(path, jj, dd, limits));
    REQUIRE(dd.items().size() == 1);
    CHECK(dd.items()[0].file == path);
    return dd.items()[0].message;
  };
  CHECK_THAT(refusal(tmp.path()), Catch::Contains("expected a regular file, found a directory"));
  const std::string fifo = tmp.path() + "/fifo.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THAT(refusal(fifo), Catch::Contains("expected a regular file, found a FIFO"));  // returns: no writer needed
  CHECK_THAT(refusal("/dev/zero"), Catch::Contains("found a character device"));
  CHECK_THAT(refusal(tmp.path() + "/missing.json"), Catch::Contains("cannot open file (No such file or directory)"));
  JsonLimits tiny;
  tiny.max_bytes = 4;
  CHECK_THAT(refusal(good, tiny), Catch::Contains("file of 8 bytes is larger than the limit of 4 bytes"));
  CHECK(data_file_limits().max_bytes > JsonLimits{}.max_bytes);
}
