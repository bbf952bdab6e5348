#pragma once
// Links glossary terms where statements mention them: the first mention of each term per statement,
// by its name, abbreviation, aliases or their plurals, on word boundaries, never inside a link.
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "content/model.hpp"

namespace pb::inline link {

// Written in place of the path to the site root; the renderer swaps in each page's "../../".
inline constexpr std::string_view root_marker = "\x02";

class TermMatcher {
 public:
  explicit TermMatcher(const std::vector<Term>& terms);

  struct Result {
    std::string html;                      // with <a class="term"> links
    std::vector<std::size_t> terms;        // indexes into the terms, in order of first mention
  };
  // Links terms in rendered inline HTML (text outside tags and outside <a>…</a> and <code>…</code>).
  Result link(std::string_view html) const;

  // Two entries claiming the same spelling: only one of them could ever be linked.
  void report_shadowing(Diagnostics& diags) const;

 private:
  struct Form {
    std::string text;        // HTML-escaped; lowercased unless case-sensitive
    bool case_sensitive;     // abbreviations match exactly
    std::size_t term;
  };
  // Forms bucketed by their first byte (lowercased), longest first, so a scan is linear in the text.
  std::vector<std::vector<Form>> buckets_;
  struct Entry {
    std::string id;
    std::string tip;         // "Term: definition", escaped for an attribute
    SourceLocation where;
  };
  std::vector<Entry> entries_;
  std::size_t match_at(std::string_view text, std::size_t pos, std::size_t& term) const;
};

// Links terms in every statement and section summary; returns, per term, how many texts of the site
// mention it (statements, summaries, titles, intros, letters), so unused entries can be reported.
std::vector<std::size_t> link_glossary_terms(Site& site, const TermMatcher& matcher);

}  // namespace pb::link
