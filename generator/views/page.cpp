#include "views/page.hpp"

#include <cstring>
#include <fmt/format.h>

#include "link/urls.hpp"

namespace pb::inline views {

using json = nlohmann::json;

PageBuilder::PageBuilder(const Site& site, const LinkGraph& graph, std::string path)
    : site_(site), graph_(graph), path_(std::move(path)) {}

std::string PageBuilder::href(const std::string& target) const { return urls::relative(path_, target); }

json PageBuilder::layout(const std::string& title, const std::string& description) const {
  json d;
  d["lang"] = site_.config.language;
  d["site_title"] = site_.config.title;
  d["page_title"] = title;
  d["description"] = description;
  d["home_href"] = href(urls::home());
  d["stylesheet_href"] = href(urls::asset("style.css"));
  d["search_href"] = href(urls::search());
  d["compare_href"] = href(urls::compare());
  d["glossary_href"] = href(urls::glossary());
  d["is_home"] = path_ == urls::home();
  json nav = json::array();
  auto add = [&](const char* label, const std::string& target, const char* prefix) {
    nav.push_back({{"title", label}, {"href", href(target)}, {"current", path_.starts_with(prefix)}});
  };
  if (!site_.topics.empty()) add("Compare", urls::compare(), "compare/");
  if (!site_.terms.empty()) add("Glossary", urls::glossary(), "glossary/");
  add("Handouts", urls::handouts(), "handouts/");
  d["nav"] = std::move(nav);
  return d;
}

void PageBuilder::edit_link(json& data, const std::string& source) const {
  if (site_.config.edit_url.empty() || source.empty()) return;
  std::string base = site_.config.edit_url;
  if (base.back() != '/') base += '/';
  data["edit_href"] = base + source;
  data["edit_source"] = "content/" + source;
}

void PageBuilder::breadcrumbs(json& data, const std::vector<std::pair<std::string, std::string>>& trail) const {
  json list = json::array();
  for (std::size_t i = 0; i < trail.size(); ++i) {
    const bool last = i + 1 == trail.size();
    list.push_back({{"title", trail[i].first}, {"href", last ? "" : href(trail[i].second)}, {"current", last}});
  }
  data["breadcrumbs"] = list;
  data["has_breadcrumbs"] = !trail.empty();
}

json PageBuilder::statement(const Statement& s) {
  for (const auto& t : s.terms) terms_used_.insert(t);
  json chips = json::array();
  for (const auto& id : s.topics)
    if (const Topic* topic = site_.find_topic(id))
      chips.push_back({{"title", topic->title}, {"href", href(urls::compare_topic(id))}});
  json children = json::array();
  for (const auto& child : s.children) children.push_back(statement(child));
  // "Similar wording in": the statements of other model families that share its language.
  json similar = json::array();
  if (const auto index = graph_.index_of(s))
    for (std::size_t p : graph_.shared_wording_of(*index)) {
      const auto& pair = graph_.shared_wording()[p];
      const StatementRef& other = graph_.statements()[pair.a == *index ? pair.b : pair.a];
      similar.push_back({{"title", other.model->title}, {"jurisdiction", other.model->jurisdiction},
                         {"place", place_of(other)}, {"href", href(other.url)}});
    }
  return json{{"id", s.id},
              {"has_similar", !similar.empty()},
              {"similar", std::move(similar)},
              {"html", s.text.html},
              {"permalink_label", "Permalink to statement " + s.id},
              {"has_topics", !chips.empty()},
              {"topics", std::move(chips)},
              {"has_children", !children.empty()},
              {"children", std::move(children)}};
}

std::string PageBuilder::place_of(const StatementRef& ref) const {
  if (!ref.section) return ref.model->priorities && !ref.model->priorities->heading.empty()
                               ? ref.model->priorities->heading : "Priorities";
  std::string where = ref.section->label.empty() ? ref.section->title : ref.section->label;
  if (ref.block) {
    if (ref.block->kind == BlockKind::actions) {
      const Role* role = site_.find_role(ref.block->role);
      where += " · " + (role ? role->title : ref.block->role) + " action";
    } else if (!ref.block->heading.empty()) {
      where += " · " + ref.block->heading;
    }
  }
  return where;
}

json PageBuilder::statement_ref(const StatementRef& ref) {
  // Lists of statements from elsewhere show the text and where it comes from, nothing more: these
  // pages (topics, roles across models, glossary uses) grow with the number of models.
  for (const auto& t : ref.statement->terms) terms_used_.insert(t);
  return json{{"html", ref.statement->text.html},
              {"href", href(ref.url)},
              {"place", place_of(ref)},
              {"model", model_name(*ref.model)}};
}

Page PageBuilder::finish(std::string template_name, json data) {
  json definitions = json::array();
  for (const auto& term : site_.terms)
    if (terms_used_.count(term.id))
      definitions.push_back({{"id", term.id}, {"term", term.term}, {"text", strip_tags(term.definition.html)}});
  data["has_definitions"] = !definitions.empty();
  data["definitions"] = std::move(definitions);
  return Page{path_, std::move(template_name), std::move(data), {}};
}

std::string model_name(const Model& m) {
  return m.edition.empty() ? m.title : fmt::format("{} ({})", m.title, m.edition);
}

}  // namespace pb::views
