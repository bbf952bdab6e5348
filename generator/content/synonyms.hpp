#pragma once
// content/synonyms.yaml: the words people search with that the documents do not use ("foster parent"
// for "resource family", "visitation" for "family time"). Policy teams keep it; search reads it.
#include <vector>

#include "core/diagnostics.hpp"
#include "content/model.hpp"
#include "content/source_node.hpp"

namespace pb::inline content {

// Reads `synonyms: [{words: [a, b, …]}, …]`; every group needs at least two words or phrases.
std::vector<SynonymGroup> read_synonyms(const SourceNode& root, Diagnostics& diags);

}  // namespace pb::content
