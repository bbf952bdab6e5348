#include "views/plan.hpp"

namespace pb::inline views {

std::vector<PageTask> plan_site(const Site& site, const LinkGraph& graph, bool pdfs) {
  std::vector<PageTask> tasks;
  auto append = [&](std::vector<PageTask> more) {
    for (auto& t : more) tasks.push_back(std::move(t));
  };
  append(plan_home(site, graph));
  append(plan_model_pages(site, graph));
  append(plan_role_pages(site, graph));
  append(plan_glossary_pages(site, graph));
  append(plan_compare_pages(site, graph));
  append(plan_comparison_pages(site, graph));
  append(plan_search(site, graph));
  append(plan_handout_pages(site, graph, pdfs));
  append(plan_site_files(site, graph, tasks));
  return tasks;
}

}  // namespace pb::views
