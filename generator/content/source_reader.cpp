#include "content/source_reader.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "core/text_util.hpp"

namespace pb::inline content {

std::optional<std::string> scalar_text(const SourceNode& node, std::string_view key, Diagnostics& diags) {
  if (node.is_scalar()) return node.scalar;
  diags.error(node.where, fmt::format("expected text for '{}', found {}", key, describe_kind(node)),
              node.is_sequence() ? "write a single value, not a list"
                                 : "write the text on the same line after the colon, quoted if it contains ': '");
  return std::nullopt;
}

bool expect_map(const SourceNode& node, std::string_view what, Diagnostics& diags) {
  if (node.is_map()) return true;
  diags.error(node.where, fmt::format("expected a mapping for {}, found {}", what, describe_kind(node)),
              "write 'key: value' lines, indented under their parent");
  return false;
}

bool expect_list(const SourceNode& node, std::string_view what, Diagnostics& diags) {
  if (node.is_sequence()) return true;
  diags.error(node.where, fmt::format("expected a list for '{}', found {}", what, describe_kind(node)),
              "start each entry on its own line with '- '");
  return false;
}

MapReader::MapReader(const SourceNode& node, Diagnostics& diags, std::string what)
    : node_(node), diags_(diags), what_(std::move(what)) {}

const SourceNode* MapReader::lookup(std::string_view key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  if (!node_.is_map()) return nullptr;
  for (const auto& [k, v] : node_.entries)
    if (k.scalar == key) return &v;
  return nullptr;
}

const SourceNode* MapReader::find(std::string_view key) {
  const SourceNode* value = lookup(key);
  return value && !value->is_null() ? value : nullptr;
}

SourceLocation MapReader::location_of(std::string_view key) {
  const SourceNode* value = lookup(key);
  return value ? value->where : node_.where;
}

std::string MapReader::text(std::string_view key, bool required) {
  const SourceNode* value = find(key);
  if (!value) {
    if (required && node_.is_map())
      diags_.error(node_.where, fmt::format("{} is missing the required key '{}'", what_, key),
                   fmt::format("add a line '{}: …'", key));
    return {};
  }
  return scalar_text(*value, key, diags_).value_or(std::string{});
}

std::optional<std::string> MapReader::optional_text(std::string_view key) {
  const SourceNode* value = find(key);
  if (!value) return std::nullopt;
  return scalar_text(*value, key, diags_);
}

bool MapReader::boolean(std::string_view key, bool fallback) {
  const SourceNode* value = find(key);
  if (!value) return fallback;
  if (value->is_scalar() && !value->quoted) {
    if (value->scalar == "true" || value->scalar == "yes") return true;
    if (value->scalar == "false" || value->scalar == "no") return false;
  }
  diags_.error(value->where, fmt::format("expected true or false for '{}', found {}", key,
                                         value->is_scalar() ? "'" + value->scalar + "'" : describe_kind(*value)));
  return fallback;
}

double MapReader::number(std::string_view key, double fallback, double low, double high) {
  const SourceNode* value = find(key);
  if (!value) return fallback;
  if (value->is_scalar() && !value->quoted) {
    try {
      std::size_t used = 0;
      const double d = std::stod(value->scalar, &used);
      if (used == value->scalar.size() && d >= low && d <= high) return d;
    } catch (const std::exception&) {
    }
  }
  diags_.error(value->where, fmt::format("expected a number from {} to {} for '{}'", low, high, key),
               fmt::format("for example '{}: {}'", key, fallback));
  return fallback;
}

std::vector<std::string> MapReader::text_list(std::string_view key) {
  std::vector<std::string> out;
  const SourceNode* value = find(key);
  if (!value) return out;
  if (value->is_scalar()) {  // `topics: safety` is a natural shorthand for a one-element list
    out.push_back(value->scalar);
    return out;
  }
  if (!expect_list(*value, key, diags_)) return out;
  for (const auto& item : value->items)
    if (auto text = scalar_text(item, key, diags_)) out.push_back(*text);
  return out;
}

void MapReader::finish() {
  if (!node_.is_map()) return;
  for (const auto& [k, v] : node_.entries) {
    if (std::find(known_.begin(), known_.end(), k.scalar) != known_.end()) continue;
    std::vector<std::string> sorted_known = known_;
    std::sort(sorted_known.begin(), sorted_known.end());
    if (auto suggestion = closest_match(k.scalar, known_))
      diags_.error(k.where, fmt::format("unknown key '{}' (did you mean '{}'?)", k.scalar, *suggestion),
                   fmt::format("the keys of a {} are: {}", what_, join(sorted_known)));
    else
      diags_.error(k.where, fmt::format("unknown key '{}' in {}", k.scalar, what_),
                   fmt::format("the keys of a {} are: {}", what_, join(sorted_known)));
  }
}

}  // namespace pb::content
