// Role pages: every action of a role in one model, grouped by section; and the role across models.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "content/assemble.hpp"
#include "link/urls.hpp"
#include "views/page_nav.hpp"
#include "views/handouts.hpp"
#include "views/plan.hpp"
#include "views/state_lists.hpp"

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
      groups.push_back(object("label", current->label,
                              "title", current->title,
                              "href", page.href(urls::section(linked.model(ref), *current)),
                              "anchor", linked.model(ref).id + "-" + current->id,
                              "items", json::array()));
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
    d["superseded"] = object("current_title", model_name(*newest),
                             "current_href", page.href(urls::model_role(*newest, role.id)));
  }
  json others = json::array();
  for (const auto& r : site.roles)
    if (r.id != role.id && !graph.actions(model, r.id).empty())
      others.push_back(object("title", role_title(site, model, r.id, true), "href", page.href(urls::model_role(model, r.id))));
  d["other_roles"] = std::move(others);
  return page.finish("role.html", std::move(d));
}

// The roles a role's page gathers: a broader role ("leadership") gathers the roles that are part of it
// ("area leadership", "state leadership"), so a model of one leadership tier and a model of two both
// appear under it.
std::vector<std::string> covered_roles(const Site& site, const Role& role) {
  std::vector<std::string> covered{role.id};
  for (const auto& r : site.roles)
    if (r.part_of == role.id) covered.push_back(r.id);
  return covered;
}

std::vector<std::size_t> covered_actions(const LinkGraph& graph, const Model& model, const std::vector<std::string>& covered) {
  std::vector<std::size_t> actions;
  for (const auto& id : covered) {
    const auto& some = graph.actions(model, id);
    actions.insert(actions.end(), some.begin(), some.end());
  }
  std::sort(actions.begin(), actions.end());
  return actions;
}

// The statements the role's page lists for a current edition: its actions for the role, or, when it
// has no actions by role, what it expects of all staff.
std::vector<std::size_t> listed_statements(const Site& site, const LinkGraph& graph, std::uint32_t mi,
                                           const std::vector<std::string>& covered) {
  const Model& model = site.models[mi];
  return graph.has_actions(model) ? covered_actions(graph, model, covered) : all_staff_statements(graph, mi);
}

// The current editions the role's page lists, with the length of the statement text each brings.
struct RoleListing {
  std::vector<std::uint32_t> models;
  std::vector<std::size_t> weights;
};

RoleListing role_listing(const LinkedSite& linked, const Role& role) {
  const LinkGraph& graph = linked.graph();
  const auto covered = covered_roles(linked.site(), role);
  RoleListing listing;
  for (std::uint32_t mi = 0; mi < linked.site().models.size(); ++mi) {
    if (!linked.site().models[mi].superseded_by.empty()) continue;
    const auto listed = listed_statements(linked.site(), graph, mi, covered);
    if (listed.empty()) continue;
    std::size_t weight = 0;
    for (std::size_t index : listed) weight += statement_weight(linked, graph.statements()[index]);
    listing.models.push_back(mi);
    listing.weights.push_back(weight);
  }
  return listing;
}

// The role across models: the whole page (`split` none), the summary of a split page (`part` none),
// or one state's page of it.
Page role_across_models(const LinkedSite& linked, const Role& role, const StateSplit* split, const StatePage* part) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  const std::string path = part ? part->path : urls::role(role.id);
  PageBuilder page(linked, path);
  const std::string in_state = part ? " in " + state_page_name(*split, *part) : std::string();
  json d = page.layout(fmt::format("What is expected of {}{}", in_sentence(role.plural), in_state),
                       fmt::format("The actions every practice model{} expects of {}", in_state, in_sentence(role.plural)));
  if (part)
    page.breadcrumbs(d, {{"Home", urls::home()}, {role.plural, urls::role(role.id)}, {state_page_name(*split, *part), path}});
  else
    page.breadcrumbs(d, {{"Home", urls::home()}, {role.plural, urls::role(role.id)}});
  d["role_title"] = role.title;
  d["role_plural"] = role.plural;
  d["role_description_html"] = page.html(role.description);
  // The current edition of each model in full; older editions by link.
  const std::vector<std::string> covered = covered_roles(site, role);
  std::vector<std::uint32_t> shown;  // the models this page lists: all, none (a summary) or a state's
  if (!split)
    for (std::uint32_t mi = 0; mi < site.models.size(); ++mi) shown.push_back(mi);
  else if (part)
    shown = part->models;
  json models = json::array(), archived = json::array(), without = json::array(), addressed = json::array();
  for (std::uint32_t mi : shown) {
    const Model& model = site.models[mi];
    const std::vector<std::size_t> actions = covered_actions(graph, model, covered);
    if (!actions.empty() && model.superseded_by.empty()) {
      // Under a broader role, say which of its roles the model has ("area leadership, state leadership").
      std::string parts;
      for (const auto& id : covered)
        if (covered.size() > 1 && !graph.actions(model, id).empty())
          parts += (parts.empty() ? "" : ", ") + in_sentence(role_title(site, model, id, true));
      addressed.push_back(object("title", model_name(model), "href", "#" + model.id, "parts", parts));
    }
    // A model that has only narrower roles links to its overview's roles, not to a page it lacks.
    const std::string href =
        page.href(graph.actions(model, role.id).empty() ? urls::model(model) + "#roles" : urls::model_role(model, role.id));
    if (!graph.has_actions(model)) {
      // Its expectations of all staff, inline: a worker in Maine finds here what Maine expects.
      if (model.superseded_by.empty())
        without.push_back(object("title", model_name(model), "jurisdiction", model.jurisdiction, "anchor", model.id,
                                 "href", page.href(urls::model(model)), "units", model.vocabulary.units_or_default(),
                                 "groups", grouped_actions(page, all_staff_statements(graph, mi))));
      continue;
    }
    if (actions.empty()) continue;
    if (!model.superseded_by.empty()) {
      archived.push_back(object("title", model_name(model), "href", href));
      continue;
    }
    models.push_back(object("title", model_name(model),
                            "jurisdiction", model.jurisdiction,
                            "anchor", model.id,
                            "href", href,
                            "count", count_of(actions.size(), "action", "actions"),
                            "groups", grouped_actions(page, actions)));
  }
  if (split && !part) {
    // The summary: the states, each model linking its own page of the role's actions; archived
    // editions stay listed here, by link.
    for (std::uint32_t mi = 0; mi < site.models.size(); ++mi) {
      const Model& model = site.models[mi];
      if (!model.superseded_by.empty() && !covered_actions(graph, model, covered).empty())
        archived.push_back(object("title", model_name(model),
                                  "href", page.href(graph.actions(model, role.id).empty() ? urls::model(model) + "#roles"
                                                                                           : urls::model_role(model, role.id))));
    }
    auto entry = [&](std::uint32_t mi) -> SummaryEntry {
      const Model& model = site.models[mi];
      if (!graph.has_actions(model))
        return {{{"title", model_name(model)}, {"href", page.href(urls::model(model))}, {"count", "for all staff"}}, 0};
      const std::size_t n = covered_actions(graph, model, covered).size();
      const bool own_page = !graph.actions(model, role.id).empty();
      return {{{"title", model_name(model)},
               {"href", page.href(own_page ? urls::model_role(model, role.id) : urls::model(model) + "#roles")},
               {"count", count_of(n, "action", "actions")}},
              n};
    };
    std::size_t listed = 0;
    for (const auto& g : split->groups) listed += g.models.size();
    d["summary"] = {{"intro", fmt::format("{} in {} expect something of {}: too many for one page, so the list is split "
                                          "by state. Each state's page has its models' actions in full.",
                                          count_of(listed, "model", "models"), count_of(split->groups.size(), "state", "states"),
                                          in_sentence(role.plural))},
                    {"caption", fmt::format("{} by state", role.plural)},
                    {"count_heading", "Actions"},
                    {"states", summary_rows(page, *split, entry, [](std::size_t n) { return count_of(n, "action", "actions"); })}};
  }
  d["has_addressed"] = !addressed.empty();
  d["addressed_count"] = addressed.size() == 1 ? std::string("one model") : fmt::format("{} models", addressed.size());
  // The jump list the page opens with: every model on it, with role actions or not.
  json jump = json::array();
  for (const json* list : {&models, &without})
    for (const auto& m : *list)
      jump.push_back(object("href", fmt::format("#{}", m["anchor"].get<std::string>()), "title", m["title"], "jurisdiction", m["jurisdiction"]));
  d["has_jump"] = !jump.empty();
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
      roles.push_back(object("title", r.plural, "href", page.href(urls::role(r.id)), "current", r.id == role.id));
  d["roles"] = std::move(roles);
  if (part) d["pagination"] = state_pager(page, *split, static_cast<std::size_t>(part - split->pages.data()));
  add_role_navigation(d);
  return page.finish("role-all.html", std::move(d));
}

}  // namespace

std::vector<PageTask> plan_role_pages(const LinkedSite& linked, std::size_t budget) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  std::vector<PageTask> tasks;
  for (const auto& model : site.models)
    for (const auto& role : site.roles)
      if (!graph.actions(model, role.id).empty())
        tasks.push_back({urls::model_role(model, role.id), true,
                         [&linked, &model, &role] { return model_role_page(linked, model, role); }});
  for (const auto& role : site.roles) {
    if (!role_addressed(linked, role)) continue;
    const RoleListing listing = role_listing(linked, role);
    add_split_tasks(tasks, urls::role(role.id), split_by_state(site, urls::role(role.id), listing.models, listing.weights, budget),
                    [&linked, &role](const StateSplit* split, const StatePage* part) { return role_across_models(linked, role, split, part); });
  }
  return tasks;
}

}  // namespace pb::views
