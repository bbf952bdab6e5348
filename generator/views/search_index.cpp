#include "views/search_index.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "link/urls.hpp"
#include "views/page.hpp"

namespace pb::inline views {

using json = nlohmann::json;

std::string build_search_index(const Site& site, const LinkGraph& graph, SearchIndexStats* stats) {
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
    docs.push_back({"p", m.title + " " + m.subtitle + " " + strip_tags(m.vision.html), place_of(overview, ""), "", -1});
    for (const auto& s : m.sections) {
      const std::string title = s.label.empty() ? s.title : s.label + ": " + s.title;
      const int p = page_of(urls::section(m, s), title, mi);
      docs.push_back({"p", title + " " + strip_tags(s.summary.html), place_of(p, ""), "", -1});
    }
  }
  PageBuilder labeller(site, graph, urls::search());
  for (const auto& ref : graph.statements()) {
    const int mi = model_index[ref.model->id];
    const std::string page_url = ref.section ? urls::section(*ref.model, *ref.section) : urls::model(*ref.model);
    const std::string page_title = ref.section ? (ref.section->label.empty() ? ref.section->title
                                                                             : ref.section->label + ": " + ref.section->title)
                                               : model_name(*ref.model);
    const int p = page_of(page_url, page_title, mi);
    const bool action = ref.block && ref.block->kind == BlockKind::actions;
    docs.push_back({action ? "a" : "s", strip_tags(ref.statement->text.html), place_of(p, labeller.place_of(ref)),
                    ref.statement->id, action ? role_index[ref.block->role] : -1});
  }
  for (const auto& t : site.terms) {
    const int p = page_of(urls::term(t.id), t.term, -1);
    std::string text = t.term;
    if (!t.abbreviation.empty()) text += " (" + t.abbreviation + ")";
    for (const auto& alias : t.aliases) text += " · " + alias;
    text += ": " + strip_tags(t.definition.html);
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
