#include "views/search_index.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "link/urls.hpp"
#include "views/page.hpp"

namespace pb::inline views {

using json = nlohmann::json;

std::string build_search_index(const LinkedSite& linked, SearchIndexStats* stats) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  // Tables are referenced by position so each URL, title and place is written once.
  json models = json::array(), roles = json::array(), pages = json::array(), places = json::array(),
       docs = json::array();
  std::map<std::string, int> model_index, role_index, page_index, place_index;
  for (const auto& m : site.models) {
    model_index[m.id] = static_cast<int>(models.size());
    models.push_back({m.id, model_name(m), m.superseded_by.empty() ? 0 : 1});
  }
  for (const auto& r : site.roles) {
    role_index[r.id] = static_cast<int>(roles.size());
    roles.push_back({r.id, r.title});
  }
  auto page_of = [&](const std::string& url, const std::string& title, int model) {
    auto [it, inserted] = page_index.emplace(url, static_cast<int>(pages.size()));
    if (inserted) pages.push_back({url, title, model});
    return it->second;
  };
  auto place_of = [&](int page, const std::string& label) {
    const std::string key = std::to_string(page) + "|" + label;
    auto [it, inserted] = place_index.emplace(key, static_cast<int>(places.size()));
    if (inserted) places.push_back({page, label});
    return it->second;
  };

  // Sections and overviews first: a query that names a value finds its page.
  for (const auto& m : site.models) {
    const int mi = model_index[m.id];
    const int overview = page_of(urls::model(m), model_name(m), mi);
    docs.push_back({"p", m.title + " " + m.subtitle + " " + linked.plain_text(m.vision), place_of(overview, ""), "", -1});
    for (const auto& s : m.sections) {
      const std::string title = s.label.empty() ? s.title : s.label + ": " + s.title;
      const int p = page_of(urls::section(m, s), title, mi);
      docs.push_back({"p", title + " " + linked.plain_text(s.summary), place_of(p, ""), "", -1});
    }
  }
  PageBuilder labeller(linked, urls::search());
  for (const auto& ref : graph.statements()) {
    const Model& model = linked.model(ref);
    const Section* section = linked.section(ref);
    const Block* block = linked.block(ref);
    const Statement& statement = linked.statement(ref);
    const std::string page_url = section ? urls::section(model, *section) : urls::model(model);
    const std::string page_title =
        !section ? model_name(model) : section->label.empty() ? section->title : section->label + ": " + section->title;
    const int p = page_of(page_url, page_title, model_index[model.id]);
    const bool action = block && block->kind == BlockKind::actions;
    docs.push_back({action ? "a" : "s", linked.plain_text(statement.text), place_of(p, labeller.place_of(ref)),
                    statement.id, action ? role_index[block->role] : -1});
  }
  for (const auto& t : site.terms) {
    const int p = page_of(urls::term(t.id), t.term, -1);
    std::string text = t.term;
    if (!t.abbreviation.empty()) text += " (" + t.abbreviation + ")";
    for (const auto& alias : t.aliases) text += " · " + alias;
    text += ": " + linked.plain_text(t.definition);
    docs.push_back({"t", text, place_of(p, "Glossary"), "", -1});
  }

  json index{{"version", 1}, {"models", std::move(models)}, {"roles", std::move(roles)},
             {"pages", std::move(pages)}, {"places", std::move(places)}, {"docs", std::move(docs)}};
  std::string js = "window.PRACTICEBOOK_SEARCH=" + index.dump() + ";\n";
  if (stats) {
    stats->documents = index["docs"].size();
    stats->bytes = js.size();
  }
  return js;
}

}  // namespace pb::views
