// A likelihood's description (stats::Description, JSON-free) as JSON for summary.json, the curve
// sidecars and `alpscan explain`: items whose targets include `target` become entries of an object; a
// key "a/b" becomes entry b of the object a.
#pragma once

#include <nlohmann/json.hpp>

#include "alpscan/stats/Likelihood.hpp"

namespace alpscan {

nlohmann::json description_value(const stats::DescriptionItem::Value& v);
void add_description(nlohmann::json& obj, const stats::Description& d, unsigned target);

}  // namespace alpscan
