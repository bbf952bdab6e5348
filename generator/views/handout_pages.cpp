// Handout pages for trainers: role checklists, self-assessments, one page per section, topic sheets.
// They share the site's layout; handouts.css turns them into clean Letter pages in black and white.
#include "views/handout_pages.hpp"

#include <fmt/format.h>

#include "content/assemble.hpp"
#include "core/qr_svg.hpp"
#include "link/urls.hpp"
#include "views/print_fit.hpp"
#include "views/state_lists.hpp"
#include "views/state_split.hpp"

namespace pb::inline views {

namespace {

// Estimated bytes of a topic sheet per statement beside its rendered text (its place, its markup).
constexpr std::size_t sheet_item_overhead = 100;

std::string capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// The handout's address on the published site, or nothing when site.yaml sets no base_url (a
// relative path on paper leads nowhere).
std::string full_address(const Site& site, const std::string& path) {
  if (site.config.base_url.empty()) return {};
  std::string base = site.config.base_url;
  if (base.back() != '/') base += '/';
  std::string p = path;
  if (p.ends_with("index.html")) p.resize(p.size() - 10);
  return base + p;
}

// The footer on every printed page (model, edition, source, web address) in the @page margin boxes,
// page numbers at the right on one line; with an address, a QR code on the first page leads back.
void add_print_frame(const PageBuilder& page, const Handout& h, Data& d) {
  const Site& site = page.site();
  std::string left = h.model ? model_name(*h.model) : site.config.title;
  if (h.model && !h.model->source.empty()) left += " · Source: " + page.plain(h.model->source);
  const std::string address = full_address(site, h.path);
  const std::string footer = address.empty() ? left : left + " · " + address;
  set(d, "page_style", fmt::format(
      "@page {{ size: letter{}; margin: 0.55in 0.6in 0.8in; "
      "@bottom-left {{ content: {}; font: 7.5pt system-ui, sans-serif; color: #000; }} "
      "@bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages); white-space: nowrap; "
      "width: 0.9in; text-align: right; font: 7.5pt system-ui, sans-serif; color: #000; }} }}",
      h.landscape ? " landscape" : "", css_string_literal(footer)));
  set(d, "is_handout", true);
  set(d, "handout_footer", left);
  if (!address.empty()) {
    set(d, "online_address", address);
    set(d, "qr_svg", qr_svg(address, "0.85in", "QR code: " + address));
  }
}

// Where the reader of an archived edition's handout should go: the same handout of the current
// edition when it has one, else that edition's overview.
std::string successor_handout(const LinkedSite& linked, const Handout& h, const Model& current) {
  switch (h.kind) {
    case HandoutKind::checklist:
      if (!linked.graph().actions(current, h.role->id).empty()) return urls::checklist(current, h.role->id);
      break;
    case HandoutKind::self_assessment:
      if (has_self_assessment(linked.graph(), current, h.role->id)) return urls::self_assessment(current, h.role->id);
      break;
    case HandoutKind::one_pager:
      for (const auto& s : current.sections)
        if (s.id == h.section->id) return urls::one_pager(current, s);
      break;
    case HandoutKind::topic_sheet: break;
  }
  return urls::model(current);
}

std::vector<const StatementRef*> refs(const LinkGraph& graph, const std::vector<std::size_t>& indexes) {
  std::vector<const StatementRef*> out;
  for (std::size_t i : indexes) out.push_back(&graph.statements()[i]);
  return out;
}

// Actions grouped by section, with a running number for the checkboxes. A short group (at most
// `short_rows`) is printed whole; a longer one may break across pages, its heading repeated on the next.
Data action_groups(PageBuilder& page, const std::vector<const StatementRef*>& actions, std::size_t short_rows = 6) {
  Data groups = list();
  const Section* current = nullptr;
  int n = 0;
  for (const StatementRef* ref : actions) {
    if (page.linked().section(*ref) != current) {
      current = page.linked().section(*ref);
      push(groups, object("label", current->label, "title", current->title, "items", list()));
    }
    Data item = page.statement_ref(*ref);
    set(item, "n", std::to_string(++n));
    push(items(groups).back()["items"], std::move(item));
  }
  for (auto& g : items(groups)) set(g, "short", items_at(g, "items").size() <= short_rows);
  return groups;
}

// What the screen shows above a handout: how it prints (from its PDF when the build printed one).
void add_print_line(const PageBuilder& page, const Handout& h, const HandoutPrint* print, Data& d) {
  const char* paper = h.landscape ? "Letter, landscape" : "Letter";
  if (print) {
    set(d, "print_line", fmt::format("Prints on {} ({})", pages_phrase(print->pages), paper));
    set(d, "pdf_href", page.href(h.pdf));
    set(d, "pdf_size", size_phrase(print->pdf_bytes));
    set(d, "print_fingerprint", print->fingerprint);
    return;
  }
  switch (h.kind) {
    case HandoutKind::checklist:  // a long manual's, in parts, prints on as many pages as its part needs
      set(d, "print_line", h.part_count > 1 ? fmt::format("Prints on {}", paper) : fmt::format("Prints on at most 2 pages ({})", paper));
      break;
    case HandoutKind::one_pager: set(d, "print_line", fmt::format("Prints on 1 page ({})", paper)); break;
    default: set(d, "print_line", fmt::format("Prints on {}", paper)); break;
  }
}

Data handout_base(PageBuilder& page, const Handout& h, const std::string& description, const HandoutPrint* print) {
  Data d = page.layout(h.title, description);
  std::vector<std::pair<std::string, std::string>> trail{{"Home", urls::home()}, {"Handouts", urls::handouts()}};
  if (h.model) trail.push_back({model_name(*h.model), urls::model(*h.model)});
  if (!h.state.empty()) trail.push_back({h.topic->title, urls::topic_sheet(h.topic->id)});
  trail.push_back({h.title, h.path});
  page.breadcrumbs(d, trail);
  add_print_frame(page, h, d);
  add_print_line(page, h, print, d);
  if (h.model) {
    set(d, "model_name", model_name(*h.model));
    set(d, "model_title", h.model->title);
    set(d, "jurisdiction", h.model->jurisdiction);
    set(d, "agency", h.model->agency);
    set(d, "edition", h.model->edition.empty() ? "Undated" : h.model->edition);
    if (!h.model->superseded_by.empty()) {
      const Model& current = *current_edition(page.site(), *h.model);
      set(d, "handout_archived", object("current_title", model_name(current),
                             "current_href", page.href(successor_handout(page.linked(), h, current))));
    }
  }
  set(d, "kind", handout_kind_label(h.kind, h.model));
  if (h.part_count > 1) {  // a long manual's actions in parts: "part 2 of 5", each part linking the others
    const std::string first = h.kind == HandoutKind::checklist ? urls::checklist(*h.model, h.role->id) : urls::self_assessment(*h.model, h.role->id);
    std::vector<std::string> parts{first};
    for (std::size_t n = 2; n <= h.part_count; ++n) parts.push_back(urls::results_page(first, n));
    set(d, "part_of", fmt::format("part {} of {}", h.part_number, h.part_count));
    set(d, "pager", pager(page, parts, h.part_number - 1));
  }
  return d;
}

Page checklist_page(const LinkedSite& linked, const Handout& h, const HandoutPrint* print) {
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, h.path);
  const std::string role_name = role_title(linked.site(), *h.model, h.role->id);
  Data d = handout_base(page, h, fmt::format("A checklist of every {} {}, to print", role_name, h.model->vocabulary.action_word()), print);
  const auto actions = refs(graph, in_part(graph.actions(*h.model, h.role->id), h.part));
  set(d, "role_title", role_name);
  set(d, "role_plural", role_title(linked.site(), *h.model, h.role->id, true));
  set(d, "actions_word_html", text_html(h.model->vocabulary.actions));
  set(d, "actions_word", h.model->vocabulary.actions_word());
  set(d, "count", std::to_string(actions.size()));
  set(d, "groups", action_groups(page, actions));
  set(d, "online_href", page.href(urls::model_role(*h.model, h.role->id)));
  return page.finish("handout-checklist.html", std::move(d));
}

Page self_assessment_page(const LinkedSite& linked, const Handout& h, const HandoutPrint* print) {
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, h.path);
  const Model& model = *h.model;
  const Rubric& rubric = *model.rubric;
  Data d = handout_base(page, h, fmt::format("A {} self-assessment for {}", model.vocabulary.rubric,
                                             role_title(linked.site(), model, h.role->id, true)), print);
  Data levels = list();
  for (const auto& level : rubric.levels)
    push(levels, object("name", level.name, "description_html", page.html(level.description)));
  set(d, "levels", std::move(levels));
  set(d, "level_columns", std::to_string(std::min<std::size_t>(rubric.levels.size(), 5)));
  set(d, "level_count", std::to_string(rubric.levels.size() + 2));
  set(d, "rubric_title", rubric.title);
  const std::string role_name = role_title(linked.site(), model, h.role->id),
                    role_plural = role_title(linked.site(), model, h.role->id, true);
  set(d, "role_title", role_name);
  set(d, "role_plural", role_plural);
  set(d, "reviewer", rubric.reviewer);
  std::string reviewer_lower = rubric.reviewer;
  if (!reviewer_lower.empty() && reviewer_lower[0] >= 'A' && reviewer_lower[0] <= 'Z') reviewer_lower[0] += 'a' - 'A';
  set(d, "reviewer_lower", reviewer_lower);
  // "the Practice Fidelity Scale", not "the Practice Fidelity Scale scale".
  std::string scale = rubric.title;
  if (const std::string lower = lowercase(scale); !lower.ends_with("scale") && !lower.ends_with("rubric")) scale += " scale";
  const Vocabulary& words = model.vocabulary;
  if (rubric.rates == "actions") {
    // A form's rows, in landscape with a column per level, are three to five lines each: six kept
    // together could fill most of a page and leave the one before it all but empty.
    set(d, "groups", action_groups(page, refs(graph, in_part(graph.actions(model, h.role->id), h.part)), 3));
    set(d, "row_word", capitalized(words.action_word()));
    set(d, "rows_word", words.action_word());
    set(d, "caption", fmt::format("Each {} {} rated on the {}, with notes and evidence", role_name, words.action_word(), scale));
    set(d, "online_label", fmt::format("These {} online", words.actions_word()));
  } else {
    // One row per section (element), or one for the whole model.
    Data items = list();
    if (rubric.rates == "sections")
      for (const auto& s : model.sections)
        push(items, object("html", html_escape(s.label.empty() ? s.title : s.label + ": " + s.title)));
    else
      push(items, object("html", html_escape(model.title)));
    // Rated as a whole, the model is the form's one row, under no heading of its own.
    const bool by_section = rubric.rates == "sections";
    Data groups = list();
    push(groups, object("label", "", "title", by_section ? "Every " + words.unit : std::string(), "items", std::move(items)));
    set(d, "groups", std::move(groups));
    set(d, "row_word", by_section ? capitalized(words.unit) : std::string("Model"));
    set(d, "rows_word", by_section ? words.unit : std::string("model"));
    const std::string what = by_section ? "Each " + words.unit : std::string("The model");
    set(d, "caption", fmt::format("{} rated on the {} by {}, with notes and evidence", what, scale, in_sentence(role_plural)));
    set(d, "online_label", by_section ? fmt::format("These {} online", words.units_or_default()) : std::string("The model online"));
  }
  set(d, "online_href", page.href(urls::model_role(*h.model, h.role->id)));
  return page.finish("handout-self-assessment.html", std::move(d));
}

// Printed, a statement is its text (no chips, no "also said in"); its sub-points are lists within it
// with the document's markers ("a.", "iv."), as on the section page, so they take no number of the
// list around them. Every item says whether it has children: Mustache would otherwise find its
// parent's.
Data printed_items(const std::vector<Statement>& items, const Block& block, std::size_t depth, PageBuilder& page) {
  Data out = list(items.size());
  for (const auto& s : items) {
    Data item = object("html", page.html(s.text), "has_children", !s.children.empty());
    if (!s.children.empty()) {
      const auto [open, close] = list_tags(block, depth + 1, "op-sub");
      set(item, "children_open", open);
      set(item, "children_close", close);
      set(item, "children", printed_items(s.children, block, depth + 1, page));
    }
    push(out, std::move(item));
  }
  return out;
}

Page one_pager_page(const LinkedSite& linked, const Handout& h, const HandoutPrint* print) {
  const Site& site = linked.site();
  PageBuilder page(linked, h.path);
  const Section& section = *h.section;
  Data d = handout_base(page, h, page.plain(section.summary), print);
  set(d, "label", section.label);
  set(d, "section_title", section.title);
  set(d, "summary_html", page.html(section.summary));
  set(d, "definition_html", page.html(section.definition));
  Data blocks = list(), roles = list();
  OnePagerText text{section.title.size() + section.label.size(), page.plain(section.summary).size(),
                    get(d, "qr_svg") != nullptr, {}, {}};
  for (const auto& block : section.blocks) {
    PrintGroup group{block.heading.size(), {}};
    for_each_statement(block.items, [&](const Statement& s, int depth) {
      group.item_chars.push_back(s.text.source.size() + 4 * static_cast<std::size_t>(depth));
    });
    Data entries = printed_items(block.items, block, 0, page);
    const auto [list_open, list_close] = list_tags(block, 0, "op-list");
    if (block.kind == BlockKind::text) group.item_chars.push_back(block.text.source.size());
    if (block.kind == BlockKind::actions) {
      const Role* role = site.find_role(block.role);
      std::string title = role ? role_title(site, *h.model, role->id, true) : block.role;
      group.heading_chars = title.size() + h.model->vocabulary.action_prompt.size() + 2;
      text.roles.push_back(std::move(group));
      push(roles, object("title", std::move(title), "list_open", list_open, "list_close", list_close,
                         "items", std::move(entries)));
    } else {
      text.blocks.push_back(std::move(group));
      push(blocks, object("heading", block.heading, "is_text", block.kind == BlockKind::text,
                              "list_open", list_open, "list_close", list_close,
                              "table", block.kind == BlockKind::table ? table_data(block, page) : Data(false),
                              "text_html", page.html(block.text), "items", std::move(entries)));
    }
  }
  set(d, "blocks", std::move(blocks));
  set(d, "has_roles", !items(roles).empty());
  set(d, "roles", std::move(roles));
  // One page, always: the type size that fills it, from 7.5 pt for the longest sections up to 18 pt.
  const PrintFit fit = fit_one_pager(text);
  set(d, "page_style", text_of(d, "page_style") +
                    fmt::format(" @media print {{ .one-pager {{ --print-size: {:.2f}pt; --item-gap: {:.2f}pt; "
                                "--print-leading: {}; --role-columns: {}; --role-break: {}; }} }}",
                                fit.size_pt, fit.item_gap_pt, fit.size_pt < 8.5 ? "1.2" : "1.3", fit.role_columns,
                                fit.split_roles ? "auto" : "avoid"));
  set(d, "online_href", page.href(urls::section(*h.model, section)));
  set(d, "action_prompt", h.model->vocabulary.action_prompt);
  set(d, "unit", h.model->vocabulary.unit);
  return page.finish("handout-one-pager.html", std::move(d));
}

// A topic's sheet across the current models, split by state when it would be too large to print.
StateSplit topic_sheet_split(const LinkedSite& linked, const Topic& topic, std::size_t budget) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  std::vector<std::size_t> by_model(site.models.size(), 0);
  for (std::size_t i : graph.by_topic(topic.id)) {
    const StatementRef& ref = graph.statements()[i];
    by_model[ref.model] += linked.statement_html(ref).html.size() + sheet_item_overhead;
  }
  std::vector<std::uint32_t> current;
  std::vector<std::size_t> weights;
  for (std::uint32_t m = 0; m < site.models.size(); ++m)
    if (site.models[m].superseded_by.empty()) {  // a workshop compares the editions in force
      current.push_back(m);
      weights.push_back(by_model[m]);
    }
  auto item_weights = [&](std::uint32_t m) {
    std::vector<std::size_t> items;
    for (std::size_t i : graph.by_topic_in_model(topic.id, m))
      items.push_back(linked.statement_html(graph.statements()[i]).html.size() + sheet_item_overhead);
    return items;
  };
  return split_by_state(site, urls::topic_sheet(topic.id), current, weights, budget, SIZE_MAX, item_weights);
}

Page topic_sheet_page(const LinkedSite& linked, const Handout& h, const HandoutPrint* print) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, h.path);
  Data d = handout_base(page, h, page.plain(h.topic->description), print);
  set(d, "description_html", page.html(h.topic->description));
  set(d, "has_states", h.summary());
  set(d, "pager", false);
  set(d, "online_href", page.href(urls::compare_topic(h.topic->id)));
  std::set<std::uint32_t> shown;  // none: every current model
  if (!h.state.empty()) shown.insert(h.states->pages[h.state_page].models.begin(), h.states->pages[h.state_page].models.end());
  // The summary counts the states' statements; a sheet lists its models' statements (a state's sheet
  // reads only its own models').
  std::map<std::uint32_t, Data> statements;
  auto add = [&](std::uint32_t m, const StatementRef& ref) {
    push(statements.try_emplace(m, list()).first->second, page.statement_ref(ref));
  };
  if (!h.summary() && shown.empty())
    for (std::size_t i : graph.by_topic(h.topic->id)) add(graph.statements()[i].model, graph.statements()[i]);
  else if (!h.summary())
    for (std::uint32_t m : shown)
      for (std::size_t i : in_part(graph.by_topic_in_model(h.topic->id, m), h.states->pages[h.state_page].part_of(m)))
        add(m, graph.statements()[i]);
  Data models = list();
  if (h.states && h.summary()) {
    const StateSplit& split = *h.states;
    set(d, "states", state_rows_counting(page, split, graph.by_topic(h.topic->id)));
    set(d, "state_count", std::to_string(split.groups.size()));
    set(d, "statement_count", std::to_string(graph.by_topic(h.topic->id).size()));
  }
  if (h.states && !h.state.empty()) set(d, "pager", state_pager(page, *h.states, h.state_page));
  if (!h.summary()) {
    // Every current model of the sheet, in site order, with or without statements on the topic.
    std::vector<std::uint32_t> listed(shown.begin(), shown.end());
    if (shown.empty())
      for (std::uint32_t i = 0; i < site.models.size(); ++i) listed.push_back(i);
    for (std::uint32_t i : listed) {
      const Model& m = site.models[i];
      if (!m.superseded_by.empty()) continue;  // a workshop compares the editions in force
      auto found = statements.find(i);
      Data listed_here = found == statements.end() ? list() : std::move(found->second);
      const bool short_group = items(listed_here).size() <= 6;
      const ResultRun part = shown.empty() ? whole_part : h.states->pages[h.state_page].part_of(i);
      push(models, object("title", model_name(m), "jurisdiction", m.jurisdiction, "empty", items(listed_here).empty(),
                              "part", part_label(part, graph.by_topic_in_model(h.topic->id, i).size(), "statements"),
                              "short", short_group, "items", std::move(listed_here)));
    }
  }
  set(d, "models", std::move(models));
  return page.finish("handout-topic.html", std::move(d));
}

}  // namespace

std::vector<Handout> state_topic_sheets(const LinkedSite& linked, const Topic& topic, std::size_t budget) {
  const auto split = std::make_shared<const StateSplit>(topic_sheet_split(linked, topic, budget));
  std::vector<Handout> sheets;
  for (std::size_t i = 0; i < split->pages.size(); ++i) {
    const StatePage& p = split->pages[i];
    const StateGroup& group = split->groups[p.group];
    std::string name = fmt::format("topic-{}-{}", topic.id, group.slug);
    if (p.of > 1) name += fmt::format("-{}", p.number);
    Handout h{HandoutKind::topic_sheet, nullptr, nullptr, nullptr, &topic, topic.title + " in " + group.state, p.path,
              urls::pdf_beside(p.path, name), false, {}};
    h.states = split;
    h.state_page = i;
    h.state = group.state;
    if (p.of > 1) h.title += fmt::format(", part {} of {}", p.number, p.of);
    sheets.push_back(std::move(h));
  }
  return sheets;
}

std::string pages_phrase(int pages) { return fmt::format("{} page{}", pages, pages == 1 ? "" : "s"); }

std::string size_phrase(std::uintmax_t bytes) {
  if (bytes < 1024 * 1024) return fmt::format("{} KB", (bytes + 1023) / 1024);
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

Page handout_page(const LinkedSite& linked, const Handout& h, const HandoutPrint* print) {
  switch (h.kind) {
    case HandoutKind::checklist: return checklist_page(linked, h, print);
    case HandoutKind::self_assessment: return self_assessment_page(linked, h, print);
    case HandoutKind::one_pager: return one_pager_page(linked, h, print);
    case HandoutKind::topic_sheet: break;
  }
  return topic_sheet_page(linked, h, print);
}

}  // namespace pb::views
