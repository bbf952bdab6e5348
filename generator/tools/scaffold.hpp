#pragma once
// `practicebook new model <id> [--from <model>]`: a starting point for a policy team.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace pb::inline tools {

// Creates content/models/<id>/ with a commented model.yaml and one section, or, with `from`, a copy
// of that model set up as its next edition (same family, `supersedes: from`). Never overwrites.
// Returns the files written (empty, with diagnostics, on failure).
std::vector<std::filesystem::path> scaffold_model(const std::filesystem::path& content_dir, const std::string& id,
                                                  const std::optional<std::string>& from, Diagnostics& diags);

}  // namespace pb::tools
