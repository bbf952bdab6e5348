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

// Actions (or other statements) grouped by the section they come from, in the model's order.
Data grouped_actions(PageBuilder& page, const std::vector<std::size_t>& actions) {
  Data groups = list();
  const LinkedSite& linked = page.linked();
  const Section* current = nullptr;
  for (std::size_t index : actions) {
    const StatementRef& ref = page.graph().statements()[index];
    if (linked.section(ref) != current) {
      current = linked.section(ref);
      push(groups, object("label", current->label,
                              "title", current->title,
                              "href", page.href(urls::section(linked.model(ref), *current)),
                              "anchor", linked.model(ref).id + "-" + current->id,
                              "items", list()));
    }
    push(items(groups).back()["items"], page.statement_ref(ref));
  }
  return groups;
}

// What a model without actions by role expects of everyone: its sections' statements, in order.
std::vector<std::size_t> all_staff_statements(const LinkGraph& graph, std::uint32_t model) {
  std::vector<std::size_t> found;
  const auto& all = graph.statements();
  const auto [first, last] = graph.statements_of(model);  // not the whole site's, for each model
  for (std::size_t i = first; i < last; ++i)
    if (all[i].section != no_index) found.push_back(i);
  return found;
}

// A model's page of a role's actions: one page, or for a long manual numbered pages of runs of its
// actions (models/<m>/roles/<role>/2/, …), the first at the role page's own address.
struct RolePages {
  std::vector<ResultRun> runs;
  std::vector<std::string> paths;
};

RolePages role_pages(const LinkedSite& linked, const Model& model, const Role& role, std::size_t budget) {
  const std::size_t page_budget = own_page_budget(budget);
  RolePages pages;
  for (const WeighedRun& cut : cut_runs(grouped_statement_weights(linked, linked.graph().actions(model, role.id)), 0, page_budget))
    pages.runs.push_back(cut.run);
  for (std::size_t n = 1; n <= pages.runs.size(); ++n)
    pages.paths.push_back(n == 1 ? urls::model_role(model, role.id) : urls::results_page(urls::model_role(model, role.id), n));
  return pages;
}

Page model_role_page(const LinkedSite& linked, const Model& model, const Role& role, const RolePages& pages, std::size_t index) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  PageBuilder page(linked, pages.paths[index]);
  const auto& actions = graph.actions(model, role.id);
  const std::string title = role_title(site, model, role.id), plural = role_title(site, model, role.id, true);
  const std::string of_pages = pages.paths.size() > 1 ? fmt::format(", page {} of {}", index + 1, pages.paths.size()) : "";
  const Vocabulary& words = model.vocabulary;
  Data d = page.layout(fmt::format("{} {}{}", title, words.actions_word(), of_pages),
                       fmt::format("Every {} for {} in {}{}", words.action_word(), plural, model_name(model), of_pages));
  page.breadcrumbs(d, {{"Home", urls::home()}, {model_name(model), urls::model(model)},
                       {plural + of_pages, pages.paths[index]}});
  set(d, "model_id", model.id);
  set(d, "model_title", model.title);
  set(d, "model_name", model_name(model));
  set(d, "model_href", page.href(urls::model(model)));
  set(d, "role_title", title);
  set(d, "role_plural", plural);
  set(d, "across_title", role.plural);
  set(d, "actions_word_html", text_html(model.vocabulary.actions));
  set(d, "unit", model.vocabulary.unit);
  set(d, "rubric_word", model.vocabulary.rubric);
  set(d, "role_description_html", page.html(role.description));
  set(d, "count", std::to_string(actions.size()));
  set(d, "groups", grouped_actions(page, in_part(actions, pages.runs[index])));
  set(d, "action_word", words.action_word());
  set(d, "part", part_label(pages.runs[index], actions.size(), words.actions_word()));
  if (pages.paths.size() > 1) set(d, "pagination", pager(page, pages.paths, index));
  set(d, "across_href", page.href(urls::role(role.id)));
  set(d, "checklist_href", page.href(urls::checklist(model, role.id)));
  if (has_self_assessment(graph, model, role.id))
    set(d, "self_assessment_href", page.href(urls::self_assessment(model, role.id)));
  if (!model.superseded_by.empty()) {
    const Model* newest = current_edition(site, model);
    set(d, "superseded", object("current_title", model_name(*newest),
                             "current_href", page.href(urls::model_role(*newest, role.id))));
  }
  Data others = list();
  for (const auto& r : site.roles)
    if (r.id != role.id && !graph.actions(model, r.id).empty())
      push(others, object("title", role_title(site, model, r.id, true), "href", page.href(urls::model_role(model, r.id))));
  set(d, "other_roles", std::move(others));
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
    const std::size_t weight = model_entry_weight + total_weight(grouped_statement_weights(linked, listed));
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
  Data d = page.layout(fmt::format("What is expected of {}{}", in_sentence(role.plural), in_state),
                       fmt::format("The actions every practice model{} expects of {}", in_state, in_sentence(role.plural)));
  if (part)
    page.breadcrumbs(d, {{"Home", urls::home()}, {role.plural, urls::role(role.id)}, {state_page_name(*split, *part), path}});
  else
    page.breadcrumbs(d, {{"Home", urls::home()}, {role.plural, urls::role(role.id)}});
  set(d, "role_title", role.title);
  set(d, "role_plural", role.plural);
  set(d, "role_description_html", page.html(role.description));
  // The current edition of each model in full; older editions by link.
  const std::vector<std::string> covered = covered_roles(site, role);
  std::vector<std::uint32_t> shown;  // the models this page lists: all, none (a summary) or a state's
  if (!split)
    for (std::uint32_t mi = 0; mi < site.models.size(); ++mi) shown.push_back(mi);
  else if (part)
    shown = part->models;
  Data models = list(), archived = list(), without = list(), addressed = list();
  for (std::uint32_t mi : shown) {
    const Model& model = site.models[mi];
    const std::vector<std::size_t> actions = covered_actions(graph, model, covered);
    if (!actions.empty() && model.superseded_by.empty()) {
      // Under a broader role, say which of its roles the model has ("area leadership, state leadership").
      std::string parts;
      for (const auto& id : covered)
        if (covered.size() > 1 && !graph.actions(model, id).empty())
          parts += (parts.empty() ? "" : ", ") + in_sentence(role_title(site, model, id, true));
      push(addressed, object("title", model_name(model), "href", "#" + model.id, "parts", parts));
    }
    // A model that has only narrower roles links to its overview's roles, not to a page it lacks.
    const std::string href =
        page.href(graph.actions(model, role.id).empty() ? urls::model(model) + "#roles" : urls::model_role(model, role.id));
    // A model too large for a page on its own shows a run of its statements here.
    const ResultRun shown_part = part ? part->part_of(mi) : whole_part;
    if (!graph.has_actions(model)) {
      // Its expectations of all staff, inline: a worker in Maine finds here what Maine expects.
      if (model.superseded_by.empty()) {
        const std::vector<std::size_t> all_staff = all_staff_statements(graph, mi);
        push(without, object("title", model_name(model), "jurisdiction", model.jurisdiction, "anchor", model.id,
                                 "href", page.href(urls::model(model)), "units", model.vocabulary.units_or_default(),
                                 "part", part_label(shown_part, all_staff.size(), "statements"),
                                 "groups", grouped_actions(page, in_part(all_staff, shown_part))));
      }
      continue;
    }
    if (actions.empty()) continue;
    if (!model.superseded_by.empty()) {
      push(archived, object("title", model_name(model), "href", href));
      continue;
    }
    const std::string piece = part_label(shown_part, actions.size(), model.vocabulary.actions_word());  // empty: the model whole
    push(models, object("title", model_name(model),
                            "jurisdiction", model.jurisdiction,
                            "anchor", model.id,
                            "href", href,
                            "count", piece.empty() ? model.vocabulary.count_actions(actions.size()) : piece,
                            "actions_word", model.vocabulary.actions_word(),
                            "groups", grouped_actions(page, in_part(actions, shown_part))));
  }
  if (split && !part) {
    // The summary: the states, each model linking its own page of the role's actions; archived
    // editions stay listed here, by link.
    for (std::uint32_t mi = 0; mi < site.models.size(); ++mi) {
      const Model& model = site.models[mi];
      if (!model.superseded_by.empty() && !covered_actions(graph, model, covered).empty())
        push(archived, object("title", model_name(model),
                                  "href", page.href(graph.actions(model, role.id).empty() ? urls::model(model) + "#roles"
                                                                                           : urls::model_role(model, role.id))));
    }
    auto entry = [&](std::uint32_t mi) -> SummaryEntry {
      const Model& model = site.models[mi];
      if (!graph.has_actions(model))
        return {object("title", model_name(model), "href", page.href(urls::model(model)), "count", "for all staff"), 0};
      const std::size_t n = covered_actions(graph, model, covered).size();
      const bool own_page = !graph.actions(model, role.id).empty();
      return {object("title", model_name(model),
                     "href", page.href(own_page ? urls::model_role(model, role.id) : urls::model(model) + "#roles"),
                     "count", model.vocabulary.count_actions(n)),
              n};
    };
    std::size_t listed = 0;
    for (const auto& g : split->groups) listed += g.models.size();
    set(d, "summary", object("intro", fmt::format("{} in {} expect something of {}: too many for one page, so the list is split "
                                                  "by state. Each state's page has its models' actions in full.",
                                                  count_of(listed, "model", "models"), count_of(split->groups.size(), "state", "states"),
                                                  in_sentence(role.plural)),
                             "caption", fmt::format("{} by state", role.plural),
                             "count_heading", "Actions",
                             "states", summary_rows(page, *split, entry, [](std::size_t n) { return count_of(n, "action", "actions"); })));
  }
  set(d, "has_addressed", !items(addressed).empty());
  set(d, "addressed_count", items(addressed).size() == 1 ? std::string("one model") : fmt::format("{} models", items(addressed).size()));
  // The jump list the page opens with: every model on it, with role actions or not.
  Data jump = list();
  for (const Data* listed : {&models, &without})
    for (const auto& m : items(*listed))
      push(jump, object("href", fmt::format("#{}", text_of(m, "anchor")), "title", text_of(m, "title"), "jurisdiction", text_of(m, "jurisdiction")));
  set(d, "has_jump", !items(jump).empty());
  set(d, "jump", std::move(jump));
  set(d, "addressed", std::move(addressed));
  set(d, "models", std::move(models));
  set(d, "has_archived", !items(archived).empty());
  set(d, "archived", std::move(archived));
  set(d, "has_without", !items(without).empty());
  set(d, "without", std::move(without));
  Data roles = list();
  for (const auto& r : site.roles)
    if (role_addressed(linked, r))
      push(roles, object("title", r.plural, "href", page.href(urls::role(r.id)), "current", r.id == role.id));
  set(d, "roles", std::move(roles));
  if (part) set(d, "pagination", state_pager(page, *split, static_cast<std::size_t>(part - split->pages.data())));
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
      if (!graph.actions(model, role.id).empty()) {
        auto pages = std::make_shared<const RolePages>(role_pages(linked, model, role, budget));
        for (std::size_t i = 0; i < pages->paths.size(); ++i)
          tasks.push_back({pages->paths[i], true, [&linked, &model, &role, pages, i] { return model_role_page(linked, model, role, *pages, i); }});
      }
  for (const auto& role : site.roles) {
    if (!role_addressed(linked, role)) continue;
    const RoleListing listing = role_listing(linked, role);
    const std::vector<std::string> covered = covered_roles(site, role);
    auto item_weights = [&](std::uint32_t mi) { return grouped_statement_weights(linked, listed_statements(site, graph, mi, covered)); };
    add_split_tasks(tasks, urls::role(role.id),
                    split_by_state(site, urls::role(role.id), listing.models, listing.weights, listing_budget(budget), SIZE_MAX, item_weights),
                    [&linked, &role](const StateSplit* split, const StatePage* part) { return role_across_models(linked, role, split, part); });
  }
  return tasks;
}

}  // namespace pb::views
