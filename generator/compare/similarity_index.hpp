#pragma once
// Finds pairs of texts whose word-bigram sets have a Jaccard similarity of at least a threshold,
// without comparing all pairs: prefix filtering (Bayardo et al., "Scaling up all pairs similarity
// search", 2007). Each set is ordered rarest shingle first; two sets can only reach the threshold
// if their prefixes share a shingle, so only the prefixes are indexed, and only sets that meet in
// the index are compared. The answer is exact: the same pairs as comparing everything.
#include <cstdint>
#include <functional>
#include <vector>

namespace pb::inline compare {

struct SimilarPair {
  std::size_t a, b;  // indexes of the two texts, a < b
  double score;
};

struct SimilarityStats {
  std::size_t candidates = 0;   // pairs whose similarity was computed
  std::size_t all_pairs = 0;    // what comparing everything would have cost
};

// `group[i]` labels text i; texts of the same group are never paired (editions of one family).
std::vector<SimilarPair> find_similar(const std::vector<std::vector<std::uint64_t>>& shingle_sets,
                                      const std::vector<std::size_t>& group, double threshold,
                                      SimilarityStats* stats = nullptr);

// The baseline, for tests and the benchmark: every pair compared.
std::vector<SimilarPair> find_similar_all_pairs(const std::vector<std::vector<std::uint64_t>>& shingle_sets,
                                                const std::vector<std::size_t>& group, double threshold,
                                                SimilarityStats* stats = nullptr);

}  // namespace pb::compare
