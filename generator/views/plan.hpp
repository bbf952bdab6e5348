#pragma once
// Every page of the site, planned from the linked site: one planner per URL prefix.
#include <memory>
#include <vector>

#include "link/linked_site.hpp"
#include "content/model.hpp"
#include "views/by_state.hpp"
#include "views/handouts.hpp"
#include "views/page.hpp"

namespace pb::inline views {

// One planner per URL prefix, each in the file named after it:
std::vector<PageTask> plan_home(const LinkedSite& linked);            // home.cpp: index.html
// models.cpp: models/<m>/ (overview, sections, changes/, model.json); `budget` tells where the split
// handouts index lists a model's handouts (`handouts`: list_handouts' result, when the caller has it).
std::vector<PageTask> plan_model_pages(const LinkedSite& linked, std::size_t budget = split_budget,
                                       std::shared_ptr<const std::vector<Handout>> handouts = nullptr);
// A section whose page prints past `limit` bytes: a long manual put in one section, which stays one
// page (its statements' permalinks are there), so the build warns of it (models.cpp).
struct LongSection {
  const Section* section = nullptr;
  std::size_t statements = 0, bytes = 0;  // bytes: as weighed, about what the page prints
};
inline constexpr std::size_t long_section_bytes = 1500 * 1000;
std::vector<LongSection> long_sections(const LinkedSite& linked, std::size_t limit = long_section_bytes);
// roles.cpp: roles/<r>/ (split by state past `budget`: views/state_split.hpp), models/<m>/roles/<r>/
std::vector<PageTask> plan_role_pages(const LinkedSite& linked, std::size_t budget = split_budget);
// glossary.cpp: glossary/, glossary/<term>/ (split by state past `budget`)
std::vector<PageTask> plan_glossary_pages(const LinkedSite& linked, std::size_t budget = split_budget);
// compare_topics.cpp + compare_matrix.cpp: compare/, compare/states/, compare/topics/ (split by state past `budget`)
std::vector<PageTask> plan_compare_pages(const LinkedSite& linked, std::size_t budget = split_budget);
// shared_language.cpp: compare/shared-language/ (numbered pages of results past `budget`) and
// compare/shared-language.json (in parts of at most `json_budget` bytes, a cluster heavier than that
// a part of its own); the summary of a split lists its groups, or past `index_budget` its pages
inline constexpr std::size_t shared_language_json_budget = 1024 * 1024;
std::vector<PageTask> plan_shared_language(const LinkedSite& linked, std::size_t budget = split_budget,
                                           std::size_t json_budget = shared_language_json_budget,
                                           std::size_t index_budget = split_budget);
// frameworks.cpp: compare/frameworks/<f>/ (its gaps by model split by state past `budget`) and
// compare/frameworks/<f>/<m>/
std::vector<PageTask> plan_framework_pages(const LinkedSite& linked, std::size_t budget = split_budget);
std::vector<PageTask> plan_search(const LinkedSite& linked);          // search.cpp: search/, search-index.js
// handouts.cpp: handouts/; with `prints` (when the build printed PDFs) each handout page and the index
// link its PDF and say how many pages it printed on.
// Past `budget` the index is split by state (handouts/states/<slug>/), the handouts staying where they are.
std::vector<PageTask> plan_handout_pages(const LinkedSite& linked, const HandoutPrints* prints,
                                         std::size_t budget = split_budget,
                                         std::shared_ptr<const std::vector<Handout>> handouts = nullptr);
// home.cpp: 404.html and sitemap.xml; the sitemap lists the pages planned so far.
std::vector<PageTask> plan_site_files(const LinkedSite& linked, const std::vector<PageTask>& pages);

using HandoutList = std::shared_ptr<const std::vector<Handout>>;

// Every page of the site, in a fixed order, each built when its task runs. Cross-model pages whose
// statements are over `budget` are split by state (tests pass a small one to split the seed site).
// `handouts`, when given, receives the handouts the plan lists (list_handouts' result).
std::vector<PageTask> plan_site(const LinkedSite& linked, std::size_t budget = split_budget,
                                HandoutList* handouts = nullptr);

}  // namespace pb::views
