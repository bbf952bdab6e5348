#pragma once
// Which statements speak to each item of an external framework (content/frameworks/): the statements
// of the item's topics whose text has one of its keywords, plus the statements it names, minus those
// it excludes. Computed from the link graph's public lists; every model, current or archived.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "link/linked_site.hpp"

namespace pb::inline link {

// Text as keywords see it: lowercase, every run of characters that are not letters, digits or hyphens
// (punctuation, curly quotes, ™, HTML entities) one space, with a space at each end.
std::string keyword_text(std::string_view text);

// An item of a framework with its part and group.
struct FrameworkRow {
  const FrameworkPart* part;
  const FrameworkGroup* group;
  const FrameworkItem* item;
};

// Keyword entries made ready for searching: the needles of every set of entries (an item's keywords)
// in one trie, walked from each word start of a text, so that a text is read once for all of them.
class KeywordSearch {
 public:
  // One set of entries, set 0; each entry is a list of terms ("visit*", "safety plan").
  explicit KeywordSearch(const std::vector<std::vector<std::string>>& keywords) { add(keywords); }
  // The keywords of each row, set r for rows[r].
  explicit KeywordSearch(const std::vector<FrameworkRow>& rows) {
    for (const auto& row : rows) add(row.item->keywords);
  }
  // The needles found in `text` (made by keyword_text), sorted, for matches().
  std::vector<std::uint32_t> needles_in(const std::string& text) const;
  // Whether a text with these needles has one of the entries of set `set` (all terms of an entry).
  bool matches(std::size_t set, const std::vector<std::uint32_t>& needles) const;
  // Whether `text` (made by keyword_text) has one of the entries of set 0.
  bool found_in(const std::string& text) const { return matches(0, needles_in(text)); }

 private:
  static constexpr std::uint32_t none = 0xFFFFFFFF;  // a term with no word in it: never found
  struct Node {
    std::vector<std::pair<unsigned char, std::uint32_t>> next;  // few per node: read in turn
    std::uint32_t needle = none;                                // the needle ending here
  };
  void add(const std::vector<std::vector<std::string>>& keywords);
  std::uint32_t child(std::uint32_t node, unsigned char c) const;
  std::uint32_t needle_number(const std::string& needle);  // equal needles share one
  std::vector<Node> nodes_{1};
  // Where each byte leads from the node every needle starts at (after its space): that node has a
  // child for nearly every letter, which a table finds at once. Made again by each add().
  std::vector<std::uint32_t> after_space_;
  std::uint32_t needle_count_ = 0;
  std::vector<std::vector<std::vector<std::uint32_t>>> sets_;  // by set, by entry: needle numbers
};

// Whether `text` (made by keyword_text) has one of the keyword entries (all terms of an entry).
bool has_keyword(const std::string& text, const std::vector<std::vector<std::string>>& keywords);

// The first sentence of `plain` (a statement without markup) that has one of the keywords, for a
// short quotation that shows why the statement speaks to the item; the whole text when none does.
std::string matching_sentence(const std::string& plain, const std::vector<std::vector<std::string>>& keywords);
// The same with the keywords made ready once (a framework page quotes thousands of statements).
std::string matching_sentence(const std::string& plain, const KeywordSearch& search);

// The items of a framework in page order, each with its part and group.
std::vector<FrameworkRow> framework_rows(const ExternalFramework& fw);

// For each row of framework_rows(fw), the statements (indexes into LinkGraph::statements(), in site
// order) that speak to it. The statements are searched on every core. Given `models` (by model index,
// nonzero for those wanted), only the statements of those models are searched and listed.
std::vector<std::vector<std::size_t>> crosswalk(const LinkedSite& linked, const ExternalFramework& fw,
                                                const std::vector<char>* models = nullptr);

}  // namespace pb::link
