// compare/topics/<topic>/: one page per topic with a column per model. On a large site the page
// becomes a summary (states, counts, what several models say alike) linking one page per state.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "link/urls.hpp"
#include "views/compare_pages.hpp"
#include "views/diff_html.hpp"
#include "views/page_nav.hpp"
#include "views/plan.hpp"
#include "views/state_lists.hpp"

namespace pb::inline views {

namespace {

constexpr std::size_t items_before_fold = 6;     // a long column shows these, then "Show all N"
constexpr std::size_t clusters_on_summary = 40;  // sentences said alike on a summary, most models first
constexpr std::size_t states_named = 5;          // per sentence on a summary; the rest are counted

Data topic_links(const PageBuilder& page, const Topic& current) {
  Data topics = list();
  for (const auto& t : page.site().topics)
    push(topics, object("title", t.title, "href", page.href(urls::compare_topic(t.id)), "current", t.id == current.id));
  return topics;
}

// The models a topic page shows (all of them, or one state's page of results) and how it is named.
struct TopicView {
  std::vector<std::uint32_t> models;  // in site order
  std::vector<ResultRun> parts;       // by models[i], a state's page only: which of its statements it shows
  std::string path, title;
  std::string state;                  // empty on the whole page
  Data pager = false;
};

Page topic_page(const LinkedSite& linked, const Topic& topic, const TopicView& view) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, view.path);
  Data d = page.layout(view.title, page.plain(topic.description));
  std::vector<std::pair<std::string, std::string>> trail{
      {"Home", urls::home()}, {"Compare", urls::compare()}, {topic.title, urls::compare_topic(topic.id)}};
  if (!view.state.empty()) trail.push_back({view.state, view.path});
  page.breadcrumbs(d, trail);
  set(d, "description_html", page.html(topic.description));
  const bool any_said = std::any_of(view.models.begin(), view.models.end(),
                                    [&](std::uint32_t m) { return !graph.by_topic_in_model(topic.id, m).empty(); });
  set(d, "state_intro", view.state.empty() ? ""
                        : any_said ? fmt::format("The models of {} on {}, side by side.", view.state, topic.title)
                                   : fmt::format("No model of {} has a statement on {}.", view.state, topic.title));
  set(d, "pager", view.pager);
  std::vector<char> on_page(site.models.size(), 0);  // read for every member of every cluster on the topic
  for (std::uint32_t m : view.models) on_page[m] = 1;
  // The statements a model shows here: all on the topic, or the run this page holds of a model cut across
  // pages. Such a run owns the model's statements from its first up to the next run's first, so a
  // shared sentence off the topic (a cluster is on it when one member is) shows on exactly one page.
  std::map<std::uint32_t, std::vector<std::size_t>> shown;
  std::map<std::uint32_t, std::pair<std::size_t, std::size_t>> owned;  // model → statement indexes [from, to)
  for (std::size_t i = 0; i < view.models.size(); ++i) {
    const std::uint32_t m = view.models[i];
    const auto on_topic = graph.by_topic_in_model(topic.id, m);
    const ResultRun part = view.parts.empty() ? whole_part : view.parts[i];
    shown[m] = in_part(on_topic, part);
    owned[m] = {part.begin == 0 || part.begin >= on_topic.size() ? 0 : on_topic[part.begin],
                part.end >= on_topic.size() ? SIZE_MAX : on_topic[part.end]};
  }
  auto is_shown = [&](std::size_t index, std::uint32_t m) {
    if (!on_page[m]) return false;
    const auto [from, to] = owned[m];
    return index >= from && index < to;
  };
  std::vector<const Model*> current;
  for (std::uint32_t m : view.models)
    if (site.models[m].superseded_by.empty()) current.push_back(&site.models[m]);
  // Aligned rows: what several models say alike (shared-language clusters) on this topic.
  std::set<std::size_t> aligned;
  Data rows = list();
  for (std::size_t c : graph.clusters_on_topic(topic.id)) {
    const Cluster& cluster = graph.shared_language()[c];
    std::map<const Model*, Data> by_model;
    for (const auto& m : cluster.members) {
      const StatementRef& ref = graph.statements()[m.text];
      if (!is_shown(m.text, ref.model)) continue;
      aligned.insert(m.text);
      push(by_model.try_emplace(&linked.model(ref), list()).first->second, object("html", words_html(shared_sentence(linked, m)), "href", page.href(ref.url), "place", page.place_of(ref)));
    }
    if (by_model.empty()) continue;
    Data cells = list();
    for (const Model* m : current)
      if (auto it = by_model.find(m); it != by_model.end()) push(cells, object("id", m->id, "empty", false, "items", std::move(it->second)));
      else push(cells, object("id", m->id, "empty", true, "items", list()));
    push(rows, object("kind_label", cluster.kind == ClusterKind::same_words ? "Same words" : "Same idea",
                          "models_label", count_of(graph.models_of_cluster(c).size(), "model", "models"),
                          "cells", std::move(cells)));
  }
  Data aligned_columns = list();
  for (const Model* m : current) push(aligned_columns, object("id", m->id, "jurisdiction", m->jurisdiction, "title", m->title));
  set(d, "has_aligned", !items(rows).empty());
  set(d, "aligned_count", count_of(items(rows).size(), "row", "rows"));
  set(d, "aligned_rows", std::move(rows));
  set(d, "aligned_columns", std::move(aligned_columns));
  // Then each model's other statements on the topic, a column per model.
  std::map<std::uint32_t, Data> statements;
  for (std::uint32_t m : view.models)
    for (std::size_t index : shown[m])
      if (!aligned.count(index)) push(statements.try_emplace(m, list()).first->second, page.statement_ref(graph.statements()[index]));
  Data columns = list();
  for (std::size_t c = 0; c < view.models.size(); ++c) {
    const std::uint32_t i = view.models[c];
    const Model& m = site.models[i];
    Data all = statements.count(i) ? std::move(statements[i]) : list();
    Data shown_items = list(), folded = list();
    for (auto& item : items(all)) push(items(shown_items).size() < items_before_fold ? shown_items : folded, std::move(item));
    const std::size_t total = graph.by_topic_in_model(topic.id, i).size();
    const std::string part = view.parts.empty() ? std::string() : part_label(view.parts[c], total, "statements");
    push(columns, object("id", m.id,
                             "title", m.title,
                             "edition", m.edition,
                             "jurisdiction", m.jurisdiction,
                             "archived", !m.superseded_by.empty(),
                             "href", page.href(urls::model(m)),
                             "count", part.empty() ? count_of(total, "statement", "statements") : part,
                             "empty", items(shown_items).empty(),
                             "empty_label", total ? "Every statement of this model on the topic is in the rows above." : "No statements on this topic.",
                             "items", std::move(shown_items),
                             "has_folded", !items(folded).empty(),
                             "show_all", fmt::format("Show all {}", items(all).size()),
                             "folded", std::move(folded)));
  }
  // Unticking a model hides its column, with CSS alone: one rule per model, since ids come from content.
  std::string chooser_css;
  for (std::uint32_t i : view.models)
    chooser_css += fmt::format("body:has(#show-{0}:not(:checked)) .col-{0} {{ display: none; }} ", site.models[i].id);
  set(d, "page_style", std::move(chooser_css));
  page.edit_link(d, "topics.yaml");
  set(d, "columns", std::move(columns));
  set(d, "topics", topic_links(page, topic));
  add_topic_navigation(d);
  return page.finish("topic.html", std::move(d));
}

// "State 03, State 07 and 4 more"
std::string states_phrase(const Site& site, const std::vector<std::uint32_t>& models) {
  std::set<std::string> states;
  for (std::uint32_t m : models) states.insert(site.models[m].state.empty() ? site.models[m].jurisdiction : site.models[m].state);
  std::string out;
  std::size_t n = 0;
  for (const auto& s : states) {
    if (n == states_named) break;
    out += (n++ ? ", " : "") + s;
  }
  if (states.size() > n) out += fmt::format(" and {} more", states.size() - n);
  return out;
}

// The summary at the topic's URL when its page would be too large: the states with their models and
// counts, each linking its page, and the sentences that several models say alike on the topic.
Page topic_summary(const LinkedSite& linked, const Topic& topic, const StateSplit& split) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, split.summary);
  Data d = page.layout(topic.title, page.plain(topic.description));
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()}, {topic.title, split.summary}});
  set(d, "description_html", page.html(topic.description));
  set(d, "states", state_rows_counting(page, split, graph.by_topic(topic.id)));
  set(d, "state_count", std::to_string(split.groups.size()));
  // "120 statements of 10 practice models": the models that speak to the topic, not every model.
  std::set<std::uint32_t> speaking;
  for (std::size_t index : graph.by_topic(topic.id)) speaking.insert(graph.statements()[index].model);
  const std::size_t said = graph.by_topic(topic.id).size();
  set(d, "speakers", fmt::format("{} of {} {}", count_of(said, "statement", "statements"),
                                 count_of(speaking.size(), "practice model", "practice models"), said == 1 ? "speaks" : "speak"));
  // What several models say alike, the sentences of the most models first.
  std::vector<std::pair<const Cluster*, const std::vector<std::uint32_t>*>> alike;
  for (std::size_t c : graph.clusters_on_topic(topic.id)) alike.emplace_back(&graph.shared_language()[c], &graph.models_of_cluster(c));
  std::stable_sort(alike.begin(), alike.end(), [](const auto& a, const auto& b) { return a.second->size() > b.second->size(); });
  Data clusters = list();
  for (std::size_t i = 0; i < alike.size() && i < clusters_on_summary; ++i) {
    const Cluster& c = *alike[i].first;
    push(clusters, object("html", words_html(shared_sentence(linked, c.members.front())),
                              "kind_label", c.kind == ClusterKind::same_words ? "Same words" : "Same idea",
                              "models_label", "said in " + count_of(alike[i].second->size(), "model", "models"),
                              "states", states_phrase(site, *alike[i].second),
                              "href", page.href(urls::shared_language()) + "#" + page.cluster_anchor(c)));
  }
  set(d, "has_clusters", !items(clusters).empty());
  set(d, "clusters", std::move(clusters));
  set(d, "cluster_count", std::to_string(alike.size()));
  set(d, "clusters_capped", alike.size() > clusters_on_summary);
  set(d, "clusters_shown", std::to_string(std::min(alike.size(), clusters_on_summary)));
  set(d, "shared_language_href", page.href(urls::shared_language()));
  page.edit_link(d, "topics.yaml");
  set(d, "topics", topic_links(page, topic));
  return page.finish("topic-summary.html", std::move(d));
}

TopicView state_view(const LinkedSite& linked, const Topic& topic, const StateSplit& split, std::size_t index) {
  const StatePage& p = split.pages[index];
  const std::string& state = split.groups[p.group].state;
  std::string title = fmt::format("{} across models in {}", topic.title, state);
  if (p.of > 1) title += fmt::format(", page {} of {}", p.number, p.of);
  return {p.models, p.parts, p.path, std::move(title), state, state_pager(PageBuilder(linked, p.path), split, index)};
}

}  // namespace

std::vector<StateSplit> topic_splits(const LinkedSite& linked, std::size_t budget) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  std::vector<std::uint32_t> models(site.models.size());
  for (std::uint32_t i = 0; i < models.size(); ++i) models[i] = i;
  std::vector<StateSplit> splits;
  for (const auto& topic : site.topics) {
    // A model's part of the page: its statements on the topic as they render (a glossary term's link
    // carries its definition), each with its link and place.
    std::vector<std::size_t> weights(models.size(), 0);
    for (std::size_t index : graph.by_topic(topic.id)) {
      const StatementRef& ref = graph.statements()[index];
      weights[ref.model] += statement_weight(linked, ref);
    }
    auto item_weights = [&](std::uint32_t m) {
      std::vector<std::size_t> items;
      for (std::size_t index : graph.by_topic_in_model(topic.id, m)) items.push_back(statement_weight(linked, graph.statements()[index]));
      return items;
    };
    splits.push_back(split_by_state(site, urls::compare_topic(topic.id), models, weights, listing_budget(budget), max_columns, item_weights));
  }
  return splits;
}

std::vector<PageTask> plan_compare_pages(const LinkedSite& linked, std::size_t budget) {
  const Site& site = linked.site();
  std::vector<PageTask> tasks;
  if (site.topics.empty()) return tasks;
  auto splits = std::make_shared<const std::vector<StateSplit>>(topic_splits(linked, budget));
  for (auto& t : plan_matrix_pages(linked, splits, budget)) tasks.push_back(std::move(t));
  for (std::size_t t = 0; t < site.topics.size(); ++t) {
    const Topic& topic = site.topics[t];
    const StateSplit& split = (*splits)[t];
    if (!split.split()) {
      tasks.push_back({split.summary, true, [&linked, &topic, splits] {
                         std::vector<std::uint32_t> all(linked.site().models.size());
                         for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
                         return topic_page(linked, topic, {std::move(all), {}, urls::compare_topic(topic.id), topic.title, {}, false});
                       }});
      continue;
    }
    tasks.push_back({split.summary, true, [&linked, &topic, &split, splits] { return topic_summary(linked, topic, split); }});
    for (std::size_t i = 0; i < split.pages.size(); ++i)
      tasks.push_back({split.pages[i].path, true, [&linked, &topic, &split, splits, i] {
                         return topic_page(linked, topic, state_view(linked, topic, split, i));
                       }});
  }
  return tasks;
}

}  // namespace pb::views
