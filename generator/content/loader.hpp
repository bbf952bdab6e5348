#pragma once
// Reads content/ into a Site: every file in a stable order, every problem as a diagnostic.
#include <filesystem>

#include "core/diagnostics.hpp"
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

// The readers of each file kind, exposed for unit tests.
SiteConfig read_site_config(const SourceNode& root, Diagnostics& diags);
std::vector<Role> read_roles(const SourceNode& root, Diagnostics& diags);
std::vector<Topic> read_topics(const SourceNode& root, Diagnostics& diags);
std::vector<Term> read_terms(const SourceNode& root, Diagnostics& diags);
Model read_model(const SourceNode& root, Diagnostics& diags);
Section read_section(const SourceNode& root, Diagnostics& diags);

}  // namespace pb::content
