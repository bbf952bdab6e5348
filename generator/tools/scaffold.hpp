#pragma once
// `practicebook new model <id> [--from <model>]`: a starting point for a policy team.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace pb::inline tools {

// What `new model` wrote, or why it wrote nothing (then the reasons are in the diagnostics).
struct ScaffoldResult {
  std::vector<std::filesystem::path> files;  // the files written, sorted; empty on failure
  // The failure lies in the command's arguments (an id that is not an id, a path for --from, a model
  // that does not exist or already does): a usage error. Otherwise it lies in the files.
  bool usage_error = false;
};

// Creates content/models/<id>/ with a commented model.yaml and one section, or, with `from`, a copy
// of that model set up as its next edition (same family, `supersedes: from`). `id` and `from` are
// model ids, never paths, so nothing outside content/models/ is read or written. Never overwrites.
ScaffoldResult scaffold_model(const std::filesystem::path& content_dir, const std::string& id,
                              const std::optional<std::string>& from, Diagnostics& diags);

}  // namespace pb::tools
