#include "views/plan.hpp"

namespace pb {

std::vector<Page> plan_site(const Site& site) {
  std::vector<Page> pages;
  auto append = [&](std::vector<Page> more) {
    for (auto& p : more) pages.push_back(std::move(p));
  };
  append(plan_home(site));
  append(plan_model_pages(site));
  append(plan_site_files(site, pages));
  return pages;
}

}  // namespace pb
