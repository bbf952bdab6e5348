#pragma once
// What the role across models, a glossary term's uses and the handouts index add to a split by state
// (views/state_split.hpp): how much a listed statement weighs, a state page's name, and summary rows
// that list each model with its count.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "views/page_data.hpp"

#include "views/page.hpp"
#include "views/state_split.hpp"

namespace pb::inline views {

// What a statement listed on a cross-model page weighs against the budget: the length of its HTML,
// glossary links and their definitions included (a page of a term's uses carries its definition with
// every statement, which its source text does not show), and the markup around it: its list item and
// the link to it in context, with the place it links (about 250 bytes however short the statement).
// Each model listed adds its own heading and entry in the page's contents. So weighed, a page is
// close to what it prints (1.0 to 1.3 times, from long statements to short ones in many small models),
// where pages weighed by their text alone print up to three times it: these listings are split at
// twice the budget (listing_budget), which keeps their pages under 1 MB.
std::size_t statement_weight(const LinkedSite& linked, const StatementRef& ref);
inline constexpr std::size_t statement_ref_weight = 250;
// The weights of a model's listed statements (indexes into the link graph's statements) on a page that
// groups them by section (a role page, a checklist): each statement's, and its section's heading when
// it starts one (a manual of a section per action nearly doubles them).
std::vector<std::size_t> grouped_statement_weights(const LinkedSite& linked, const std::vector<std::size_t>& listed);
inline constexpr std::size_t model_entry_weight = 600;
constexpr std::size_t listing_budget(std::size_t budget) { return budget > SIZE_MAX / 2 ? SIZE_MAX : budget * 2; }
// A model's own page that lists its statements (a role's actions, its page against a framework)
// continues on numbered pages past this; never cut finer than min_part_weight.
constexpr std::size_t own_page_budget(std::size_t budget) { return std::max(listing_budget(budget), min_part_weight); }

// "Virginia" or "Virginia, page 2 of 3": what a state page's title and breadcrumb add.
std::string state_page_name(const StateSplit& split, const StatePage& page);

// A model's entry in a summary row: its template data and the count summed per state.
struct SummaryEntry {
  Data data;
  std::size_t count = 0;
};

// state_rows() with, per state, `entries` (each model as `entry` gives it, linking its own page or
// its place on the state's page), `count` (their counts summed, as `count_label` writes it) and
// `page_count` ("3 pages" when `has_pages`).
Data summary_rows(const PageBuilder& page, const StateSplit& split,
                            const std::function<SummaryEntry(std::uint32_t)>& entry,
                            const std::function<std::string(std::size_t)>& count_label);

}  // namespace pb::views
