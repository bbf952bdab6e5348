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

// window.PRACTICEBOOK_SEARCH = {models, roles, pages, places, docs}; see the format in search.js.
std::string build_search_index(const LinkedSite& linked, SearchIndexStats* stats = nullptr);

}  // namespace pb::views
