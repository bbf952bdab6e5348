#include "link/glossary.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "core/text_util.hpp"

namespace pb::inline link {

namespace {

// Is the character that starts at byte i a letter or digit? Letters beyond ASCII count; the
// punctuation and signs the sources use (no-break space, ©, ®, ™, curly quotes, dashes, …) do not.
bool word_char_at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  const auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  const auto next = i + 1 < t.size() ? static_cast<unsigned char>(t[i + 1]) : 0;
  if (c == 0xC2 && (next == 0xA0 || next == 0xA9 || next == 0xAE)) return false;
  if (c == 0xE2 && (next == 0x80 || next == 0x84)) return false;  // general punctuation, ™
  return c >= 0xC0;  // the lead byte of another letter
}

// Is the character that ends just before byte i a letter or digit?
bool word_char_before(std::string_view t, std::size_t i) {
  if (i == 0) return false;
  std::size_t start = i - 1;
  while (start > 0 && (static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) --start;  // UTF-8 continuation
  return word_char_at(t, start);
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower(c);
  return out;
}

// How many bytes of a plural ending ("s" or "es") follow a match.
std::size_t plural_suffix(std::string_view text, std::size_t end) {
  auto at = [&](std::size_t i) { return i < text.size() ? lower(text[i]) : '\0'; };
  if (at(end) == 's') return 1;
  if (at(end) == 'e' && at(end + 1) == 's') return 2;
  return 0;
}

}  // namespace

TermMatcher::TermMatcher(const std::vector<Term>& terms) : nodes_(1) {
  for (std::uint32_t i = 0; i < terms.size(); ++i) {
    const Term& t = terms[i];
    where_.push_back(t.where);
    ids_.push_back(t.id);
    auto add = [&](std::string_view spelling, bool case_sensitive) {
      spelling = trim(spelling);
      if (spelling.empty()) return;
      std::string text = case_sensitive ? std::string(spelling) : lowered(spelling);
      // "family" → "families": a form ending in y also matches its -ies plural.
      if (!case_sensitive && text.size() > 2 && text.back() == 'y')
        add_form(Form{text.substr(0, text.size() - 1) + "ies", false, i});
      add_form(Form{std::move(text), case_sensitive, i});
    };
    add(t.term, false);
    for (const auto& alias : t.aliases) add(alias, false);
    if (!t.abbreviation.empty()) add(t.abbreviation, true);
  }
  freeze_edges();
}

namespace {
std::size_t edge_slot(std::uint64_t key, std::size_t mask) {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;  // Fibonacci hashing
}
}  // namespace

void TermMatcher::freeze_edges() {
  std::size_t slots = 64;
  while (slots < 4 * edges_.size()) slots *= 2;
  edge_keys_.assign(slots, 0);
  edge_nodes_.assign(slots, 0);
  for (const auto& [key, node] : edges_) {
    std::size_t slot = edge_slot(key, slots - 1);
    while (edge_keys_[slot] != 0) slot = (slot + 1) & (slots - 1);
    edge_keys_[slot] = key;
    edge_nodes_[slot] = node;
  }
  std::unordered_map<std::uint64_t, std::uint32_t>().swap(edges_);
}

// The node the edge `key` leads to, or 0 (the root, which no edge leads to) when there is none.
std::uint32_t TermMatcher::edge(std::uint64_t key) const {
  const std::size_t mask = edge_keys_.size() - 1;
  for (std::size_t slot = edge_slot(key, mask);; slot = (slot + 1) & mask) {
    if (edge_keys_[slot] == key) return edge_nodes_[slot];
    if (edge_keys_[slot] == 0) return 0;
  }
}

void TermMatcher::add_form(Form form) {
  std::uint32_t node = 0;
  for (char c : form.text) {
    const std::uint64_t key = (std::uint64_t{node} << 8) | static_cast<unsigned char>(lower(c));
    auto [it, inserted] = edges_.emplace(key, static_cast<std::uint32_t>(nodes_.size()));
    if (inserted) nodes_.emplace_back();
    if (node == 0) first_[static_cast<unsigned char>(lower(c))] = it->second;
    node = it->second;
  }
  nodes_[node].forms.push_back(static_cast<std::uint32_t>(forms_.size()));
  forms_.push_back(std::move(form));
}

// Length of the longest form matching at `pos` (0 if none), on word boundaries; sets `term`. One walk
// down the trie of spellings: the time is bounded by the longest spelling, whatever the glossary's size.
std::size_t TermMatcher::match_at(std::string_view text, std::size_t pos, std::uint32_t& term) const {
  std::vector<std::uint32_t> path;  // the nodes passed that end a form, shortest first
  if (pos >= text.size()) return 0;
  std::uint32_t node = first_[static_cast<unsigned char>(lower(text[pos]))];
  if (node == 0) return 0;
  if (!nodes_[node].forms.empty()) path.push_back(node);
  for (std::size_t k = pos + 1; k < text.size(); ++k) {
    const std::uint64_t key = (std::uint64_t{node} << 8) | static_cast<unsigned char>(lower(text[k]));
    node = edge(key);
    if (node == 0) break;
    if (!nodes_[node].forms.empty()) path.push_back(node);
  }
  for (auto n = path.rbegin(); n != path.rend(); ++n)  // longest first
    for (std::uint32_t index : nodes_[*n].forms) {
      const Form& f = forms_[index];
      if (f.case_sensitive && text.substr(pos, f.text.size()) != f.text) continue;
      std::size_t end = pos + f.text.size();
      end += plural_suffix(text, end);
      if (word_char_at(text, end) && word_char_before(f.text, f.text.size()))
        continue;  // inside a longer word: "SOP" in "SOPHIA"
      term = f.term;
      return end - pos;
    }
  return 0;
}

std::vector<TermMatcher::Match> TermMatcher::find(std::string_view text, std::vector<std::uint32_t>& seen) const {
  std::vector<Match> found;
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t term = 0;
    const bool starts_word = word_char_at(text, i) && !word_char_before(text, i);
    const std::size_t length = starts_word ? match_at(text, i, term) : 0;
    if (length == 0) {
      // No match starts inside a word: past its letters (and their UTF-8 continuation bytes) at once.
      ++i;
      if (starts_word)
        while (i < text.size() && (word_char_at(text, i) || (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)) ++i;
      continue;
    }
    if (std::find(seen.begin(), seen.end(), term) == seen.end()) {
      seen.push_back(term);
      found.push_back({i, length, term});
    }
    i += length;
  }
  return found;
}

void TermMatcher::report_shadowing(Diagnostics& diags) const {
  std::map<std::string, std::uint32_t> owner;  // case-folded spelling → first term
  for (const Form& f : forms_) {
    const std::string key = lowered(f.text);
    auto [it, inserted] = owner.emplace(key, f.term);
    if (!inserted && it->second != f.term) {
      const std::uint32_t first = std::min(it->second, f.term), second = std::max(it->second, f.term);
      diags.error(where_[second],
                  fmt::format("glossary entries '{}' and '{}' both claim the spelling '{}'", ids_[first],
                              ids_[second], key),
                  "only one of them could ever be linked; remove the spelling from one entry");
      it->second = std::min(it->second, f.term);
    }
  }
}

}  // namespace pb::link
