#include "alpscan/experiments/FamilyRegistry.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

namespace alpscan {

namespace {
// A function-local static: the registry exists before the first static initialiser that registers
// into it, whatever the order in which the families' objects are initialised.
std::map<std::string, std::unique_ptr<Family>, std::less<>>& registry() {
  static std::map<std::string, std::unique_ptr<Family>, std::less<>> r;
  return r;
}
}  // namespace

bool register_family(Family family) {
  auto& r = registry();
  if (family.name.empty() || !family.make || r.count(family.name)) {
    std::fprintf(stderr, "alpscan: experiment family \"%s\" registered twice or without a factory\n",
                 family.name.c_str());
    std::abort();
  }
  const std::string name = family.name;
  r.emplace(name, std::make_unique<Family>(std::move(family)));
  return true;
}

const Family* find_family(std::string_view name) {
  const auto& r = registry();
  const auto it = r.find(name);
  return it == r.end() ? nullptr : it->second.get();
}

std::vector<const Family*> registered_families() {
  std::vector<const Family*> out;
  for (const auto& [name, f] : registry()) out.push_back(f.get());
  return out;
}

}  // namespace alpscan
