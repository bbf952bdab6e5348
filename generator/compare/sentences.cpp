#include "compare/sentences.hpp"

#include <array>

namespace pb::inline compare {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// What may start a sentence: an ASCII capital or digit, a quote (straight or curly), a parenthesis,
// Markdown emphasis, or any non-ASCII letter (capitals of other scripts; rare in these documents).
bool starts_sentence(std::string_view text, std::size_t i) {
  const char c = text[i];
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '\'' || c == '(' || c == '*' || c == '_')
    return true;
  return text.substr(i, 3) == "\u201c" || text.substr(i, 3) == "\u2018";
}

// Abbreviations after which a full stop does not end a sentence.
bool ends_in_abbreviation(std::string_view sentence) {
  static constexpr std::array<std::string_view, 9> abbreviations{"e.g.", "i.e.", "etc.", "Dr.", "Mr.", "Ms.", "Mrs.", "vs.", "St."};
  for (std::string_view a : abbreviations) {
    if (sentence.size() < a.size() || sentence.substr(sentence.size() - a.size()) != a) continue;
    if (sentence.size() == a.size() || is_space(sentence[sentence.size() - a.size() - 1])) return true;
  }
  return false;
}

}  // namespace

std::vector<TextSpan> split_sentences(std::string_view text) {
  std::vector<TextSpan> out;
  auto push = [&](std::size_t begin, std::size_t end) {
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    if (begin < end) out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?' && c != ';' && c != ':') continue;
    std::size_t next = i + 1;
    // Closing quotes, parentheses and emphasis belong to the sentence they end.
    while (next < text.size() && (text[next] == '"' || text[next] == ')' || text[next] == '*' || text[next] == '_')) ++next;
    if (text.substr(next, 3) == "\u201d" || text.substr(next, 3) == "\u2019") next += 3;
    if (next >= text.size() || !is_space(text[next])) continue;
    std::size_t after = next;
    while (after < text.size() && is_space(text[after])) ++after;
    if (after >= text.size() || !starts_sentence(text, after)) continue;
    if (c == '.' && ends_in_abbreviation(text.substr(start, i + 1 - start))) continue;
    push(start, next);
    start = after;
    i = after - 1;
  }
  push(start, text.size());
  return out;
}

}  // namespace pb::compare
