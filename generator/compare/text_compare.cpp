#include "compare/text_compare.hpp"

#include <algorithm>

namespace pb::inline compare {

namespace {

// Replaces the UTF-8 spellings that only differ typographically by their ASCII equivalents, in one pass.
std::string ascii_typography(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> replacements[] = {
      {"\u2018", "'"}, {"\u2019", "'"}, {"\u201c", "\""}, {"\u201d", "\""}, {"\u2026", "..."},
      {"\u2013", "-"}, {"\u2014", "-"}, {"\u00a0", " "},  {". . .", "..."}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    // Most bytes are plain ASCII that nothing replaces: copied a run at a time.
    std::size_t end = i;
    while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80 && text[end] != '.') ++end;
    if (end > i) {
      out.append(text, i, end - i);
      i = end;
      continue;
    }
    bool replaced = false;
    for (const auto& [from, to] : replacements)
      if (text.substr(i, from.size()) == from) {
        out.append(to);
        i += from.size();
        replaced = true;
        break;
      }
    if (!replaced) out += text[i++];
  }
  return out;
}

bool is_word(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || u >= 0x80;
}

// Bytes of the punctuation character starting at i (no-break space, ©, ®, curly quotes, dashes,
// ellipsis, ™), or 0 when it is not one: these separate words even though they are not ASCII.
std::size_t utf8_punctuation(std::string_view t, std::size_t i) {
  const auto at = [&](std::size_t k) { return k < t.size() ? static_cast<unsigned char>(t[k]) : 0u; };
  if (at(i) == 0xC2 && (at(i + 1) == 0xA0 || at(i + 1) == 0xA9 || at(i + 1) == 0xAE)) return 2;
  if (at(i) == 0xE2 && (at(i + 1) == 0x80 || at(i + 1) == 0x84)) return 3;
  return 0;
}

bool starts_word(std::string_view t, std::size_t i) { return is_word(t[i]) && utf8_punctuation(t, i) == 0; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::string fold_for_compare(std::string_view text) {
  std::string out = ascii_typography(text);
  std::size_t n = 0;  // folded in place: the text only shrinks
  for (const char c : out) {
    if (c == '*' || c == '_' || c == '\\') continue;
    out[n++] = lower(c);
  }
  out.resize(n);
  return out;
}

std::vector<Token> tokenize_for_diff(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  bool space_before = false;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
      space_before = true;
      ++i;
      continue;
    }
    std::size_t j = i;
    if (starts_word(text, i)) {
      // A word, with inner apostrophes ("family's", "family’s").
      while (j < text.size()) {
        if (starts_word(text, j)) {
          ++j;
        } else if (const std::size_t apostrophe = text[j] == '\'' ? 1 : (text.substr(j, 3) == "\u2019" ? 3 : 0);
                   apostrophe && j + apostrophe < text.size() && starts_word(text, j + apostrophe)) {
          j += apostrophe;
        } else {
          break;
        }
      }
    } else {
      ++j;
      while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;  // one UTF-8 character
    }
    const std::string_view word = text.substr(i, j - i);
    Token token{space_before ? std::string(1, ' ') : std::string(), fold_for_compare(word)};
    token.text.append(word);
    space_before = false;
    i = j;
    if (token.folded.empty()) {  // a Markdown marker (*, _): not a word of the statement
      space_before = !token.text.empty() && token.text.front() == ' ';
      continue;
    }
    tokens.push_back(std::move(token));
  }
  // ". . ." and "..." are one token either way, so an ellipsis never shows as a change.
  std::vector<Token> merged;
  for (auto& t : tokens) {
    if (t.folded == "." && !merged.empty() && (merged.back().folded == "." || merged.back().folded == "..")) {
      merged.back().text += t.text;
      merged.back().folded += ".";
    } else {
      merged.push_back(std::move(t));
    }
  }
  return merged;
}

std::vector<DiffSpan> word_diff(std::string_view before, std::string_view after) {
  const auto a = tokenize_for_diff(before), b = tokenize_for_diff(after);
  const std::size_t n = a.size(), m = b.size();
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]. Statements are short.
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i].folded == b[j].folded ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<DiffSpan> spans;
  auto emit = [&](DiffOp op, const std::string& text) {
    if (!spans.empty() && spans.back().op == op) spans.back().text += text;
    else spans.push_back({op, text});
  };
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i].folded == b[j].folded) {
      emit(DiffOp::same, b[j].text);
      ++i, ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      emit(DiffOp::deleted, a[i++].text);  // what went, then what came: reads like an edit
    } else {
      emit(DiffOp::inserted, b[j++].text);
    }
  }
  return spans;
}

bool same_wording(std::string_view a, std::string_view b) {
  const auto ta = tokenize_for_diff(a), tb = tokenize_for_diff(b);
  if (ta.size() != tb.size()) return false;
  for (std::size_t i = 0; i < ta.size(); ++i)
    if (ta[i].folded != tb[i].folded) return false;
  return true;
}

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : fold_for_compare(text)) {
    if (is_word(c)) {
      current += c;
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

void folded_word_views(std::string_view text, std::string& folded, std::vector<std::string_view>& words) {
  folded = fold_for_compare(text);
  words.clear();
  std::size_t start = 0;
  for (std::size_t i = 0; i <= folded.size(); ++i) {
    if (i < folded.size() && is_word(folded[i])) continue;
    if (i > start) words.push_back(std::string_view(folded).substr(start, i - start));
    start = i + 1;
  }
}

std::vector<std::uint64_t> shingles(std::string_view text) {
  const auto words = folded_words(text);
  std::vector<std::uint64_t> out;
  if (words.size() == 1) out.push_back(fnv1a(words[0]));
  for (std::size_t i = 0; i + 1 < words.size(); ++i) out.push_back(fnv1a(words[i + 1], fnv1a(" ", fnv1a(words[i]))));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  std::size_t common = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) ++common, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

}  // namespace pb::compare
