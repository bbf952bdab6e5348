#include "content/assemble.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "content/shape_readers.hpp"

namespace pb::inline content {

namespace {
// How many editions this one replaces, directly or not: a higher rank is a newer edition.
int edition_rank(const Site& site, const Model& model) {
  int rank = 0;
  std::set<std::string> seen{model.id};
  for (const Model* m = site.find_model(model.supersedes); m && seen.insert(m->id).second;
       m = site.find_model(m->supersedes))
    ++rank;
  return rank;
}
// Numbers each list as the document does: `start`, or on from the previous numbered block of the
// section, with each level's marker (numbers, letters, roman numerals or bullets).
void number_items(std::vector<Statement>& items, const std::vector<std::string>& markers, bool numbered,
                  std::size_t depth, int first) {
  const std::string style = depth < markers.size() ? markers[depth] : depth == 0 && numbered ? "numbers" : "bullets";
  int n = first;
  for (auto& s : items) {
    s.number = style == "bullets" ? std::string() : marker_for(style, n);
    ++n;
    number_items(s.children, markers, numbered, depth + 1, 1);
  }
}

void number_section(Section& section) {
  int next = 1;
  for (auto& block : section.blocks) {
    if (block.kind == BlockKind::table || block.kind == BlockKind::text) continue;
    if ((!block.markers.empty() && block.markers[0] != "bullets") || block.start > 0 || block.continue_numbering)
      block.numbered = true;
    const int first = block.start > 0 ? block.start : block.continue_numbering ? next : 1;
    if (block.continue_numbering && block.start == 0) block.start = first;
    number_items(block.items, block.markers, block.numbered, 0, first);
    if (block.numbered) next = first + static_cast<int>(block.items.size());
  }
}

std::string canonical_role(const Site& site, const std::string& name) {
  const Role* role = site.resolve_role(name);
  return role ? role->id : name;
}
}  // namespace

void assemble_site(Site& site) {
  std::map<std::string, int> rank;
  for (const auto& m : site.models) rank[m.id] = edition_rank(site, m);
  std::stable_sort(site.models.begin(), site.models.end(), [&](const Model& a, const Model& b) {
    const std::string& state_a = a.state.empty() ? a.jurisdiction : a.state;
    const std::string& state_b = b.state.empty() ? b.jurisdiction : b.state;
    if (state_a != state_b) return state_a < state_b;
    if (a.jurisdiction != b.jurisdiction) return a.jurisdiction < b.jurisdiction;
    if (a.family != b.family) return a.family < b.family;
    if (rank[a.id] != rank[b.id]) return rank[a.id] > rank[b.id];
    if (a.date != b.date) return a.date > b.date;
    return a.id < b.id;
  });
  for (auto& m : site.models) {
    m.superseded_by.clear();
    // Roles named in the model's own words become the ids of roles.yaml.
    for (auto& role : m.roles) role.id = canonical_role(site, role.id);
    if (m.rubric)
      for (auto& role : m.rubric->roles) role = canonical_role(site, role);
    for (auto& section : m.sections) {
      for (auto& block : section.blocks)
        if (block.kind == BlockKind::actions) block.role = canonical_role(site, block.role);
      number_section(section);
    }
  }
  for (auto& m : site.models)
    if (!m.supersedes.empty())
      for (auto& older : site.models)
        if (older.id == m.supersedes) older.superseded_by = m.id;
  // Later phases keep what they derive (HTML, linked terms, places) in tables indexed by these numbers.
  std::uint32_t slot = 0, index = 0;
  for_each_markdown(site, [&](Markdown& m, MarkdownShape, TermLinks, const char*) { m.slot = slot++; });
  for_each_site_statement(site, [&](Statement& s) { s.index = index++; });
}

std::vector<const Model*> editions_of(const Site& site, const std::string& family) {
  std::vector<const Model*> out;
  for (const auto& m : site.models)
    if (m.family == family) out.push_back(&m);
  return out;  // already newest first: assemble_site sorted the models
}

const Model* current_edition(const Site& site, const Model& model) {
  const Model* m = &model;
  std::set<std::string> seen{m->id};
  while (!m->superseded_by.empty()) {
    const Model* next = site.find_model(m->superseded_by);
    if (!next || !seen.insert(next->id).second) break;
    m = next;
  }
  return m;
}

}  // namespace pb::content
