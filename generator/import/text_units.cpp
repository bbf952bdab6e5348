#include "import/text_units.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include "core/text_util.hpp"

namespace pb::inline import {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int indent_of(std::string_view line) {
  int n = 0;
  while (n < static_cast<int>(line.size()) && (line[n] == ' ' || line[n] == '\t')) ++n;
  return n;
}

std::string rtrim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

// "Decision MakingTM" and "TDMTM": the trademark sign the extraction spelled out.
std::string repair_marks(std::string s) {
  static const std::regex after_word(R"(([a-z])TM\b)"), after_acronym(R"(\b([A-Z]{2,})TM\b)");
  s = std::regex_replace(s, after_word, "$1\u2122");
  s = std::regex_replace(s, after_acronym, "$1\u2122");
  // "child/ youth": the space a line break left after a slash.
  static const std::regex slash_space(R"(([A-Za-z])/ ([A-Za-z]))");
  return std::regex_replace(s, slash_space, "$1/$2");
}

// A line of capitals: letters, none of them lowercase ("VALUE 1", "KEY WORKER ACTIONS: DO I...").
bool is_capitals(std::string_view line) {
  int letters = 0;
  for (char c : line) {
    if (is_lower(c)) return false;
    if (is_upper(c)) ++letters;
  }
  return letters >= 2;
}

bool ends_sentence(std::string_view text) {
  text = trim(text);
  if (text.empty()) return true;
  const char c = text.back();
  return c == '.' || c == '?' || c == '!' || c == ':' || text.ends_with("\u201d") || c == '"';
}

// "…genograms, or" / "well-": a line that stops where a sentence cannot.
bool ends_mid_phrase(std::string_view text) {
  static const std::set<std::string> joining = {"a", "an", "the", "and", "or", "of", "to", "in", "for", "with", "by",
                                                "on", "at", "their", "our", "its", "from", "as", "that", "which"};
  text = trim(text);
  if (text.ends_with("-")) return true;
  const auto space = text.rfind(' ');
  return joining.count(lower(space == std::string_view::npos ? text : text.substr(space + 1))) > 0;
}

struct Marker {
  ListStyle style = ListStyle::none;
  std::string marker;
  std::string rest;
};

Marker list_marker(const std::string& line) {
  static const std::regex numbered(R"(^\s*(\d{1,3})[.)]\s+(.*)$)"), lettered(R"(^\s*([a-z])[.)]\s+(.*)$)"),
      bullet(R"(^\s*[-*+]\s+(.*)$)");
  std::smatch m;
  if (std::regex_match(line, m, numbered)) return {ListStyle::numbers, m[1], m[2]};
  if (std::regex_match(line, m, lettered)) return {ListStyle::letters, m[1], m[2]};
  if (std::regex_match(line, m, bullet)) return {ListStyle::bullets, "-", m[1]};
  const std::string_view t = trim(line);
  for (std::string_view glyph : {"\u2022", "\u25aa", "\u25e6", "\u25cf", "\u2013", "\u25a0", "\u25c6", "\u27a2",
                                 "\u2713", "\u2714", "\u25cb", "\u2043", "\u00b7"})
    if (t.starts_with(glyph)) return {ListStyle::bullets, "-", std::string(trim(t.substr(glyph.size())))};
  // A symbol font's bullet comes out of the private use area (U+E000–U+F8FF: "\uf0b7").
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(t[k]); };
  if (t.size() > 3 && (byte(0) == 0xEE || (byte(0) == 0xEF && byte(1) < 0xA4)))
    return {ListStyle::bullets, "-", std::string(trim(t.substr(3)))};
  // Word's second-level bullet is a letter o.
  if (indent_of(line) >= 1 && t.size() > 2 && t[0] == 'o' && (t[1] == ' ' || t[1] == '\t'))
    return {ListStyle::bullets, "o", std::string(trim(t.substr(2)))};
  // A list glyph from a symbol font that the extraction dropped leaves its indentation behind.
  if (indent_of(line) >= 2 && !t.empty() && (is_upper(t[0]) || t[0] == '"')) return {ListStyle::glyphs, "-", std::string(t)};
  return {};
}

// Joins a wrapped line onto a unit: a hyphen at the line end is kept when the document writes the
// hyphenated word so elsewhere (or never writes it whole), and dropped when it writes it whole.
void append_wrapped(std::string& text, std::string_view next, const std::set<std::string>& words) {
  next = trim(next);
  if (next.empty()) return;
  text = rtrim(text);
  if (text.size() >= 2 && text.back() == '-' && is_letter(text[text.size() - 2]) && is_letter(next[0])) {
    std::size_t start = text.size() - 1;
    while (start > 0 && is_letter(text[start - 1])) --start;
    const std::string head = text.substr(start, text.size() - 1 - start);
    std::size_t end = 0;
    while (end < next.size() && is_letter(next[end])) ++end;
    const std::string tail(next.substr(0, end));
    if (words.count(lower(head + tail)) && !words.count(lower(head + "-" + tail))) text.pop_back();
    text += next;
    return;
  }
  if (text.back() == '/') {
    text += next;
    return;
  }
  if (!text.empty()) text += ' ';
  text += next;
}

std::set<std::string> words_of(const SourceDocument& doc) {
  std::set<std::string> words;
  static const std::regex word(R"([A-Za-z]+(?:-[A-Za-z]+)*)");
  for (const auto& line : doc.lines) {
    // The last word of a line may be a fragment; everything else is a word as the document spells it.
    const std::string text = rtrim(line.text);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
      if (static_cast<std::size_t>(it->position() + it->length()) == text.size() && text.back() == '-') continue;
      words.insert(lower(it->str()));
    }
  }
  return words;
}

std::string set_aside_reason(const std::string& line) {
  static const std::regex page_number(R"(^\s*(?:page\s+)?\d{1,3}\s*$)", std::regex::icase);
  static const std::regex empty_bullet(R"(^\s*(?:[-*]|)" "\u2022" R"()\s*$)");
  if (std::regex_match(line, page_number)) return "a page number";
  if (std::regex_match(line, empty_bullet)) return "an empty bullet";
  return {};
}

}  // namespace

bool is_section_label(std::string_view line) {
  static const std::regex label(
      R"(^\s*(value|principle|pillar|practice element|element|competency|domain|standard|belief|goal)\s+([0-9]{1,2}|[A-Z])\s*$)",
      std::regex::icase);
  return std::regex_match(std::string(line), label);
}

std::vector<std::string> acronyms_of(const SourceDocument& doc) {
  std::set<std::string> found;
  static const std::regex acronym(R"(\b[A-Z]{2,5}\b)"), bold(R"(\*\*[^*]*\*\*)");
  for (const auto& line : doc.lines) {
    if (is_capitals(line.text)) continue;
    // "**NOVICE** – …" sets a word in capitals for emphasis; that is no acronym.
    const std::string text = std::regex_replace(line.text, bold, " ");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), acronym); it != std::sregex_iterator(); ++it)
      found.insert(it->str());
  }
  return {found.begin(), found.end()};
}

std::string title_case(std::string_view capitals, const std::vector<std::string>& acronyms) {
  static const std::set<std::string> small = {"a", "an", "the", "and", "but", "or", "nor", "for", "of", "in", "on",
                                              "at", "to", "by", "with", "as", "from", "into", "via", "vs"};
  std::string out;
  bool first = true, after_colon = false;
  std::size_t i = 0;
  while (i < capitals.size()) {
    if (!is_letter(capitals[i])) {
      if (capitals[i] == ':') after_colon = true;
      out += capitals[i++];
      continue;
    }
    std::size_t j = i;
    while (j < capitals.size() && is_letter(capitals[j])) ++j;
    const std::string word(capitals.substr(i, j - i));
    const bool after_hyphen = i > 0 && capitals[i - 1] == '-';
    if (std::find(acronyms.begin(), acronyms.end(), word) != acronyms.end() || word == "I") {
      out += word;
    } else {
      std::string w = lower(word);
      if (first || after_colon || after_hyphen || !small.count(w)) w[0] = static_cast<char>(std::toupper(w[0]));
      out += w;
    }
    first = after_colon = false;
    i = j;
  }
  return out;
}

std::vector<Unit> units_of(const SourceDocument& doc, ImportNotes& notes) {
  notes.lines.assign(doc.lines.size(), {});
  const std::set<std::string> words = words_of(doc);
  std::vector<Unit> units;
  bool open = false, gap = false;
  int previous_indent = 0;
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    const int number = static_cast<int>(i) + 1;
    const std::string raw = repair_marks(rtrim(doc.lines[i].text));
    std::string reason = doc.lines[i].set_aside.empty() ? set_aside_reason(raw) : doc.lines[i].set_aside;
    if (!reason.empty()) {
      notes.lines[i] = {"set aside: " + reason, true};
      continue;
    }
    if (trim(raw).empty()) {
      gap = true;
      continue;
    }
    const int indent = indent_of(raw);
    const std::string text(trim(raw));
    Unit* last = units.empty() ? nullptr : &units.back();
    static const std::regex md_heading(R"(^#{1,6}\s+(.*)$)");
    std::smatch m;
    if (std::regex_match(text, m, md_heading)) {
      std::string heading = m[1];
      heading.erase(std::remove(heading.begin(), heading.end(), '*'), heading.end());
      units.push_back({UnitKind::heading, std::string(trim(heading)), false, true, ListStyle::none, {}, 0, {number}});
      open = false;
    } else if (is_section_label(text)) {
      units.push_back({UnitKind::label, text, true, false, ListStyle::none, {}, 0, {number}});
      open = false;
    } else if ((is_capitals(text) || doc.lines[i].heading_type) && list_marker(raw).style != ListStyle::numbers &&
               list_marker(raw).style != ListStyle::bullets) {
      // Capitals (or heading type) wrapped over two lines are one heading; a label or a heading after a
      // blank is not.
      const bool capitals = is_capitals(text);
      if (open && !gap && last->kind == UnitKind::heading && last->capitals == capitals && !ends_sentence(last->text) &&
          !last->text.ends_with("...")) {
        append_wrapped(last->text, text, words);
        last->lines.push_back(number);
      } else {
        units.push_back({UnitKind::heading, text, capitals, false, ListStyle::none, {}, 0, {number}});
      }
      open = true;
    } else if (const Marker mk = list_marker(raw); mk.style != ListStyle::none) {
      Unit item{UnitKind::item, mk.rest, false, false, mk.style, mk.marker, 0, {number}};
      // Sub-points: letters, or bullets indented under an item of another kind or a smaller indent.
      const Unit* parent = nullptr;
      for (auto it = units.rbegin(); it != units.rend(); ++it)
        if (it->kind != UnitKind::item || it->level == 0) {
          parent = &*it;
          break;
        }
      if (parent && parent->kind == UnitKind::item) {
        if (mk.style == ListStyle::letters || mk.marker == "o") item.level = 1;
        else if (mk.style == ListStyle::bullets && parent->style == ListStyle::numbers &&
                 (indent > 0 || parent->text.ends_with(":") || (last->kind == UnitKind::item && last->level == 1)))
          item.level = 1;  // bullets under "…preserve their connections to:" are its sub-points
        else if (mk.style == ListStyle::bullets && parent->style == ListStyle::bullets && indent > previous_indent &&
                 last->level == 0 && indent >= 2)
          item.level = 1;
      }
      units.push_back(std::move(item));
      open = true;
      previous_indent = units.back().level == 0 ? indent : previous_indent;
    } else {
      // Wrapped text continues the unit before it: always right below an item or a paragraph, and across
      // a blank line when the sentence is unfinished and goes on in lowercase.
      const bool unfinished = last && !ends_sentence(last->text) &&
                              (is_lower(text[0]) || text[0] == '(' || ends_mid_phrase(last->text));
      // An item whose sentence is unfinished goes on at the left margin after a blank line; the next item
      // would start with its marker (or the indent of a lost glyph).
      const bool continues_item =
          open && last->kind == UnitKind::item && (!gap || unfinished || (indent == 0 && !ends_sentence(last->text)));
      const bool continues_paragraph =
          open && last->kind == UnitKind::paragraph &&
          (gap ? unfinished || (indent == 0 && last->lines.size() >= 2 && !ends_sentence(last->text))
               : !(indent > 0 && is_upper(text[0])));  // a sidebar quote wraps every few words
      if (continues_item || continues_paragraph) {
        append_wrapped(last->text, text, words);
        last->lines.push_back(number);
      } else {
        units.push_back({UnitKind::paragraph, text, false, false, ListStyle::none, {}, 0, {number}});
      }
      open = true;
    }
    gap = false;
  }
  // Large type that reads as a sentence is a sidebar quote or a lead-in, not a heading.
  for (auto& u : units)
    if (u.kind == UnitKind::heading && !u.capitals && !u.markdown_heading && ends_sentence(u.text) &&
        !u.text.ends_with(":") && std::count(u.text.begin(), u.text.end(), ' ') >= 5)
      u.kind = UnitKind::paragraph;
  return units;
}

}  // namespace pb::import
