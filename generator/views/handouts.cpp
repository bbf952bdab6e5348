// Handout pages for trainers: role checklists, CQI self-assessments, one page per value, topic sheets,
// and the handouts index. They share the site's layout; print.css turns them into clean Letter pages.
#include <fmt/format.h>

#include <algorithm>

#include "link/urls.hpp"
#include "views/handouts.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

using json = nlohmann::json;

std::string capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// A CSS string literal (for @page margin boxes): no quote, backslash, newline or "</style>" escapes it.
std::string full_address(const Site& site, const std::string& path) {
  std::string base = site.config.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  std::string p = path;
  if (p.ends_with("index.html")) p.resize(p.size() - 10);
  return base + p;
}

// The footer on every printed page: model, edition, source, web address; page numbers at the right.
void add_print_frame(const PageBuilder& page, const Handout& h, json& d) {
  const Site& site = page.site();
  std::string left = h.model ? model_name(*h.model) : site.config.title;
  if (h.model && !h.model->source.empty()) left += " · Source: " + page.plain(h.model->source);
  const std::string address = full_address(site, h.path);
  d["page_style"] = fmt::format(
      "@page {{ size: letter{}; margin: 0.55in 0.6in 0.8in; "
      "@bottom-left {{ content: {}; font: 7.5pt system-ui, sans-serif; color: #000; }} "
      "@bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages); font: 7.5pt system-ui, sans-serif; color: #000; }} }}",
      h.landscape ? " landscape" : "", css_string_literal(left + " · " + address));
  d["is_handout"] = true;
  d["handout_footer"] = left;
  d["handout_address"] = address;
}

std::vector<const StatementRef*> refs(const LinkGraph& graph, const std::vector<std::size_t>& indexes) {
  std::vector<const StatementRef*> out;
  for (std::size_t i : indexes) out.push_back(&graph.statements()[i]);
  return out;
}

// Actions grouped by section, with a running number for the checkboxes.
json action_groups(PageBuilder& page, const std::vector<const StatementRef*>& actions) {
  json groups = json::array();
  const Section* current = nullptr;
  int n = 0;
  for (const StatementRef* ref : actions) {
    if (page.linked().section(*ref) != current) {
      current = page.linked().section(*ref);
      groups.push_back({{"label", current->label}, {"title", current->title}, {"items", json::array()}});
    }
    json item = page.statement_ref(*ref);
    item["n"] = std::to_string(++n);
    groups.back()["items"].push_back(std::move(item));
  }
  return groups;
}

json handout_base(PageBuilder& page, const Handout& h, const std::string& description) {
  json d = page.layout(h.title, description);
  std::vector<std::pair<std::string, std::string>> trail{{"Home", urls::home()}, {"Handouts", urls::handouts()}};
  if (h.model) trail.push_back({model_name(*h.model), urls::model(*h.model)});
  trail.push_back({h.title, h.path});
  page.breadcrumbs(d, trail);
  add_print_frame(page, h, d);
  if (h.model) {
    d["model_name"] = model_name(*h.model);
    d["model_title"] = h.model->title;
    d["jurisdiction"] = h.model->jurisdiction;
    d["agency"] = h.model->agency;
    d["edition"] = h.model->edition.empty() ? "Undated" : h.model->edition;
  }
  d["kind"] = handout_kind_label(h.kind, h.model);
  return d;
}

Page checklist_page(const LinkedSite& linked, const Handout& h) {
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, h.path);
  const std::string role_name = role_title(linked.site(), *h.model, h.role->id);
  json d = handout_base(page, h, fmt::format("A checklist of every {} action, to print", role_name));
  const auto actions = refs(graph, graph.actions(*h.model, h.role->id));
  d["role_title"] = role_name;
  d["role_plural"] = role_title(linked.site(), *h.model, h.role->id, true);
  d["actions_word_html"] = text_html(h.model->vocabulary.actions);
  d["count"] = std::to_string(actions.size());
  d["groups"] = action_groups(page, actions);
  d["online_href"] = page.href(urls::model_role(*h.model, h.role->id));
  return page.finish("handout-checklist.html", std::move(d));
}

Page self_assessment_page(const LinkedSite& linked, const Handout& h) {
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, h.path);
  const Model& model = *h.model;
  const Rubric& rubric = *model.rubric;
  json d = handout_base(page, h, fmt::format("A {} self-assessment for {}", model.vocabulary.rubric,
                                             role_title(linked.site(), model, h.role->id, true)));
  json levels = json::array();
  for (const auto& level : rubric.levels)
    levels.push_back({{"name", level.name}, {"description_html", page.html(level.description)}});
  d["levels"] = std::move(levels);
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
        items.push_back({{"html", html_escape(s.label.empty() ? s.title : s.label + ": " + s.title)}});
    else
      items.push_back({{"html", html_escape(model.title)}});
    json groups = json::array();
    groups.push_back({{"label", ""}, {"title", rubric.rates == "sections" ? "Every " + model.vocabulary.unit : model.title},
                      {"items", std::move(items)}});
    d["groups"] = std::move(groups);
    d["row_word"] = rubric.rates == "sections" ? capitalized(model.vocabulary.unit) : std::string("Model");
    d["rows_word"] = rubric.rates == "sections" ? model.vocabulary.unit : std::string("model");
  }
  d["online_href"] = page.href(urls::model_role(*h.model, h.role->id));
  return page.finish("handout-self-assessment.html", std::move(d));
}

Page one_pager_page(const LinkedSite& linked, const Handout& h) {
  const Site& site = linked.site();
  PageBuilder page(linked, h.path);
  const Section& section = *h.section;
  json d = handout_base(page, h, page.plain(section.summary));
  d["label"] = section.label;
  d["section_title"] = section.title;
  d["summary_html"] = page.html(section.summary);
  d["definition_html"] = page.html(section.definition);
  json blocks = json::array(), roles = json::array();
  std::size_t characters = 0;
  for (const auto& block : section.blocks) {
    json items = json::array();
    for_each_statement(block.items, [&](const Statement& s, int depth) {
      characters += s.text.source.size();
      json item = page.statement(s);
      item["sub"] = depth > 0;
      // Sub-points keep the document's marker ("a.", "iv.") and their level, in a flat printed list.
      item["deep"] = depth > 1 ? std::to_string(depth) : "";
      item["marker"] = depth > 0 && !s.number.empty() ? s.number + "." : "";
      items.push_back(std::move(item));
    });
    if (block.kind == BlockKind::actions) {
      const Role* role = site.find_role(block.role);
      roles.push_back({{"title", role ? role_title(site, *h.model, role->id, true) : block.role}, {"items", std::move(items)}});
    } else {
      blocks.push_back({{"heading", block.heading}, {"numbered", block.numbered}, {"is_text", block.kind == BlockKind::text},
                        {"start", block.start > 1 ? std::to_string(block.start) : ""},
                        {"table", block.kind == BlockKind::table ? table_data(block, page) : json(false)},
                        {"text_html", page.html(block.text)}, {"items", std::move(items)}});
    }
  }
  d["blocks"] = std::move(blocks);
  d["has_roles"] = !roles.empty();
  d["roles"] = std::move(roles);
  // One page, always: longer values print in a denser type size (never below 7.5 pt).
  d["density"] = characters > 5200 ? "densest" : characters > 4000 ? "denser" : characters > 2600 ? "dense" : "roomy";
  d["online_href"] = page.href(urls::section(*h.model, section));
  d["action_prompt"] = h.model->vocabulary.action_prompt;
  d["unit"] = h.model->vocabulary.unit;
  return page.finish("handout-one-pager.html", std::move(d));
}

Page topic_sheet_page(const LinkedSite& linked, const Handout& h) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, h.path);
  json d = handout_base(page, h, page.plain(h.topic->description));
  d["description_html"] = page.html(h.topic->description);
  std::map<std::string, json> items;
  for (std::size_t i : graph.by_topic(h.topic->id)) {
    const StatementRef& ref = graph.statements()[i];
    items[linked.model(ref).id].push_back(page.statement_ref(ref));
  }
  json models = json::array();
  for (const auto& m : site.models) {
    if (!m.superseded_by.empty()) continue;  // a workshop compares the editions in force
    json list = items.count(m.id) ? items[m.id] : json::array();
    models.push_back({{"title", model_name(m)}, {"jurisdiction", m.jurisdiction}, {"empty", list.empty()},
                      {"items", std::move(list)}});
  }
  d["models"] = std::move(models);
  d["online_href"] = page.href(urls::compare_topic(h.topic->id));
  return page.finish("handout-topic.html", std::move(d));
}

Page index_page(const LinkedSite& linked, const std::vector<Handout>& handouts, bool pdfs) {
  PageBuilder page(linked, urls::handouts());
  json d = page.layout("Handouts", "Printable role checklists, self-assessments, one page per part of each model, and topic sheets");
  page.breadcrumbs(d, {{"Home", urls::home()}, {"Handouts", urls::handouts()}});
  json groups = json::array();
  auto group_for = [&](const std::string& title, const std::string& anchor) -> json& {
    for (auto& g : groups)
      if (g["anchor"] == anchor) return g;
    groups.push_back({{"title", title}, {"anchor", anchor}, {"kinds", json::array()}});
    return groups.back();
  };
  for (const auto& h : handouts) {
    json& g = h.model ? group_for(model_name(*h.model), "handouts-" + h.model->id) : group_for("Across models", "handouts-compare");
    const std::string kind = handout_kind_label(h.kind, h.model);
    json* k = nullptr;
    for (auto& existing : g["kinds"])
      if (existing["title"] == kind) k = &existing;
    if (!k) {
      g["kinds"].push_back({{"title", kind}, {"items", json::array()}});
      k = &g["kinds"].back();
    }
    (*k)["items"].push_back({{"title", h.title}, {"href", page.href(h.path)}});
    if (pdfs) (*k)["items"].back()["pdf_href"] = page.href(h.pdf);
  }
  d["groups"] = std::move(groups);
  d["pdfs"] = pdfs;
  return page.finish("handouts.html", std::move(d));
}

}  // namespace

std::string handout_kind_label(HandoutKind kind, const Model* model) {
  switch (kind) {
    case HandoutKind::checklist: return "Role checklists";
    case HandoutKind::self_assessment: return (model ? model->vocabulary.rubric : std::string("CQI")) + " self-assessments";
    case HandoutKind::one_pager: return "One page per " + (model ? model->vocabulary.unit : std::string("value"));
    case HandoutKind::topic_sheet: return "Topic sheets";
  }
  return "";
}

bool has_self_assessment(const LinkGraph& graph, const Model& model, const std::string& role) {
  if (!model.rubric || model.rubric->levels.empty()) return false;
  const auto& applies = model.rubric->roles;
  if (!applies.empty()) return std::find(applies.begin(), applies.end(), role) != applies.end() &&
                               (model.rubric->rates != "actions" || !graph.actions(model, role).empty());
  return !graph.actions(model, role).empty();
}

std::vector<Handout> list_handouts(const LinkedSite& linked) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  std::vector<Handout> out;
  for (const auto& m : site.models) {
    for (const auto& role : site.roles) {
      const std::string name = role_title(site, m, role.id);
      if (!graph.actions(m, role.id).empty()) {
        const std::string checklist = urls::checklist(m, role.id);
        out.push_back({HandoutKind::checklist, &m, nullptr, &role, nullptr, name + " checklist", checklist,
                       urls::pdf_beside(checklist, m.id + "-" + role.id + "-checklist"), false});
      }
      if (has_self_assessment(graph, m, role.id)) {
        const std::string sa = urls::self_assessment(m, role.id);
        out.push_back({HandoutKind::self_assessment, &m, nullptr, &role, nullptr, name + " self-assessment", sa,
                       urls::pdf_beside(sa, m.id + "-" + role.id + "-self-assessment"), true});
      }
    }
    for (const auto& s : m.sections) {
      const std::string path = urls::one_pager(m, s);
      out.push_back({HandoutKind::one_pager, &m, &s, nullptr, nullptr,
                     s.label.empty() ? s.title : s.label + ": " + s.title, path,
                     urls::pdf_beside(path, m.id + "-" + s.id), false});
    }
  }
  for (const auto& t : site.topics) {
    const std::string path = urls::topic_sheet(t.id);
    out.push_back({HandoutKind::topic_sheet, nullptr, nullptr, nullptr, &t, t.title, path,
                   urls::pdf_beside(path, "topic-" + t.id), false});
  }
  return out;
}

std::vector<PageTask> plan_handout_pages(const LinkedSite& linked, bool pdfs) {
  std::vector<PageTask> tasks;
  auto handouts = std::make_shared<const std::vector<Handout>>(list_handouts(linked));
  if (handouts->empty()) return tasks;
  tasks.push_back({urls::handouts(), true, [&linked, handouts, pdfs] { return index_page(linked, *handouts, pdfs); }});
  for (const auto& h : *handouts) {
    tasks.push_back({h.path, true, [&linked, handouts, &h]() -> Page {
                       switch (h.kind) {
                         case HandoutKind::checklist: return checklist_page(linked, h);
                         case HandoutKind::self_assessment: return self_assessment_page(linked, h);
                         case HandoutKind::one_pager: return one_pager_page(linked, h);
                         case HandoutKind::topic_sheet: break;
                       }
                       return topic_sheet_page(linked, h);
                     }});
  }
  return tasks;
}

}  // namespace pb::views
