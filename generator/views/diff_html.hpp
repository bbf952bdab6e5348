#pragma once
// A word diff as HTML: insertions and deletions marked with <ins>/<del>, and named in words for
// screen readers and for black-and-white print (never by colour alone).
#include <string>
#include <vector>

#include "compare/text_compare.hpp"

namespace pb::inline views {
std::string diff_to_html(const std::vector<DiffSpan>& spans);

// One side of a side-by-side comparison: the words common to both, and the words of `side`
// (deleted: the first text's own; inserted: the second's) marked as "only in <label>".
std::string side_to_html(const std::vector<DiffSpan>& spans, DiffOp side, const std::string& label);
}
