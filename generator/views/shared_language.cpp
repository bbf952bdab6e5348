// compare/shared-language/ and compare/shared-language.json: statements of different model families
// that share their language.
#include <fmt/format.h>

#include "compare/text_compare.hpp"
#include "link/urls.hpp"
#include "views/diff_html.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

using json = nlohmann::json;

std::string percent(double score) { return fmt::format("{:.0f}%", score * 100); }

json side(PageBuilder& page, const StatementRef& ref) {
  const LinkedSite& linked = page.linked();
  return json{{"model", model_name(linked.model(ref))}, {"jurisdiction", linked.model(ref).jurisdiction}, {"place", page.place_of(ref)},
              {"href", page.href(ref.url)}};
}

Page shared_language_page(const LinkedSite& linked) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, urls::shared_language());
  json d = page.layout("Shared language across states",
                       "Statements of different practice models that say the same thing in nearly the same words");
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()}, {"Shared language", page.path()}});
  // Grouped by the pair of models, the groups by their strongest pair; strongest pairs first within.
  std::map<std::pair<std::string, std::string>, json> groups;
  std::vector<std::pair<std::string, std::string>> order;
  for (const auto& pair : graph.shared_wording()) {
    const StatementRef& a = graph.statements()[pair.a];
    const StatementRef& b = graph.statements()[pair.b];
    const auto key = std::make_pair(linked.model(a).id, linked.model(b).id);
    if (!groups.count(key)) {
      order.push_back(key);
      groups[key] = json{{"title", model_name(linked.model(a)) + " and " + model_name(linked.model(b))},
                         {"anchor", linked.model(a).id + "--" + linked.model(b).id}, {"pairs", json::array()}};
    }
    groups[key]["pairs"].push_back({{"score", percent(pair.score)},
                                    {"a", side(page, a)},
                                    {"b", side(page, b)},
                                    {"diff_html", diff_to_html(word_diff(linked.statement(a).text.source, linked.statement(b).text.source))}});
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

Page shared_language_json(const LinkedSite& linked) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  std::string base = site.config.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  auto side_json = [&](const StatementRef& r) {
    return nlohmann::ordered_json{{"model", linked.model(r).id}, {"id", linked.statement(r).id},
                                  {"section", linked.section(r) ? linked.section(r)->id : ""},
                                  {"text", linked.statement(r).text.source}, {"url", base + r.url}};
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

}  // namespace

std::vector<PageTask> plan_shared_language(const LinkedSite& linked) {
  std::vector<PageTask> tasks;
  tasks.push_back({urls::shared_language(), true, [&] { return shared_language_page(linked); }});
  tasks.push_back({urls::shared_language_json(), false, [&] { return shared_language_json(linked); }});
  return tasks;
}

}  // namespace pb::views
