#pragma once
// Comparing statements as people read them: typography (curly or straight quotes, ". . ." or "…",
// en dashes) and Markdown markers never count as a difference.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pb::inline compare {

// The text folded for comparison: lowercase ASCII, straight quotes, "...", "-", no * _ \ markers.
std::string fold_for_compare(std::string_view text);

// Words and punctuation of a text, as written (for showing a diff) and folded (for comparing).
struct Token {
  std::string text;    // as written, with the space that preceded it
  std::string folded;  // what is compared
};
std::vector<Token> tokenize_for_diff(std::string_view text);

enum class DiffOp { same, inserted, deleted };
struct DiffSpan {
  DiffOp op;
  std::string text;  // consecutive tokens with the same op, as written
};

// Word-level diff from `before` to `after` (longest common subsequence of folded tokens).
std::vector<DiffSpan> word_diff(std::string_view before, std::string_view after);

// True when the two texts read the same after folding.
bool same_wording(std::string_view a, std::string_view b);

// A text's folded tokens as one string: two texts have the same key exactly when they have the same
// wording, so callers that compare many texts with each other fold each once and look keys up.
std::string wording_key(std::string_view text);

// The words of a text, folded (lowercase, no typography or Markdown markers), punctuation dropped.
std::vector<std::string> folded_words(std::string_view text);

// The same words as views into `folded`, which receives the folded text: no string per word, and
// buffers reused from call to call, for the callers that fold every sentence of a national site.
// `joined`, when given, receives for each word whether a hyphen between two ASCII letters joins it to
// the word before ("life-long"): the idea tier reads such words as one.
void folded_word_views(std::string_view text, std::string& folded, std::vector<std::string_view>& words,
                       std::vector<bool>* joined = nullptr);

// Hash and equality for maps keyed by std::string that are searched with a std::string_view.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The word-bigram shingles of a text, hashed: the unit of the similarity measure.
std::vector<std::uint64_t> shingles(std::string_view text);

// Jaccard similarity of two sorted, de-duplicated shingle sets.
double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);
// The same from the sets' sizes and how many elements they share, for callers that count those
// through an index instead of walking both sets.
double jaccard(std::size_t common, std::size_t a_size, std::size_t b_size);

}  // namespace pb::compare
