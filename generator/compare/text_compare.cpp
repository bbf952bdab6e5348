#include "compare/text_compare.hpp"

#include <algorithm>
#include <array>

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

std::string wording_key(std::string_view text) {
  std::string key;
  key.reserve(text.size() + 8);
  for (const auto& token : tokenize_for_diff(text)) {
    // Each token behind its length, so no token's bytes can pass for a boundary between two others.
    for (std::size_t n = token.folded.size();; n >>= 7) {
      key += static_cast<char>((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
      if (n < 0x80) break;
    }
    key += token.folded;
  }
  return key;
}

bool same_wording(std::string_view a, std::string_view b) {
  if (a == b) return true;  // the common case in a large cluster, without tokenizing either
  return wording_key(a) == wording_key(b);
}

std::vector<std::string> folded_words(std::string_view text) {
  std::string folded;
  std::vector<std::string_view> views;
  folded_word_views(text, folded, views);
  return {views.begin(), views.end()};
}

// What fold_for_compare and splitting at the non-word characters give, in one pass over the text
// (every sentence of a national site is folded twice): an ASCII byte's role from a table, and the
// typographic UTF-8 characters, which fold to punctuation, as separators.
void folded_word_views(std::string_view text, std::string& folded, std::vector<std::string_view>& words,
                       std::vector<bool>* joined) {
  enum Role : unsigned char { separator, letter, dropped, upper, utf8 };
  static constexpr auto roles = [] {
    std::array<Role, 256> table{};
    for (int c = 'a'; c <= 'z'; ++c) table[c] = letter;
    for (int c = '0'; c <= '9'; ++c) table[c] = letter;
    for (int c = 'A'; c <= 'Z'; ++c) table[c] = upper;
    table['*'] = table['_'] = table['\\'] = dropped;  // Markdown markers: a word runs on across them
    for (int c = 0x80; c < 0x100; ++c) table[c] = utf8;
    return table;
  }();
  folded.resize(text.size());  // folding never lengthens a text
  char* const start = folded.data();
  char* out = start;
  words.clear();
  if (joined) joined->clear();
  const char* word = nullptr;  // where the word being read starts in `folded`, if one is
  bool after_hyphen = false;   // between two letters: the next word joins the one before
  auto end_word = [&] {
    if (!word) return;
    words.emplace_back(word, static_cast<std::size_t>(out - word));
    if (joined) joined->push_back(after_hyphen);
    word = nullptr;
    after_hyphen = false;
  };
  const auto ascii_letter = [&](std::size_t k) {
    const char c = text[k];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    switch (roles[c]) {
      case letter:
        if (!word) word = out;
        *out++ = static_cast<char>(c);
        ++i;
        break;
      case upper:
        if (!word) word = out;
        *out++ = static_cast<char>(c - 'A' + 'a');
        ++i;
        break;
      case dropped: ++i; break;
      case separator:
        end_word();
        // The word that starts at i + 1 is the hyphen's second half.
        after_hyphen = c == '-' && i > 0 && i + 1 < text.size() && ascii_letter(i - 1) && ascii_letter(i + 1);
        ++i;
        break;
      case utf8: {
        // Curly quotes, dashes and the ellipsis (U+2018 U+2019 U+201C U+201D U+2013 U+2014 U+2026)
        // and the no-break space fold to punctuation; every other non-ASCII byte is part of a word.
        std::size_t punctuation = 0;
        const auto next = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
        if (c == 0xC2 && next(1) == 0xA0) punctuation = 2;
        else if (c == 0xE2 && next(1) == 0x80)
          switch (next(2)) {
            case 0x98: case 0x99: case 0x9C: case 0x9D: case 0x93: case 0x94: case 0xA6: punctuation = 3; break;
            default: break;
          }
        if (punctuation) {
          end_word();
          i += punctuation;
        } else {
          if (!word) word = out;
          *out++ = static_cast<char>(c);
          ++i;
        }
        break;
      }
    }
  }
  end_word();
  // The views point into `folded`, which is not resized again.
  folded.resize(static_cast<std::size_t>(out - start));
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

double jaccard(std::size_t common, std::size_t a_size, std::size_t b_size) {
  if (a_size + b_size == 0) return 0;
  return static_cast<double>(common) / static_cast<double>(a_size + b_size - common);
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t common = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) ++common, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return jaccard(common, a.size(), b.size());
}

}  // namespace pb::compare
