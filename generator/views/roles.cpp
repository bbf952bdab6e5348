// Role pages: every action of a role in one model, grouped by section; and the role across models.
#include <fmt/format.h>

#include <algorithm>

#include "content/assemble.hpp"
#include "link/urls.hpp"
#include "views/page_nav.hpp"
#include "views/handouts.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

using json = nlohmann::json;

// Actions (or other statements) grouped by the section they come from, in the model's order.
json grouped_actions(PageBuilder& page, const std::vector<std::size_t>& actions) {
  json groups = json::array();
  const LinkedSite& linked = page.linked();
  const Section* current = nullptr;
  for (std::size_t index : actions) {
    const StatementRef& ref = page.graph().statements()[index];
    if (linked.section(ref) != current) {
      current = linked.section(ref);
      groups.push_back({{"label", current->label},
                        {"title", current->title},
                        {"href", page.href(urls::section(linked.model(ref), *current))},
                        {"anchor", linked.model(ref).id + "-" + current->id},
                        {"items", json::array()}});
    }
    groups.back()["items"].push_back(page.statement_ref(ref));
  }
  return groups;
}

// What a model without actions by role expects of everyone: its sections' statements, in order.
std::vector<std::size_t> all_staff_statements(const LinkGraph& graph, std::uint32_t model) {
  std::vector<std::size_t> found;
  const auto& all = graph.statements();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].model == model && all[i].section != no_index) found.push_back(i);
  return found;
}

Page model_role_page(const LinkedSite& linked, const Model& model, const Role& role) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, urls::model_role(model, role.id));
  const auto& actions = graph.actions(model, role.id);
  const std::string title = role_title(site, model, role.id), plural = role_title(site, model, role.id, true);
  json d = page.layout(fmt::format("{} actions", title),
                       fmt::format("Every action for {} in {}", plural, model_name(model)));
  page.breadcrumbs(d, {{"Home", urls::home()}, {model_name(model), urls::model(model)},
                       {plural, urls::model_role(model, role.id)}});
  d["model_id"] = model.id;
  d["model_title"] = model.title;
  d["model_name"] = model_name(model);
  d["model_href"] = page.href(urls::model(model));
  d["role_title"] = title;
  d["role_plural"] = plural;
  d["across_title"] = role.plural;
  d["actions_word_html"] = text_html(model.vocabulary.actions);
  d["unit"] = model.vocabulary.unit;
  d["rubric_word"] = model.vocabulary.rubric;
  d["role_description_html"] = page.html(role.description);
  d["count"] = std::to_string(actions.size());
  d["groups"] = grouped_actions(page, actions);
  d["across_href"] = page.href(urls::role(role.id));
  d["checklist_href"] = page.href(urls::checklist(model, role.id));
  if (has_self_assessment(graph, model, role.id))
    d["self_assessment_href"] = page.href(urls::self_assessment(model, role.id));
  if (!model.superseded_by.empty()) {
    const Model* newest = current_edition(site, model);
    d["superseded"] = json{{"current_title", model_name(*newest)},
                           {"current_href", page.href(urls::model_role(*newest, role.id))}};
  }
  json others = json::array();
  for (const auto& r : site.roles)
    if (r.id != role.id && !graph.actions(model, r.id).empty())
      others.push_back({{"title", role_title(site, model, r.id, true)}, {"href", page.href(urls::model_role(model, r.id))}});
  d["other_roles"] = std::move(others);
  return page.finish("role.html", std::move(d));
}

Page role_across_models(const LinkedSite& linked, const Role& role) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, urls::role(role.id));
  json d = page.layout(fmt::format("What is expected of {}", in_sentence(role.plural)),
                       fmt::format("The actions every practice model expects of {}", in_sentence(role.plural)));
  page.breadcrumbs(d, {{"Home", urls::home()}, {role.plural, urls::role(role.id)}});
  d["role_title"] = role.title;
  d["role_plural"] = role.plural;
  d["role_description_html"] = page.html(role.description);
  // The current edition of each model in full; older editions by link.
  // A broader role ("leadership") gathers the roles that are part of it ("area leadership", "state
  // leadership"), so a model of one leadership tier and a model of two both appear under it.
  std::vector<std::string> covered{role.id};
  for (const auto& r : site.roles)
    if (r.part_of == role.id) covered.push_back(r.id);
  json models = json::array(), archived = json::array(), without = json::array(), addressed = json::array();
  for (std::uint32_t mi = 0; mi < site.models.size(); ++mi) {
    const Model& model = site.models[mi];
    std::vector<std::size_t> actions;
    for (const auto& id : covered) {
      const auto& some = graph.actions(model, id);
      actions.insert(actions.end(), some.begin(), some.end());
    }
    std::sort(actions.begin(), actions.end());
    if (!actions.empty() && model.superseded_by.empty()) {
      // Under a broader role, say which of its roles the model has ("area leadership, state leadership").
      std::string parts;
      for (const auto& id : covered)
        if (covered.size() > 1 && !graph.actions(model, id).empty())
          parts += (parts.empty() ? "" : ", ") + in_sentence(role_title(site, model, id, true));
      addressed.push_back({{"title", model_name(model)}, {"href", "#" + model.id}, {"parts", parts}});
    }
    // A model that has only narrower roles links to its overview's roles, not to a page it lacks.
    const std::string href =
        page.href(graph.actions(model, role.id).empty() ? urls::model(model) + "#roles" : urls::model_role(model, role.id));
    if (!graph.has_actions(model)) {
      // Its expectations of all staff, inline: a worker in Maine finds here what Maine expects.
      if (model.superseded_by.empty())
        without.push_back({{"title", model_name(model)}, {"jurisdiction", model.jurisdiction}, {"anchor", model.id},
                           {"href", page.href(urls::model(model))}, {"units", model.vocabulary.units_or_default()},
                           {"groups", grouped_actions(page, all_staff_statements(graph, mi))}});
      continue;
    }
    if (actions.empty()) continue;
    if (!model.superseded_by.empty()) {
      archived.push_back({{"title", model_name(model)}, {"href", href}});
      continue;
    }
    models.push_back({{"title", model_name(model)},
                      {"jurisdiction", model.jurisdiction},
                      {"anchor", model.id},
                      {"href", href},
                      {"count", actions.size() == 1 ? std::string("1 action") : fmt::format("{} actions", actions.size())},
                      {"groups", grouped_actions(page, actions)}});
  }
  d["has_addressed"] = !addressed.empty();
  d["addressed_count"] = addressed.size() == 1 ? std::string("one model") : fmt::format("{} models", addressed.size());
  // The jump list the page opens with: every model on it, with role actions or not.
  json jump = json::array();
  for (const json* list : {&models, &without})
    for (const auto& m : *list)
      jump.push_back({{"href", "#" + m["anchor"].get<std::string>()}, {"title", m["title"]}, {"jurisdiction", m["jurisdiction"]}});
  d["jump"] = std::move(jump);
  d["addressed"] = std::move(addressed);
  d["models"] = std::move(models);
  d["has_archived"] = !archived.empty();
  d["archived"] = std::move(archived);
  d["has_without"] = !without.empty();
  d["without"] = std::move(without);
  json roles = json::array();
  for (const auto& r : site.roles)
    if (role_addressed(linked, r))
      roles.push_back({{"title", r.plural}, {"href", page.href(urls::role(r.id))}, {"current", r.id == role.id}});
  d["roles"] = std::move(roles);
  add_role_navigation(d);
  return page.finish("role-all.html", std::move(d));
}

}  // namespace

std::vector<PageTask> plan_role_pages(const LinkedSite& linked) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  std::vector<PageTask> tasks;
  for (const auto& model : site.models)
    for (const auto& role : site.roles)
      if (!graph.actions(model, role.id).empty())
        tasks.push_back({urls::model_role(model, role.id), true,
                         [&linked, &model, &role] { return model_role_page(linked, model, role); }});
  for (const auto& role : site.roles)
    if (role_addressed(linked, role))
      tasks.push_back({urls::role(role.id), true, [&linked, &role] { return role_across_models(linked, role); }});
  return tasks;
}

}  // namespace pb::views
