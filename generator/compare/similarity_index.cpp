#include "compare/similarity_index.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "compare/text_compare.hpp"

namespace pb {

namespace {
void sort_pairs(std::vector<SimilarPair>& pairs) {
  std::sort(pairs.begin(), pairs.end(), [](const SimilarPair& x, const SimilarPair& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
}
}  // namespace

std::vector<SimilarPair> find_similar(const std::vector<std::vector<std::uint64_t>>& sets,
                                      const std::vector<std::size_t>& group, double threshold,
                                      SimilarityStats* stats) {
  // Global frequency of each shingle: ordering sets rarest-first keeps prefixes selective.
  std::unordered_map<std::uint64_t, std::uint32_t> frequency;
  for (const auto& s : sets)
    for (auto h : s) ++frequency[h];
  std::vector<std::vector<std::uint64_t>> ordered(sets.size());
  for (std::size_t i = 0; i < sets.size(); ++i) {
    ordered[i] = sets[i];
    std::sort(ordered[i].begin(), ordered[i].end(), [&](std::uint64_t x, std::uint64_t y) {
      const auto fx = frequency[x], fy = frequency[y];
      return fx != fy ? fx < fy : x < y;
    });
  }
  // Process sets from smallest to largest; index each one's prefix after probing with it.
  std::vector<std::size_t> by_size(sets.size());
  for (std::size_t i = 0; i < sets.size(); ++i) by_size[i] = i;
  std::stable_sort(by_size.begin(), by_size.end(), [&](std::size_t x, std::size_t y) { return sets[x].size() < sets[y].size(); });

  std::unordered_map<std::uint64_t, std::vector<std::size_t>> index;
  std::vector<std::size_t> seen_by(sets.size(), static_cast<std::size_t>(-1));
  std::vector<SimilarPair> out;
  std::size_t candidates = 0;
  for (std::size_t x : by_size) {
    const auto& s = ordered[x];
    if (s.empty()) continue;
    // Two sets with Jaccard ≥ t share at least one shingle among the first |s| − ⌈t·|s|⌉ + 1.
    const std::size_t prefix = s.size() - static_cast<std::size_t>(std::ceil(threshold * static_cast<double>(s.size()))) + 1;
    for (std::size_t k = 0; k < std::min(prefix, s.size()); ++k) {
      auto it = index.find(s[k]);
      if (it == index.end()) continue;
      for (std::size_t y : it->second) {
        if (seen_by[y] == x || group[y] == group[x]) continue;
        seen_by[y] = x;
        // Size filter: a much smaller set cannot reach the threshold.
        if (static_cast<double>(sets[y].size()) < threshold * static_cast<double>(sets[x].size())) continue;
        ++candidates;
        const double score = jaccard(sets[x], sets[y]);
        if (score >= threshold) out.push_back({std::min(x, y), std::max(x, y), score});
      }
    }
    for (std::size_t k = 0; k < std::min(prefix, s.size()); ++k) index[s[k]].push_back(x);
  }
  if (stats) {
    stats->candidates = candidates;
    stats->all_pairs = sets.size() * (sets.size() - (sets.empty() ? 0 : 1)) / 2;
  }
  sort_pairs(out);
  return out;
}

std::vector<SimilarPair> find_similar_all_pairs(const std::vector<std::vector<std::uint64_t>>& sets,
                                                const std::vector<std::size_t>& group, double threshold,
                                                SimilarityStats* stats) {
  std::vector<SimilarPair> out;
  std::size_t compared = 0;
  for (std::size_t i = 0; i < sets.size(); ++i)
    for (std::size_t j = i + 1; j < sets.size(); ++j) {
      if (group[i] == group[j]) continue;
      ++compared;
      const double score = jaccard(sets[i], sets[j]);
      if (score >= threshold && !sets[i].empty()) out.push_back({i, j, score});
    }
  if (stats) {
    stats->candidates = compared;
    stats->all_pairs = sets.size() * (sets.size() - (sets.empty() ? 0 : 1)) / 2;
  }
  sort_pairs(out);
  return out;
}

}  // namespace pb
