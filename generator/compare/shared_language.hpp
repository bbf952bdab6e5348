#pragma once
// Shared language across model families: sentences said in several models, in two tiers, grouped
// into clusters ("said in 7 models") so that a sentence shared by 150 models is one group, not
// 11,175 pairs.
//   same words: near-verbatim — word pairs in common, counting a short sentence inside a longer one;
//   same idea:  paraphrase — rare content words (stems, synonyms) in common, IDF-weighted cosine.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compare/sentences.hpp"

namespace pb::inline compare {

// Calibrated on hand-labelled pairs of the seed models (see README, "Shared language").
struct SharedLanguageOptions {
  double words_containment = 0.6;  // share of the shorter sentence's word pairs found in the other
  std::size_t words_min_common = 4;  // … and at least this many word pairs in common
  double words_jaccard = 0.3;      // or this share of both sentences' word pairs together
  double idea_cosine = 0.55;       // same idea: cosine of IDF-weighted content words
  std::size_t idea_rarest = 8;     // … sharing two of each one's eight rarest content words
  double idea_coverage = 0.5;      // … which are at least half of each one's content words
  std::size_t min_words = 3;       // shorter sentences are not compared
  // The words tier's budget: it stops after this many comparisons that find no pair (5 million and
  // 100 a sentence; real models make about 15 a sentence), so text built to be slow (thousands of
  // sentences from a few dozen words, each a little like every other) cannot hold the build. The
  // pairs it finds do not count: 500 counties' copies of one sentence are 124,750 pairs.
  std::size_t word_misses_floor = 5'000'000;
  std::size_t word_misses_per_sentence = 100;
  std::vector<std::vector<std::string>> synonyms;  // groups of words or phrases that mean the same
};

struct SharedText {
  std::string_view text;  // a statement's text
  std::uint32_t family;   // statements of one family (editions of a model) are never matched
};

enum class ClusterKind { same_words, same_idea };

struct ClusterMember {
  std::uint32_t text;  // index into the input
  TextSpan sentence;   // the shared sentence(s) within that text
};

struct Cluster {
  ClusterKind kind;
  std::vector<ClusterMember> members;  // in input order, one per text
};

struct SharedLanguageStats {
  std::size_t sentences = 0, distinct_sentences = 0;
  std::size_t word_candidates = 0, idea_candidates = 0, all_pairs = 0;
  bool word_search_stopped = false;  // the words tier reached its budget (some pairs were not looked for)
};

// Clusters that span at least two families, the widest first.
std::vector<Cluster> find_shared_language(const std::vector<SharedText>& texts, const SharedLanguageOptions& options,
                                          SharedLanguageStats* stats = nullptr);

}  // namespace pb::compare
