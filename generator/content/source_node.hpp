#pragma once
// A YAML document as plain data with positions: the loader reads these, never libfyaml types.
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"

namespace pb::inline content {

struct SourceEntry;

struct SourceNode {
  enum class Kind { null, scalar, sequence, map };

  Kind kind = Kind::null;
  SourceLocation where;
  std::string scalar;                                     // for scalars
  bool quoted = false;                                    // "…" or '…': never a bool or null
  std::vector<SourceNode> items;                          // for sequences
  std::vector<SourceEntry> entries;                       // for maps, in file order, keys unique

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_map() const { return kind == Kind::map; }
};

// A key and its value. Not a std::pair: clang cannot check a pair of a type still being defined.
struct SourceEntry {
  SourceNode key, value;
};

// What a node is, for messages: "text", "a list", "a mapping", "nothing".
std::string describe_kind(const SourceNode& node);

// Limits that keep hostile or accidental input from exhausting memory or the stack.
struct SourceLimits {
  std::size_t max_file_bytes = 8u << 20;  // 8 MiB: far above any practice model
  int max_depth = 64;                      // nesting of lists and mappings
  // Alias expansion ("billion laughs") is bounded by what the document expands to, not its bytes: a
  // section of a real model is about a thousand values and 50 KB of text.
  std::size_t max_nodes = 250'000;
  std::size_t max_expanded_bytes = 32u << 20;
};

// Parses YAML text. A UTF-8 byte order mark and CRLF line ends read exactly like plain UTF-8 with LF;
// anything that is not UTF-8 text (see core/utf8.hpp) is an error naming the byte. Syntax errors, duplicate keys and limit breaches become diagnostics located in
// `file`; returns nullopt when the document cannot be used at all.
std::optional<SourceNode> parse_yaml(const std::string& text, std::shared_ptr<const std::string> file,
                                     Diagnostics& diags, const SourceLimits& limits = {});

// Reads and parses a file; a missing or unreadable file is a diagnostic.
std::optional<SourceNode> load_yaml_file(const std::filesystem::path& path, const std::string& shown_path,
                                         Diagnostics& diags, const SourceLimits& limits = {});

}  // namespace pb::content
