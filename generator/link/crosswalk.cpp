#include "link/crosswalk.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "core/parallel.hpp"

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
  // Written through a pointer into room made once: the text never grows (a byte becomes at most one
  // byte, an entity one space) but for the spaces around it.
  std::string out(text.size() + 2, ' ');
  char* o = out.data() + 1;
  auto space = [&] {
    if (o[-1] != ' ') *o++ = ' ';
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
      *o++ = folded;
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
      else o = std::copy(seq.begin(), seq.end(), o);
      i += seq.size() - 1;
    } else {
      space();
    }
  }
  space();
  out.resize(static_cast<std::size_t>(o - out.data()));
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

std::uint32_t KeywordSearch::child(std::uint32_t node, unsigned char c) const {
  for (const auto& [byte, next] : nodes_[node].next)
    if (byte == c) return next;
  return none;
}

std::uint32_t KeywordSearch::needle_number(const std::string& needle) {
  if (needle.empty()) return none;
  std::uint32_t node = 0;
  for (const char c : needle) {
    std::uint32_t next = child(node, static_cast<unsigned char>(c));
    if (next == none) {
      next = static_cast<std::uint32_t>(nodes_.size());
      nodes_[node].next.emplace_back(static_cast<unsigned char>(c), next);
      nodes_.emplace_back();
    }
    node = next;
  }
  if (nodes_[node].needle == none) nodes_[node].needle = needle_count_++;
  return nodes_[node].needle;
}

void KeywordSearch::add(const std::vector<std::vector<std::string>>& keywords) {
  auto& set = sets_.emplace_back();
  for (const auto& terms : keywords) {
    auto& entry = set.emplace_back();
    for (const auto& term : terms) entry.push_back(needle_number(needle_of(term)));
  }
  after_space_.assign(256, none);
  if (const std::uint32_t start = child(0, ' '); start != none)
    for (const auto& [byte, next] : nodes_[start].next) after_space_[byte] = next;
}

std::vector<std::uint32_t> KeywordSearch::needles_in(const std::string& text) const {
  // Every needle begins with a space (see needle_of): a match can only start at one.
  std::vector<std::uint32_t> found;
  if (after_space_.empty()) return found;
  for (std::size_t at = text.find(' '); at != std::string::npos && at + 1 < text.size(); at = text.find(' ', at + 1)) {
    std::uint32_t node = after_space_[static_cast<unsigned char>(text[at + 1])];
    for (std::size_t i = at + 2; node != none; ++i) {
      if (nodes_[node].needle != none) found.push_back(nodes_[node].needle);
      if (i >= text.size()) break;
      node = child(node, static_cast<unsigned char>(text[i]));
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

bool KeywordSearch::matches(std::size_t set, const std::vector<std::uint32_t>& needles) const {
  if (set >= sets_.size()) return false;
  return std::any_of(sets_[set].begin(), sets_[set].end(), [&](const std::vector<std::uint32_t>& entry) {
    return std::all_of(entry.begin(), entry.end(), [&](std::uint32_t needle) {
      return std::binary_search(needles.begin(), needles.end(), needle);  // `none` is never found
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

std::vector<std::vector<std::size_t>> crosswalk(const LinkedSite& linked, const ExternalFramework& fw,
                                                const std::vector<char>* models) {
  const LinkGraph& graph = linked.graph();
  auto wanted = [&](std::size_t index) { return !models || (*models)[graph.statements()[index].model]; };
  const std::vector<FrameworkRow> rows = framework_rows(fw);
  // A statement's address, "model/section#id" (or "model#id"), is its URL without "models/" and
  // "/index.html": made for the statements of the models that rows name, not for the whole site.
  std::set<std::string> named_models;
  for (const auto& row : rows)
    for (const auto* addresses : {&row.item->statements, &row.item->exclude})
      for (const auto& a : *addresses) named_models.insert(a.model);
  std::unordered_map<std::string, std::size_t> by_address;
  for (const auto& ref : graph.statements()) {
    const Model& model = linked.model(ref);
    if (!named_models.count(model.id)) continue;
    const Section* section = linked.section(ref);
    by_address.emplace(model.id + (section ? "/" + section->id : "") + "#" + linked.statement(ref).id, ref.index);
  }
  auto resolve = [&](const std::vector<StatementAddress>& addresses, std::vector<std::size_t>& out) {
    for (const auto& a : addresses)
      if (auto it = by_address.find(a.text()); it != by_address.end()) out.push_back(it->second);
  };

  // Every row's keywords in one search (set r for row r): each statement is read once for all rows.
  const KeywordSearch search(rows);
  std::vector<char> searched(graph.statements().size(), 0);
  for (const auto& row : rows) {
    if (!row.item->keywords.empty())
      for (const auto& topic : row.item->topics)
        for (std::size_t index : graph.by_topic(topic)) searched[index] = wanted(index);
  }
  // The needles in each statement a row searches, found once, on every core.
  std::vector<std::size_t> to_search;
  for (std::size_t index = 0; index < searched.size(); ++index)
    if (searched[index]) to_search.push_back(index);
  std::vector<std::vector<std::uint32_t>> needles_in(graph.statements().size());
  Diagnostics internal;  // the work below throws nothing but bad_alloc, which parallel_for reports here
  const ParallelTask task{.count = to_search.size(), .threads = 0, .min_per_thread = 256,
                          .name = [&fw](std::size_t) { return "the crosswalk of " + fw.id; }};
  parallel_for(task, [&](std::size_t n, unsigned) {
    const std::size_t index = to_search[n];
    needles_in[index] = search.needles_in(keyword_text(linked.plain_text(linked.statement(graph.statements()[index]).text)));
  }, internal);
  if (internal.has_errors()) throw std::runtime_error("the crosswalk of " + fw.id + " failed: " + internal.sorted().front().message);

  std::vector<std::vector<std::size_t>> out(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const FrameworkItem& item = *rows[r].item;
    std::vector<std::size_t> found, excluded;
    resolve(item.statements, found);
    resolve(item.exclude, excluded);
    for (const auto& topic : item.topics)
      for (std::size_t index : graph.by_topic(topic))
        if (wanted(index) && (item.keywords.empty() || search.matches(r, needles_in[index]))) found.push_back(index);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    std::sort(excluded.begin(), excluded.end());
    for (std::size_t index : found)
      if (wanted(index) && !std::binary_search(excluded.begin(), excluded.end(), index)) out[r].push_back(index);
  }
  return out;
}

}  // namespace pb::link
