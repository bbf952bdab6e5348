#pragma once
// The client-side search index: a JavaScript file (loaded with <script>, so it works from file://)
// holding every statement, role action, section and glossary term as compact tables.
#include <string>

#include "link/linked_site.hpp"
#include "content/model.hpp"

namespace pb::inline views {

struct SearchIndexStats {
  std::size_t documents = 0;
  std::size_t bytes = 0;
};

// window.PRACTICEBOOK_SEARCH = {version, models, roles, pages, places, synonyms, docs}; the format is
// described in themes/default/assets/search-core.js, which builds a lunr index of it in the browser.
std::string build_search_index(const LinkedSite& linked, SearchIndexStats* stats = nullptr);

}  // namespace pb::views
