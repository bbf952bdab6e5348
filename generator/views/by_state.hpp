#pragma once
// Cross-model pages at the scale of a national site. A page that lists every model's statements
// (a role, a topic, a term's uses, shared language) stays whole while it is small, as on a site of a
// few states; past a size budget it becomes a summary that links one page per state, and a state
// with many models (a county-administered state) is split further into numbered pages of results.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "content/model.hpp"

namespace pb::inline views {

// Estimated bytes of page for the listed statements beyond which a cross-model page is split. Pages
// carry about three times their statements' text in markup, so this keeps pages well under 1.5 MB.
inline constexpr std::size_t split_budget = 400 * 1024;

// Models side by side on one page of a split (a topic's columns, the topic × model matrix): a wider
// table is not read across, and its empty cells grow as rows × columns (500 models of one state made
// a topic's pages of 200 columns 2.6 MB, three quarters of it empty cells).
inline constexpr std::size_t max_columns = 20;

// The models of one state, in site order (jurisdiction, family, newest edition first).
struct StateGroup {
  std::string state;                   // as the models name it ("Arkansas", "State 07")
  std::string slug;                    // [a-z0-9-]+ and unique among the groups: the page's folder
  std::vector<std::uint32_t> models;   // indexes into Site::models
};

// Groups `models` (indexes into site.models) by Model::state, states in alphabetical order.
std::vector<StateGroup> group_by_state(const Site& site, const std::vector<std::uint32_t>& models);

// A run of consecutive items that fits one page: [begin, end).
struct ResultRun {
  std::size_t begin = 0, end = 0;
};

// Packs items, in order, into runs whose weights sum to at most `budget` and of at most `max_items`
// items; an item heavier than the budget is a run of its own. No items: no runs.
std::vector<ResultRun> pack_runs(const std::vector<std::size_t>& weights, std::size_t budget,
                                 std::size_t max_items = SIZE_MAX);

// The sum of the weights: whether a page needs splitting at all.
std::size_t total_weight(const std::vector<std::size_t>& weights);

}  // namespace pb::views
