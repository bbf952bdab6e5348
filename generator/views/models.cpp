// models/<model>/: the overview, one page per section, what changed from the previous edition
// (changes/), and model.json. Role pages under models/<model>/roles/ are in roles.cpp.
#include <fmt/format.h>

#include <memory>

#include "compare/edition_diff.hpp"
#include "content/assemble.hpp"
#include "views/page_nav.hpp"
#include "views/diff_html.hpp"
#include "views/model_json.hpp"
#include "link/urls.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

std::size_t statement_count(const Section& section) {
  std::size_t n = 0;
  for (const auto& block : section.blocks) for_each_statement(block.items, [&](const Statement&, int) { ++n; });
  return n;
}

constexpr std::size_t full_nav_limit = 40;  // sections listed in full in the sidebar
constexpr std::size_t nav_window = 7;        // otherwise: this many before and after the current one

// Model facts shown on every page of a model: the archive banner and the sidebar of sections.
void add_model_frame(const Site& site, const Model& model, const PageBuilder& page, Data& data,
                     const Section* current) {
  set(data, "model_id", model.id);
  set(data, "model_title", model.title);
  set(data, "model_edition", model.edition);
  set(data, "model_href", page.href(urls::model(model)));
  set(data, "model_is_current_page", current == nullptr);
  if (!model.superseded_by.empty()) {
    const Model* newest = current_edition(site, model);
    set(data, "superseded", object("current_title", model_name(*newest), "current_href", page.href(urls::model(*newest))));
  }
  // The sidebar lists every section of a model of ordinary size; a model of hundreds or thousands of
  // sections gets the sections around the current one and a link to the full contents, so a page's
  // size never grows with the model's (no page repeats the whole model).
  const std::size_t count = model.sections.size();
  std::size_t at = 0;
  while (current && at < count && &model.sections[at] != current) ++at;
  const bool windowed = count > full_nav_limit;
  const std::size_t from = !windowed ? 0 : current ? (at > nav_window ? at - nav_window : 0) : 0;
  const std::size_t to = !windowed ? count : std::min(count, (current ? at : 0) + nav_window + 1 + (current ? 0 : nav_window));
  Data nav = list();
  for (std::size_t i = from; i < to; ++i) {
    const Section& s = model.sections[i];
    push(nav, object("label", s.label, "title", s.title, "short", pill_title(s), "href", page.href(urls::section(model, s)),
                         "current", current == &s));
  }
  if (windowed)
    set(data, "model_nav_more", object("count", std::to_string(count), "href", page.href(urls::model(model)) + "#contents"));
  set(data, "model_nav", std::move(nav));
  set(data, "has_model_nav", true);
}

void set_child_tags(Data& statements, const Block& block, std::size_t depth) {
  const auto [open, close] = list_tags(block, depth, "statements sub-statements");
  for (auto& item : items(statements)) {
    if (!flag(item, "has_children")) continue;  // nothing to put them around
    set(item, "children_open", open);
    set(item, "children_close", close);
    set_child_tags(item["children"], block, depth + 1);
  }
}

Data block_data(const Site& site, const Model& model, const Block& block, PageBuilder& page) {
  Data items = list(block.items.size());
  for (const auto& s : block.items) push(items, page.statement(s));
  set_child_tags(items, block, 1);
  std::string heading = block.heading;
  if (heading.empty() && block.kind == BlockKind::actions && site.find_role(block.role))
    heading = role_title(site, model, block.role) + " " + model.vocabulary.actions_word();
  const auto [list_open, list_close] = list_tags(block, 0, "statements");
  return object("kind", block_kind_name(block.kind),
                "list_open", list_open,
                "list_close", list_close,
                "table", block.kind == BlockKind::table ? table_data(block, page) : Data(false),
                "heading", heading,
                "id", block.key,
                "intro_html", page.html(block.intro),
                "text_html", page.html(block.text),
                "is_text", block.kind == BlockKind::text,
                "numbered", block.numbered,
                "role", block.role,
                "items", std::move(items));
}

// `handouts_index`: how the handouts index is split by state, when it is.
Page overview_page(const LinkedSite& linked, const Model& model, const StateSplit* handouts_index) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, urls::model(model));
  Data d = page.layout(model.title, page.plain(model.vision));
  page.breadcrumbs(d, {{"Home", urls::home()}, {model_name(model), urls::model(model)}});
  add_model_frame(site, model, page, d, nullptr);
  set(d, "subtitle", model.subtitle);
  set(d, "jurisdiction", model.jurisdiction);
  set(d, "jurisdiction_kind", model.vocabulary.jurisdiction);
  set(d, "state", model.state);
  set(d, "actions_word_html", text_html(model.vocabulary.actions));
  set(d, "tagline", model.tagline);
  if (model.framework)
    set(d, "framework", object("heading", model.framework->heading.empty() ? "Framework" : model.framework->heading,
                            "body_html", page.html(model.framework->body)));
  set(d, "agency", model.agency);
  set(d, "edition", model.edition.empty() ? "Undated" : model.edition);
  set(d, "date", model.date);
  set(d, "undated", model.date.empty());
  set(d, "source_html", page.html(model.source));
  set(d, "intro_html", page.html(model.intro));
  set(d, "vision_html", page.html(model.vision));
  set(d, "closing_html", page.html(model.closing));
  set(d, "json_href", page.href(urls::model_json(model)));
  if (model.priorities) {
    const auto& p = *model.priorities;
    Data items = list();
    for (const auto& s : p.items) push(items, page.statement(s));
    set(d, "priorities", object("heading", p.heading.empty() ? "Priorities" : p.heading,
                             "intro_html", page.html(p.intro),
                             "numbered", p.numbered,
                             "items", std::move(items)));
  }
  if (model.letter) {
    const auto& l = *model.letter;
    set(d, "letter", object("heading", l.heading.empty() ? "Letter" : l.heading, "body_html", page.html(l.body),
                         "closing", l.closing, "signature", l.signature, "signature_title", l.signature_title));
  }
  if (model.rubric) {
    Data levels = list();
    for (const auto& level : model.rubric->levels)
      push(levels, object("name", level.name, "description_html", page.html(level.description)));
    set(d, "rubric", object("title", model.rubric->title.empty() ? "Rubric" : model.rubric->title,
                         "intro_html", page.html(model.rubric->intro),
                         "levels", std::move(levels)));
  }
  Data sections = list();
  for (const auto& s : model.sections)
    push(sections, object("label", s.label,
                              "title", s.title,
                              "href", page.href(urls::section(model, s)),
                              "summary_html", page.html(s.summary),
                              "count", statement_count(s) == 1 ? std::string("1 statement")
                                                                : fmt::format("{} statements", statement_count(s))));
  set(d, "sections", std::move(sections));
  Data footnotes = list();
  const std::size_t model_index = static_cast<std::size_t>(&model - site.models.data());
  for (std::size_t n = 0; n < model.footnotes.size(); ++n) {
    // Back to every reference: a note may be referred to from several places.
    Data back = list();
    for (const NoteUse& use : linked.note_uses(model_index, n))
      push(back, object("href", page.href(use.page) + "#" + use.anchor, "place", use.place));
    push(footnotes, object("id", note_anchor(n), "marker", model.footnotes[n].marker,
                               "html", page.html(model.footnotes[n].text), "back", std::move(back)));
  }
  set(d, "footnotes", std::move(footnotes));
  set(d, "has_footnotes", !model.footnotes.empty());
  Data editions = list();
  for (const Model* e : editions_of(site, model.family))
    if (e != &model)
      push(editions, object("title", model_name(*e), "href", page.href(urls::model(*e)),
                                "current", e->superseded_by.empty()));
  set(d, "has_editions", !items(editions).empty());
  set(d, "editions", std::move(editions));
  // Roles: a page per role that has actions in this model, or a plain statement that there are none.
  Data roles = list();
  for (const auto& role : site.roles)
    if (const auto& actions = graph.actions(model, role.id); !actions.empty())
      push(roles, object("title", role_title(site, model, role.id, true), "href", page.href(urls::model_role(model, role.id)),
                             "count", model.vocabulary.count_actions(actions.size())));
  set(d, "has_roles", !items(roles).empty());
  set(d, "roles", std::move(roles));
  set(d, "actions_word", model.vocabulary.actions_word());
  set(d, "handouts_href", page.href(model_handouts(handouts_index, linked.site(), model)));
  page.edit_link(d, model.source_file);
  // What changed: on the newer edition, its own changes page; on the older, the successor's.
  if (site.find_model(model.supersedes))
    set(d, "changes", object("title", "What changed from " + model_name(*site.find_model(model.supersedes)),
                          "href", page.href(urls::changes(model))));
  else if (const Model* successor = site.find_model(model.superseded_by))
    set(d, "changes", object("title", "What changed in " + model_name(*successor), "href", page.href(urls::changes(*successor))));
  add_overview_navigation(d);
  return page.finish("model.html", std::move(d));
}

Page section_page(const LinkedSite& linked, const Model& model, std::size_t index) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  const Section& section = model.sections[index];
  PageBuilder page(linked, urls::section(model, section));
  const std::string title = section.title;
  Data d = page.layout(title, page.plain(section.summary));
  const std::string crumb = section.label.empty() ? section.title : section.label;
  page.breadcrumbs(d, {{"Home", urls::home()}, {model_name(model), urls::model(model)},
                       {crumb, urls::section(model, section)}});
  add_model_frame(site, model, page, d, &section);
  set(d, "label", section.label);
  set(d, "summary_html", page.html(section.summary));
  set(d, "intro_html", page.html(section.intro));
  set(d, "definition_html", page.html(section.definition));
  set(d, "definition_heading", "Definition");
  Data blocks = list();
  for (const auto& block : section.blocks) push(blocks, block_data(site, model, block, page));
  set(d, "blocks", std::move(blocks));
  auto neighbour = [&](const Section& s) {
    return object("label", s.label, "title", s.title,
                  "href", page.href(urls::section(model, s)));
  };
  if (index > 0) set(d, "previous", neighbour(model.sections[index - 1]));
  if (index + 1 < model.sections.size()) set(d, "next", neighbour(model.sections[index + 1]));
  set(d, "has_pager", model.sections.size() > 1);
  // The same section in the model's other editions, when they have it.
  Data elsewhere = list();
  for (const Model* e : editions_of(site, model.family)) {
    if (e == &model) continue;
    for (const auto& s : e->sections)
      if (s.id == section.id)
        push(elsewhere, object("title", model_name(*e), "href", page.href(urls::section(*e, s)),
                                   "current", e->superseded_by.empty()));
  }
  set(d, "has_other_editions", !items(elsewhere).empty());
  set(d, "unit", model.vocabulary.unit);
  set(d, "other_editions", std::move(elsewhere));
  Data roles = list();
  for (const auto& role : site.roles)
    if (!graph.actions(model, role.id).empty())
      push(roles, object("title", role_title(site, model, role.id, true), "href", page.href(urls::model_role(model, role.id))));
  set(d, "has_roles", !items(roles).empty());
  set(d, "roles", std::move(roles));
  set(d, "action_word", model.vocabulary.action_word());
  set(d, "actions_word", model.vocabulary.actions_word());
  set(d, "one_pager_href", page.href(urls::one_pager(model, section)));
  page.edit_link(d, section.source_file);
  add_section_navigation(site, model, d);
  return page.finish("section.html", std::move(d));
}

Data field_changes(const EditionDiff& diff) {
  Data out = list();
  for (const auto& f : diff.fields)
    push(out, object("what", f.what, "diff_html", diff_to_html(f.diff)));
  return out;
}

Page changes_page(const LinkedSite& linked, const Model& newer, const Model& older) {
  const EditionDiff diff = diff_editions(older, newer);
  PageBuilder page(linked, urls::changes(newer));
  Data d = page.layout("What changed in this edition",
                       fmt::format("Changes from {} to {}", model_name(older), model_name(newer)));
  page.breadcrumbs(d, {{"Home", urls::home()}, {model_name(newer), urls::model(newer)}, {"Changes", page.path()}});
  set(d, "newer", object("title", model_name(newer), "href", page.href(urls::model(newer))));
  set(d, "older", object("title", model_name(older), "href", page.href(urls::model(older))));
  using Kind = StatementChange::Kind;
  Data groups = list();
  for (Kind kind : {Kind::added, Kind::removed, Kind::reworded, Kind::moved}) {
    Data changes = list();
    for (const auto& c : diff.statements) {
      if (c.kind != kind) continue;
      Data item;
      if (c.before) set(item, "before", object("place", c.before_section->label.empty() ? c.before_section->title : c.before_section->label,
                                            "href", page.href(urls::statement(older, *c.before_section, *c.before)),
                                            "html", page.html(c.before->text)));
      if (c.after) set(item, "after", object("place", c.after_section->label.empty() ? c.after_section->title : c.after_section->label,
                                          "href", page.href(urls::statement(newer, *c.after_section, *c.after)),
                                          "html", page.html(c.after->text)));
      if (!c.diff.empty()) set(item, "diff_html", diff_to_html(c.diff));
      push(changes, std::move(item));
    }
    if (items(changes).empty()) continue;
    const std::string name = change_kind_name(kind);
    push(groups, object("title", fmt::format("{} statement{} {}", items(changes).size(), items(changes).size() == 1 ? "" : "s", name),
                            "anchor", name, "kind", name, "items", std::move(changes)));
  }
  set(d, "summary", fmt::format("{} added, {} removed, {} reworded, {} moved; {} other change{}", diff.count(Kind::added),
                                diff.count(Kind::removed), diff.count(Kind::reworded), diff.count(Kind::moved),
                                diff.fields.size(), diff.fields.size() == 1 ? "" : "s"));
  set(d, "groups", std::move(groups));
  set(d, "fields", field_changes(diff));
  set(d, "has_fields", !diff.fields.empty());
  set(d, "unchanged", diff.empty());
  set(d, "matching_stopped", diff.matching_stopped);
  return page.finish("changes.html", std::move(d));
}

}  // namespace

std::vector<LongSection> long_sections(const LinkedSite& linked, std::size_t limit) {
  // A statement on its section's page: its HTML, and around it its anchor, permalink and list item.
  constexpr std::size_t statement_markup = 400;
  const Site& site = linked.site();
  std::vector<std::vector<LongSection>> by_model(site.models.size());
  for (std::size_t m = 0; m < site.models.size(); ++m) by_model[m].resize(site.models[m].sections.size());
  for (const StatementRef& ref : linked.graph().statements()) {
    if (ref.section == no_index) continue;
    LongSection& s = by_model[ref.model][ref.section];
    ++s.statements;
    s.bytes += linked.statement_html(ref).html.size() + statement_markup;
  }
  std::vector<LongSection> out;
  for (std::size_t m = 0; m < site.models.size(); ++m)
    for (std::size_t i = 0; i < by_model[m].size(); ++i)
      if (by_model[m][i].bytes > limit) {
        out.push_back(by_model[m][i]);
        out.back().section = &site.models[m].sections[i];
      }
  return out;
}

std::vector<PageTask> plan_model_pages(const LinkedSite& linked, std::size_t budget,
                                       std::shared_ptr<const std::vector<Handout>> handouts) {
  const Site& site = linked.site();
  std::vector<PageTask> tasks;
  // Each overview links its model's handouts in the index, or on its state's page of a split index.
  if (!handouts) handouts = std::make_shared<const std::vector<Handout>>(list_handouts(linked, budget));
  std::shared_ptr<const StateSplit> handouts_index;
  if (auto split = split_handouts_index(site, *handouts, budget))
    handouts_index = std::make_shared<const StateSplit>(std::move(*split));
  for (const auto& model : site.models) {
    tasks.push_back({urls::model(model), true, [&linked, &model, handouts_index] {
                       return overview_page(linked, model, handouts_index.get());
                     }});
    for (std::size_t i = 0; i < model.sections.size(); ++i)
      tasks.push_back({urls::section(model, model.sections[i]), true,
                       [&linked, &model, i] { return section_page(linked, model, i); }});
    tasks.push_back({urls::model_json(model), false, [&model] { return Page{urls::model_json(model), {}, {}, model_json(model)}; }});
    if (const Model* older = site.find_model(model.supersedes))
      tasks.push_back({urls::changes(model), true, [&linked, &model, older] { return changes_page(linked, model, *older); }});
  }
  return tasks;
}

}  // namespace pb::views
