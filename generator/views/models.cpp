// The pages of one model: its overview, one page per section, and model.json.
#include <fmt/format.h>

#include "content/assemble.hpp"
#include "link/urls.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

using json = nlohmann::json;

std::size_t statement_count(const Section& section) {
  std::size_t n = 0;
  for (const auto& block : section.blocks) for_each_statement(block.items, [&](const Statement&, int) { ++n; });
  return n;
}

// Model facts shown on every page of a model: the archive banner and the sidebar of sections.
void add_model_frame(const Site& site, const Model& model, const PageBuilder& page, json& data,
                     const Section* current) {
  data["model_id"] = model.id;
  data["model_title"] = model.title;
  data["model_edition"] = model.edition;
  data["model_href"] = page.href(urls::model(model));
  data["model_is_current_page"] = current == nullptr;
  if (!model.superseded_by.empty()) {
    const Model* newest = current_edition(site, model);
    data["superseded"] = json{{"current_title", model_name(*newest)}, {"current_href", page.href(urls::model(*newest))}};
  }
  json nav = json::array();
  for (const auto& s : model.sections)
    nav.push_back({{"label", s.label}, {"title", s.title}, {"href", page.href(urls::section(model, s))},
                   {"current", current && current->id == s.id}});
  data["model_nav"] = std::move(nav);
  data["has_model_nav"] = true;
}

json block_data(const Site& site, const Block& block, PageBuilder& page) {
  json items = json::array();
  for (const auto& s : block.items) items.push_back(page.statement(s));
  std::string heading = block.heading;
  if (heading.empty() && block.kind == BlockKind::actions)
    if (const Role* role = site.find_role(block.role)) heading = role->title + " actions";
  return json{{"kind", block_kind_name(block.kind)},
              {"heading", heading},
              {"id", block.key},
              {"intro_html", block.intro.html},
              {"text_html", block.text.html},
              {"is_text", block.kind == BlockKind::text},
              {"numbered", block.numbered},
              {"role", block.role},
              {"items", std::move(items)}};
}

Page overview_page(const Site& site, const LinkGraph& graph, const Model& model) {
  PageBuilder page(site, graph, urls::model(model));
  json d = page.layout(model.title, strip_tags(model.vision.html));
  page.breadcrumbs(d, {{"Home", urls::home()}, {model_name(model), urls::model(model)}});
  add_model_frame(site, model, page, d, nullptr);
  d["subtitle"] = model.subtitle;
  d["jurisdiction"] = model.jurisdiction;
  d["agency"] = model.agency;
  d["edition"] = model.edition.empty() ? "Undated" : model.edition;
  d["date"] = model.date;
  d["undated"] = model.date.empty();
  d["source_html"] = model.source.html;
  d["intro_html"] = model.intro.html;
  d["vision_html"] = model.vision.html;
  d["closing_html"] = model.closing.html;
  d["json_href"] = page.href(urls::model_json(model));
  if (model.priorities) {
    const auto& p = *model.priorities;
    json items = json::array();
    for (const auto& s : p.items) items.push_back(page.statement(s));
    d["priorities"] = json{{"heading", p.heading.empty() ? "Priorities" : p.heading},
                           {"intro_html", p.intro.html},
                           {"numbered", p.numbered},
                           {"items", std::move(items)}};
  }
  if (model.letter) {
    const auto& l = *model.letter;
    d["letter"] = json{{"heading", l.heading.empty() ? "Letter" : l.heading}, {"body_html", l.body.html},
                       {"closing", l.closing}, {"signature", l.signature}, {"signature_title", l.signature_title}};
  }
  if (model.rubric) {
    json levels = json::array();
    for (const auto& level : model.rubric->levels)
      levels.push_back({{"name", level.name}, {"description_html", level.description.html}});
    d["rubric"] = json{{"title", model.rubric->title.empty() ? "Rubric" : model.rubric->title},
                       {"intro_html", model.rubric->intro.html},
                       {"levels", std::move(levels)}};
  }
  json sections = json::array();
  for (const auto& s : model.sections) page.use_terms(s.summary_terms);
  for (const auto& s : model.sections)
    sections.push_back({{"label", s.label},
                        {"title", s.title},
                        {"href", page.href(urls::section(model, s))},
                        {"summary_html", s.summary.html},
                        {"count", fmt::format("{} statements", statement_count(s))}});
  d["sections"] = std::move(sections);
  json footnotes = json::array();
  for (const auto& note : model.footnotes) footnotes.push_back({{"marker", note.marker}, {"html", note.text.html}});
  d["footnotes"] = std::move(footnotes);
  d["has_footnotes"] = !model.footnotes.empty();
  json editions = json::array();
  for (const Model* e : editions_of(site, model.family))
    if (e != &model)
      editions.push_back({{"title", model_name(*e)}, {"href", page.href(urls::model(*e))},
                          {"current", e->superseded_by.empty()}});
  d["has_editions"] = !editions.empty();
  d["editions"] = std::move(editions);
  // Roles: a page per role that has actions in this model, or a plain statement that there are none.
  json roles = json::array();
  for (const auto& role : site.roles)
    if (const auto& actions = graph.actions(model, role.id); !actions.empty())
      roles.push_back({{"title", role.plural}, {"href", page.href(urls::model_role(model, role.id))},
                       {"count", fmt::format("{} actions", actions.size())}});
  d["has_roles"] = !roles.empty();
  d["roles"] = std::move(roles);
  d["handouts_href"] = page.href(urls::handouts() + "#handouts-" + model.id);
  page.edit_link(d, model.source_file);
  // What changed: on the newer edition, its own changes page; on the older, the successor's.
  if (site.find_model(model.supersedes))
    d["changes"] = json{{"title", "What changed from " + model_name(*site.find_model(model.supersedes))},
                        {"href", page.href(urls::changes(model))}};
  else if (const Model* successor = site.find_model(model.superseded_by))
    d["changes"] = json{{"title", "What changed in " + model_name(*successor)}, {"href", page.href(urls::changes(*successor))}};
  return page.finish("model.html", std::move(d));
}

Page section_page(const Site& site, const LinkGraph& graph, const Model& model, std::size_t index) {
  const Section& section = model.sections[index];
  PageBuilder page(site, graph, urls::section(model, section));
  const std::string title = section.title;
  json d = page.layout(title, strip_tags(section.summary.html));
  const std::string crumb = section.label.empty() ? section.title : section.label;
  page.breadcrumbs(d, {{"Home", urls::home()}, {model_name(model), urls::model(model)},
                       {crumb, urls::section(model, section)}});
  add_model_frame(site, model, page, d, &section);
  d["label"] = section.label;
  d["summary_html"] = section.summary.html;
  page.use_terms(section.summary_terms);
  d["intro_html"] = section.intro.html;
  json blocks = json::array();
  for (const auto& block : section.blocks) blocks.push_back(block_data(site, block, page));
  d["blocks"] = std::move(blocks);
  auto neighbour = [&](const Section& s) {
    return json{{"label", s.label}, {"title", s.title},
                {"href", page.href(urls::section(model, s))}};
  };
  if (index > 0) d["previous"] = neighbour(model.sections[index - 1]);
  if (index + 1 < model.sections.size()) d["next"] = neighbour(model.sections[index + 1]);
  d["has_pager"] = model.sections.size() > 1;
  // The same section in the model's other editions, when they have it.
  json elsewhere = json::array();
  for (const Model* e : editions_of(site, model.family)) {
    if (e == &model) continue;
    for (const auto& s : e->sections)
      if (s.id == section.id)
        elsewhere.push_back({{"title", model_name(*e)}, {"href", page.href(urls::section(*e, s))},
                             {"current", e->superseded_by.empty()}});
  }
  d["has_other_editions"] = !elsewhere.empty();
  d["other_editions"] = std::move(elsewhere);
  json roles = json::array();
  for (const auto& role : site.roles)
    if (!graph.actions(model, role.id).empty())
      roles.push_back({{"title", role.plural}, {"href", page.href(urls::model_role(model, role.id))}});
  d["has_roles"] = !roles.empty();
  d["roles"] = std::move(roles);
  d["one_pager_href"] = page.href(urls::one_pager(model, section));
  page.edit_link(d, section.source_file);
  return page.finish("section.html", std::move(d));
}

// model.json: the normalised model for other tools (Markdown sources, stable ids, no HTML).
nlohmann::ordered_json statements_json(const std::vector<Statement>& items) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& s : items) {
    nlohmann::ordered_json j{{"id", s.id}, {"text", s.text.source}, {"topics", s.topics}};
    if (!s.children.empty()) j["items"] = statements_json(s.children);
    list.push_back(std::move(j));
  }
  return list;
}

Page model_json_page(const Model& model) {
  using ojson = nlohmann::ordered_json;
  ojson j{{"id", model.id},           {"title", model.title},   {"subtitle", model.subtitle},
          {"jurisdiction", model.jurisdiction}, {"agency", model.agency}, {"family", model.family},
          {"edition", model.edition}, {"date", model.date.empty() ? ojson(nullptr) : ojson(model.date)},
          {"supersedes", model.supersedes.empty() ? ojson(nullptr) : ojson(model.supersedes)},
          {"superseded_by", model.superseded_by.empty() ? ojson(nullptr) : ojson(model.superseded_by)},
          {"source", model.source.source}, {"intro", model.intro.source}, {"vision", model.vision.source}};
  if (model.priorities)
    j["priorities"] = ojson{{"heading", model.priorities->heading}, {"intro", model.priorities->intro.source},
                            {"items", statements_json(model.priorities->items)}};
  if (model.letter)
    j["letter"] = ojson{{"heading", model.letter->heading}, {"body", model.letter->body.source},
                        {"closing", model.letter->closing}, {"signature", model.letter->signature},
                        {"signature_title", model.letter->signature_title}};
  auto sections = ojson::array();
  for (const auto& s : model.sections) {
    auto blocks = ojson::array();
    for (const auto& b : s.blocks) {
      ojson bj{{"kind", block_kind_name(b.kind)}, {"heading", b.heading}};
      if (!b.role.empty()) bj["role"] = b.role;
      if (b.kind == BlockKind::text) bj["text"] = b.text.source;
      else bj["items"] = statements_json(b.items);
      blocks.push_back(std::move(bj));
    }
    sections.push_back(ojson{{"id", s.id}, {"label", s.label}, {"title", s.title},
                             {"summary", s.summary.source}, {"url", s.id + "/index.html"},
                             {"blocks", std::move(blocks)}});
  }
  j["sections"] = std::move(sections);
  if (model.rubric) {
    auto levels = ojson::array();
    for (const auto& l : model.rubric->levels) levels.push_back(ojson{{"name", l.name}, {"description", l.description.source}});
    j["rubric"] = ojson{{"title", model.rubric->title}, {"intro", model.rubric->intro.source}, {"levels", levels}};
  }
  j["closing"] = model.closing.source;
  Page page;
  page.path = urls::model_json(model);
  page.raw = j.dump(2) + "\n";
  return page;
}

}  // namespace

std::vector<PageTask> plan_model_pages(const Site& site, const LinkGraph& graph) {
  std::vector<PageTask> tasks;
  for (const auto& model : site.models) {
    tasks.push_back({urls::model(model), true, [&] { return overview_page(site, graph, model); }});
    for (std::size_t i = 0; i < model.sections.size(); ++i)
      tasks.push_back({urls::section(model, model.sections[i]), true,
                       [&site, &graph, &model, i] { return section_page(site, graph, model, i); }});
    tasks.push_back({urls::model_json(model), false, [&model] { return model_json_page(model); }});
  }
  return tasks;
}

}  // namespace pb::views
