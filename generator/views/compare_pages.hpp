#pragma once
// The comparison pages (compare/), shared between their files: where each model's statements on each
// topic are shown, which the topic pages and the matrix that links them must agree on.
#include <memory>
#include <vector>

#include "views/page.hpp"
#include "views/state_split.hpp"

namespace pb::inline views {

// compare_topics.cpp: each topic page's split by state, by index into Site::topics (whole pages on
// a small site). A model's column on topic t is on splits[t].path_of(model).
std::vector<StateSplit> topic_splits(const LinkedSite& linked, std::size_t budget);

// compare_matrix.cpp: compare/index.html (the topic × model matrix) and, past the budget, the topic ×
// state matrix there with one topic × model matrix per state at compare/states/<slug>/.
std::vector<PageTask> plan_matrix_pages(const LinkedSite& linked, std::shared_ptr<const std::vector<StateSplit>> topics,
                                        std::size_t budget);

}  // namespace pb::views
