// Which handouts exist, the handouts index, and the plan of their pages (each page: handout_pages.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "content/assemble.hpp"
#include "link/urls.hpp"
#include "views/handout_pages.hpp"
#include "views/handouts.hpp"
#include "views/plan.hpp"

namespace pb::inline views {

namespace {

// A handout in the index: its page, and when the build printed it, its pages, PDF and thumbnail.
Data index_item(const PageBuilder& page, const Handout& h, const HandoutPrints* prints) {
  Data item = object("title", h.title, "href", page.href(h.path));
  const auto found = prints ? prints->find(h.path) : HandoutPrints::const_iterator{};
  if (!prints || found == prints->end()) return item;
  const HandoutPrint& p = found->second;
  set(item, "pages", pages_phrase(p.pages));
  set(item, "pdf_href", page.href(h.pdf));
  set(item, "pdf_size", size_phrase(p.pdf_bytes));
  if (p.thumbnail) {
    set(item, "thumbnail_href", page.href(h.thumbnail));
    set(item, "thumbnail_height", h.landscape ? "70" : "116");  // 90 px wide (a 180 px PNG), Letter's proportions
  }
  return item;
}

// Grouped by model: current editions first (in the site's order), then the topic sheets, then the
// archived editions apart, each saying which edition replaced it. On a site whose index is split by
// state, the index (no `part`) keeps the topic sheets and a table of states, and each state's page
// (`part`) its models' handouts.
Page index_page(const LinkedSite& linked, const std::vector<Handout>& handouts, const HandoutPrints* prints,
                const StateSplit* split, const StatePage* part) {
  const Site& site = linked.site();
  const std::string path = part ? part->path : urls::handouts();
  PageBuilder page(linked, path);
  Data d = page.layout(part ? "Handouts in " + state_page_name(*split, *part) : std::string("Handouts"),
                       "Printable role checklists, self-assessments, one page per part of each model, and topic sheets");
  if (part)
    page.breadcrumbs(d, {{"Home", urls::home()}, {"Handouts", urls::handouts()}, {state_page_name(*split, *part), path}});
  else
    page.breadcrumbs(d, {{"Home", urls::home()}, {"Handouts", urls::handouts()}});
  // Whole: every handout. The summary of a split index: each topic's sheet (whose own table lists its
  // states' sheets). A state's page: its models' handouts and, on its first page, its topic sheets; so a
  // site of hundreds of states lists each state's sheets once, not every sheet on the summary.
  auto on_page = [&](const Handout& h) {
    if (!split) return true;
    if (!part) return !h.model && h.state.empty();
    if (!h.model) return !h.state.empty() && h.state == split->groups[part->group].state && part->number == 1;
    const auto m = static_cast<std::uint32_t>(h.model - site.models.data());
    return std::find(part->models.begin(), part->models.end(), m) != part->models.end();
  };
  Data current = list(), archived = list();
  auto group_for = [&](Data& groups, const std::string& title, const std::string& anchor) -> Data& {
    for (auto& g : items(groups))
      if (text_is(g, "anchor", anchor)) return g;
    push(groups, object("title", title, "anchor", anchor, "kinds", list()));
    return items(groups).back();
  };
  std::size_t count = 0;
  for (const auto& h : handouts) {
    if (!on_page(h)) continue;
    const bool old = h.model && !h.model->superseded_by.empty();
    Data& g = h.model ? group_for(old ? archived : current, model_name(*h.model), "handouts-" + h.model->id)
                      : group_for(current, "Across models", "handouts-compare");
    if (old && !get(g, "replaced_by")) {
      const Model& newest = *current_edition(site, *h.model);
      set(g, "replaced_by", model_name(newest));
      const std::string at = split ? split->path_of(static_cast<std::uint32_t>(&newest - site.models.data())) : urls::handouts();
      set(g, "replaced_by_href", page.href(at) + "#handouts-" + newest.id);
    }
    const std::string kind = handout_kind_label(h.kind, h.model);
    Data* k = nullptr;
    for (auto& existing : items(g["kinds"]))
      if (text_is(existing, "title", kind)) k = &existing;
    if (!k) {
      push(g["kinds"], object("title", kind, "items", list()));
      k = &items(g["kinds"]).back();
    }
    push((*k)["items"], index_item(page, h, prints));
    ++count;
  }
  if (split && !part) {
    // Each model's handouts counted, linking them on its state's page.
    std::vector<std::size_t> per_model(site.models.size(), 0);
    for (const auto& h : handouts)
      if (h.model) ++per_model[static_cast<std::size_t>(h.model - site.models.data())];
    auto entry = [&](std::uint32_t mi) -> SummaryEntry {
      return {object("title", model_name(site.models[mi]), "href", page.href(model_handouts(split, site, site.models[mi])),
                     "count", count_of(per_model[mi], "handout", "handouts")),
              per_model[mi]};
    };
    std::size_t models = 0;
    for (const auto& g : split->groups) models += g.models.size();
    set(d, "summary", object("intro", fmt::format("The handouts of {} in {} are too many for one page: each state's page lists its "
                                                  "models' handouts.", count_of(models, "model", "models"), count_of(split->groups.size(), "state", "states")),
                             "caption", "Handouts by state",
                             "count_heading", "Handouts",
                             "states", summary_rows(page, *split, entry, [](std::size_t n) { return count_of(n, "handout", "handouts"); })));
    count = handouts.size();
  }
  // Topic sheets compare the current editions: they follow them, before the archive.
  std::stable_partition(items(current).begin(), items(current).end(), [](const Data& g) { return !text_is(g, "anchor", "handouts-compare"); });
  set(d, "count", std::to_string(count));
  set(d, "groups", std::move(current));
  set(d, "has_archived", !items(archived).empty());
  set(d, "archived_groups", std::move(archived));
  set(d, "pdfs", prints != nullptr && !prints->empty());
  if (part) set(d, "pagination", state_pager(page, *split, static_cast<std::size_t>(part - split->pages.data())));
  return page.finish("handouts.html", std::move(d));
}

}  // namespace

std::optional<StateSplit> split_handouts_index(const Site& site, const std::vector<Handout>& handouts, std::size_t budget) {
  std::vector<std::size_t> weight_of(site.models.size(), 0);
  for (const auto& h : handouts)
    if (h.model) weight_of[static_cast<std::size_t>(h.model - site.models.data())] += handout_entry_weight;
  std::vector<std::uint32_t> models;
  std::vector<std::size_t> weights;
  for (std::uint32_t m = 0; m < site.models.size(); ++m)
    if (weight_of[m] > 0) {
      models.push_back(m);
      weights.push_back(weight_of[m]);
    }
  StateSplit split = split_by_state(site, urls::handouts(), models, weights, budget);
  if (!split.split()) return std::nullopt;
  return split;
}

std::string model_handouts(const StateSplit* split, const Site& site, const Model& model) {
  return (split ? split->path_of(static_cast<std::uint32_t>(&model - site.models.data())) : urls::handouts()) + "#handouts-" +
         model.id;
}

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

namespace {

// A handout of a role's actions, in parts when they are more than a page holds (a long manual's), each
// part's PDF named `stem`-part-<n> beside it.
void add_in_parts(std::vector<Handout>& out, Handout h, const LinkedSite& linked, const std::string& stem, std::size_t budget) {
  // Runs as the model's role page has them, so part n of the checklist is page n of the role's actions.
  const auto runs = cut_runs(grouped_statement_weights(linked, linked.graph().actions(*h.model, h.role->id)), 0, own_page_budget(budget));
  if (runs.size() == 1) {
    out.push_back(std::move(h));
    return;
  }
  for (std::size_t n = 0; n < runs.size(); ++n) {
    Handout part = h;
    part.part = runs[n].run;
    part.part_number = n + 1;
    part.part_count = runs.size();
    part.title += fmt::format(", part {} of {}", n + 1, runs.size());
    if (n > 0) {
      part.path = urls::results_page(h.path, n + 1);
      part.pdf = urls::pdf_beside(part.path, fmt::format("{}-part-{}", stem, n + 1));
    }
    out.push_back(std::move(part));
  }
}

}  // namespace

std::vector<Handout> list_handouts(const LinkedSite& linked, std::size_t budget) {
  const Site& site = linked.site();
  const LinkGraph& graph = linked.graph();
  std::vector<Handout> out;
  for (const auto& m : site.models) {
    for (const auto& role : site.roles) {
      const std::string name = role_title(site, m, role.id);
      if (!graph.actions(m, role.id).empty()) {
        const std::string checklist = urls::checklist(m, role.id), stem = m.id + "-" + role.id + "-checklist";
        add_in_parts(out, {HandoutKind::checklist, &m, nullptr, &role, nullptr, name + " checklist", checklist,
                           urls::pdf_beside(checklist, stem), false, {}}, linked, stem, budget);
      }
      if (has_self_assessment(graph, m, role.id)) {
        const std::string sa = urls::self_assessment(m, role.id), stem = m.id + "-" + role.id + "-self-assessment";
        Handout form{HandoutKind::self_assessment, &m, nullptr, &role, nullptr, name + " self-assessment", sa,
                     urls::pdf_beside(sa, stem), true, {}};
        if (m.rubric->rates == "actions")  // a row per action: in parts like the checklist
          add_in_parts(out, std::move(form), linked, stem, budget);
        else
          out.push_back(std::move(form));
      }
    }
    for (const auto& s : m.sections) {
      const std::string path = urls::one_pager(m, s);
      out.push_back({HandoutKind::one_pager, &m, &s, nullptr, nullptr,
                     s.label.empty() ? s.title : s.label + ": " + s.title, path,
                     urls::pdf_beside(path, m.id + "-" + s.id), false, {}});
    }
  }
  for (const auto& t : site.topics) {
    const std::string path = urls::topic_sheet(t.id);
    out.push_back({HandoutKind::topic_sheet, nullptr, nullptr, nullptr, &t, t.title, path,
                   urls::pdf_beside(path, "topic-" + t.id), false, {}});
    auto sheets = state_topic_sheets(linked, t, budget);
    if (!sheets.empty()) out.back().states = sheets.front().states;  // the topic's sheet lists them
    for (auto& sheet : sheets) out.push_back(std::move(sheet));
  }
  for (auto& h : out) h.thumbnail = h.pdf.substr(0, h.pdf.size() - 4) + ".png";  // "x.pdf" → "x.png"
  return out;
}

std::vector<PageTask> plan_handout_pages(const LinkedSite& linked, const HandoutPrints* prints, std::size_t budget,
                                         std::shared_ptr<const std::vector<Handout>> handouts) {
  std::vector<PageTask> tasks;
  if (!handouts) handouts = std::make_shared<const std::vector<Handout>>(list_handouts(linked, budget));
  if (handouts->empty()) return tasks;
  // The tasks run after planning returns: they keep their own copy of what printing gave.
  auto printed = prints ? std::make_shared<const HandoutPrints>(*prints) : nullptr;
  std::shared_ptr<const StateSplit> split;
  if (auto found = split_handouts_index(linked.site(), *handouts, budget)) split = std::make_shared<const StateSplit>(std::move(*found));
  tasks.push_back({urls::handouts(), true, [&linked, handouts, printed, split] {
                     return index_page(linked, *handouts, printed.get(), split.get(), nullptr);
                   }});
  if (split)
    for (const auto& part : split->pages)
      tasks.push_back({part.path, true, [&linked, handouts, printed, split, &part] {
                         return index_page(linked, *handouts, printed.get(), split.get(), &part);
                       }});
  for (const auto& h : *handouts) {
    tasks.push_back({h.path, true, [&linked, handouts, printed, &h]() -> Page {
                       const HandoutPrint* print = nullptr;
                       if (printed)
                         if (auto it = printed->find(h.path); it != printed->end()) print = &it->second;
                       return handout_page(linked, h, print);
                     }});
  }
  return tasks;
}

}  // namespace pb::views
