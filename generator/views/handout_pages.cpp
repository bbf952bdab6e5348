// Handout pages for trainers: role checklists, self-assessments, one page per section, topic sheets.
// They share the site's layout; handouts.css turns them into clean Letter pages in black and white.
#include "views/handout_pages.hpp"

#include <fmt/format.h>

#include "content/assemble.hpp"
#include "core/qr_svg.hpp"
#include "link/urls.hpp"
#include "views/print_fit.hpp"
#include "views/state_split.hpp"

namespace pb::inline views {

namespace {

using json = nlohmann::json;

// Estimated bytes of a topic sheet per statement beside its text (its place, its markup).
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
void add_print_frame(const PageBuilder& page, const Handout& h, json& d) {
  const Site& site = page.site();
  std::string left = h.model ? model_name(*h.model) : site.config.title;
  if (h.model && !h.model->source.empty()) left += " · Source: " + page.plain(h.model->source);
  const std::string address = full_address(site, h.path);
  const std::string footer = address.empty() ? left : left + " · " + address;
  d["page_style"] = fmt::format(
      "@page {{ size: letter{}; margin: 0.55in 0.6in 0.8in; "
      "@bottom-left {{ content: {}; font: 7.5pt system-ui, sans-serif; color: #000; }} "
      "@bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages); white-space: nowrap; "
      "width: 0.9in; text-align: right; font: 7.5pt system-ui, sans-serif; color: #000; }} }}",
      h.landscape ? " landscape" : "", css_string_literal(footer));
  d["is_handout"] = true;
  d["handout_footer"] = left;
  if (!address.empty()) {
    d["online_address"] = address;
    d["qr_svg"] = qr_svg(address, "0.85in", "QR code: " + address);
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

// Actions grouped by section, with a running number for the checkboxes. A short group is printed
// whole; a longer one may break across pages, its heading repeated on the next.
json action_groups(PageBuilder& page, const std::vector<const StatementRef*>& actions) {
  json groups = json::array();
  const Section* current = nullptr;
  int n = 0;
  for (const StatementRef* ref : actions) {
    if (page.linked().section(*ref) != current) {
      current = page.linked().section(*ref);
      groups.push_back(object("label", current->label, "title", current->title, "items", json::array()));
    }
    json item = page.statement_ref(*ref);
    item["n"] = std::to_string(++n);
    groups.back()["items"].push_back(std::move(item));
  }
  for (auto& g : groups) g["short"] = g["items"].size() <= 6;
  return groups;
}

// What the screen shows above a handout: how it prints (from its PDF when the build printed one).
void add_print_line(const PageBuilder& page, const Handout& h, const HandoutPrint* print, json& d) {
  const char* paper = h.landscape ? "Letter, landscape" : "Letter";
  if (print) {
    d["print_line"] = fmt::format("Prints on {} ({})", pages_phrase(print->pages), paper);
    d["pdf_href"] = page.href(h.pdf);
    d["pdf_size"] = size_phrase(print->pdf_bytes);
    d["print_fingerprint"] = print->fingerprint;
    return;
  }
  switch (h.kind) {
    case HandoutKind::checklist: d["print_line"] = fmt::format("Prints on at most 2 pages ({})", paper); break;
    case HandoutKind::one_pager: d["print_line"] = fmt::format("Prints on 1 page ({})", paper); break;
    default: d["print_line"] = fmt::format("Prints on {}", paper); break;
  }
}

json handout_base(PageBuilder& page, const Handout& h, const std::string& description, const HandoutPrint* print) {
  json d = page.layout(h.title, description);
  std::vector<std::pair<std::string, std::string>> trail{{"Home", urls::home()}, {"Handouts", urls::handouts()}};
  if (h.model) trail.push_back({model_name(*h.model), urls::model(*h.model)});
  if (!h.state.empty()) trail.push_back({h.topic->title, urls::topic_sheet(h.topic->id)});
  trail.push_back({h.title, h.path});
  page.breadcrumbs(d, trail);
  add_print_frame(page, h, d);
  add_print_line(page, h, print, d);
  if (h.model) {
    d["model_name"] = model_name(*h.model);
    d["model_title"] = h.model->title;
    d["jurisdiction"] = h.model->jurisdiction;
    d["agency"] = h.model->agency;
    d["edition"] = h.model->edition.empty() ? "Undated" : h.model->edition;
    if (!h.model->superseded_by.empty()) {
      const Model& current = *current_edition(page.site(), *h.model);
      d["handout_archived"] = object("current_title", model_name(current),
                             "current_href", page.href(successor_handout(page.linked(), h, current)));
    }
  }
  d["kind"] = handout_kind_label(h.kind, h.model);
  return d;
}

Page checklist_page(const LinkedSite& linked, const Handout& h, const HandoutPrint* print) {
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, h.path);
  const std::string role_name = role_title(linked.site(), *h.model, h.role->id);
  json d = handout_base(page, h, fmt::format("A checklist of every {} action, to print", role_name), print);
  const auto actions = refs(graph, graph.actions(*h.model, h.role->id));
  d["role_title"] = role_name;
  d["role_plural"] = role_title(linked.site(), *h.model, h.role->id, true);
  d["actions_word_html"] = text_html(h.model->vocabulary.actions);
  d["count"] = std::to_string(actions.size());
  d["groups"] = action_groups(page, actions);
  d["online_href"] = page.href(urls::model_role(*h.model, h.role->id));
  return page.finish("handout-checklist.html", std::move(d));
}

Page self_assessment_page(const LinkedSite& linked, const Handout& h, const HandoutPrint* print) {
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, h.path);
  const Model& model = *h.model;
  const Rubric& rubric = *model.rubric;
  json d = handout_base(page, h, fmt::format("A {} self-assessment for {}", model.vocabulary.rubric,
                                             role_title(linked.site(), model, h.role->id, true)), print);
  json levels = json::array();
  for (const auto& level : rubric.levels)
    levels.push_back(object("name", level.name, "description_html", page.html(level.description)));
  d["levels"] = std::move(levels);
  d["level_columns"] = std::to_string(std::min<std::size_t>(rubric.levels.size(), 5));
  d["level_count"] = std::to_string(rubric.levels.size() + 2);
  d["rubric_title"] = rubric.title;
  d["role_title"] = role_title(linked.site(), model, h.role->id);
  d["role_plural"] = role_title(linked.site(), model, h.role->id, true);
  d["reviewer"] = rubric.reviewer;
  std::string reviewer_lower = rubric.reviewer;
  if (!reviewer_lower.empty() && reviewer_lower[0] >= 'A' && reviewer_lower[0] <= 'Z') reviewer_lower[0] += 'a' - 'A';
  d["reviewer_lower"] = reviewer_lower;
  if (rubric.rates == "actions") {
    d["groups"] = action_groups(page, refs(graph, graph.actions(model, h.role->id)));
    d["row_word"] = "Action";
    d["rows_word"] = "action";
  } else {
    // One row per section (element), or one for the whole model.
    json items = json::array();
    if (rubric.rates == "sections")
      for (const auto& s : model.sections)
        items.push_back(object("html", html_escape(s.label.empty() ? s.title : s.label + ": " + s.title)));
    else
      items.push_back(object("html", html_escape(model.title)));
    json groups = json::array();
    groups.push_back(object("label", "", "title", rubric.rates == "sections" ? "Every " + model.vocabulary.unit : model.title,
                            "items", std::move(items)));
    d["groups"] = std::move(groups);
    d["row_word"] = rubric.rates == "sections" ? capitalized(model.vocabulary.unit) : std::string("Model");
    d["rows_word"] = rubric.rates == "sections" ? model.vocabulary.unit : std::string("model");
  }
  d["online_href"] = page.href(urls::model_role(*h.model, h.role->id));
  return page.finish("handout-self-assessment.html", std::move(d));
}

Page one_pager_page(const LinkedSite& linked, const Handout& h, const HandoutPrint* print) {
  const Site& site = linked.site();
  PageBuilder page(linked, h.path);
  const Section& section = *h.section;
  json d = handout_base(page, h, page.plain(section.summary), print);
  d["label"] = section.label;
  d["section_title"] = section.title;
  d["summary_html"] = page.html(section.summary);
  d["definition_html"] = page.html(section.definition);
  json blocks = json::array(), roles = json::array();
  OnePagerText text{section.title.size() + section.label.size(), page.plain(section.summary).size(),
                    d.contains("qr_svg"), {}, {}};
  for (const auto& block : section.blocks) {
    json items = json::array();
    PrintGroup group{block.heading.size(), {}};
    for_each_statement(block.items, [&](const Statement& s, int depth) {
      group.item_chars.push_back(s.text.source.size() + 4 * static_cast<std::size_t>(depth));
      // Printed, a statement is its text: no chips, no "also said in", and its sub-points are items
      // of their own that keep the document's marker ("a.", "iv.") and their level.
      items.push_back(object("html", page.html(s.text), "sub", depth > 0, "deep", depth > 1 ? std::to_string(depth) : "",
                             "marker", depth > 0 && !s.number.empty() ? s.number + "." : ""));
    });
    if (block.kind == BlockKind::text) group.item_chars.push_back(block.text.source.size());
    if (block.kind == BlockKind::actions) {
      const Role* role = site.find_role(block.role);
      std::string title = role ? role_title(site, *h.model, role->id, true) : block.role;
      group.heading_chars = title.size() + h.model->vocabulary.action_prompt.size() + 2;
      text.roles.push_back(std::move(group));
      roles.push_back(object("title", std::move(title), "items", std::move(items)));
    } else {
      text.blocks.push_back(std::move(group));
      blocks.push_back(object("heading", block.heading, "numbered", block.numbered, "is_text", block.kind == BlockKind::text,
                              "start", block.start > 1 ? std::to_string(block.start) : "",
                              "table", block.kind == BlockKind::table ? table_data(block, page) : json(false),
                              "text_html", page.html(block.text), "items", std::move(items)));
    }
  }
  d["blocks"] = std::move(blocks);
  d["has_roles"] = !roles.empty();
  d["roles"] = std::move(roles);
  // One page, always: the type size that fills it, from 7.5 pt for the longest sections up to 18 pt.
  const PrintFit fit = fit_one_pager(text);
  d["page_style"] = d["page_style"].get<std::string>() +
                    fmt::format(" @media print {{ .one-pager {{ --print-size: {:.2f}pt; --item-gap: {:.2f}pt; "
                                "--print-leading: {}; --role-columns: {}; --role-break: {}; }} }}",
                                fit.size_pt, fit.item_gap_pt, fit.size_pt < 8.5 ? "1.2" : "1.3", fit.role_columns,
                                fit.split_roles ? "auto" : "avoid");
  d["online_href"] = page.href(urls::section(*h.model, section));
  d["action_prompt"] = h.model->vocabulary.action_prompt;
  d["unit"] = h.model->vocabulary.unit;
  return page.finish("handout-one-pager.html", std::move(d));
}

// A topic's sheet across the current models, split by state when it would be too large to print.
StateSplit topic_sheet_split(const LinkedSite& linked, const Topic& topic, std::size_t budget) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  std::vector<std::size_t> by_model(site.models.size(), 0);
  for (std::size_t i : graph.by_topic(topic.id)) {
    const StatementRef& ref = graph.statements()[i];
    by_model[ref.model] += linked.statement(ref).text.source.size() + sheet_item_overhead;
  }
  std::vector<std::uint32_t> current;
  std::vector<std::size_t> weights;
  for (std::uint32_t m = 0; m < site.models.size(); ++m)
    if (site.models[m].superseded_by.empty()) {  // a workshop compares the editions in force
      current.push_back(m);
      weights.push_back(by_model[m]);
    }
  return split_by_state(site, urls::topic_sheet(topic.id), current, weights, budget);
}

Page topic_sheet_page(const LinkedSite& linked, const Handout& h, const HandoutPrint* print) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, h.path);
  json d = handout_base(page, h, page.plain(h.topic->description), print);
  d["description_html"] = page.html(h.topic->description);
  d["has_states"] = h.summary();
  d["pager"] = false;
  d["online_href"] = page.href(urls::compare_topic(h.topic->id));
  std::set<std::uint32_t> shown;  // none: every current model
  if (!h.state.empty()) shown.insert(h.states->pages[h.state_page].models.begin(), h.states->pages[h.state_page].models.end());
  // The summary counts the states' statements; a sheet lists its models' statements (a state's sheet
  // reads only its own models').
  std::map<std::uint32_t, json> items;
  if (!h.summary() && shown.empty())
    for (std::size_t i : graph.by_topic(h.topic->id)) {
      const StatementRef& ref = graph.statements()[i];
      items[ref.model].push_back(page.statement_ref(ref));
    }
  else if (!h.summary())
    for (std::uint32_t m : shown)
      for (std::size_t i : graph.by_topic_in_model(h.topic->id, m)) items[m].push_back(page.statement_ref(graph.statements()[i]));
  json models = json::array();
  if (h.states && h.summary()) {
    const StateSplit& split = *h.states;
    d["states"] = state_rows_counting(page, split, graph.by_topic(h.topic->id));
    d["state_count"] = std::to_string(split.groups.size());
    d["statement_count"] = std::to_string(graph.by_topic(h.topic->id).size());
  }
  if (h.states && !h.state.empty()) d["pager"] = state_pager(page, *h.states, h.state_page);
  if (!h.summary()) {
    // Every current model of the sheet, in site order, with or without statements on the topic.
    std::vector<std::uint32_t> listed(shown.begin(), shown.end());
    if (shown.empty())
      for (std::uint32_t i = 0; i < site.models.size(); ++i) listed.push_back(i);
    for (std::uint32_t i : listed) {
      const Model& m = site.models[i];
      if (!m.superseded_by.empty()) continue;  // a workshop compares the editions in force
      auto found = items.find(i);
      json list = found == items.end() ? json::array() : std::move(found->second);
      const bool short_group = list.size() <= 6;
      models.push_back(object("title", model_name(m), "jurisdiction", m.jurisdiction, "empty", list.empty(),
                              "short", short_group, "items", std::move(list)));
    }
  }
  d["models"] = std::move(models);
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
