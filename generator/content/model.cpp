#include "content/model.hpp"

#include <algorithm>

namespace pb::inline content {

namespace {
struct KindName {
  BlockKind kind;
  const char* name;
};
constexpr KindName kind_names[] = {
    {BlockKind::principles, "principles"}, {BlockKind::practice, "practice"}, {BlockKind::beliefs, "beliefs"},
    {BlockKind::goals, "goals"},           {BlockKind::actions, "actions"},   {BlockKind::text, "text"},
};
}  // namespace

const char* block_kind_name(BlockKind kind) {
  for (const auto& k : kind_names)
    if (k.kind == kind) return k.name;
  return "text";
}

std::optional<BlockKind> parse_block_kind(const std::string& name) {
  for (const auto& k : kind_names)
    if (name == k.name) return k.kind;
  return std::nullopt;
}

const std::vector<std::string>& block_kind_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& k : kind_names) out.emplace_back(k.name);
    return out;
  }();
  return names;
}

const Model* Site::find_model(const std::string& id) const {
  auto it = std::find_if(models.begin(), models.end(), [&](const Model& m) { return m.id == id; });
  return it == models.end() ? nullptr : &*it;
}

const Role* Site::find_role(const std::string& id) const {
  auto it = std::find_if(roles.begin(), roles.end(), [&](const Role& r) { return r.id == id; });
  return it == roles.end() ? nullptr : &*it;
}

const Topic* Site::find_topic(const std::string& id) const {
  auto it = std::find_if(topics.begin(), topics.end(), [&](const Topic& t) { return t.id == id; });
  return it == topics.end() ? nullptr : &*it;
}

}  // namespace pb::content
