#pragma once
// A cross-model page split by state on a large site: which models each of its pages shows, where
// each page is, and what the templates need to link them (the summary's table of states and the
// "Page 2 of 3" navigation of a state too large for one page).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "views/page_data.hpp"

#include "views/by_state.hpp"
#include "views/page.hpp"

namespace pb::inline views {

// A model's part of a page: all of its listed statements, or, for a model too large for a page on its
// own, a run [begin, end) of them in the order the page lists them.
inline constexpr ResultRun whole_part{0, SIZE_MAX};

// A model's part is cut into runs only past the budget and past this weight: a budget small enough to
// split a few models by state (the tests use a few bytes) does not leave one statement a page.
inline constexpr std::size_t min_part_weight = 32 * 1024;

// One page of a state: all its models, or one run of them when the state is over the budget.
struct StatePage {
  std::size_t group = 0;               // index into StateSplit::groups
  std::size_t number = 1, of = 1;      // "Page <number> of <of>" within its state
  std::vector<std::uint32_t> models;   // indexes into Site::models, in the order given
  std::vector<ResultRun> parts;        // by models[i]: whole_part, or the run of its statements shown here
  std::string path;                    // root-relative

  // The part this page shows of `model` (whole_part when it is not on the page).
  ResultRun part_of(std::uint32_t model) const;
};

// The items of `listed` (a model's statements, in the order the page lists them) that `part` shows.
std::vector<std::size_t> in_part(std::span<const std::size_t> listed, ResultRun part);

// A run of a model's statements and what it weighs, the model's own share (`overhead`) included.
struct WeighedRun {
  ResultRun run;
  std::size_t weight;
};

// Cuts `items` (weights, in order) into runs that each weigh at most `budget` with `overhead` added;
// one run, whole_part, when they all fit or there is one item.
std::vector<WeighedRun> cut_runs(const std::vector<std::size_t>& items, std::size_t overhead, std::size_t budget);

// "actions 201–400 of 900" for a model cut across pages (`many` names the items); empty for a whole one.
std::string part_label(ResultRun part, std::size_t total, std::string_view many);

// The weight of each statement a model lists, in order, asked only of a model too large for a page.
using ItemWeights = std::function<std::vector<std::size_t>(std::uint32_t model)>;

struct StateSplit {
  std::string summary;                      // the page that was split: at its URL, the summary
  std::vector<StateGroup> groups;           // none: the page stays whole
  std::vector<StatePage> pages;             // state by state, each state's pages in order
  std::map<std::uint32_t, std::size_t> page_of;  // model → index into pages

  bool split() const { return !groups.empty(); }
  // The page that shows a model's part: its state's page of results, or the whole page.
  const std::string& path_of(std::uint32_t model) const;
  // The index into `pages` of the first page of group `g`.
  std::size_t first_page(std::size_t g) const;
};

// Whether a page of models' parts weighing `weights` is split by state: past `budget`, or past
// `max_models` models when it shows each model as a column.
bool splits_by_state(const std::vector<std::size_t>& weights, std::size_t budget, std::size_t max_models);

// Splits the page at `page` when the estimated weights of its models' parts (weights[i] for
// models[i]) sum past `budget`, or when there are more than `max_models` models (a page that shows
// each model as a column); a state over the budget, or of more than `max_models` models, gets
// numbered pages of results. Given `item_weights`, a model heavier than a page on its own
// (max(budget, min_part_weight)) is cut into runs of its statements, a page each, so no page holds
// more than about a budget whatever one model's size; page_of then names a model's first page.
StateSplit split_by_state(const Site& site, const std::string& page, const std::vector<std::uint32_t>& models,
                          const std::vector<std::size_t>& weights, std::size_t budget = split_budget,
                          std::size_t max_models = SIZE_MAX, const ItemWeights& item_weights = {});

// The tasks of a page that may be split: the page itself (whole when `split` is not, else the summary),
// then every state page. `make(split, page)` builds one: (nullptr, nullptr) the whole page,
// (split, nullptr) the summary, (split, page) a state's page.
void add_split_tasks(std::vector<PageTask>& tasks, const std::string& path, StateSplit split,
                     std::function<Page(const StateSplit*, const StatePage*)> make);

// "Page 2 of 3" navigation between numbered pages (`paths`, the current one at `current`):
// {label, has_prev, prev_href, has_next, next_href, pages: [{number, href, current}]}.
Data pager(const PageBuilder& page, const std::vector<std::string>& paths, std::size_t current);
// The same for a state's pages of results; false (no navigation) when the state has one page.
Data state_pager(const PageBuilder& page, const StateSplit& split, std::size_t index);

// A summary's table of states, one row per group: {state, href, models (names), model_count,
// has_pages, pages: [{number, href}]}. Callers add their own counts to the rows, in the same order.
Data state_rows(const PageBuilder& page, const StateSplit& split);
// The same rows, each with "statements": how many of `statements` (indexes into the link graph's
// statements, e.g. a topic's) the state's models have.
Data state_rows_counting(const PageBuilder& page, const StateSplit& split, const std::vector<std::size_t>& statements);

// "12 models", "1 statement"
std::string count_of(std::size_t n, std::string_view one, std::string_view many);

}  // namespace pb::views
