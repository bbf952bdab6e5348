#pragma once
// Shapes of Markdown that make cmark-gfm 0.29 (Debian's) take time or memory out of proportion to the
// text: deeply nested brackets and images, many unclosed HTML comment or CDATA openers, tables with
// thousands of columns, deeply nested quotes and lists. No practice model needs them; a text with one
// is refused before it is parsed, so a build stays bounded whatever the sources hold.
#include <optional>
#include <string>
#include <string_view>

namespace pb::inline link {

struct MarkdownLimits {
  std::size_t max_bytes = 256 * 1024;      // one text (a statement, a letter)
  std::size_t max_bracket_depth = 32;      // [ [ [ … and ![ ![ …
  std::size_t max_brackets = 4000;         // link and image openers in one text
  std::size_t max_html_openers = 64;       // <!--, <![CDATA[, <?, <!X
  std::size_t max_table_columns = 128;     // | in one line
  std::size_t max_table_cells = 100000;    // columns × rows of a table
  std::size_t max_nesting = 32;            // > and list indentation at the start of a line
  std::size_t max_delimiters = 20000;      // * _ ~ ` in one text
};

// Why `markdown` is refused ("brackets nested 40 deep (at most 32)"), or nothing when it is fine.
std::optional<std::string> markdown_too_complex(std::string_view markdown, const MarkdownLimits& limits = {});

}  // namespace pb::link
