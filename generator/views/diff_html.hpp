#pragma once
// A word diff as HTML: insertions and deletions marked with <ins>/<del>, and named in words for
// screen readers and for black-and-white print (never by colour alone).
#include <string>
#include <vector>

#include "compare/text_compare.hpp"

namespace pb::inline views {
std::string diff_to_html(const std::vector<DiffSpan>& spans);

// A text as a diff shows it unchanged: its words as written, Markdown markers dropped, escaped.
std::string words_html(std::string_view text);

// One side of a side-by-side comparison: the words common to both, and the words of `side`
// (deleted: the first text's own; inserted: the second's) marked as "only in <label>".
std::string side_to_html(const std::vector<DiffSpan>& spans, DiffOp side, const std::string& label);
}
