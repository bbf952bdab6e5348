#include "views/plan.hpp"

namespace pb {

std::vector<Page> plan_site(const Site& site, const LinkGraph& graph, bool pdfs) {
  std::vector<Page> pages;
  auto append = [&](std::vector<Page> more) {
    for (auto& p : more) pages.push_back(std::move(p));
  };
  append(plan_home(site, graph));
  append(plan_model_pages(site, graph));
  append(plan_role_pages(site, graph));
  append(plan_glossary_pages(site, graph));
  append(plan_compare_pages(site, graph));
  append(plan_comparison_pages(site, graph));
  append(plan_search(site, graph));
  append(plan_handout_pages(site, graph, pdfs));
  append(plan_site_files(site, graph, pages));
  return pages;
}

}  // namespace pb
