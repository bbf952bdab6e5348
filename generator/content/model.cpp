#include "content/model.hpp"

#include <algorithm>

#include "core/text_util.hpp"

namespace pb::inline content {

namespace {
struct KindName {
  BlockKind kind;
  const char* name;
};
constexpr KindName kind_names[] = {
    {BlockKind::principles, "principles"}, {BlockKind::practice, "practice"}, {BlockKind::beliefs, "beliefs"},
    {BlockKind::goals, "goals"},           {BlockKind::actions, "actions"},   {BlockKind::text, "text"},
    {BlockKind::table, "table"},
};
}  // namespace

std::string lowercase(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

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

const Role* Site::resolve_role(const std::string& name) const {
  if (const Role* role = find_role(name)) return role;
  const std::string wanted = lowercase(name);
  for (const auto& r : roles) {
    if (lowercase(r.title) == wanted || lowercase(r.plural) == wanted) return &r;
    for (const auto& alias : r.aliases)
      if (lowercase(alias) == wanted) return &r;
  }
  return nullptr;
}

std::string role_title(const Site& site, const Model& model, const std::string& role_id, bool plural) {
  for (const auto& own : model.roles)
    if (own.id == role_id && !own.title.empty())
      return plural ? (own.plural.empty() ? own.title + "s" : own.plural) : own.title;
  const Role* role = site.find_role(role_id);
  if (!role) return role_id;
  return plural ? role->plural : role->title;
}

std::string Vocabulary::units_or_default() const { return units.empty() ? unit + "s" : units; }

std::string Vocabulary::actions_word() const { return actions_named ? actions : "actions"; }

std::string Vocabulary::action_word() const {
  if (!action.empty()) return action;
  if (!actions_named) return "action";
  // English plurals of the last word: "activities" → "activity", "approaches" → "approach",
  // "behaviors" → "behavior"; a phrase whose noun is not last ("teachings in practice") stays as it
  // is, and its model can say `action:`.
  const auto ends = [&](std::string_view tail) { return actions.ends_with(tail); };
  if (ends("ies") && actions.size() > 4) return actions.substr(0, actions.size() - 3) + "y";
  if (ends("ches") || ends("shes") || ends("sses") || ends("xes")) return actions.substr(0, actions.size() - 2);
  if (ends("s") && !ends("ss") && actions.size() > 1) return actions.substr(0, actions.size() - 1);
  return actions;
}

std::string Vocabulary::count_actions(std::size_t n) const {
  return std::to_string(n) + " " + (n == 1 ? action_word() : actions_word());
}

const Topic* Site::find_topic(const std::string& id) const {
  auto it = std::find_if(topics.begin(), topics.end(), [&](const Topic& t) { return t.id == id; });
  return it == topics.end() ? nullptr : &*it;
}

}  // namespace pb::content
