#pragma once
// Reads content/ into a Site: finds the files (models in folder order, sections in the order of
// their numbers), parses them on every core, and hands each to the reader of its kind
// (content/file_readers.hpp), in a stable order; every problem is a diagnostic.
#include <filesystem>

#include "core/diagnostics.hpp"
#include "content/file_readers.hpp"
#include "content/model.hpp"
#include "content/source_node.hpp"

namespace pb::inline content {

struct LoadStats {
  std::size_t files = 0;
  std::size_t bytes = 0;
  std::size_t unparsed = 0;  // files that are not valid YAML (their records are missing)
};

// `content_dir` is shown in messages as given (e.g. "content/models/x/model.yaml").
Site load_site(const std::filesystem::path& content_dir, Diagnostics& diags, LoadStats* stats = nullptr);

}  // namespace pb::content
