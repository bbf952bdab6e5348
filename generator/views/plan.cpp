#include "views/plan.hpp"

#include <functional>
#include <future>

namespace pb {

std::vector<Page> plan_site(const Site& site, const LinkGraph& graph, bool pdfs) {
  // Planners only read the site and the link graph, so they run side by side; their pages are
  // concatenated in a fixed order, so the output does not depend on which finishes first.
  std::vector<std::function<std::vector<Page>()>> planners = {
      [&] { return plan_home(site, graph); },
      [&] { return plan_model_pages(site, graph); },
      [&] { return plan_role_pages(site, graph); },
      [&] { return plan_glossary_pages(site, graph); },
      [&] { return plan_compare_pages(site, graph); },
      [&] { return plan_comparison_pages(site, graph); },
      [&] { return plan_search(site, graph); },
      [&] { return plan_handout_pages(site, graph, pdfs); },
  };
  std::vector<std::future<std::vector<Page>>> running;
  for (auto& planner : planners) running.push_back(std::async(std::launch::async, planner));
  std::vector<Page> pages;
  for (auto& r : running)
    for (auto& p : r.get()) pages.push_back(std::move(p));
  // The sitemap lists every page planned above.
  for (auto& p : plan_site_files(site, graph, pages)) pages.push_back(std::move(p));
  return pages;
}

}  // namespace pb
