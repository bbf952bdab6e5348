#include "link/markdown_limits.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace pb::inline link {

namespace {

std::string over(std::string_view what, std::size_t found, std::size_t limit) {
  return fmt::format("{} {} (at most {})", what, found, limit);
}

// How deep a line starts: quote markers and list indentation (every 2 spaces or a tab, as cmark sees it).
std::size_t line_nesting(std::string_view line) {
  std::size_t depth = 0, spaces = 0;
  for (char c : line) {
    if (c == '>') ++depth, spaces = 0;
    else if (c == ' ') depth += (++spaces % 2 == 0);
    else if (c == '\t') ++depth;
    else if (c == '-' || c == '*' || c == '+') ++depth;  // a list marker nested in a quote
    else break;
  }
  return depth;
}

}  // namespace

std::optional<std::string> markdown_too_complex(std::string_view md, const MarkdownLimits& limits) {
  if (md.size() > limits.max_bytes) return over("the text is too long:", md.size(), limits.max_bytes);
  std::size_t depth = 0, deepest = 0, brackets = 0, html = 0, delimiters = 0;
  // Every Markdown text of a site passes here: the bytes that count for nothing are skipped by a
  // table lookup each.
  static constexpr auto counted = [] {
    std::array<bool, 256> table{};
    for (const unsigned char c : {'\\', '[', ']', '<', '*', '_', '~', '`'}) table[c] = true;
    return table;
  }();
  for (std::size_t i = 0; i < md.size(); ++i) {
    while (i < md.size() && !counted[static_cast<unsigned char>(md[i])]) ++i;
    if (i == md.size()) break;
    const char c = md[i];
    if (c == '\\') {
      ++i;  // an escaped character is text
    } else if (c == '[') {
      ++brackets;
      deepest = std::max(deepest, ++depth);
    } else if (c == ']') {
      if (depth > 0) --depth;
    } else if (c == '<' && i + 1 < md.size() && (md[i + 1] == '!' || md[i + 1] == '?')) {
      ++html;
    } else if (c == '*' || c == '_' || c == '~' || c == '`') {
      ++delimiters;
    }
  }
  if (html > limits.max_html_openers)
    return over("HTML comment, CDATA or declaration openers (<!, <?):", html, limits.max_html_openers);
  if (deepest > limits.max_bracket_depth) return over("brackets nested", deepest, limits.max_bracket_depth);
  if (brackets > limits.max_brackets) return over("link or image brackets:", brackets, limits.max_brackets);
  if (delimiters > limits.max_delimiters) return over("emphasis and code marks (* _ ~ `):", delimiters, limits.max_delimiters);

  std::size_t widest = 0, table_rows = 0, cells = 0;
  for (std::size_t start = 0; start <= md.size();) {
    std::size_t end = md.find('\n', start);
    if (end == std::string_view::npos) end = md.size();
    const std::string_view line = md.substr(start, end - start);
    const auto pipes = static_cast<std::size_t>(std::count(line.begin(), line.end(), '|'));
    if (pipes > 0) {
      widest = std::max(widest, pipes);
      ++table_rows;
    } else {
      cells = std::max(cells, widest * table_rows);  // a table ends at a line without a pipe
      widest = table_rows = 0;
    }
    if (pipes > limits.max_table_columns) return over("table columns:", pipes, limits.max_table_columns);
    if (const std::size_t nesting = line_nesting(line); nesting > limits.max_nesting)
      return over("quotes or lists nested", nesting, limits.max_nesting);
    start = end + 1;
  }
  cells = std::max(cells, widest * table_rows);
  if (cells > limits.max_table_cells) return over("table cells:", cells, limits.max_table_cells);
  return std::nullopt;
}

}  // namespace pb::link
