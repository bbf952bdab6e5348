#pragma once
// The page of one handout (checklist, self-assessment, one-pager, topic sheet), with what every
// printed handout carries: the footer, the way back online (address and QR code when base_url is set),
// the archived-edition notice, the Print button and the page-count line.
#include "link/linked_site.hpp"
#include "views/handouts.hpp"
#include "views/page.hpp"

namespace pb::inline views {

// `print` is what printing it to PDF gave, when the build printed it.
Page handout_page(const LinkedSite& linked, const Handout& h, const HandoutPrint* print);

// A topic's sheets of one state each, when its sheet across the current models would be too large
// to print (past the size budget): state by state, a state of many models in numbered parts.
std::vector<Handout> state_topic_sheets(const LinkedSite& linked, const Topic& topic, std::size_t budget);

// "2 pages", "1 page"
std::string pages_phrase(int pages);
// "48 KB"
std::string size_phrase(std::uintmax_t bytes);

}  // namespace pb::views
