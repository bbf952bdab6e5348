#pragma once
// Statements are compared sentence by sentence, so that a sentence said inside a longer statement
// of another model is found.
#include <cstdint>
#include <string_view>
#include <vector>

namespace pb::inline compare {

struct TextSpan {
  std::uint32_t begin = 0, end = 0;  // byte offsets into the text
};

// The sentences of a text: a break after ".", "!", "?", ";" or ":" followed by a space and a
// capital letter, a digit, a quote or a parenthesis; "e.g. Some" and "Dr. Smith" stay whole.
// Surrounding spaces are not part of a sentence; a text without a break is one sentence.
std::vector<TextSpan> split_sentences(std::string_view text);

}  // namespace pb::compare
