#pragma once
// Small text helpers shared by several modules.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pb::inline core {

// Ids name files and anchors: lowercase ASCII letters, digits and single inner hyphens.
bool is_valid_id(std::string_view id);

// An id made from free text, for anchors: "New Mexico" → "new-mexico".
std::string slugify(std::string_view text);

// The closest candidate by edit distance, when it is close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c" — for hints that list what is allowed.
std::string join(const std::vector<std::string>& parts, std::string_view separator = ", ");

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

// A CSS string literal holding `text`, quotes included: quotes and backslashes escaped, every control
// character (newline, carriage return, form feed, …) and '<' written as a hex escape, so the text can
// neither end the string nor the <style> element it sits in.
std::string css_string_literal(std::string_view text);

// Plain text of HTML (tags dropped, cmark's entities decoded), for titles, tooltips and the search index.
std::string strip_tags(const std::string& html);

// `text` if it has at most `max_bytes`, else its first words up to that many bytes (cut at a space
// in the second half, else at the limit, never inside a character) and "…".
std::string first_words(std::string_view text, std::size_t max_bytes);

// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

}  // namespace pb::core
