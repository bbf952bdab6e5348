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

// cmark escapes these four in text; forms must be escaped the same way to match its output.
std::string cmark_escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
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

TermMatcher::TermMatcher(const std::vector<Term>& terms) : buckets_(256) {
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const Term& t = terms[i];
    entries_.push_back({t.id, html_escape(t.term + ": " + strip_tags(t.definition.html)), t.where});
    auto add = [&](const std::string& spelling, bool case_sensitive) {
      if (trim(spelling).empty()) return;
      std::string text = cmark_escaped(trim(spelling));
      if (!case_sensitive) text = lowered(text);
      buckets_[static_cast<unsigned char>(lower(text[0]))].push_back(Form{text, case_sensitive, i});
      // "family" → "families": a form ending in y also matches its -ies plural.
      if (!case_sensitive && text.size() > 2 && text.back() == 'y')
        buckets_[static_cast<unsigned char>(lower(text[0]))].push_back(
            Form{text.substr(0, text.size() - 1) + "ies", false, i});
    };
    add(t.term, false);
    for (const auto& alias : t.aliases) add(alias, false);
    if (!t.abbreviation.empty()) add(t.abbreviation, true);
  }
  for (auto& bucket : buckets_)
    std::stable_sort(bucket.begin(), bucket.end(),
                     [](const Form& a, const Form& b) { return a.text.size() > b.text.size(); });
}

// Length of the longest form matching at `pos` (0 if none), on word boundaries; sets `term`.
std::size_t TermMatcher::match_at(std::string_view text, std::size_t pos, std::size_t& term) const {
  const auto& bucket = buckets_[static_cast<unsigned char>(lower(text[pos]))];
  for (const Form& f : bucket) {
    if (pos + f.text.size() > text.size()) continue;
    bool equal = true;
    for (std::size_t k = 0; k < f.text.size() && equal; ++k)
      equal = f.case_sensitive ? text[pos + k] == f.text[k] : lower(text[pos + k]) == f.text[k];
    if (!equal) continue;
    std::size_t end = pos + f.text.size();
    end += plural_suffix(text, end);
    if (word_char_at(text, end) && word_char_before(f.text, f.text.size()))
      continue;  // inside a longer word: "SOP" in "SOPHIA"
    term = f.term;
    return end - pos;
  }
  return 0;
}

TermMatcher::Result TermMatcher::link(std::string_view html) const {
  Result result;
  result.html.reserve(html.size() + 64);
  int link_depth = 0, code_depth = 0;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {  // copy the tag, tracking whether we are inside a link or code
      const std::size_t close = html.find('>', i);
      const std::size_t end = close == std::string_view::npos ? html.size() : close + 1;
      const std::string_view tag = html.substr(i, end - i);
      if (tag.starts_with("<a ") || tag == "<a>") ++link_depth;
      else if (tag == "</a>") link_depth = std::max(0, link_depth - 1);
      else if (tag.starts_with("<code")) ++code_depth;
      else if (tag == "</code>") code_depth = std::max(0, code_depth - 1);
      result.html.append(tag);
      i = end;
      continue;
    }
    std::size_t term = 0, length = 0;
    if (link_depth == 0 && code_depth == 0 && word_char_at(html, i) && !word_char_before(html, i))
      length = match_at(html, i, term);
    if (length > 0 && std::find(result.terms.begin(), result.terms.end(), term) == result.terms.end()) {
      const Entry& e = entries_[term];
      result.terms.push_back(term);
      result.html += fmt::format(R"(<a class="term" href="{}glossary/{}/index.html" aria-describedby="def-{}">)",
                                 root_marker, e.id, e.id);
      result.html.append(html.substr(i, length));
      // The visible tooltip: hidden from screen readers, which get the definition by aria-describedby.
      result.html += R"(</a><span class="term-tip" aria-hidden="true" data-tip=")" + e.tip + R"("></span>)";
      i += length;
      continue;
    }
    result.html += html[i++];
  }
  return result;
}

void TermMatcher::report_shadowing(Diagnostics& diags) const {
  std::map<std::string, std::size_t> owner;  // case-folded spelling → first term
  for (const auto& bucket : buckets_)
    for (const Form& f : bucket) {
      const std::string key = lowered(f.text);
      auto [it, inserted] = owner.emplace(key, f.term);
      if (!inserted && it->second != f.term) {
        const Entry& first = entries_[std::min(it->second, f.term)];
        const Entry& second = entries_[std::max(it->second, f.term)];
        diags.error(second.where,
                    fmt::format("glossary entries '{}' and '{}' both claim the spelling '{}'", first.id, second.id,
                                key),
                    "only one of them could ever be linked; remove the spelling from one entry");
        it->second = std::min(it->second, f.term);
      }
    }
}

std::vector<std::size_t> link_glossary_terms(Site& site, const TermMatcher& matcher) {
  std::vector<std::size_t> uses(site.terms.size(), 0);
  auto count = [&](const std::vector<std::size_t>& found) {
    for (std::size_t t : found) ++uses[t];
  };
  auto link_all = [&](auto& self, std::vector<Statement>& items) -> void {
    for (auto& s : items) {
      auto result = matcher.link(s.text.html);
      s.text.html = std::move(result.html);
      for (std::size_t t : result.terms) s.terms.push_back(site.terms[t].id);
      count(result.terms);
      self(self, s.children);
    }
  };
  auto mentions = [&](const std::string& html) { count(matcher.link(html).terms); };
  for (auto& model : site.models) {
    if (model.priorities) link_all(link_all, model.priorities->items);
    mentions(model.intro.html);
    mentions(model.vision.html);
    mentions(model.closing.html);
    if (model.letter) mentions(model.letter->body.html);
    if (model.rubric) mentions(model.rubric->intro.html);
    for (auto& section : model.sections) {
      auto summary = matcher.link(section.summary.html);
      section.summary.html = std::move(summary.html);
      for (std::size_t t : summary.terms) section.summary_terms.push_back(site.terms[t].id);
      count(summary.terms);
      mentions(html_escape(section.title));
      mentions(section.intro.html);
      for (auto& block : section.blocks) {
        mentions(html_escape(block.heading));
        mentions(block.intro.html);
        mentions(block.text.html);
        link_all(link_all, block.items);
      }
    }
  }
  return uses;
}

}  // namespace pb::link
