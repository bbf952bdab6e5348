// compare/index.html: how much of each model speaks to each topic (a topic × model matrix). On a
// large site a topic × state matrix, each state linking its own topic × model matrix.
#include <fmt/format.h>

#include <string_view>

#include "link/urls.hpp"
#include "views/compare_pages.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

// What a cell of the matrix prints besides the names in it: its shading, count, link and the label
// screen readers hear ("31 statements of … on …: 11% of its statements"); measured at about 185 bytes.
constexpr std::size_t matrix_cell_markup = 190;
// A gap's link: a topic a model does not address, listed under the matrix.
constexpr std::size_t matrix_gap_markup = 70;

// Shading steps of the matrix by a topic's share of a model's statements.
std::string share_class(double share) {
  if (share <= 0) return "share-0";
  if (share < 0.10) return "share-1";
  if (share < 0.20) return "share-2";
  if (share < 0.35) return "share-3";
  return "share-4";
}

// Statements per model, on each topic and in all: what a cell counts and the share it shades.
struct Counts {
  std::vector<std::size_t> totals;                  // by model
  std::vector<std::vector<std::size_t>> by_topic;   // by topic, then model
};

Counts count_statements(const LinkedSite& linked) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  Counts c{std::vector<std::size_t>(site.models.size(), 0), {}};
  for (const auto& ref : graph.statements()) ++c.totals[ref.model];
  for (const auto& topic : site.topics) {
    c.by_topic.emplace_back(site.models.size(), 0);
    for (std::size_t index : graph.by_topic(topic.id)) ++c.by_topic.back()[graph.statements()[index].model];
  }
  return c;
}

Data cell(const PageBuilder& page, std::size_t n, std::size_t total, const std::string& whose, const Topic& topic,
          const std::string& href) {
  const double share = total ? double(n) / double(total) : 0.0;
  const std::string percent = fmt::format("{:.0f}%", share * 100);
  return object("count", std::to_string(n),
                "share", percent,
                "shade", share_class(share),
                "label", fmt::format("{} {} of {} on {}: {} of its statements", n, n == 1 ? "statement" : "statements",
                                      whose, topic.title, percent),
                "href", page.href(href));
}

// What a cell of the matrix weighs: named for `whose` (a model or a state) and linking a topic's page
// (about as long as its folder and the column's ids).
std::size_t cell_weight(std::string_view whose, const Topic& topic, std::size_t ids) {
  return matrix_cell_markup + whose.size() + topic.title.size() + 2 * topic.id.size() + ids;
}

// What a model's column of its state's matrix weighs: a cell per topic, and the gaps listed under the
// matrix. A national taxonomy of hundreds of topics makes a column of a state's ten models weigh a
// megabyte.
std::size_t column_weight(const Site& site, const Counts& counts, std::uint32_t model) {
  const Model& m = site.models[model];
  std::size_t weight = 0;
  for (std::size_t t = 0; t < site.topics.size(); ++t) {
    const Topic& topic = site.topics[t];
    weight += cell_weight(model_name(m), topic, m.id.size() + m.state.size());
    if (counts.by_topic[t][model] == 0) weight += matrix_gap_markup + topic.title.size() + topic.id.size();
  }
  return weight;
}

// The models a matrix shows (all, or one state's), the topics (all, or a run of a national
// taxonomy), and how its page is named.
struct MatrixView {
  std::vector<std::uint32_t> models;
  ResultRun topics;
  std::string path, title, state;  // state: empty on the whole matrix
  Data pager = false;
  std::vector<std::pair<std::string, ResultRun>> rows_pages;  // cut by rows: each page's path and topics
};

// A matrix cut by rows of topics: the list of every topic, each linking its row on its page (which a
// page number alone does not tell), and the anchor of each row. False when the topics are not cut.
std::string row_anchor(const Topic& topic) { return "topic-" + topic.id; }

Data topic_index(const PageBuilder& page, const Site& site, const std::vector<std::pair<std::string, ResultRun>>& pages) {
  if (pages.size() < 2) return Data(false);
  Data topics = list();
  for (const auto& [path, run] : pages)
    for (std::size_t t = run.begin; t < run.end; ++t)
      push(topics, object("title", site.topics[t].title, "href", page.href(path) + "#" + row_anchor(site.topics[t])));
  return object("count", std::to_string(site.topics.size()), "pages", std::to_string(pages.size()), "topics", std::move(topics));
}

// What that list weighs on each page: a link per topic.
std::size_t topic_index_weight(const Site& site) {
  std::size_t weight = 300;
  for (const Topic& topic : site.topics) weight += 90 + topic.title.size() + topic.id.size();
  return weight;
}

// "Topics 27 to 52 of 318." when a page shows some of them.
std::string shown(const char* what, ResultRun run, std::size_t of) {
  if (run.begin == 0 && run.end == of) return "";
  return fmt::format("{} {} to {} of {}.", what, run.begin + 1, run.end, of);
}

Page matrix_page(const LinkedSite& linked, const std::vector<StateSplit>& topics, const Counts& counts,
                 const MatrixView& view) {
  const Site& site = linked.site();
  PageBuilder page(linked, view.path);
  Data d = page.layout(view.title, "How much of each practice model speaks to each topic");
  std::vector<std::pair<std::string, std::string>> trail{{"Home", urls::home()}, {"Compare", urls::compare()}};
  if (!view.state.empty()) trail.push_back({view.state, view.path});
  page.breadcrumbs(d, trail);
  set(d, "state_intro", view.state.empty() ? "" : fmt::format("The practice models of {}. ", view.state));
  set(d, "pager", view.pager);
  const std::size_t shown_topics = view.topics.end - view.topics.begin;
  set(d, "topics_shown", shown("Topics", view.topics, site.topics.size()));
  set(d, "topic_index", topic_index(page, site, view.rows_pages));
  // Raw counts mislead (one model has ten times the statements of another): each cell also gives
  // the topic's share of the model's statements, and is shaded by it.
  Data columns = list();
  for (std::uint32_t i : view.models) {
    const Model& m = site.models[i];
    push(columns, object("title", m.title, "edition", m.edition, "jurisdiction", m.jurisdiction,
                             "archived", !m.superseded_by.empty(), "href", page.href(urls::model(m)),
                             "total", count_of(counts.totals[i], "statement", "statements")));
  }
  Data rows = list();
  for (std::size_t t = view.topics.begin; t < view.topics.end; ++t) {
    const Topic& topic = site.topics[t];
    Data cells = list();
    for (std::uint32_t i : view.models) {
      const Model& m = site.models[i];
      push(cells, cell(page, counts.by_topic[t][i], counts.totals[i], model_name(m), topic, topics[t].path_of(i) + "#" + m.id));
    }
    push(rows, object("title", topic.title, "href", page.href(urls::compare_topic(topic.id)), "cells", std::move(cells),
                          "row_id", view.rows_pages.size() > 1 ? row_anchor(topic) : std::string()));
  }
  set(d, "columns", std::move(columns));
  set(d, "rows", std::move(rows));
  // Gaps: the topics (of those on the page) each model does not address at all.
  Data gaps = list();
  for (std::uint32_t i : view.models) {
    const Model& m = site.models[i];
    Data missing = list();
    for (std::size_t t = view.topics.begin; t < view.topics.end; ++t)
      if (!counts.by_topic[t][i])
        push(missing, object("title", site.topics[t].title, "href", page.href(urls::compare_topic(site.topics[t].id))));
    const std::size_t n = items(missing).size();
    const bool all = shown_topics == site.topics.size();
    push(gaps, object("title", model_name(m), "jurisdiction", m.jurisdiction, "none", n == 0,
                          "none_label", all ? "addresses every topic." : "addresses every one of these topics.",
                          "count_label", all                ? fmt::format("{} {} not addressed", n, n == 1 ? "topic" : "topics")
                                         : shown_topics == 1 ? std::string("this topic not addressed")
                                                             : fmt::format("{} of these {} topics not addressed", n, shown_topics),
                          "topics", std::move(missing)));
  }
  set(d, "gaps", std::move(gaps));
  set(d, "shared_language_href", page.href(urls::shared_language()));
  set(d, "shared_count", std::to_string(linked.graph().shared_language().size()));
  return page.finish("compare.html", std::move(d));
}

// Where a state's statements on topic t are: its page of the topic, or the whole topic page.
std::string topic_page_of(const StateSplit& topic, const StateGroup& group) {
  for (std::size_t g = 0; g < topic.groups.size(); ++g)
    if (topic.groups[g].slug == group.slug) return topic.pages[topic.first_page(g)].path;
  return topic.summary;
}

// States side by side in the topic × state matrix: a national site's 50 states and territories in one
// table; a site of hundreds of jurisdictions (counties, tribes without a state) on numbered pages.
constexpr std::size_t max_state_columns = 60;

// A page of the summary: the states it shows side by side (columns) and the topics (rows). A national
// taxonomy of hundreds of topics is cut by rows, so that a topic's row keeps every state; only sites of
// more than max_state_columns jurisdictions are also cut by columns.
struct StateMatrixPage {
  ResultRun states, topics;
  std::string path;  // the first at compare/index.html
};
using StateMatrixPages = std::vector<StateMatrixPage>;

// The summary at compare/index.html on a large site: a topic × state matrix, a state's cell counting
// the statements of its models, each state linking its own topic × model matrix.
Page state_matrix_page(const LinkedSite& linked, const std::vector<StateSplit>& topics, const Counts& counts,
                       const StateSplit& split, const StateMatrixPages& pages, std::size_t index) {
  const Site& site = linked.site();
  const StateMatrixPage& shows = pages[index];
  PageBuilder page(linked, shows.path);
  const std::string of_pages = pages.size() > 1 ? fmt::format(", page {} of {}", index + 1, pages.size()) : "";
  Data d = page.layout("Compare practice models" + of_pages, "How much of each state's practice models speaks to each topic");
  if (index == 0)
    page.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()}});
  else
    page.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()}, {fmt::format("Page {} of {}", index + 1, pages.size()), shows.path}});
  if (pages.size() > 1) {
    std::vector<std::string> paths;
    for (const StateMatrixPage& p : pages) paths.push_back(p.path);
    set(d, "pager", pager(page, paths, index));
    set(d, "states_shown", shown("States", shows.states, split.groups.size()));
    set(d, "topics_shown", shown("Topics", shows.topics, site.topics.size()));
  }
  std::vector<std::pair<std::string, ResultRun>> rows_pages;  // the pages of these states, by rows
  for (const StateMatrixPage& p : pages)
    if (p.states.begin == shows.states.begin) rows_pages.emplace_back(p.path, p.topics);
  set(d, "topic_index", topic_index(page, site, rows_pages));
  Data columns = list();
  std::vector<std::size_t> totals(split.groups.size(), 0);
  for (std::size_t g = shows.states.begin; g < shows.states.end; ++g) {
    std::size_t& total = totals[g];
    for (std::uint32_t m : split.groups[g].models) total += counts.totals[m];
    push(columns, object("state", split.groups[g].state,
                             "href", page.href(split.pages[split.first_page(g)].path),
                             "models", count_of(split.groups[g].models.size(), "model", "models")));
  }
  Data rows = list();
  for (std::size_t t = shows.topics.begin; t < shows.topics.end; ++t) {
    Data cells = list();
    for (std::size_t g = shows.states.begin; g < shows.states.end; ++g) {
      std::size_t n = 0;
      for (std::uint32_t m : split.groups[g].models) n += counts.by_topic[t][m];
      push(cells, cell(page, n, totals[g], split.groups[g].state, site.topics[t], topic_page_of(topics[t], split.groups[g])));
    }
    push(rows, object("title", site.topics[t].title, "href", page.href(urls::compare_topic(site.topics[t].id)),
                          "cells", std::move(cells), "row_id", rows_pages.size() > 1 ? row_anchor(site.topics[t]) : std::string()));
  }
  set(d, "columns", std::move(columns));
  set(d, "rows", std::move(rows));
  Data states = list();  // the table of states: those of this page
  Data all_states = state_rows(page, split);
  for (std::size_t g = shows.states.begin; g < shows.states.end; ++g) push(states, std::move(items(all_states)[g]));
  set(d, "states", std::move(states));
  set(d, "state_count", std::to_string(split.groups.size()));
  set(d, "model_count", std::to_string(site.models.size()));
  set(d, "shared_language_href", page.href(urls::shared_language()));
  set(d, "shared_count", std::to_string(linked.graph().shared_language().size()));
  return page.finish("compare-states.html", std::move(d));
}

// What a row's heading weighs: the topic's title, linking its page.
std::size_t row_heading_weight(const Topic& topic) { return 2 * topic.title.size() + 2 * topic.id.size() + 60; }

// Runs of at most `max` of a matrix's `count` columns.
std::vector<ResultRun> column_runs(std::size_t count, std::size_t max) {
  return pack_runs(std::vector<std::size_t>(count, 0), SIZE_MAX, max);
}

// Runs of a matrix's rows (by weight) that fit the budget beside what every page of them repeats
// (`fixed`: the columns' headings, the table under the matrix, and once the rows are cut the index of
// topics); one empty run on a site without topics.
std::vector<ResultRun> row_runs(const Site& site, const std::vector<std::size_t>& rows, std::size_t fixed, std::size_t budget) {
  auto cut = [&](std::size_t repeated) { return pack_runs(rows, repeated < budget / 2 ? budget - repeated : budget / 2); };
  std::vector<ResultRun> runs = cut(fixed);
  if (runs.size() > 1) runs = cut(fixed + topic_index_weight(site));
  if (runs.empty()) runs.push_back({0, 0});
  return runs;
}

// What the table of states under the matrix weighs for the states of `run`: each lists its models.
std::size_t states_table_weight(const Site& site, const StateSplit& split, ResultRun run) {
  std::size_t weight = 0;
  for (std::size_t g = run.begin; g < run.end; ++g) {
    weight += 200 + 2 * split.groups[g].state.size() + 2 * split.groups[g].slug.size();
    for (std::uint32_t m : split.groups[g].models) weight += 4 + site.models[m].jurisdiction.size() + model_name(site.models[m]).size();
  }
  return weight;
}

// The summary's pages: runs of at most max_state_columns states, each cut into runs of topics whose
// rows (a cell per state of the run) fit the budget beside the table of those states.
StateMatrixPages plan_state_matrix(const Site& site, const StateSplit& split, std::size_t budget) {
  StateMatrixPages pages;
  for (ResultRun states : column_runs(split.groups.size(), max_state_columns)) {
    std::vector<std::size_t> row_weights;
    for (const Topic& topic : site.topics) {
      std::size_t weight = row_heading_weight(topic);
      for (std::size_t g = states.begin; g < states.end; ++g)
        weight += cell_weight(split.groups[g].state, topic, 2 * split.groups[g].slug.size());
      row_weights.push_back(weight);
    }
    for (ResultRun topics : row_runs(site, row_weights, states_table_weight(site, split, states), budget))
      pages.push_back({states, topics, {}});
  }
  for (std::size_t n = 0; n < pages.size(); ++n)
    pages[n].path = n == 0 ? urls::compare() : urls::results_page(urls::compare(), n + 1);
  return pages;
}

// The states of `models_shown` and each state's pages of the topic × model matrix, cut by rows of topics
// as the summary is: each keeps the state's models side by side (runs of at most max_columns of them)
// for a run of the topics whose rows, gaps included, fit the budget beside the models' headings.
// `topic_runs`: by page.
StateSplit cut_by_rows(const Site& site, const Counts& counts, const std::vector<std::uint32_t>& models_shown,
                       std::size_t budget, std::vector<ResultRun>& topic_runs) {
  StateSplit split;
  split.summary = urls::compare();
  split.groups = group_by_state(site, models_shown);
  for (std::size_t g = 0; g < split.groups.size(); ++g) {
    const std::vector<std::uint32_t>& models = split.groups[g].models;
    const std::size_t first = split.pages.size();
    for (ResultRun columns : column_runs(models.size(), max_columns)) {
      std::size_t headings = 0;  // each model's column heading and its line of gaps
      for (std::size_t i = columns.begin; i < columns.end; ++i) {
        const Model& m = site.models[models[i]];
        headings += 400 + m.title.size() + m.jurisdiction.size() + m.edition.size() + 2 * model_name(m).size() + 2 * m.id.size();
      }
      std::vector<std::size_t> row_weights;
      for (std::size_t t = 0; t < site.topics.size(); ++t) {
        const Topic& topic = site.topics[t];
        std::size_t weight = row_heading_weight(topic);
        for (std::size_t i = columns.begin; i < columns.end; ++i) {
          const Model& m = site.models[models[i]];
          weight += cell_weight(model_name(m), topic, m.id.size() + m.state.size());
          if (counts.by_topic[t][models[i]] == 0) weight += matrix_gap_markup + topic.title.size() + topic.id.size();
        }
        row_weights.push_back(weight);
      }
      for (ResultRun run : row_runs(site, row_weights, headings, budget)) {
        StatePage p;
        p.group = g;
        p.models.assign(models.begin() + std::ptrdiff_t(columns.begin), models.begin() + std::ptrdiff_t(columns.end));
        p.parts.assign(p.models.size(), whole_part);
        split.pages.push_back(std::move(p));
        topic_runs.push_back(run);
      }
    }
    for (std::size_t i = first; i < split.pages.size(); ++i) {
      StatePage& p = split.pages[i];
      p.number = i - first + 1;
      p.of = split.pages.size() - first;
      p.path = urls::state_page(urls::compare(), split.groups[g].slug, p.number);
      for (std::uint32_t m : p.models) split.page_of.try_emplace(m, i);  // a model's first page
    }
  }
  return split;
}

}  // namespace

std::vector<PageTask> plan_matrix_pages(const LinkedSite& linked, std::shared_ptr<const std::vector<StateSplit>> topics,
                                        std::size_t budget) {
  const Site& site = linked.site();
  std::vector<std::uint32_t> models(site.models.size());
  for (std::uint32_t i = 0; i < models.size(); ++i) models[i] = i;
  // Counted once for every page of the matrix: each would otherwise read every statement of the site.
  auto counts = std::make_shared<const Counts>(count_statements(linked));
  // A model's part of the matrix: a column of one cell per topic, and its gaps.
  std::vector<std::size_t> weights;
  for (std::uint32_t m : models)
    weights.push_back(column_weight(site, *counts, m));
  std::vector<PageTask> tasks;
  if (!splits_by_state(weights, budget, max_columns)) {
    tasks.push_back({urls::compare(), true, [&linked, topics, counts, models, all = ResultRun{0, site.topics.size()}] {
                       return matrix_page(linked, *topics, *counts, {models, all, urls::compare(), "Compare practice models", {}, false, {}});
                     }});
    return tasks;
  }
  auto topic_runs = std::make_shared<std::vector<ResultRun>>();
  auto split = std::make_shared<const StateSplit>(cut_by_rows(site, *counts, models, budget, *topic_runs));
  auto summary = std::make_shared<const StateMatrixPages>(plan_state_matrix(site, *split, budget));
  for (std::size_t i = 0; i < summary->size(); ++i)
    tasks.push_back({(*summary)[i].path, true, [&linked, topics, counts, split, summary, i] {
                       return state_matrix_page(linked, *topics, *counts, *split, *summary, i);
                     }});
  for (std::size_t i = 0; i < split->pages.size(); ++i)
    tasks.push_back({split->pages[i].path, true, [&linked, topics, counts, split, topic_runs, i] {
                       const StatePage& p = split->pages[i];
                       const std::string& state = split->groups[p.group].state;
                       std::string title = "Compare the practice models of " + state;
                       if (p.of > 1) title += fmt::format(", page {} of {}", p.number, p.of);
                       std::vector<std::pair<std::string, ResultRun>> rows_pages;  // the pages of these models
                       for (std::size_t j = 0; j < split->pages.size(); ++j)
                         if (split->pages[j].group == p.group && split->pages[j].models == p.models)
                           rows_pages.emplace_back(split->pages[j].path, (*topic_runs)[j]);
                       return matrix_page(linked, *topics, *counts,
                                          {p.models, (*topic_runs)[i], p.path, std::move(title), state,
                                           state_pager(PageBuilder(linked, p.path), *split, i), std::move(rows_pages)});
                     }});
  return tasks;
}

}  // namespace pb::views
