#pragma once
// Which statements speak to each item of an external framework (content/frameworks/): the statements
// of the item's topics whose text has one of its keywords, plus the statements it names, minus those
// it excludes. Computed from the link graph's public lists; every model, current or archived.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "link/linked_site.hpp"

namespace pb::inline link {

// Text as keywords see it: lowercase, every run of characters that are not letters, digits or hyphens
// (punctuation, curly quotes, ™, HTML entities) one space, with a space at each end.
std::string keyword_text(std::string_view text);

// Keyword entries made ready for searching once: each term as the text keyword_text would find.
class KeywordSearch {
 public:
  explicit KeywordSearch(const std::vector<std::vector<std::string>>& keywords);
  // Whether `text` (made by keyword_text) has one of the entries (all terms of an entry).
  bool found_in(const std::string& text) const;

 private:
  // Every needle begins with a space, which a plain find() stops at in every word: a
  // Boyer-Moore-Horspool search skips ahead by the needle's length instead. Held by pointer, since
  // the searcher points into its own text.
  struct Needle {
    explicit Needle(std::string needle) : text(std::move(needle)), searcher(text.begin(), text.end()) {}
    std::string text;
    std::boyer_moore_horspool_searcher<std::string::const_iterator> searcher;
  };
  std::vector<std::vector<std::unique_ptr<const Needle>>> needles_;
};

// Whether `text` (made by keyword_text) has one of the keyword entries (all terms of an entry).
bool has_keyword(const std::string& text, const std::vector<std::vector<std::string>>& keywords);

// The first sentence of `plain` (a statement without markup) that has one of the keywords, for a
// short quotation that shows why the statement speaks to the item; the whole text when none does.
std::string matching_sentence(const std::string& plain, const std::vector<std::vector<std::string>>& keywords);
// The same with the keywords made ready once (a framework page quotes thousands of statements).
std::string matching_sentence(const std::string& plain, const KeywordSearch& search);

// The items of a framework in page order, each with its part and group.
struct FrameworkRow {
  const FrameworkPart* part;
  const FrameworkGroup* group;
  const FrameworkItem* item;
};
std::vector<FrameworkRow> framework_rows(const ExternalFramework& fw);

// For each row of framework_rows(fw), the statements (indexes into LinkGraph::statements(), in site
// order) that speak to it. The statements are searched on `threads` threads (0: one per core); the
// result does not depend on it.
std::vector<std::vector<std::size_t>> crosswalk(const LinkedSite& linked, const ExternalFramework& fw,
                                                unsigned threads = 0);

}  // namespace pb::link
