#pragma once
// Typed, position-aware reading of a SourceNode mapping. Every key read is "known"; finish() reports
// the keys nobody asked for, with a did-you-mean, so a typo never passes silently.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "content/source_node.hpp"

namespace pb::inline content {

class MapReader {
 public:
  // `what` names the thing for messages: "section", "block", "model".
  MapReader(const SourceNode& node, Diagnostics& diags, std::string what);
  MapReader(const MapReader&) = delete;
  MapReader& operator=(const MapReader&) = delete;

  bool ok() const { return node_.is_map(); }
  const SourceLocation& where() const { return node_.where; }

  // The value of `key`, or nullptr when absent (a `key:` with no value counts as absent).
  const SourceNode* find(std::string_view key);

  // Text values. `required` reports a missing key at the mapping's position.
  std::string text(std::string_view key, bool required = false);
  std::optional<std::string> optional_text(std::string_view key);
  bool boolean(std::string_view key, bool fallback);
  // A number in [low, high]; anything else is reported and gives `fallback`.
  double number(std::string_view key, double fallback, double low, double high);
  // A list of plain texts (e.g. topics: [a, b]).
  std::vector<std::string> text_list(std::string_view key);
  // The location of a key's value, or of the mapping when the key is absent.
  SourceLocation location_of(std::string_view key);

  // Reports unknown keys. Call after every find/text for this mapping.
  void finish();

 private:
  const SourceNode* lookup(std::string_view key);

  const SourceNode& node_;
  Diagnostics& diags_;
  std::string what_;
  std::vector<std::string> known_;
};

// Reads a scalar as text, reporting a wrong type ("expected text for 'title', found a list").
std::optional<std::string> scalar_text(const SourceNode& node, std::string_view key, Diagnostics& diags);

// Reports a node that must be a mapping (or list); returns whether it is.
bool expect_map(const SourceNode& node, std::string_view what, Diagnostics& diags);
bool expect_list(const SourceNode& node, std::string_view what, Diagnostics& diags);

}  // namespace pb::content
