#pragma once
// The content phase as one function: load every file, validate across files, assemble. What it
// returns is read-only; every later phase derives its own data beside it.
#include <filesystem>
#include <memory>
#include <string>

#include "content/loader.hpp"
#include "content/model.hpp"
#include "content/validate.hpp"
#include "core/diagnostics.hpp"

namespace pb::inline content {

struct ContentOptions {
  std::filesystem::path content_dir = "content";
  std::string base_url;  // overrides site.yaml's base_url when not empty
};

struct ContentResult {
  std::shared_ptr<const Site> site;  // null when a content error stops the build
  LoadStats stats;
};

// Errors in files that parsed (an unknown key, a wrong type) leave every record in place, so the
// cross-file checks still run and a policy team sees all of its mistakes at once. A file that is not
// valid YAML is missing from the site: checking references to it would only add false errors.
// `untagged_hint` adds to the warning about a statement without topics (check's suggestions).
ContentResult read_content(const ContentOptions& options, Diagnostics& diags, const UntaggedHint& untagged_hint = {});

}  // namespace pb::content
