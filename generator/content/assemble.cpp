#include "content/assemble.hpp"

#include <algorithm>
#include <map>
#include <set>

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
}  // namespace

void assemble_site(Site& site) {
  std::map<std::string, int> rank;
  for (const auto& m : site.models) rank[m.id] = edition_rank(site, m);
  std::stable_sort(site.models.begin(), site.models.end(), [&](const Model& a, const Model& b) {
    if (a.jurisdiction != b.jurisdiction) return a.jurisdiction < b.jurisdiction;
    if (a.family != b.family) return a.family < b.family;
    if (rank[a.id] != rank[b.id]) return rank[a.id] > rank[b.id];
    if (a.date != b.date) return a.date > b.date;
    return a.id < b.id;
  });
  for (auto& m : site.models) m.superseded_by.clear();
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
