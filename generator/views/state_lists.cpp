#include "views/state_lists.hpp"

#include <fmt/format.h>

namespace pb::inline views {

std::size_t statement_weight(const LinkedSite& linked, const StatementRef& ref) {
  return linked.statement_html(ref).html.size() + statement_ref_weight;
}

std::vector<std::size_t> grouped_statement_weights(const LinkedSite& linked, const std::vector<std::size_t>& listed) {
  constexpr std::size_t section_heading_weight = 350;
  std::vector<std::size_t> weights;
  const Section* current = nullptr;
  for (std::size_t index : listed) {
    const StatementRef& ref = linked.graph().statements()[index];
    weights.push_back(statement_weight(linked, ref) + (linked.section(ref) != current ? section_heading_weight : 0));
    current = linked.section(ref);
  }
  return weights;
}

std::string state_page_name(const StateSplit& split, const StatePage& page) {
  const std::string& state = split.groups[page.group].state;
  return page.of == 1 ? state : fmt::format("{}, page {} of {}", state, page.number, page.of);
}

Data summary_rows(const PageBuilder& page, const StateSplit& split, const std::function<SummaryEntry(std::uint32_t)>& entry,
                  const std::function<std::string(std::size_t)>& count_label) {
  Data rows = state_rows(page, split);
  for (std::size_t g = 0; g < split.groups.size(); ++g) {
    Data entries = list();
    std::size_t count = 0;
    for (std::uint32_t m : split.groups[g].models) {
      SummaryEntry e = entry(m);
      count += e.count;
      push(entries, std::move(e.data));
    }
    Data& row = items(rows)[g];
    set(row, "entries", std::move(entries));
    set(row, "count", count_label(count));
    set(row, "page_count", count_of(items_at(row, "pages").size(), "page", "pages"));
  }
  return rows;
}

}  // namespace pb::views
