// Policy teams' pages: statements that share language across model families, and what changed
// between two editions of a model.
#include <fmt/format.h>

#include "compare/edition_diff.hpp"
#include "link/urls.hpp"
#include "views/diff_html.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

using json = nlohmann::json;

std::string percent(double score) { return fmt::format("{:.0f}%", score * 100); }

json side(PageBuilder& page, const StatementRef& ref) {
  return json{{"model", model_name(*ref.model)}, {"jurisdiction", ref.model->jurisdiction}, {"place", page.place_of(ref)},
              {"href", page.href(ref.url)}};
}

Page shared_language_page(const Site& site, const LinkGraph& graph) {
  PageBuilder page(site, graph, urls::shared_language());
  json d = page.layout("Shared language across states",
                       "Statements of different practice models that say the same thing in nearly the same words");
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()}, {"Shared language", page.path()}});
  // Grouped by the pair of models, the groups by their strongest pair; strongest pairs first within.
  std::map<std::pair<std::string, std::string>, json> groups;
  std::vector<std::pair<std::string, std::string>> order;
  for (const auto& pair : graph.shared_wording()) {
    const StatementRef& a = graph.statements()[pair.a];
    const StatementRef& b = graph.statements()[pair.b];
    const auto key = std::make_pair(a.model->id, b.model->id);
    if (!groups.count(key)) {
      order.push_back(key);
      groups[key] = json{{"title", model_name(*a.model) + " and " + model_name(*b.model)},
                         {"anchor", a.model->id + "--" + b.model->id}, {"pairs", json::array()}};
    }
    groups[key]["pairs"].push_back({{"score", percent(pair.score)},
                                    {"a", side(page, a)},
                                    {"b", side(page, b)},
                                    {"diff_html", diff_to_html(word_diff(a.statement->text.source, b.statement->text.source))}});
  }
  json list = json::array();
  for (const auto& key : order) {
    groups[key]["count"] = std::to_string(groups[key]["pairs"].size());
    list.push_back(std::move(groups[key]));
  }
  d["groups"] = std::move(list);
  d["count"] = std::to_string(graph.shared_wording().size());
  d["threshold"] = percent(site.config.shared_language_threshold);
  d["json_href"] = page.href(urls::shared_language_json());
  return page.finish("shared-language.html", std::move(d));
}

Page shared_language_json(const Site& site, const LinkGraph& graph) {
  std::string base = site.config.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  auto side_json = [&](const StatementRef& r) {
    return nlohmann::ordered_json{{"model", r.model->id}, {"id", r.statement->id},
                                  {"section", r.section ? r.section->id : ""},
                                  {"text", r.statement->text.source}, {"url", base + r.url}};
  };
  auto list = nlohmann::ordered_json::array();
  for (const auto& pair : graph.shared_wording())
    list.push_back(nlohmann::ordered_json{{"score", std::round(pair.score * 1000) / 1000},
                                          {"a", side_json(graph.statements()[pair.a])},
                                          {"b", side_json(graph.statements()[pair.b])}});
  Page p;
  p.path = urls::shared_language_json();
  p.raw = list.dump(2) + "\n";
  return p;
}

json field_changes(const EditionDiff& diff) {
  json out = json::array();
  for (const auto& f : diff.fields)
    out.push_back({{"what", f.what}, {"diff_html", diff_to_html(f.diff)}});
  return out;
}

Page changes_page(const Site& site, const LinkGraph& graph, const Model& newer, const Model& older) {
  const EditionDiff diff = diff_editions(older, newer);
  PageBuilder page(site, graph, urls::changes(newer));
  json d = page.layout("What changed in this edition",
                       fmt::format("Changes from {} to {}", model_name(older), model_name(newer)));
  page.breadcrumbs(d, {{"Home", urls::home()}, {model_name(newer), urls::model(newer)}, {"Changes", page.path()}});
  d["newer"] = json{{"title", model_name(newer)}, {"href", page.href(urls::model(newer))}};
  d["older"] = json{{"title", model_name(older)}, {"href", page.href(urls::model(older))}};
  using Kind = StatementChange::Kind;
  json groups = json::array();
  for (Kind kind : {Kind::added, Kind::removed, Kind::reworded, Kind::moved}) {
    json items = json::array();
    for (const auto& c : diff.statements) {
      if (c.kind != kind) continue;
      json item;
      if (c.before) page.use_terms(c.before->terms);
      if (c.after) page.use_terms(c.after->terms);
      if (c.before) item["before"] = json{{"place", c.before_section->label.empty() ? c.before_section->title : c.before_section->label},
                                          {"href", page.href(urls::statement(older, *c.before_section, *c.before))},
                                          {"html", c.before->text.html}};
      if (c.after) item["after"] = json{{"place", c.after_section->label.empty() ? c.after_section->title : c.after_section->label},
                                        {"href", page.href(urls::statement(newer, *c.after_section, *c.after))},
                                        {"html", c.after->text.html}};
      if (!c.diff.empty()) item["diff_html"] = diff_to_html(c.diff);
      items.push_back(std::move(item));
    }
    if (items.empty()) continue;
    const std::string name = change_kind_name(kind);
    groups.push_back({{"title", fmt::format("{} statement{} {}", items.size(), items.size() == 1 ? "" : "s", name)},
                      {"anchor", name}, {"kind", name}, {"items", std::move(items)}});
  }
  d["summary"] = fmt::format("{} added, {} removed, {} reworded, {} moved; {} other change{}", diff.count(Kind::added),
                             diff.count(Kind::removed), diff.count(Kind::reworded), diff.count(Kind::moved),
                             diff.fields.size(), diff.fields.size() == 1 ? "" : "s");
  d["groups"] = std::move(groups);
  d["fields"] = field_changes(diff);
  d["has_fields"] = !diff.fields.empty();
  d["unchanged"] = diff.empty();
  return page.finish("changes.html", std::move(d));
}

}  // namespace

std::vector<PageTask> plan_comparison_pages(const Site& site, const LinkGraph& graph) {
  std::vector<PageTask> tasks;
  tasks.push_back({urls::shared_language(), true, [&] { return shared_language_page(site, graph); }});
  tasks.push_back({urls::shared_language_json(), false, [&] { return shared_language_json(site, graph); }});
  for (const auto& m : site.models)
    if (const Model* older = site.find_model(m.supersedes))
      tasks.push_back({urls::changes(m), true, [&site, &graph, &m, older] { return changes_page(site, graph, m, *older); }});
  return tasks;
}

}  // namespace pb::views
