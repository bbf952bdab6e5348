#include "views/plan.hpp"

#include <future>

namespace pb::inline views {

std::vector<PageTask> plan_site(const LinkedSite& linked, std::size_t budget, HandoutList* listed) {
  // Listed once: the overviews link into the handouts index, which lists them all.
  HandoutList handouts;
  // Planners only read the linked site. On a national site listing the handouts and planning the
  // pages that use them take as long as all the other planners, so they run on a second thread.
  auto with_handouts = std::async(std::launch::async, [&] {
    handouts = std::make_shared<const std::vector<Handout>>(list_handouts(linked, budget));
    return std::pair{plan_model_pages(linked, budget, handouts), plan_handout_pages(linked, nullptr, budget, handouts)};
  });
  std::vector<PageTask> home = plan_home(linked);
  std::vector<std::vector<PageTask>> others;
  others.push_back(plan_role_pages(linked, budget));
  others.push_back(plan_glossary_pages(linked, budget));
  others.push_back(plan_compare_pages(linked, budget));
  others.push_back(plan_shared_language(linked, budget));
  others.push_back(plan_framework_pages(linked, budget));
  others.push_back(plan_search(linked));
  auto [model_pages, handout_pages] = with_handouts.get();

  std::vector<PageTask> tasks;
  auto append = [&](std::vector<PageTask>& more) {
    for (auto& t : more) tasks.push_back(std::move(t));
  };
  // The site's fixed order: home, models, roles, glossary, compare, shared language, frameworks,
  // search, handouts, then the files that list them all.
  append(home);
  append(model_pages);
  for (auto& more : others) append(more);
  append(handout_pages);
  auto site_files = plan_site_files(linked, tasks);
  append(site_files);
  if (listed) *listed = std::move(handouts);
  return tasks;
}

}  // namespace pb::views
