// External frameworks against the models: compare/frameworks/<framework>/ (each item × each current
// model, and each model's gaps) and compare/frameworks/<framework>/<model>/ (every statement of one
// model that speaks to each item, archived editions included).
#include <fmt/format.h>

#include <map>
#include <memory>
#include <functional>
#include <mutex>

#include "link/crosswalk.hpp"
#include "link/urls.hpp"
#include "views/framework_model_pages.hpp"
#include "views/page_nav.hpp"
#include "views/plan.hpp"
#include "views/state_lists.hpp"
#include "views/state_split.hpp"

namespace pb::inline views {

namespace {

// Beyond this many current models a column each does not fit: items show how many models speak to
// them, and each model's row in the summary links to its own page.
constexpr std::size_t crosswalk_columns = 12;
constexpr std::size_t links_per_cell = 3;

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string item_name(const FrameworkItem& item) {
  return item.label.empty() ? item.title : item.label + ": " + item.title;
}

// The first words of a statement, for a link in a narrow cell.
std::string snippet(const std::string& text) { return first_words(text, 90); }

// Computed once per framework, read by all its pages (on several threads: it never changes).
struct Crosswalk {
  std::vector<FrameworkRow> rows;
  std::vector<std::map<std::uint32_t, std::vector<std::size_t>>> by_model;  // by row: model index → statements
  std::vector<KeywordSearch> keywords;  // by row, for the quotations

  // Given `only` (by model index), only their statements: what planning a long manual's pages needs.
  Crosswalk(const LinkedSite& linked, const ExternalFramework& fw, const std::vector<char>* only = nullptr) : rows(framework_rows(fw)) {
    for (const auto& row : rows) keywords.emplace_back(row.item->keywords);
    for (const auto& statements : crosswalk(linked, fw, only)) {
      auto& models = by_model.emplace_back();
      for (std::size_t index : statements) models[linked.graph().statements()[index].model].push_back(index);
    }
  }

  // The statements of row `r` that belong to the model at `model` in site.models.
  const std::vector<std::size_t>& of_model(std::size_t r, std::size_t model) const {
    static const std::vector<std::size_t> none;
    const auto it = by_model[r].find(static_cast<std::uint32_t>(model));
    return it == by_model[r].end() ? none : it->second;
  }
};

Data topic_chips(PageBuilder& page, const FrameworkItem& item) {
  Data chips = list();
  for (const auto& id : item.topics)
    if (const Topic* topic = page.site().find_topic(id))
      push(chips, object("title", topic->title, "href", page.href(urls::compare_topic(id)), "sep", ", "));
  if (!items(chips).empty()) set(items(chips).back(), "sep", "");
  return chips;
}

// Parts → groups → items, each item with `fill(row index, item json)` adding what the page shows.
// Given `keep`, only the rows it keeps, and the groups and parts that have one (a page of several).
template <typename Fill>
Data parts_data(PageBuilder& page, const ExternalFramework& fw, Fill fill, const std::function<bool(std::size_t)>& keep = {}) {
  Data parts = list();
  std::size_t r = 0;
  for (const auto& part : fw.parts) {
    Data groups = list();
    for (const auto& group : part.groups) {
      Data entries = list();
      for (const auto& item : group.items) {
        if (keep && !keep(r)) {
          ++r;
          continue;
        }
        // How the statements were found, so a reader can judge "speaks to": "sibling + placement*; …".
        std::vector<std::string> words;
        for (const auto& entry : item.keywords) words.push_back(join(entry, " + "));
        Data entry = object("id", item.id, "label", item.label, "title", item.title,
                            "description_html", page.html(item.description), "topics", topic_chips(page, item),
                            "has_topics", !item.topics.empty(), "keywords", join(words, "; "));
        fill(r++, entry);
        push(entries, std::move(entry));
      }
      if (keep && items(entries).empty()) continue;
      push(groups, object("id", group.id, "has_heading", !group.title.empty(), "label", group.label,
                          "item_level", group.title.empty() ? "3" : "4",  // headings go down one level at a time
                          "title", group.title, "description_html", page.html(group.description),
                          "items", std::move(entries)));
    }
    if (keep && items(groups).empty()) continue;
    push(parts, object("id", part.id, "title", part.title, "intro_html", page.html(part.intro),
                           "groups", std::move(groups)));
  }
  return parts;
}

// Per current model: the items none of its statements speak to, each linking its row of the table.
struct ModelGaps {
  Data gaps = list();
  std::size_t covered = 0;
};

ModelGaps gaps_of(PageBuilder& page, const ExternalFramework& fw, const Crosswalk& cw, std::size_t model) {
  ModelGaps out;
  const std::string table = page.path() == urls::framework(fw.id) ? "" : page.href(urls::framework(fw.id));
  for (std::size_t r = 0; r < cw.rows.size(); ++r) {
    if (!cw.of_model(r, model).empty()) {
      ++out.covered;
      continue;
    }
    const FrameworkItem& item = *cw.rows[r].item;
    push(out.gaps, object("label", item.label.empty() ? item.title : item.label, "title", item.title, "href", table + "#" + item.id));
  }
  return out;
}

// The "Gaps by model" list: {jurisdiction, title, href, covered, none, gap_count, gaps}.
Data gap_list(PageBuilder& page, const ExternalFramework& fw, const Crosswalk& cw, const std::vector<std::uint32_t>& models) {
  Data rows = list();
  for (std::uint32_t i : models) {
    const Model& m = page.site().models[i];
    ModelGaps found = gaps_of(page, fw, cw, i);
    push(rows, object("jurisdiction", m.jurisdiction, "title", model_name(m),
                          "href", page.href(urls::framework_model(fw.id, m)),
                          "covered", fmt::format("{} of {}", found.covered, cw.rows.size()),
                          "none", items(found.gaps).empty(), "gap_count", plural(items(found.gaps).size(), "gap", "gaps"),
                          "gaps", std::move(found.gaps)));
  }
  return rows;
}

// The current models, in site order: the table's columns and the list of gaps.
std::vector<std::uint32_t> current_models(const Site& site) {
  std::vector<std::uint32_t> current;
  for (std::uint32_t i = 0; i < site.models.size(); ++i)
    if (site.models[i].superseded_by.empty()) current.push_back(i);
  return current;
}

// One state's page of the gaps, on a site whose list of gaps by model is split by state.
Page framework_state_page(const LinkedSite& linked, const ExternalFramework& fw, const Crosswalk& cw,
                          const StateSplit& split, const StatePage& part) {
  PageBuilder page(linked, part.path);
  const std::string state = state_page_name(split, part);
  Data d = page.layout(fmt::format("{}: gaps in {}", fw.name(), state),
                       fmt::format("The items of the {} that none of the statements of each practice model of {} speak to",
                                   fw.name(), state));
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()}, {fw.name(), urls::framework(fw.id)}, {state, part.path}});
  page.edit_link(d, fw.source_file);
  set(d, "state_page", true);
  set(d, "framework_href", page.href(urls::framework(fw.id)));
  set(d, "framework_name", fw.name());
  set(d, "pager", state_pager(page, split, static_cast<std::size_t>(&part - split.pages.data())));
  set(d, "parts", list());
  set(d, "by_state", false);
  set(d, "models", gap_list(page, fw, cw, part.models));
  add_page_toc(d, {});
  return page.finish("framework.html", std::move(d));
}

// The framework against every current model: whole, or (split) with the gaps by state in a table.
Page framework_page(const LinkedSite& linked, const ExternalFramework& fw, const Crosswalk& cw, const StateSplit* split,
                    const std::vector<ModelPages>& model_pages) {
  const Site& site = linked.site();
  PageBuilder page(linked, urls::framework(fw.id));
  const std::string title = fw.title + (fw.edition.empty() ? "" : " (" + fw.edition + ")");
  Data d = page.layout(title, fmt::format("Which items of the {} the statements of each practice model speak to, "
                                          "and which none do", fw.name()));
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()}, {fw.name(), urls::framework(fw.id)}});
  page.edit_link(d, fw.source_file);
  set(d, "description_html", page.html(fw.description));
  set(d, "source_html", page.html(fw.source));

  const std::vector<std::uint32_t> current = current_models(site);
  std::vector<const Model*> archived;
  for (const Model& m : site.models)
    if (!m.superseded_by.empty()) archived.push_back(&m);
  const bool columns = current.size() <= crosswalk_columns;
  Data column_data = list();
  for (std::size_t i : current)
    push(column_data, object("jurisdiction", site.models[i].jurisdiction, "title", site.models[i].title,
                                 "edition", site.models[i].edition, "href", page.href(urls::model(site.models[i]))));
  set(d, "columns", std::move(column_data));
  set(d, "has_columns", columns);
  set(d, "span", std::to_string(columns ? current.size() + 1 : 2));
  set(d, "model_count", plural(current.size(), "current model", "current models"));

  set(d, "parts", parts_data(page, fw, [&](std::size_t r, Data& entry) {
    Data cells = list();
    std::size_t speaking = 0;
    for (std::size_t c = 0; c < current.size(); ++c) {
      const Model& m = site.models[current[c]];
      const std::vector<std::size_t>& found = cw.of_model(r, current[c]);
      const std::string detail_href = model_pages[current[c]].href(page, r, cw.rows[r].item->id);
      if (!found.empty()) ++speaking;
      if (!columns) continue;
      Data links = list();
      for (std::size_t k = 0; k < found.size() && k < links_per_cell; ++k) {
        const StatementRef& ref = linked.graph().statements()[found[k]];
        // The sentence that speaks to the item, not always the first: "…; the first consideration for placement…".
        const std::string plain = linked.plain_text(linked.statement(ref).text);
        const std::string sentence = matching_sentence(plain, cw.keywords[r]);
        push(links, object("text", (sentence.size() < plain.size() && !plain.starts_with(sentence) ? "…" : "") + snippet(sentence),
                               "href", page.href(ref.url)));
      }
      push(cells, object("gap", found.empty(),
                             "count", plural(found.size(), "statement", "statements"),
                             "model", m.jurisdiction + ": " + m.title,
                             "detail_href", detail_href,
                             "links", std::move(links),
                             "more", found.size() > links_per_cell,
                             "more_text", fmt::format("{} more", found.size() > links_per_cell ? found.size() - links_per_cell : 0)));
    }
    set(entry, "cells", std::move(cells));
    set(entry, "speaking", fmt::format("{} of {}", speaking, plural(current.size(), "model", "models")));
  }));

  // Gaps by model, or on a large site by state: a table of the states, each listing its gaps.
  set(d, "models", split ? list() : gap_list(page, fw, cw, current));
  set(d, "state_page", false);
  set(d, "by_state", split != nullptr);
  if (split) {
    Data states = state_rows(page, *split);
    for (std::size_t g = 0; g < split->groups.size(); ++g) {
      std::size_t gaps = 0;
      for (std::uint32_t m : split->groups[g].models)
        for (std::size_t r = 0; r < cw.rows.size(); ++r) gaps += cw.of_model(r, m).empty();
      set(items(states)[g], "gaps", plural(gaps, "gap", "gaps"));
    }
    set(d, "states", std::move(states));
  }
  Data archived_data = list();
  for (const Model* m : archived)
    push(archived_data, object("jurisdiction", m->jurisdiction, "title", model_name(*m),
                                   "href", page.href(urls::framework_model(fw.id, *m))));
  set(d, "has_archived", !items(archived_data).empty());
  set(d, "archived", std::move(archived_data));

  std::vector<std::pair<std::string, std::string>> toc{{"about", "About the " + fw.name()}};
  for (const auto& part : fw.parts) toc.emplace_back(part.id, part.title);
  toc.emplace_back("gaps", split ? "Gaps by state" : "Gaps by model");
  if (!archived.empty()) toc.emplace_back("archived-editions", "Archived editions");
  add_page_toc(d, toc);
  return page.finish("framework.html", std::move(d));
}

Page framework_model_page(const LinkedSite& linked, const ExternalFramework& fw, const Crosswalk& cw,
                          const Model& model, const ModelPages& pages, std::size_t index) {
  const std::size_t mi = static_cast<std::size_t>(&model - linked.site().models.data());
  PageBuilder page(linked, pages.paths[index]);
  const std::string name = model.jurisdiction + ", " + model_name(model);  // "Maine, Child and Family …"
  const std::string of_pages = pages.paths.size() > 1 ? fmt::format(", page {} of {}", index + 1, pages.paths.size()) : "";
  Data d = page.layout(fmt::format("{}: {}{}", fw.name(), name, of_pages),
                       fmt::format("Every statement of {} that speaks to an item of the {}{}", model_name(model), fw.name(), of_pages));
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Compare", urls::compare()}, {fw.name(), urls::framework(fw.id)},
                       {name + of_pages, pages.paths[index]}});
  page.edit_link(d, fw.source_file);
  set(d, "jurisdiction", model.jurisdiction);
  set(d, "framework_title", fw.title);
  set(d, "framework_href", page.href(urls::framework(fw.id)));
  set(d, "model_href", page.href(urls::model(model)));
  set(d, "archived", !model.superseded_by.empty());
  // The gaps, on the first page: every item none of the model's statements speak to.
  Data gaps = list();
  std::size_t covered = 0;
  for (std::size_t r = 0; r < cw.rows.size(); ++r) {
    if (!cw.of_model(r, mi).empty())
      ++covered;
    else if (index == 0)
      push(gaps, object("label", item_name(*cw.rows[r].item), "href", pages.href(page, r, cw.rows[r].item->id)));
  }
  // The items this page shows, each whole or a run of its statements.
  std::map<std::size_t, ResultRun> shown;
  if (!pages.pages.empty())
    for (const ItemPiece& piece : pages.pages[index]) shown.emplace(piece.row, piece.part);
  auto keep = pages.pages.empty() ? std::function<bool(std::size_t)>() : [&shown](std::size_t r) { return shown.count(r) > 0; };
  set(d, "parts", parts_data(page, fw, [&](std::size_t r, Data& entry) {
    const std::vector<std::size_t>& found = cw.of_model(r, mi);
    const ResultRun part = shown.count(r) ? shown.at(r) : whole_part;
    Data statements = list();
    for (std::size_t i : in_part(found, part)) push(statements, page.statement_ref(linked.graph().statements()[i]));
    const std::string piece = part_label(part, found.size(), "statements");
    set(entry, "gap", found.empty());
    set(entry, "count", piece.empty() ? plural(found.size(), "statement", "statements") : piece);
    set(entry, "statements", std::move(statements));
  }, keep));
  set(d, "first_page", index == 0);
  set(d, "covered", fmt::format("{} of {}", covered, cw.rows.size()));
  set(d, "none", covered == cw.rows.size());
  set(d, "gap_count", plural(cw.rows.size() - covered, "item", "items"));
  set(d, "gaps", std::move(gaps));
  if (pages.paths.size() > 1) set(d, "pagination", pager(page, pages.paths, index));
  std::vector<std::pair<std::string, std::string>> toc;
  if (index == 0) toc.emplace_back("gaps", "Gaps");
  for (const auto& part : items_at(d, "parts")) toc.emplace_back(text_of(part, "id"), text_of(part, "title"));
  add_page_toc(d, toc);
  return page.finish("framework-model.html", std::move(d));
}

// A current model's part of the list of gaps, at the most: its line, and every item a gap.
std::vector<std::size_t> gap_list_weights(const Site& site, const ExternalFramework& fw, const std::vector<std::uint32_t>& models) {
  constexpr std::size_t model_line = 250, gap_link = 40;  // markup and the model's page; per gap
  std::size_t every_item = 0;
  for (const auto& part : fw.parts)
    for (const auto& group : part.groups)
      for (const auto& item : group.items) every_item += gap_link + item.id.size() + item.label.size() + item.title.size();
  std::vector<std::size_t> weights;
  for (std::uint32_t m : models)
    weights.push_back(model_line + site.models[m].jurisdiction.size() + model_name(site.models[m]).size() + every_item);
  return weights;
}

}  // namespace

std::vector<PageTask> plan_framework_pages(const LinkedSite& linked, std::size_t budget) {
  std::vector<PageTask> tasks;
  const Site& site = linked.site();
  const std::vector<std::uint32_t> current = current_models(site);
  for (const auto& fw : linked.site().frameworks) {
    // Made by the first page that needs it, on its rendering thread; the planner stays quick.
    auto cw = std::make_shared<std::once_flag>();
    auto made = std::make_shared<std::unique_ptr<Crosswalk>>();
    auto get = [&linked, &fw, cw, made]() -> const Crosswalk& {
      std::call_once(*cw, [&] { *made = std::make_unique<Crosswalk>(linked, fw); });
      return **made;
    };
    // Each model's page against the framework: one page, unless a bound says it may be over the
    // budget (a long manual); then the crosswalk of those models alone says how many pages it takes.
    auto pages = std::make_shared<std::vector<ModelPages>>();
    std::vector<char> long_models(site.models.size(), 0);
    const std::vector<std::size_t> bounds = framework_page_bounds(linked, fw);
    for (std::size_t mi = 0; mi < site.models.size(); ++mi) {
      pages->push_back({{urls::framework_model(fw.id, site.models[mi])}, {}, {}});
      long_models[mi] = bounds[mi] > own_page_budget(budget);
    }
    if (std::find(long_models.begin(), long_models.end(), 1) != long_models.end()) {
      const Crosswalk theirs(linked, fw, &long_models);
      for (std::size_t mi = 0; mi < site.models.size(); ++mi)
        if (long_models[mi]) (*pages)[mi] = framework_model_pages(linked, fw, theirs.rows, [&](std::size_t r) -> const std::vector<std::size_t>& { return theirs.of_model(r, mi); },
                                              site.models[mi], budget);
    }
    // The table of items has a row each whatever the number of models; the list of gaps grows with
    // them (and with the framework's items), so past the budget it is split by state, at
    // compare/frameworks/<f>/states/<state>/ (a model called "states" keeps its page, …/states/index.html).
    StateSplit split = split_by_state(site, urls::framework(fw.id), current, gap_list_weights(site, fw, current), budget);
    auto shared = std::make_shared<const StateSplit>(std::move(split));
    tasks.push_back({urls::framework(fw.id), true,
                     [&linked, &fw, get, shared, pages] { return framework_page(linked, fw, get(), shared->split() ? shared.get() : nullptr, *pages); }, true});
    for (const auto& state : shared->pages)
      tasks.push_back({state.path, true, [&linked, &fw, get, shared, &state] { return framework_state_page(linked, fw, get(), *shared, state); }});
    for (std::size_t mi = 0; mi < site.models.size(); ++mi)
      for (std::size_t i = 0; i < (*pages)[mi].paths.size(); ++i)
        tasks.push_back({(*pages)[mi].paths[i], true, [&linked, &fw, &m = site.models[mi], get, pages, mi, i] {
                           return framework_model_page(linked, fw, get(), m, (*pages)[mi], i);
                         }});
  }
  return tasks;
}

}  // namespace pb::views
