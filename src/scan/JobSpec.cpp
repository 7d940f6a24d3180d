#include "alpscan/scan/JobSpec.hpp"

#include <cstdio>

namespace alpscan {

std::string PlaneSpec::name() const {
  std::string n = std::string(axis_name(x)) + "__" + std::string(axis_name(y));
  for (const auto& [a, v] : slice_at) {  // slices of the same plane get distinct names
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    n += "__" + std::string(axis_name(a)) + "=" + buf;
  }
  return n;
}

}  // namespace alpscan
