#include "compare/similarity_index.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "compare/text_compare.hpp"

namespace pb::inline compare {

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
  // Rank shingles by global frequency (rarest = 0). Each set becomes a sorted list of ranks, so its
  // prefix is its rarest shingles and two sets still compare by a linear merge.
  std::unordered_map<std::uint64_t, std::uint32_t> id_of;
  id_of.reserve(sets.size() * 8);
  std::vector<std::uint32_t> frequency;
  std::vector<std::vector<std::uint32_t>> ranked(sets.size());
  for (std::size_t i = 0; i < sets.size(); ++i) {
    ranked[i].reserve(sets[i].size());
    for (auto h : sets[i]) {
      auto [it, inserted] = id_of.emplace(h, static_cast<std::uint32_t>(frequency.size()));
      if (inserted) frequency.push_back(0);
      ++frequency[it->second];
      ranked[i].push_back(it->second);
    }
  }
  std::vector<std::uint32_t> order(frequency.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return frequency[x] != frequency[y] ? frequency[x] < frequency[y] : x < y;
  });
  std::vector<std::uint32_t> rank(frequency.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  for (auto& set : ranked) {
    for (auto& v : set) v = rank[v];
    std::sort(set.begin(), set.end());
  }

  // Process sets from smallest to largest; probe the index with each prefix, then add the prefix.
  std::vector<std::size_t> by_size(sets.size());
  for (std::size_t i = 0; i < sets.size(); ++i) by_size[i] = i;
  std::stable_sort(by_size.begin(), by_size.end(), [&](std::size_t x, std::size_t y) { return sets[x].size() < sets[y].size(); });

  std::vector<std::vector<std::uint32_t>> index(frequency.size());
  std::vector<std::size_t> seen_by(sets.size(), static_cast<std::size_t>(-1));
  std::vector<SimilarPair> out;
  std::size_t candidates = 0;
  for (std::size_t x : by_size) {
    const auto& s = ranked[x];
    if (s.empty()) continue;
    // Two sets with Jaccard ≥ t share at least one shingle among the first |s| − ⌈t·|s|⌉ + 1.
    const std::size_t prefix =
        std::min(s.size(), s.size() - static_cast<std::size_t>(std::ceil(threshold * static_cast<double>(s.size()))) + 1);
    for (std::size_t k = 0; k < prefix; ++k) {
      for (std::uint32_t y : index[s[k]]) {
        if (seen_by[y] == x || group[y] == group[x]) continue;
        seen_by[y] = x;
        // Size filter: a much smaller set cannot reach the threshold.
        if (static_cast<double>(ranked[y].size()) < threshold * static_cast<double>(s.size())) continue;
        ++candidates;
        std::size_t common = 0;
        for (std::size_t i = 0, j = 0; i < s.size() && j < ranked[y].size();) {
          if (s[i] == ranked[y][j]) ++common, ++i, ++j;
          else if (s[i] < ranked[y][j]) ++i;
          else ++j;
        }
        const double score = static_cast<double>(common) / static_cast<double>(s.size() + ranked[y].size() - common);
        if (score >= threshold) out.push_back({std::min<std::size_t>(x, y), std::max<std::size_t>(x, y), score});
      }
    }
    for (std::size_t k = 0; k < prefix; ++k) index[s[k]].push_back(static_cast<std::uint32_t>(x));
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

}  // namespace pb::compare
