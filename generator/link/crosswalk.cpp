#include "link/crosswalk.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

namespace pb::inline link {

std::string keyword_text(std::string_view text) {
  // ASCII letters (lowercased), digits and '-' as they go into a word; 0 for every other byte.
  static constexpr auto word_byte = [] {
    std::array<char, 256> table{};
    for (int c = 'a'; c <= 'z'; ++c) table[c] = static_cast<char>(c);
    for (int c = 'A'; c <= 'Z'; ++c) table[c] = static_cast<char>(c - 'A' + 'a');
    for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<char>(c);
    table['-'] = '-';
    return table;
  }();
  std::string out = " ";
  out.reserve(text.size() + 2);
  auto space = [&] {
    if (out.back() != ' ') out += ' ';
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '&') {  // an HTML entity (&amp;, &#39;) is punctuation
      const auto end = text.find(';', i);
      if (end != std::string_view::npos && end - i <= 10) {
        i = end;
        space();
        continue;
      }
    }
    if (const char folded = word_byte[c]) {
      out += folded;
    } else if (c >= 0x80) {
      // U+00A0–U+00BF (no-break space, ©, ®, «, ») and U+2000–U+206F (dashes, curly quotes, …) and
      // U+2122 (™) separate words; other characters (letters with accents) belong to them.
      const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      const std::string_view seq = text.substr(i, length);
      const bool punctuation = (c == 0xC2 && seq.size() == 2 && static_cast<unsigned char>(seq[1]) >= 0xA0) ||
                               (c == 0xE2 && seq.size() == 3 && (static_cast<unsigned char>(seq[1]) == 0x80 ||
                                                                 static_cast<unsigned char>(seq[1]) == 0x81 ||
                                                                 seq == "\u2122"));
      if (punctuation) space();
      else out += seq;
      i += seq.size() - 1;
    } else {
      space();
    }
  }
  space();
  return out;
}

namespace {

// " investigat" for "investigat*" finds " investigation " and " investigative "; " visit " for
// "visit" finds only the word. Empty for a term with no word in it.
std::string needle_of(const std::string& term) {
  const bool prefix = !term.empty() && term.back() == '*';
  std::string needle = keyword_text(prefix ? std::string_view(term).substr(0, term.size() - 1) : term);
  if (prefix) needle.pop_back();
  return needle.size() > 1 ? needle : "";
}

}  // namespace

KeywordSearch::KeywordSearch(const std::vector<std::vector<std::string>>& keywords) {
  for (const auto& terms : keywords) {
    std::vector<std::unique_ptr<const Needle>> entry;
    for (const auto& term : terms) entry.push_back(std::make_unique<const Needle>(needle_of(term)));
    needles_.push_back(std::move(entry));
  }
}

bool KeywordSearch::found_in(const std::string& text) const {
  return std::any_of(needles_.begin(), needles_.end(), [&](const auto& entry) {
    return std::all_of(entry.begin(), entry.end(), [&](const auto& needle) {
      return !needle->text.empty() && std::search(text.begin(), text.end(), needle->searcher) != text.end();
    });
  });
}

bool has_keyword(const std::string& text, const std::vector<std::vector<std::string>>& keywords) {
  return KeywordSearch(keywords).found_in(text);
}

std::string matching_sentence(const std::string& plain, const std::vector<std::vector<std::string>>& keywords) {
  if (keywords.empty()) return plain;
  return matching_sentence(plain, KeywordSearch(keywords));
}

std::string matching_sentence(const std::string& plain, const KeywordSearch& search) {
  for (std::size_t start = 0; start < plain.size();) {
    std::size_t end = plain.find(". ", start);
    end = end == std::string::npos ? plain.size() : end + 1;
    const std::string sentence = plain.substr(start, end - start);
    if (search.found_in(keyword_text(sentence))) return sentence;
    start = plain.find_first_not_of(' ', end);
    if (start == std::string::npos) break;
  }
  return plain;
}

std::vector<FrameworkRow> framework_rows(const ExternalFramework& fw) {
  std::vector<FrameworkRow> rows;
  for (const auto& part : fw.parts)
    for (const auto& group : part.groups)
      for (const auto& item : group.items) rows.push_back({&part, &group, &item});
  return rows;
}

std::vector<std::vector<std::size_t>> crosswalk(const LinkedSite& linked, const ExternalFramework& fw) {
  const LinkGraph& graph = linked.graph();
  // A statement's address, "model/section#id" (or "model#id"), is its URL without "models/" and "/index.html".
  std::unordered_map<std::string, std::size_t> by_address;
  auto address_of = [&](const StatementRef& ref) {
    const Section* section = linked.section(ref);
    return linked.model(ref).id + (section ? "/" + section->id : "") + "#" + linked.statement(ref).id;
  };
  const bool named = std::any_of(fw.parts.begin(), fw.parts.end(), [](const FrameworkPart& p) {
    return std::any_of(p.groups.begin(), p.groups.end(), [](const FrameworkGroup& g) {
      return std::any_of(g.items.begin(), g.items.end(),
                         [](const FrameworkItem& i) { return !i.statements.empty() || !i.exclude.empty(); });
    });
  });
  if (named)
    for (const auto& ref : graph.statements()) by_address.emplace(address_of(ref), ref.index);
  auto resolve = [&](const std::vector<StatementAddress>& addresses) {
    std::set<std::size_t> out;
    for (const auto& a : addresses)
      if (auto it = by_address.find(a.text()); it != by_address.end()) out.insert(it->second);
    return out;
  };
  std::unordered_map<std::size_t, std::string> texts;  // each statement's keyword text, made once
  auto text_of = [&](std::size_t index) -> const std::string& {
    auto it = texts.find(index);
    if (it == texts.end())
      it = texts.emplace(index, keyword_text(linked.plain_text(linked.statement(graph.statements()[index]).text))).first;
    return it->second;
  };

  std::vector<std::vector<std::size_t>> out;
  for (const auto& row : framework_rows(fw)) {
    const FrameworkItem& item = *row.item;
    std::set<std::size_t> found = resolve(item.statements);
    const std::set<std::size_t> excluded = resolve(item.exclude);
    const KeywordSearch search(item.keywords);
    for (const auto& topic : item.topics)
      for (std::size_t index : graph.by_topic(topic))
        if (item.keywords.empty() || search.found_in(text_of(index))) found.insert(index);
    std::vector<std::size_t> list;
    for (std::size_t index : found)
      if (!excluded.count(index)) list.push_back(index);
    out.push_back(std::move(list));
  }
  return out;
}

}  // namespace pb::link
