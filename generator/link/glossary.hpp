#pragma once
// Finds glossary terms in plain text: by name, abbreviation (case-sensitive), aliases, and their
// plurals, on word boundaries. The Markdown renderer runs it on the text nodes of the parsed
// document, so a term is never found inside a tag, an attribute, a link or code.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "content/model.hpp"
#include "core/diagnostics.hpp"

namespace pb::inline link {

class TermMatcher {
 public:
  explicit TermMatcher(const std::vector<Term>& terms);

  struct Match {
    std::size_t pos, length;
    std::uint32_t term;  // index into the site's terms
  };
  // Mentions in `text` of terms not yet in `seen`, left to right, the longest spelling winning at
  // each position; each found term is added to `seen`, so a term is found once per `seen`.
  std::vector<Match> find(std::string_view text, std::vector<std::uint32_t>& seen) const;

  // Two entries claiming the same spelling: only one of them could ever be linked.
  void report_shadowing(Diagnostics& diags) const;

 private:
  struct Form {
    std::string text;        // lowercased unless case-sensitive
    bool case_sensitive;     // abbreviations match exactly
    std::uint32_t term;
  };
  // A trie of the forms' lowercased bytes: nodes_[0] is the root, an edge (node, byte) → node.
  struct Node {
    std::vector<std::uint32_t> forms;  // forms ending here, in the order they were added
  };
  std::vector<Form> forms_;
  std::vector<Node> nodes_;
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // while the trie is built
  // The same edges in one flat table (open addressing, a power of two in size, at most a quarter
  // full), read at every letter of every word that starts like a term: a map's node per edge cost a
  // division and a cache miss at each of them. Key 0 is free: no edge leads from the root with byte 0.
  std::vector<std::uint64_t> edge_keys_;
  std::vector<std::uint32_t> edge_nodes_;
  void freeze_edges();
  std::uint32_t edge(std::uint64_t key) const;
  // The root's edges by byte (0: none), read at every word of every text: most words stop there.
  std::array<std::uint32_t, 256> first_{};
  void add_form(Form form);
  std::vector<SourceLocation> where_;
  std::vector<std::string> ids_;
  std::size_t match_at(std::string_view text, std::size_t pos, std::uint32_t& term) const;
};

}  // namespace pb::link
