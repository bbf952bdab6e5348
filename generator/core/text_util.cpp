#include "core/text_util.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace pb::inline core {

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  if (id.front() == '-' || id.back() == '-') return false;
  char previous = 0;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

std::string slugify(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

namespace {
// Optimal string alignment distance: a swap of two neighbouring letters ("itmes") is one edit.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}
}  // namespace

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (!best || d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  // Allow about one edit per three letters: "itmes" → "items", but "colour" ↛ "id".
  if (best && best_distance <= std::max<std::size_t>(1, std::min(word.size(), best->size()) / 3)) return best;
  return std::nullopt;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::string strip_tags(const std::string& html) {
  // Text is copied in runs between tags (pages hold thousands of these, glossary tooltips included).
  std::string text;
  text.reserve(html.size());
  // A footnote reference's marker is no word of the text ("families1"): leave it out.
  constexpr std::string_view note_ref = "<sup class=\"note-ref\">";
  const std::string_view in(html);
  for (std::size_t i = 0; i < in.size();) {
    const std::size_t tag = std::min(in.find('<', i), in.size());
    // Outside tags: everything but '>' (a stray one closes no tag and is no text either).
    for (std::size_t j = i; j < tag;) {
      const std::size_t stray = std::min(in.find('>', j), tag);
      text.append(in.substr(j, stray - j));
      j = stray + 1;
    }
    if (tag == in.size()) break;
    if (in.substr(tag, note_ref.size()) == note_ref) {
      if (const std::size_t end = in.find("</sup>", tag); end != std::string_view::npos) {
        i = end + 6;
        continue;
      }
    }
    const std::size_t close = in.find('>', tag + 1);
    if (close == std::string_view::npos) break;  // a tag left open runs to the end
    i = close + 1;
  }
  // Undo the entities cmark writes, in one pass, so the text can be escaped once, by the template.
  static constexpr std::pair<std::string_view, char> entities[] = {
      {"&quot;", '"'}, {"&#39;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t amp = std::min(text.find('&', i), text.size());
    out.append(text, i, amp - i);
    if (amp == text.size()) break;
    i = amp + 1;
    out += '&';
    for (const auto& [entity, ch] : entities)
      if (std::string_view(text).substr(amp, entity.size()) == entity) {
        out.back() = ch;
        i = amp + entity.size();
        break;
      }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  for (auto& c : out)
    if (c == '\n') c = ' ';
  return out;
}

std::string css_string_literal(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c == 0x7F || c == '<' || c == '>') {
      out += fmt::format("\\{:X} ", c);  // the space ends the escape
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::string first_words(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string_view::npos || cut < max_bytes / 2) cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // never inside a character
  return std::string(text.substr(0, cut)) + "…";
}

}  // namespace pb::core
