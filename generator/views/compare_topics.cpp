// Comparisons across models: the topic × model matrix, and one page per topic with a column per model.
#include <fmt/format.h>

#include "link/urls.hpp"
#include "views/diff_html.hpp"
#include "views/page_nav.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

using json = nlohmann::json;

// Shading steps of the matrix by a topic's share of a model's statements.
std::string share_class(double share) {
  if (share <= 0) return "share-0";
  if (share < 0.10) return "share-1";
  if (share < 0.20) return "share-2";
  if (share < 0.35) return "share-3";
  return "share-4";
}

Page matrix_page(const LinkedSite& linked) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, urls::compare());
  json d = page.layout("Compare practice models", "How much of each practice model speaks to each topic");
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()}});
  // Raw counts mislead (one model has ten times the statements of another): each cell also gives
  // the topic's share of the model's statements, and is shaded by it.
  std::map<std::string, std::size_t> totals;
  for (const auto& ref : graph.statements()) ++totals[linked.model(ref).id];
  json columns = json::array();
  for (const auto& m : site.models)
    columns.push_back({{"title", m.title}, {"edition", m.edition}, {"jurisdiction", m.jurisdiction},
                       {"archived", !m.superseded_by.empty()}, {"href", page.href(urls::model(m))},
                       {"total", fmt::format("{} statements", totals[m.id])}});
  json rows = json::array();
  for (const auto& topic : site.topics) {
    json cells = json::array();
    std::map<std::string, std::size_t> counts;
    for (std::size_t index : graph.by_topic(topic.id)) counts[linked.model(graph.statements()[index]).id]++;
    for (const auto& m : site.models) {
      const std::size_t n = counts[m.id];
      const double share = totals[m.id] ? double(n) / double(totals[m.id]) : 0.0;
      const std::string percent = fmt::format("{:.0f}%", share * 100);
      cells.push_back({{"count", std::to_string(n)},
                       {"share", percent},
                       {"shade", share_class(share)},
                       {"label", fmt::format("{} {} of {} on {}: {} of its statements", n,
                                             n == 1 ? "statement" : "statements", model_name(m), topic.title, percent)},
                       {"href", page.href(urls::compare_topic(topic.id) + "#" + m.id)}});
    }
    rows.push_back({{"title", topic.title}, {"description_html", page.html(topic.description)},
                    {"href", page.href(urls::compare_topic(topic.id))}, {"cells", std::move(cells)}});
  }
  d["columns"] = std::move(columns);
  d["rows"] = std::move(rows);
  // Gaps: the topics each model does not address at all.
  std::map<std::string, std::set<std::string>> addressed;
  for (const auto& topic : site.topics)
    for (std::size_t index : graph.by_topic(topic.id)) addressed[linked.model(graph.statements()[index]).id].insert(topic.id);
  json gaps = json::array();
  for (const auto& m : site.models) {
    json missing = json::array();
    for (const auto& topic : site.topics)
      if (!addressed[m.id].count(topic.id)) missing.push_back({{"title", topic.title}, {"href", page.href(urls::compare_topic(topic.id))}});
    gaps.push_back({{"title", model_name(m)}, {"jurisdiction", m.jurisdiction}, {"none", missing.empty()},
                    {"count_label", fmt::format("{} {} not addressed", missing.size(), missing.size() == 1 ? "topic" : "topics")},
                    {"topics", std::move(missing)}});
  }
  d["gaps"] = std::move(gaps);
  d["shared_language_href"] = page.href(urls::shared_language());
  d["shared_count"] = std::to_string(graph.shared_language().size());
  return page.finish("compare.html", std::move(d));
}

constexpr std::size_t items_before_fold = 6;  // a long column shows these, then "Show all N"

bool has_topic(const Statement& s, const std::string& topic) {
  return std::find(s.topics.begin(), s.topics.end(), topic) != s.topics.end();
}

Page topic_page(const LinkedSite& linked, const Topic& topic) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, urls::compare_topic(topic.id));
  json d = page.layout(topic.title, page.plain(topic.description));
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()},
                       {topic.title, urls::compare_topic(topic.id)}});
  d["description_html"] = page.html(topic.description);
  std::vector<const Model*> current;
  for (const auto& m : site.models)
    if (m.superseded_by.empty()) current.push_back(&m);
  // Aligned rows: what several models say alike (shared-language clusters) on this topic.
  std::set<std::size_t> aligned;
  json rows = json::array();
  for (const auto& cluster : graph.shared_language()) {
    bool on_topic = false;
    for (const auto& m : cluster.members) on_topic = on_topic || has_topic(linked.statement(graph.statements()[m.text]), topic.id);
    if (!on_topic) continue;
    std::map<const Model*, json> by_model;
    for (const auto& m : cluster.members) {
      const StatementRef& ref = graph.statements()[m.text];
      aligned.insert(m.text);
      by_model[&linked.model(ref)].push_back({{"html", words_html(shared_sentence(linked, m))}, {"href", page.href(ref.url)}, {"place", page.place_of(ref)}});
    }
    json cells = json::array();
    for (const Model* m : current)
      cells.push_back({{"id", m->id}, {"empty", !by_model.count(m)}, {"items", by_model.count(m) ? by_model[m] : json::array()}});
    rows.push_back({{"kind_label", cluster.kind == ClusterKind::same_words ? "Same words" : "Same idea"},
                    {"models_label", fmt::format("{} models", by_model.size())},
                    {"cells", std::move(cells)}});
  }
  json aligned_columns = json::array();
  for (const Model* m : current) aligned_columns.push_back({{"id", m->id}, {"jurisdiction", m->jurisdiction}, {"title", m->title}});
  d["has_aligned"] = !rows.empty();
  d["aligned_count"] = fmt::format("{} {}", rows.size(), rows.size() == 1 ? "row" : "rows");
  d["aligned_rows"] = std::move(rows);
  d["aligned_columns"] = std::move(aligned_columns);
  // Then each model's other statements on the topic, a column per model.
  std::map<std::string, json> items;
  std::map<std::string, std::size_t> totals;
  for (std::size_t index : graph.by_topic(topic.id)) {
    const StatementRef& ref = graph.statements()[index];
    ++totals[linked.model(ref).id];
    if (!aligned.count(index)) items[linked.model(ref).id].push_back(page.statement_ref(ref));
  }
  json columns = json::array();
  for (const auto& m : site.models) {
    json list = items.count(m.id) ? items[m.id] : json::array();
    json shown = json::array(), folded = json::array();
    for (auto& item : list) (shown.size() < items_before_fold ? shown : folded).push_back(std::move(item));
    const std::size_t total = totals[m.id];
    columns.push_back({{"id", m.id},
                       {"title", m.title},
                       {"edition", m.edition},
                       {"jurisdiction", m.jurisdiction},
                       {"archived", !m.superseded_by.empty()},
                       {"href", page.href(urls::model(m))},
                       {"count", fmt::format("{} {}", total, total == 1 ? "statement" : "statements")},
                       {"empty", shown.empty()},
                       {"empty_label", total ? "Every statement of this model on the topic is in the rows above." : "No statements on this topic."},
                       {"items", std::move(shown)},
                       {"has_folded", !folded.empty()},
                       {"show_all", fmt::format("Show all {}", list.size())},
                       {"folded", std::move(folded)}});
  }
  // Unticking a model hides its column, with CSS alone: one rule per model, since ids come from content.
  std::string chooser_css;
  for (const auto& m : site.models)
    chooser_css += fmt::format("body:has(#show-{0}:not(:checked)) .col-{0} {{ display: none; }} ", m.id);
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
