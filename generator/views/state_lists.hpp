#pragma once
// What the role across models, a glossary term's uses and the handouts index add to a split by state
// (views/state_split.hpp): how much a listed statement weighs, a state page's name, and summary rows
// that list each model with its count.
#include <cstddef>
#include <functional>
#include <string>

#include "views/page_data.hpp"

#include "views/page.hpp"
#include "views/state_split.hpp"

namespace pb::inline views {

// What a statement listed on a cross-model page weighs against the budget: the length of its HTML,
// glossary links and their definitions included (a page of a term's uses carries its definition with
// every statement, which its source text does not show), and of the link to it in context. Pages print
// about twice that (a role's page 1.9 times, a term's 1.2 times, at 500 models): a page listing a
// budget's worth stays under 1 MB.
std::size_t statement_weight(const LinkedSite& linked, const StatementRef& ref);
inline constexpr std::size_t statement_ref_weight = 100;  // "in context" and the place it links

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
