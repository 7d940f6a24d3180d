#include "alpscan/io/DescriptionJson.hpp"

namespace alpscan {

nlohmann::json description_value(const stats::DescriptionItem::Value& v) {
  return std::visit([](const auto& x) { return nlohmann::json(x); }, v);
}

void add_description(nlohmann::json& obj, const stats::Description& d, unsigned target) {
  for (const auto& item : d.items) {
    if (!(item.targets & target)) continue;
    nlohmann::json* o = &obj;
    std::string key = item.key;
    for (std::size_t slash; (slash = key.find('/')) != std::string::npos; key = key.substr(slash + 1))
      o = &(*o)[key.substr(0, slash)];
    (*o)[key] = description_value(item.value);
  }
}

}  // namespace alpscan
