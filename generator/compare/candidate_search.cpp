#include "compare/candidate_search.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <functional>
#include <future>
#include <numeric>
#include <unordered_map>

namespace pb::inline compare {

namespace {

// Renumbers features by rarity (fewest texts first, then by id), so that sorting a text's
// features by their new number puts its rarest first. `count`: how many texts have each feature.
// A counting sort: a million word pairs have a few hundred distinct counts, so placing each feature
// after the rarer ones (in id order among equals) beats a comparison sort.
std::vector<std::uint32_t> rarity_ranks(const std::vector<std::uint32_t>& count) {
  const std::uint32_t most = count.empty() ? 0 : *std::max_element(count.begin(), count.end());
  std::vector<std::uint32_t> first_rank(std::size_t(most) + 2, 0);  // by count: the rank of its first feature
  for (std::uint32_t c : count) ++first_rank[std::size_t(c) + 1];
  std::partial_sum(first_rank.begin(), first_rank.end(), first_rank.begin());
  std::vector<std::uint32_t> rank(count.size());
  for (std::size_t f = 0; f < count.size(); ++f) rank[f] = first_rank[count[f]]++;
  return rank;
}

// The same, counted from each text's features (each listed once).
std::vector<std::uint32_t> rarity_ranks(const std::vector<std::vector<std::uint32_t>>& feature_lists) {
  std::uint32_t max_feature = 0;
  for (const auto& list : feature_lists)
    for (std::uint32_t f : list) max_feature = std::max(max_feature, f + 1);
  std::vector<std::uint32_t> count(max_feature, 0);
  for (const auto& list : feature_lists)
    for (std::uint32_t f : list) ++count[f];
  return rarity_ranks(count);
}

// Weights merged per feature, renumbered by rarity, sorted rarest first, scaled to unit length.
void normalise(std::vector<FeatureVector>& vectors) {
  std::vector<std::uint32_t> count;  // texts per feature
  for (auto& v : vectors) {
    auto& entries = v.entries;
    std::sort(entries.begin(), entries.end());
    std::size_t kept = 0;  // repeated features merged in place, their weights added in order
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (kept && entries[kept - 1].first == entries[i].first) entries[kept - 1].second += entries[i].second;
      else entries[kept++] = entries[i];
    }
    entries.resize(kept);
    for (const auto& e : entries) {
      if (e.first >= count.size()) count.resize(std::size_t(e.first) + 1, 0);
      ++count[e.first];
    }
  }
  const auto rank = rarity_ranks(count);
  for (auto& v : vectors) {
    double norm = 0;
    for (auto& e : v.entries) {
      e.first = rank[e.first];
      norm += double(e.second) * e.second;
    }
    norm = std::sqrt(norm);
    for (auto& e : v.entries) e.second = norm > 0 ? float(e.second / norm) : 0.0f;
    std::sort(v.entries.begin(), v.entries.end());
  }
}

// b's entries against a's weights spread over a dense array: one load per entry, with no merge of
// two sorted lists (whose branches the processor cannot predict). Not inlined: inside the search's
// loop GCC kept the sum on the stack (it lives on across the push_back after), and every addition
// waited for the one before to be stored and read back.
[[gnu::noinline]] double dot_dense(const float* weight_of, const std::pair<std::uint32_t, float>* b, const std::pair<std::uint32_t, float>* end) {
  double sum = 0;
  for (; b != end; ++b) sum += double(weight_of[b->first]) * b->second;
  return sum;
}

double dot(const FeatureVector& x, const FeatureVector& y) {
  double sum = 0;
  auto i = x.entries.begin(), j = y.entries.begin();
  while (i != x.entries.end() && j != y.entries.end()) {
    if (i->first == j->first) sum += double(i->second) * (j++)->second, ++i;
    else if (i->first < j->first) ++i;
    else ++j;
  }
  return sum;
}

// How many values two sorted runs have in common.
std::size_t common(const std::uint32_t* i, const std::uint32_t* i_end, const std::uint32_t* j, const std::uint32_t* j_end) {
  std::size_t n = 0;
  while (i != i_end && j != j_end) {
    if (*i == *j) ++n, ++i, ++j;
    else if (*i < *j) ++i;
    else ++j;
  }
  return n;
}

// Sorted, de-duplicated, renumbered rarest first.
void prepare_sets(std::vector<std::vector<std::uint32_t>>& sets) {
  for (auto& s : sets) {
    if (std::adjacent_find(s.begin(), s.end(), std::greater_equal<>()) == s.end()) continue;  // already so
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
  }
  const auto rank = rarity_ranks(sets);
  for (auto& s : sets) {
    for (auto& f : s) f = rank[f];
    std::sort(s.begin(), s.end());
  }
}

constexpr std::size_t max_shared_pair_group = 2000;

bool overlap_enough(std::size_t shared, std::size_t a, std::size_t b, double fraction) {
  return shared > 0 && double(shared) >= fraction * double(std::min(a, b)) - 1e-9;
}

void sort_pairs(std::vector<CandidatePair>& pairs) {
  std::sort(pairs.begin(), pairs.end(), [](const CandidatePair& x, const CandidatePair& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
}

}  // namespace

std::vector<CandidatePair> cosine_pairs(std::vector<FeatureVector> vectors, double threshold, std::size_t rarest,
                                        SearchStats* stats) {
  normalise(vectors);
  // The search reads the vectors a vector meets, which share its rarest words: numbered in the order
  // of their rarest words, those lie near each other in memory, not anywhere in it. The pairs are
  // numbered back at the end.
  std::vector<std::uint32_t> original(vectors.size());
  std::iota(original.begin(), original.end(), 0u);
  // Each vector's first three features side by side, so the sort reads one array, not the vectors.
  struct Head {
    std::array<std::uint32_t, 3> features;
    std::uint32_t size;
  };
  std::vector<Head> heads(vectors.size());
  for (std::size_t i = 0; i < vectors.size(); ++i) {
    const auto& entries = vectors[i].entries;
    heads[i].size = static_cast<std::uint32_t>(std::min<std::size_t>(entries.size(), 3));
    for (std::uint32_t k = 0; k < heads[i].size; ++k) heads[i].features[k] = entries[k].first;
  }
  std::sort(original.begin(), original.end(), [&](std::uint32_t x, std::uint32_t y) {
    const Head& a = heads[x];
    const Head& b = heads[y];
    for (std::uint32_t i = 0; i < std::min(a.size, b.size); ++i)
      if (a.features[i] != b.features[i]) return a.features[i] < b.features[i];
    return x < y;
  });
  {
    std::vector<FeatureVector> ordered(vectors.size());
    for (std::size_t i = 0; i < ordered.size(); ++i) ordered[i] = std::move(vectors[original[i]]);
    vectors = std::move(ordered);
  }
  // Each vector is filed under every two of its `rarest` first features: one word in common is
  // common (in a corpus of 100,000 sentences every word is in hundreds), two rare ones are not.
  // Filed flat and sorted, not in a hash map of lists: millions of small allocations cost more.
  auto each_filing = [&](auto&& file) {
    for (std::uint32_t i = 0; i < vectors.size(); ++i) {
      const auto& entries = vectors[i].entries;
      const std::size_t n = std::min(rarest, entries.size());
      for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = x + 1; y < n; ++y) file(entries[x].first, entries[y].first, i);
    }
  };
  std::uint32_t most_feature = 0;
  for (const auto& v : vectors)
    for (const auto& e : v.entries) most_feature = std::max(most_feature, e.first);
  const std::size_t feature_slots = std::size_t(most_feature) + 1;
  // Filed in (first feature, second feature, vector) order without a comparison sort, in 8 bytes a
  // filing (a page of memory costs most the first time it is touched, and there are millions): two
  // stable counting passes, the first placing each (first feature, vector) by its second feature, the
  // second each (second feature, vector) by its first, reading the second from where the first pass
  // put it. The filings come out vector by vector, so each group's vectors are in ascending order.
  // `filed` holds (second feature << 32 | vector), each first feature's run from first_start.
  std::vector<std::uint32_t> first_start(feature_slots + 1, 0);
  std::vector<std::uint64_t> filed;
  {
    std::vector<std::uint32_t> second_start(feature_slots + 1, 0);
    each_filing([&](std::uint32_t x, std::uint32_t y, std::uint32_t) { ++first_start[x + 1], ++second_start[y + 1]; });
    std::partial_sum(first_start.begin(), first_start.end(), first_start.begin());
    std::partial_sum(second_start.begin(), second_start.end(), second_start.begin());
    std::vector<std::uint64_t> by_second(second_start.back());
    std::vector<std::uint32_t> next(second_start.begin(), second_start.end() - 1);
    each_filing([&](std::uint32_t x, std::uint32_t y, std::uint32_t i) { by_second[next[y]++] = std::uint64_t{x} << 32 | i; });
    filed.resize(by_second.size());
    next.assign(first_start.begin(), first_start.end() - 1);
    for (std::size_t y = 0; y < feature_slots; ++y)
      for (std::uint32_t k = second_start[y]; k < second_start[y + 1]; ++k)
        filed[next[by_second[k] >> 32]++] = std::uint64_t{y} << 32 | (by_second[k] & 0xffffffffu);
  }
  auto vector_of = [](std::uint64_t filing) { return static_cast<std::uint32_t>(filing); };
  // For every vector, where it is filed in a group worth comparing within (flat, by vector), and
  // where that group ends: a vector meets the later members of its groups, with no list of every
  // pair to sort. Two words that very many sentences share tell none of them apart: like a stop word.
  std::vector<std::uint32_t> run_end(filed.size(), 0), starts(vectors.size() + 1, 0);
  for (std::size_t first = 0; first < feature_slots; ++first)
    for (std::size_t start = first_start[first]; start < first_start[first + 1];) {
      std::size_t end = start;
      while (end < first_start[first + 1] && filed[end] >> 32 == filed[start] >> 32) ++end;
      if (end - start >= 2 && end - start <= max_shared_pair_group)
        for (std::size_t x = start; x + 1 < end; ++x) {
          run_end[x] = static_cast<std::uint32_t>(end);
          ++starts[vector_of(filed[x]) + 1];
        }
      start = end;
    }
  std::partial_sum(starts.begin(), starts.end(), starts.begin());
  // Read in the inner loop, so kept compact: each vector's places as (first later member, end of its
  // group), and the members in filed order as vector numbers alone (half of `filed`'s bytes).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> filed_at(starts.back());
  {
    std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
    for (std::uint32_t x = 0; x < filed.size(); ++x)
      if (run_end[x]) filed_at[next[vector_of(filed[x])]++] = {x + 1, run_end[x]};
  }
  std::vector<std::uint32_t> member(filed.size());
  for (std::size_t x = 0; x < filed.size(); ++x) member[x] = vector_of(filed[x]);
  std::vector<std::uint64_t>().swap(filed);
  std::vector<std::uint32_t>().swap(run_end);
  // The vectors in one flat array, for the dot products' sake.
  std::vector<std::uint32_t> offset(vectors.size() + 1, 0);
  for (std::size_t i = 0; i < vectors.size(); ++i) offset[i + 1] = offset[i] + static_cast<std::uint32_t>(vectors[i].entries.size());
  std::vector<std::pair<std::uint32_t, float>> flat;
  flat.reserve(offset.back());
  const std::uint32_t features = vectors.empty() ? 0 : most_feature + 1;  // numbered 0 … features-1 by normalise
  for (auto& v : vectors) {
    flat.insert(flat.end(), v.entries.begin(), v.entries.end());
    std::vector<std::pair<std::uint32_t, float>>().swap(v.entries);
  }
  // Vectors in blocks, taken in turn by two threads: a block's work varies with how common its
  // words are, so blocks dealt out in advance (every other one) left one thread idle for a tenth of
  // the search. The pairs are sorted at the end, so which thread found one does not matter.
  constexpr std::uint32_t block = 1024;
  std::atomic<std::uint32_t> next_block{0};
  auto search = [&](std::size_t& candidates) {
    std::vector<CandidatePair> out;
    std::vector<std::uint32_t> seen(vectors.size(), UINT32_MAX), found;
    std::vector<float> weight_of(features, 0.0f);  // a's weights, for dot_dense
    for (std::size_t from = std::size_t(next_block++) * block; from < vectors.size(); from = std::size_t(next_block++) * block)
      for (std::uint32_t a = static_cast<std::uint32_t>(from); a < std::min<std::size_t>(vectors.size(), from + block); ++a) {
        found.clear();
        for (std::uint32_t k = starts[a]; k < starts[a + 1]; ++k) {
          // a's groups lie anywhere in `member`: ask for the one after next while reading this one.
          if (k + 2 < starts[a + 1]) __builtin_prefetch(&member[filed_at[k + 2].first]);
          for (std::uint32_t x = filed_at[k].first; x < filed_at[k].second; ++x)
            if (const std::uint32_t b = member[x]; seen[b] != a) {
              seen[b] = a;
              found.push_back(b);
            }
        }
        candidates += found.size();
        for (std::uint32_t i = offset[a]; i < offset[a + 1]; ++i) weight_of[flat[i].first] = flat[i].second;
        for (std::size_t f = 0; f < found.size(); ++f) {
          // The vectors met are not in memory order: ask for one a few candidates ahead.
          if (f + 4 < found.size()) __builtin_prefetch(&flat[offset[found[f + 4]]]);
          const std::uint32_t b = found[f];
          const double sum = dot_dense(weight_of.data(), flat.data() + offset[b], flat.data() + offset[b + 1]);
          if (sum >= threshold - 1e-9) out.push_back({a, b, sum});
        }
        for (std::uint32_t i = offset[a]; i < offset[a + 1]; ++i) weight_of[flat[i].first] = 0.0f;
      }
    return out;
  };
  std::size_t candidates = 0, other_candidates = 0;
  auto other = std::async(std::launch::async, search, std::ref(other_candidates));
  std::vector<CandidatePair> out = search(candidates);
  const std::vector<CandidatePair> more = other.get();
  out.insert(out.end(), more.begin(), more.end());
  for (auto& p : out) {
    const std::uint32_t a = original[p.a], b = original[p.b];
    p.a = std::min(a, b), p.b = std::max(a, b);
  }
  sort_pairs(out);
  if (stats) {
    stats->candidates += candidates + other_candidates;
    stats->all_pairs += vectors.size() * (vectors.size() - (vectors.empty() ? 0 : 1)) / 2;
  }
  return out;
}

std::vector<CandidatePair> overlap_pairs(std::vector<std::vector<std::uint32_t>> sets, double fraction, SearchStats* stats,
                                         const OverlapLimits& limits) {
  prepare_sets(sets);
  // Every feature is indexed; each set looks up only its prefix, and pairs with the sets at least
  // as large as itself. A set S sharing ceil(fraction·|S|) features with a larger one has one of
  // them among its first |S| − ceil(fraction·|S|) + 1.
  // The sets are taken in order of size (then of number): the larger ones are then those after a
  // set, and each feature's list of sets, filled in that order, has them after a binary search,
  // with no look at the smaller ones. The sets lie in that order in one array, for the merges.
  const auto n = static_cast<std::uint32_t>(sets.size());
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return sets[x].size() < sets[y].size(); });
  // Each feature's postings say where in the set it is, for the positional filter below.
  struct Posting {
    std::uint32_t set;       // position in `order`
    std::uint32_t position;  // the feature's place in that set
  };
  std::vector<std::uint32_t> offset(std::size_t(n) + 1, 0), features;
  std::uint32_t feature_count = 0;
  for (std::uint32_t r = 0; r < n; ++r) {
    for (std::uint32_t f : sets[order[r]]) {
      features.push_back(f);
      feature_count = std::max(feature_count, f + 1);
    }
    offset[r + 1] = static_cast<std::uint32_t>(features.size());
  }
  // The postings in one array, each feature's run from posting_start[f] to posting_start[f + 1]
  // (a counting sort: a vector per feature grew by millions of small reallocations). Filled in set
  // order, so each run is in ascending `set`.
  std::vector<std::uint32_t> posting_start(std::size_t(feature_count) + 1, 0);
  for (std::uint32_t f : features) ++posting_start[f + 1];
  std::partial_sum(posting_start.begin(), posting_start.end(), posting_start.begin());
  std::vector<Posting> postings(features.size());
  {
    std::vector<std::uint32_t> next(posting_start.begin(), posting_start.end() - 1);
    for (std::uint32_t r = 0; r < n; ++r)
      for (std::uint32_t x = offset[r]; x < offset[r + 1]; ++x) postings[next[features[x]]++] = {r, x - offset[r]};
  }
  std::vector<std::uint32_t> seen(n, UINT32_MAX);
  std::vector<CandidatePair> out;
  std::size_t candidates = 0, misses = 0;
  bool stopped = false;
  for (std::uint32_t r = 0; r < n && !stopped; ++r) {
    const std::size_t size = offset[r + 1] - offset[r];
    const std::uint32_t group = limits.groups ? (*limits.groups)[order[r]] : no_group;
    const auto needed = static_cast<std::size_t>(std::ceil(fraction * double(size) - 1e-9));
    const std::size_t prefix = size - std::min(size, std::max<std::size_t>(needed, 1)) + 1;
    const std::uint32_t* mine = features.data() + offset[r];
    for (std::size_t k = 0; k < prefix && k < size && !stopped; ++k) {
      const Posting* list = postings.data() + posting_start[mine[k]];
      const Posting* list_end = postings.data() + posting_start[mine[k] + 1];
      for (auto it = std::upper_bound(list, list_end, r, [](std::uint32_t x, const Posting& p) { return x < p.set; });
           it != list_end; ++it) {
        const std::uint32_t other = it->set;
        if (seen[other] == r) continue;
        seen[other] = r;
        if (group != no_group && (*limits.groups)[order[other]] == group) continue;
        ++candidates;
        // Met first through r's k-th feature, the other's at-th: neither set has a feature in common
        // before those (r's earlier ones are its prefix, looked up already; both are in the same
        // order), so they share that one and what they share after it (Xiao et al., PPJoin, 2008).
        const std::uint32_t at = it->position;
        const std::uint32_t* theirs = features.data() + offset[other];
        const std::size_t other_size = offset[other + 1] - offset[other];
        if (1 + std::min(size - k - 1, other_size - at - 1) < needed) continue;  // too few left to share enough
        const std::size_t shared = 1 + common(mine + k + 1, mine + size, theirs + at + 1, theirs + other_size);
        if (overlap_enough(shared, size, other_size, fraction)) {
          const std::uint32_t i = order[r], j = order[other];
          out.push_back({std::min(i, j), std::max(i, j), double(shared)});
        } else if (++misses > limits.max_misses) {
          stopped = true;
          break;
        }
      }
    }
  }
  if (stats) {
    stats->candidates += candidates;
    stats->all_pairs += sets.size() * (sets.size() - (sets.empty() ? 0 : 1)) / 2;
    stats->stopped = stats->stopped || stopped;
  }
  sort_pairs(out);
  return out;
}

std::vector<CandidatePair> cosine_pairs_all(std::vector<FeatureVector> vectors, double threshold, std::size_t rarest) {
  normalise(vectors);
  std::vector<CandidatePair> out;
  auto shares_two_rare = [&](const FeatureVector& x, const FeatureVector& y) {
    std::size_t shared = 0;
    for (std::size_t i = 0; i < std::min(rarest, x.entries.size()); ++i)
      for (std::size_t j = 0; j < std::min(rarest, y.entries.size()); ++j) shared += x.entries[i].first == y.entries[j].first;
    return shared >= 2;
  };
  for (std::uint32_t i = 0; i < vectors.size(); ++i)
    for (std::uint32_t j = i + 1; j < vectors.size(); ++j)
      if (const double score = dot(vectors[i], vectors[j]); score >= threshold - 1e-9 && shares_two_rare(vectors[i], vectors[j]))
        out.push_back({i, j, score});
  return out;
}

std::vector<CandidatePair> overlap_pairs_all(std::vector<std::vector<std::uint32_t>> sets, double fraction) {
  prepare_sets(sets);
  std::vector<CandidatePair> out;
  for (std::uint32_t i = 0; i < sets.size(); ++i)
    for (std::uint32_t j = i + 1; j < sets.size(); ++j)
      if (const std::size_t shared = common(sets[i].data(), sets[i].data() + sets[i].size(), sets[j].data(),
                                            sets[j].data() + sets[j].size());
          overlap_enough(shared, sets[i].size(), sets[j].size(), fraction))
        out.push_back({i, j, double(shared)});
  return out;
}

}  // namespace pb::compare
