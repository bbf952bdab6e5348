#pragma once
// Finding the similar pairs among many texts without comparing all pairs. Features are ordered
// rarest first (fewest texts); only texts that meet early in that order are compared.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pb::inline compare {

// A text as features (any ids) with weights; the order of entries does not matter.
struct FeatureVector {
  std::vector<std::pair<std::uint32_t, float>> entries;  // (feature, weight)
};

struct CandidatePair {
  std::uint32_t a, b;  // indexes of the two texts, a < b
  double score;        // cosine, or the number of shared features for sets
};

struct SearchStats {
  std::size_t candidates = 0;  // pairs whose similarity was computed
  std::size_t all_pairs = 0;   // what comparing everything would have cost
  bool stopped = false;        // the search reached its budget: the pairs past it were not looked for
};

// A set's group for overlap_pairs: two sets of one group are never a pair; `no_group` pairs with any.
inline constexpr std::uint32_t no_group = UINT32_MAX;

// What overlap_pairs may do beyond finding the pairs: skip the unwanted ones, and stop.
struct OverlapLimits {
  const std::vector<std::uint32_t>* groups = nullptr;  // a group per set (see no_group), or none
  std::size_t max_misses = SIZE_MAX;                  // comparisons that find no pair before the search stops
};

// Pairs whose cosine similarity is at least `threshold` and that have two features in common among
// each one's `rarest` rarest (vectors are normalised here), unless more than 2,000 texts have those
// two. Paraphrases share rare words; texts that share only common ones are neither similar enough
// nor cheap to find among 100,000.
std::vector<CandidatePair> cosine_pairs(std::vector<FeatureVector> vectors, double threshold, std::size_t rarest,
                                        SearchStats* stats = nullptr);

// Pairs of feature sets sharing at least `fraction` of the smaller set (and at least one feature);
// `score` is the number of shared features. Sets are de-duplicated here. Exact (prefix filtering,
// Bayardo, Ma and Srikant, "Scaling up all pairs similarity search", 2007): a set S sharing that
// many features with a larger one shares one of its first |S| − ceil(fraction·|S|) + 1.
// Pairs of one group are skipped before they are compared (text of one model family, in a long
// manual of few words, would otherwise be compared with itself pair by pair). Past `max_misses`
// comparisons that found no pair the search stops with the pairs found so far (`stats->stopped`):
// the pairs it finds never count against it, however many near-copies a sentence has.
std::vector<CandidatePair> overlap_pairs(std::vector<std::vector<std::uint32_t>> sets, double fraction,
                                         SearchStats* stats = nullptr, const OverlapLimits& limits = {});

// The baselines, for tests and the benchmark: every pair compared.
std::vector<CandidatePair> cosine_pairs_all(std::vector<FeatureVector> vectors, double threshold, std::size_t rarest);
std::vector<CandidatePair> overlap_pairs_all(std::vector<std::vector<std::uint32_t>> sets, double fraction);

}  // namespace pb::compare
