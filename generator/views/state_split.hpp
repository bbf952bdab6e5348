#pragma once
// How a cross-model page is split by state on a large site, once the page's listed statements are over
// the budget (views/by_state.hpp): the page at the same URL becomes a summary whose table links one page
// per state, and a state still over the budget is packed into numbered pages of results. The planners of
// the split pages (roles, glossary terms, the handouts index) share this, so their summaries, state
// pages and "Page 2 of 3" navigation read alike.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "views/by_state.hpp"
#include "views/page.hpp"

namespace pb::inline views {

// One page of a state: a run of the state's models.
struct StatePart {
  std::size_t group = 0;   // index into StateSplit::groups
  ResultRun run;           // [begin, end) of the group's models
  std::size_t number = 1;  // its page number in the state, from 1
  std::size_t of = 1;      // the state's number of pages
  std::string path;        // urls::state_page(…)
};

struct StateSplit {
  std::string page;                // the split page, which becomes the summary ("roles/workers/index.html")
  std::vector<StateGroup> groups;  // states in alphabetical order
  std::vector<StatePart> parts;    // each state's pages in order, states in order

  // The models on a part (indexes into Site::models).
  std::vector<std::uint32_t> models_of(const StatePart& part) const;
  // The part that lists model `m`; none when the model is not on the page.
  const StatePart* part_of(std::uint32_t m) const;
};

// Splits the page at `page` that lists `models` (in site order), each weighing `weights[i]` (its
// listed statements' text length), when their total is over `budget`; none when the page stays whole.
std::optional<StateSplit> split_by_state(const Site& site, const std::string& page, const std::vector<std::uint32_t>& models,
                                         const std::vector<std::size_t>& weights, std::size_t budget);

// What a statement listed on a cross-model page weighs against the budget: the length of its HTML,
// glossary links and their definitions included (a page of a term's uses carries its definition with
// every statement, which its source text does not show), and of the link to it in context. Pages print
// about twice that (a role's page 1.9 times, a term's 1.2 times, at 500 models): a page listing a
// budget's worth stays under 1 MB.
std::size_t statement_weight(const LinkedSite& linked, const StatementRef& ref);
inline constexpr std::size_t statement_ref_weight = 100;  // "in context" and the place it links

// A model's row entry in the summary: its template data and the count summed per state.
struct SummaryEntry {
  nlohmann::json data;
  std::size_t count = 0;
};

// The summary's table of states: per state its name, a link to its (first) page, how many pages it
// has, its models (as `entry` gives them) and the sum of their counts, written by `count_label`.
nlohmann::json state_rows(const PageBuilder& page, const StateSplit& split,
                          const std::function<SummaryEntry(std::uint32_t)>& entry,
                          const std::function<std::string(std::size_t)>& count_label);

// "Virginia" or "Virginia, page 2 of 3": what a state page's title and breadcrumb add.
std::string part_name(const StateSplit& split, const StatePart& part);

// A state page's navigation between its pages of results ("Page 2 of 3", rel=prev/next links, each
// page by number): `pagination`, left out for a state of one page.
void add_pagination(nlohmann::json& data, const PageBuilder& page, const StateSplit& split, const StatePart& part);

// "1 action", "3 actions": a count with its noun (plural by adding "s").
std::string count_phrase(std::size_t n, const std::string& noun);

}  // namespace pb::views
