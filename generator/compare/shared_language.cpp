#include "compare/shared_language.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <numeric>
#include <unordered_map>

#include "compare/candidate_search.hpp"
#include "compare/idea_vectors.hpp"
#include "compare/text_compare.hpp"

namespace pb::inline compare {

namespace {

struct Occurrence {
  std::uint32_t text;
  TextSpan sentence;
};

// One distinct sentence (after folding) and where it is said.
struct Sentence {
  std::vector<Occurrence> occurrences;
  std::vector<std::uint32_t> families;  // sorted, distinct
  std::vector<std::uint32_t> word_pairs;
};

struct Sentences {
  std::vector<Sentence> list;
  std::vector<std::string_view> first_text;  // a spelling of each, for the idea features
};

Sentences distinct_sentences(const std::vector<SharedText>& texts, std::size_t min_words, SharedLanguageStats& stats) {
  Sentences out;
  // Words and word pairs as numbers: a national site has millions of them, and strings cost.
  std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>> word_ids;
  std::unordered_map<std::uint64_t, std::uint32_t> pair_ids;
  std::unordered_map<std::string, std::uint32_t> index;  // the sentence's word ids, as bytes
  std::vector<std::uint32_t> ids;
  std::string key, folded;
  std::vector<std::string_view> words;
  for (std::uint32_t t = 0; t < texts.size(); ++t)
    for (const TextSpan span : split_sentences(texts[t].text)) {
      const std::string_view sentence = texts[t].text.substr(span.begin, span.end - span.begin);
      folded_word_views(sentence, folded, words);
      if (words.size() < min_words) continue;
      ++stats.sentences;
      ids.clear();
      for (const std::string_view w : words) {
        auto it = word_ids.find(w);
        if (it == word_ids.end()) it = word_ids.emplace(std::string(w), static_cast<std::uint32_t>(word_ids.size())).first;
        ids.push_back(it->second);
      }
      key.assign(reinterpret_cast<const char*>(ids.data()), ids.size() * sizeof(std::uint32_t));
      auto [it, added] = index.try_emplace(key, static_cast<std::uint32_t>(out.list.size()));
      if (added) {
        Sentence s;
        for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
          const std::uint64_t pair = std::uint64_t(ids[i]) << 32 | ids[i + 1];
          s.word_pairs.push_back(pair_ids.try_emplace(pair, static_cast<std::uint32_t>(pair_ids.size())).first->second);
        }
        std::sort(s.word_pairs.begin(), s.word_pairs.end());
        s.word_pairs.erase(std::unique(s.word_pairs.begin(), s.word_pairs.end()), s.word_pairs.end());
        out.list.push_back(std::move(s));
        out.first_text.push_back(sentence);
      }
      Sentence& s = out.list[it->second];
      s.occurrences.push_back({t, span});
      if (auto f = std::lower_bound(s.families.begin(), s.families.end(), texts[t].family);
          f == s.families.end() || *f != texts[t].family)
        s.families.insert(f, texts[t].family);
    }
  stats.distinct_sentences = out.list.size();
  return out;
}

// Two sentences are matched only when no family says both: a model that says two alike sentences
// means two things (and a model copied 60 times must give 60-member clusters, not one blob).
bool across_families(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return false;
    if (*i < *j) ++i;
    else ++j;
  }
  return true;
}

struct UnionFind {
  std::vector<std::uint32_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the first sentence names the group
  }
};

bool same_words(const CandidatePair& p, const Sentences& s, const SharedLanguageOptions& o) {
  const double common = p.score;
  const double a = double(s.list[p.a].word_pairs.size()), b = double(s.list[p.b].word_pairs.size());
  const double contained = common / std::max(1.0, std::min(a, b));
  const double jaccard = common / std::max(1.0, a + b - common);
  return (contained >= o.words_containment && common >= double(o.words_min_common)) || jaccard >= o.words_jaccard;
}

// The words two sentences share make up at least `coverage` of each one's words: a short sentence
// whose few words all appear in a long one says less than the long one, not the same.
bool covers_both(std::vector<std::uint32_t> x, std::vector<std::uint32_t> y, double coverage) {
  std::sort(x.begin(), x.end()), std::sort(y.begin(), y.end());
  x.erase(std::unique(x.begin(), x.end()), x.end()), y.erase(std::unique(y.begin(), y.end()), y.end());
  std::size_t shared = 0;
  for (auto i = x.begin(), j = y.begin(); i != x.end() && j != y.end();) {
    if (*i == *j) ++shared, ++i, ++j;
    else if (*i < *j) ++i;
    else ++j;
  }
  return double(shared) >= coverage * double(std::max(x.size(), y.size())) - 1e-9;
}

}  // namespace

std::vector<Cluster> find_shared_language(const std::vector<SharedText>& texts, const SharedLanguageOptions& options,
                                          SharedLanguageStats* stats_out) {
  SharedLanguageStats stats;
  const Sentences sentences = distinct_sentences(texts, options.min_words, stats);
  const std::size_t n = sentences.list.size();

  // The idea tier needs the word groups only to combine its pairs: it searches on another thread
  // while the words tier runs on this one.
  struct IdeaPairs {
    std::vector<std::vector<std::uint32_t>> features;
    std::vector<CandidatePair> pairs;
    SearchStats search;
  };
  auto ideas = std::async(std::launch::async, [&] {
    IdeaPairs found;
    IdeaVocabulary vocabulary(options.synonyms);
    found.features.reserve(n);
    for (std::size_t i = 0; i < n; ++i) found.features.push_back(vocabulary.features(sentences.first_text[i]));
    found.pairs = cosine_pairs(vocabulary.weigh(found.features), options.idea_cosine, options.idea_rarest, &found.search);
    return found;
  });

  // Same words: sentences joined through near-verbatim pairs form one group.
  std::vector<std::vector<std::uint32_t>> word_sets;
  for (const auto& s : sentences.list) word_sets.push_back(s.word_pairs);
  SearchStats word_search;
  UnionFind words(n);
  for (const auto& p : overlap_pairs(word_sets, std::min(options.words_containment, options.words_jaccard), &word_search))
    if (across_families(sentences.list[p.a].families, sentences.list[p.b].families) && same_words(p, sentences, options))
      words.unite(p.a, p.b);

  // Same idea: paraphrases between those groups, each group joining at most one idea cluster:
  // the group with the most paraphrases leads, and takes the groups that paraphrase it (so every
  // member says the same thing as the leader, and chains of loose likeness do not grow).
  const IdeaPairs idea = ideas.get();
  const auto& features = idea.features;
  const SearchStats& idea_search = idea.search;
  std::map<std::uint32_t, std::vector<std::uint32_t>> paraphrases;  // group → groups
  for (const auto& p : idea.pairs) {
    const std::uint32_t a = words.find(p.a), b = words.find(p.b);
    if (a == b || !across_families(sentences.list[p.a].families, sentences.list[p.b].families)) continue;
    if (!covers_both(features[p.a], features[p.b], options.idea_coverage)) continue;
    paraphrases[a].push_back(b);
    paraphrases[b].push_back(a);
  }
  std::vector<std::uint32_t> leaders;
  for (auto& [group, others] : paraphrases) {
    std::sort(others.begin(), others.end());
    others.erase(std::unique(others.begin(), others.end()), others.end());
    leaders.push_back(group);
  }
  std::stable_sort(leaders.begin(), leaders.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return paraphrases[x].size() > paraphrases[y].size(); });
  std::vector<std::uint32_t> cluster_of(n, UINT32_MAX);  // group → cluster (by its leader group)
  for (std::uint32_t leader : leaders) {
    if (cluster_of[leader] != UINT32_MAX) continue;
    cluster_of[leader] = leader;
    for (std::uint32_t other : paraphrases[leader])
      if (cluster_of[other] == UINT32_MAX) cluster_of[other] = leader;
  }

  // Clusters from groups: every occurrence of every sentence, one member per text.
  std::map<std::uint32_t, std::vector<std::uint32_t>> cluster_sentences;  // cluster id → sentences
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t group = words.find(i);
    cluster_sentences[cluster_of[group] == UINT32_MAX ? group : cluster_of[group]].push_back(i);
  }
  std::vector<Cluster> out;
  for (const auto& [id, members] : cluster_sentences) {
    Cluster cluster{ClusterKind::same_words, {}};
    std::vector<std::uint32_t> families;
    std::uint32_t first_group = words.find(members.front());
    for (std::uint32_t i : members) {
      if (words.find(i) != first_group) cluster.kind = ClusterKind::same_idea;
      for (const auto& o : sentences.list[i].occurrences) cluster.members.push_back({o.text, o.sentence});
      families.insert(families.end(), sentences.list[i].families.begin(), sentences.list[i].families.end());
    }
    std::sort(families.begin(), families.end());
    if (std::unique(families.begin(), families.end()) - families.begin() < 2) continue;
    // One member per text: its sentences in the cluster, from the first to the last.
    std::sort(cluster.members.begin(), cluster.members.end(), [](const ClusterMember& x, const ClusterMember& y) {
      return x.text != y.text ? x.text < y.text : x.sentence.begin < y.sentence.begin;
    });
    std::vector<ClusterMember> merged;
    for (const auto& m : cluster.members) {
      if (!merged.empty() && merged.back().text == m.text) merged.back().sentence.end = std::max(merged.back().sentence.end, m.sentence.end);
      else merged.push_back(m);
    }
    cluster.members = std::move(merged);
    out.push_back(std::move(cluster));
  }
  // Clusters of the same statements (their second sentences, …) are one: one row per statement.
  std::map<std::vector<std::uint32_t>, std::size_t> by_members;
  std::vector<Cluster> merged_clusters;
  for (auto& cluster : out) {
    std::vector<std::uint32_t> key;
    for (const auto& m : cluster.members) key.push_back(m.text);
    auto [it, added] = by_members.emplace(std::move(key), merged_clusters.size());
    if (added) {
      merged_clusters.push_back(std::move(cluster));
      continue;
    }
    Cluster& into = merged_clusters[it->second];
    if (cluster.kind == ClusterKind::same_idea) into.kind = ClusterKind::same_idea;
    for (std::size_t k = 0; k < into.members.size(); ++k) {
      into.members[k].sentence.begin = std::min(into.members[k].sentence.begin, cluster.members[k].sentence.begin);
      into.members[k].sentence.end = std::max(into.members[k].sentence.end, cluster.members[k].sentence.end);
    }
  }
  out = std::move(merged_clusters);
  std::stable_sort(out.begin(), out.end(), [](const Cluster& x, const Cluster& y) {
    if (x.members.size() != y.members.size()) return x.members.size() > y.members.size();
    return x.members.front().text < y.members.front().text;
  });
  stats.word_candidates = word_search.candidates;
  stats.idea_candidates = idea_search.candidates;
  stats.all_pairs = word_search.all_pairs;
  if (stats_out) *stats_out = stats;
  return out;
}

}  // namespace pb::compare
