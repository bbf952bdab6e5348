#pragma once
// The reader of each kind of content file: a parsed file in, its records out, every problem (unknown
// key, wrong type, bad id) as a diagnostic at its position. load_site (content/loader.hpp) finds and
// parses the files; these read one file each, so unit tests can call them on a string.
#include <functional>
#include <optional>
#include <vector>

#include "core/diagnostics.hpp"
#include "content/model.hpp"
#include "content/source_node.hpp"
#include "content/source_reader.hpp"

namespace pb::inline content {

SiteConfig read_site_config(const SourceNode& root, Diagnostics& diags);  // site.yaml
std::vector<Role> read_roles(const SourceNode& root, Diagnostics& diags);    // roles.yaml
std::vector<Topic> read_topics(const SourceNode& root, Diagnostics& diags);  // topics.yaml
std::vector<Term> read_terms(const SourceNode& root, Diagnostics& diags);    // glossary.yaml
Model read_model(const SourceNode& root, Diagnostics& diags);                // models/<id>/model.yaml
// models/<id>/sections/NN-<id>.yaml; statement ids are derived here (principles-1, worker-2, …).
// `role_id` gives the roles.yaml id of a role as a block writes it ("Social Worker", "caseworkers"),
// or nothing when it names none: an actions block's statement ids derive from the id ("worker-2"), so
// tidying how a block spells its role moves no permalink.
Section read_section(const SourceNode& root, Diagnostics& diags,
                     const std::function<std::optional<std::string>(const std::string&)>& role_id = {});

// Fields every kind of file has, for these readers and content/frameworks.cpp:
Markdown markdown_of(MapReader& reader, std::string_view key);  // a Markdown text, with its position
// `id` (required or not), its form checked.
std::string read_id(MapReader& reader, Diagnostics& diags, bool required);

}  // namespace pb::content
