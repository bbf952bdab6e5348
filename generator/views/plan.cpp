#include "views/plan.hpp"

namespace pb::inline views {

std::vector<PageTask> plan_site(const LinkedSite& linked, std::size_t budget) {
  std::vector<PageTask> tasks;
  auto append = [&](std::vector<PageTask> more) {
    for (auto& t : more) tasks.push_back(std::move(t));
  };
  // Listed once: the overviews link into the handouts index, which lists them all.
  const auto handouts = std::make_shared<const std::vector<Handout>>(list_handouts(linked, budget));
  append(plan_home(linked));
  append(plan_model_pages(linked, budget, handouts));
  append(plan_role_pages(linked, budget));
  append(plan_glossary_pages(linked, budget));
  append(plan_compare_pages(linked, budget));
  append(plan_shared_language(linked, budget));
  append(plan_framework_pages(linked));
  append(plan_search(linked));
  append(plan_handout_pages(linked, nullptr, budget, handouts));
  append(plan_site_files(linked, tasks));
  return tasks;
}

}  // namespace pb::views
