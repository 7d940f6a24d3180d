#include "alpscan/io/CheckpointFormatJson.hpp"

#include <nlohmann/json.hpp>

#include "alpscan/io/JsonUtil.hpp"

namespace alpscan {

namespace {

using nlohmann::json;

// The checkpoint's own files go through the guarded parser too: a damaged (or hostile) file is "damaged"
// (nullopt), never a crash on deep nesting or an overflow.
json parse_or_throw(const std::string& text) {
  Diagnostics d;
  json j;
  if (!parse_json_text(text, "checkpoint", j, d)) throw std::runtime_error(d.format());
  return j;
}

class CheckpointFormatJson final : public CheckpointFormat {
 public:
  std::string encode_stamp(const CheckpointStamp& s) const override {
    json j = {{"format", "alpscan-checkpoint/2"}, {"identity", s.identity}, {"units", s.units},
              {"points", s.points}};
    if (s.refinement_step > 0) j["refinement_step"] = s.refinement_step;  // units, points: the coarse batch
    return j.dump(1) + "\n";
  }

  std::optional<CheckpointStamp> decode_stamp(const std::string& text) const override {
    try {
      const json j = parse_or_throw(text);
      CheckpointStamp s;
      s.identity = j.value("identity", std::string("?"));  // format 1 (a "fingerprint"): another code, refused
      s.units = j.value("units", std::size_t{0});
      s.points = j.value("points", std::size_t{0});
      s.refinement_step = j.value("refinement_step", std::size_t{0});
      return s;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }

  std::string encode_entry(const ManifestEntry& e) const override {
    const json j = {{"unit", e.unit}, {"experiment", e.experiment}, {"begin", e.begin}, {"count", e.count},
                    {"file", e.file}, {"crc32", e.crc32}};
    return j.dump();
  }

  std::optional<ManifestEntry> decode_entry(const std::string& line) const override {
    try {
      const json j = parse_or_throw(line);
      ManifestEntry e;
      e.unit = j.value("unit", -1L);
      e.experiment = j.value("experiment", 0);
      e.begin = j.value("begin", std::size_t{0});
      e.count = j.value("count", std::size_t{0});
      e.file = j.value("file", std::string());
      e.crc32 = j.value("crc32", 0u);
      return e;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
};

}  // namespace

const CheckpointFormat& checkpoint_format_json() {
  static const CheckpointFormatJson format;
  return format;
}

}  // namespace alpscan
