// Comparisons across models: the topic × model matrix, and one page per topic with a column per model.
#include <fmt/format.h>

#include "link/urls.hpp"
#include "views/page_nav.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

using json = nlohmann::json;

Page matrix_page(const LinkedSite& linked) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, urls::compare());
  json d = page.layout("Compare practice models", "How many statements each practice model has on each topic");
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()}});
  json columns = json::array();
  for (const auto& m : site.models)
    columns.push_back({{"title", m.title}, {"edition", m.edition}, {"jurisdiction", m.jurisdiction},
                       {"href", page.href(urls::model(m))}});
  json rows = json::array();
  for (const auto& topic : site.topics) {
    json cells = json::array();
    std::map<std::string, std::size_t> counts;
    for (std::size_t index : graph.by_topic(topic.id)) counts[linked.model(graph.statements()[index]).id]++;
    for (const auto& m : site.models) {
      const std::size_t n = counts[m.id];
      cells.push_back({{"count", std::to_string(n)},
                       {"zero", n == 0},
                       {"label", fmt::format("{} statement{} of {} on {}", n, n == 1 ? "" : "s", model_name(m),
                                             topic.title)},
                       {"href", page.href(urls::compare_topic(topic.id) + "#" + m.id)}});
    }
    rows.push_back({{"title", topic.title}, {"description_html", page.html(topic.description)},
                    {"href", page.href(urls::compare_topic(topic.id))}, {"cells", std::move(cells)}});
  }
  d["columns"] = std::move(columns);
  d["rows"] = std::move(rows);
  // Gaps: the topics each model does not address at all.
  json gaps = json::array();
  for (const auto& m : site.models) {
    json missing = json::array();
    for (const auto& topic : site.topics) {
      bool any = false;
      for (std::size_t index : graph.by_topic(topic.id)) any = any || &linked.model(graph.statements()[index]) == &m;
      if (!any) missing.push_back({{"title", topic.title}, {"href", page.href(urls::compare_topic(topic.id))}});
    }
    gaps.push_back({{"title", model_name(m)}, {"jurisdiction", m.jurisdiction}, {"none", missing.empty()},
                    {"count", std::to_string(missing.size())}, {"topics", std::move(missing)}});
  }
  d["gaps"] = std::move(gaps);
  d["shared_language_href"] = page.href(urls::shared_language());
  d["shared_count"] = std::to_string(graph.shared_wording().size());
  return page.finish("compare.html", std::move(d));
}

Page topic_page(const LinkedSite& linked, const Topic& topic) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, urls::compare_topic(topic.id));
  json d = page.layout(topic.title, page.plain(topic.description));
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()},
                       {topic.title, urls::compare_topic(topic.id)}});
  d["description_html"] = page.html(topic.description);
  std::map<std::string, json> items;
  for (std::size_t index : graph.by_topic(topic.id)) {
    const StatementRef& ref = graph.statements()[index];
    items[linked.model(ref).id].push_back(page.statement_ref(ref));
  }
  json columns = json::array();
  for (const auto& m : site.models) {
    json list = items.count(m.id) ? items[m.id] : json::array();
    columns.push_back({{"id", m.id},
                       {"title", m.title},
                       {"edition", m.edition},
                       {"jurisdiction", m.jurisdiction},
                       {"archived", !m.superseded_by.empty()},
                       {"href", page.href(urls::model(m))},
                       {"count", fmt::format("{} statement{}", list.size(), list.size() == 1 ? "" : "s")},
                       {"empty", list.empty()},
                       {"items", std::move(list)}});
  }
  // Unticking a model hides its column, with CSS alone: one rule per model, since ids come from content.
  std::string chooser_css;
  for (const auto& m : site.models)
    chooser_css += fmt::format("body:has(#show-{0}:not(:checked)) #{0} {{ display: none; }} ", m.id);
  d["page_style"] = chooser_css;
  page.edit_link(d, "topics.yaml");
  d["columns"] = std::move(columns);
  json topics = json::array();
  for (const auto& t : site.topics)
    topics.push_back({{"title", t.title}, {"href", page.href(urls::compare_topic(t.id))}, {"current", t.id == topic.id}});
  d["topics"] = std::move(topics);
  add_topic_navigation(d);
  return page.finish("topic.html", std::move(d));
}

}  // namespace

std::vector<PageTask> plan_compare_pages(const LinkedSite& linked) {
  const Site& site = linked.site();
  std::vector<PageTask> tasks;
  if (site.topics.empty()) return tasks;
  tasks.push_back({urls::compare(), true, [&] { return matrix_page(linked); }});
  for (const auto& topic : site.topics)
    tasks.push_back({urls::compare_topic(topic.id), true, [&] { return topic_page(linked, topic); }});
  return tasks;
}

}  // namespace pb::views
