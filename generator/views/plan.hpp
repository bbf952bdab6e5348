#pragma once
// Every page of the site, planned from the model: one planner per page kind.
#include <vector>

#include "model.hpp"
#include "views/page.hpp"

namespace pb {

std::vector<Page> plan_home(const Site& site);
std::vector<Page> plan_model_pages(const Site& site);  // overview, sections, model.json
// 404 and sitemap.xml; the sitemap lists the pages planned so far.
std::vector<Page> plan_site_files(const Site& site, const std::vector<Page>& pages);

std::vector<Page> plan_site(const Site& site);

}  // namespace pb
