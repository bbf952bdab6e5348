#pragma once
// Every page of the site, planned from the model: one planner per page kind.
#include <vector>

#include "link/link_graph.hpp"
#include "content/model.hpp"
#include "views/page.hpp"

namespace pb::inline views {

std::vector<PageTask> plan_home(const Site& site, const LinkGraph& graph);
std::vector<PageTask> plan_model_pages(const Site& site, const LinkGraph& graph);   // overview, sections, model.json
std::vector<PageTask> plan_role_pages(const Site& site, const LinkGraph& graph);    // per model, and across models
std::vector<PageTask> plan_glossary_pages(const Site& site, const LinkGraph& graph);
std::vector<PageTask> plan_compare_pages(const Site& site, const LinkGraph& graph); // matrix and topic pages
// Shared language across model families (page and JSON), and each edition's changes page.
std::vector<PageTask> plan_comparison_pages(const Site& site, const LinkGraph& graph);
std::vector<PageTask> plan_search(const Site& site, const LinkGraph& graph);        // search page and index
// Handouts and their index; `pdfs` links each handout's PDF (when `practicebook pdf` prints them).
std::vector<PageTask> plan_handout_pages(const Site& site, const LinkGraph& graph, bool pdfs);
// 404 and sitemap.xml; the sitemap lists the pages planned so far.
std::vector<PageTask> plan_site_files(const Site& site, const LinkGraph& graph, const std::vector<PageTask>& pages);

// Every page of the site, in a fixed order, each built when its task runs.
std::vector<PageTask> plan_site(const Site& site, const LinkGraph& graph, bool pdfs = false);

}  // namespace pb::views
