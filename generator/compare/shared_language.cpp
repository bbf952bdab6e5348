#include "compare/shared_language.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <numeric>
#include <unordered_map>

#include "compare/candidate_search.hpp"
#include "compare/id_table.hpp"
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
};

struct Sentences {
  std::vector<Sentence> list;
  // Each one's words, for the idea features and the word pairs: word ids (spelled in `spelling`),
  // one run per sentence from words[word_start[i]], and whether a hyphen joins a word to the one before.
  std::vector<std::string> spelling;
  std::vector<std::uint32_t> words, word_start{0};
  std::vector<bool> joined;
};

// A sentence's words, folded and hashed: the part of numbering the sentences that shares nothing,
// so the texts are folded on two threads.
struct FoldedWord {
  std::uint64_t hash;
  std::uint32_t begin;        // in FoldedTexts::letters
  std::uint32_t size : 31;    // (16 bytes a word: a national site says 1.5 million words)
  std::uint32_t joined : 1;   // to the word before, by a hyphen
};
struct FoldedSentence {
  std::uint32_t text;
  TextSpan span;
  std::uint32_t first_word, words;  // in FoldedTexts::words
};
struct FoldedTexts {
  std::string letters;  // the words' folded spellings, end to end
  std::vector<FoldedWord> words;
  std::vector<FoldedSentence> sentences;
  std::string_view word(const FoldedWord& w) const { return std::string_view(letters).substr(w.begin, w.size); }
};

FoldedTexts fold_texts(const std::vector<SharedText>& texts, std::uint32_t from, std::uint32_t to, std::size_t min_words) {
  FoldedTexts out;
  // Room for the words at once: grown by doubling, the arrays of 500 models' words touched twice
  // their final size of fresh memory. An English word and its space take about six bytes: a
  // quarter of the bytes leaves room to spare.
  std::size_t bytes = 0;
  for (std::uint32_t t = from; t < to; ++t) bytes += texts[t].text.size();
  out.letters.reserve(bytes);
  out.words.reserve(bytes / 4 + 16);
  out.sentences.reserve((to - from) + (to - from) / 2);
  std::string folded;
  std::vector<std::string_view> words;
  std::vector<bool> joined;
  for (std::uint32_t t = from; t < to; ++t)
    for (const TextSpan span : split_sentences(texts[t].text)) {
      folded_word_views(texts[t].text.substr(span.begin, span.end - span.begin), folded, words, &joined);
      if (words.size() < min_words) continue;
      out.sentences.push_back({t, span, static_cast<std::uint32_t>(out.words.size()), static_cast<std::uint32_t>(words.size())});
      for (std::size_t k = 0; k < words.size(); ++k) {
        out.words.push_back({std::hash<std::string_view>{}(words[k]), static_cast<std::uint32_t>(out.letters.size()),
                             static_cast<std::uint32_t>(words[k].size()), joined[k] ? 1u : 0u});
        out.letters.append(words[k]);
      }
    }
  return out;
}

Sentences distinct_sentences(const std::vector<SharedText>& texts, std::size_t min_words, SharedLanguageStats& stats) {
  const auto half = static_cast<std::uint32_t>(texts.size() / 2);
  auto second = std::async(std::launch::async, fold_texts, std::cref(texts), half, static_cast<std::uint32_t>(texts.size()), min_words);
  FoldedTexts first = fold_texts(texts, 0, half, min_words);
  const FoldedTexts folded[] = {std::move(first), second.get()};

  // Words and sentences as numbers, in the order they are first said (word pairs: word_pairs).
  Sentences out;
  std::size_t word_count = 0;
  for (const FoldedTexts& part : folded) word_count += part.words.size();
  const std::size_t sentence_count = folded[0].sentences.size() + folded[1].sentences.size();
  IdTable word_ids, sentence_ids;
  sentence_ids.reserve(sentence_count);
  out.list.reserve(sentence_count);
  out.words.reserve(word_count);
  out.joined.reserve(word_count);
  std::vector<std::string>& word_spelling = out.spelling;  // by word id
  std::vector<std::uint32_t>& sentence_words = out.words;  // each distinct sentence's word ids, from
  std::vector<std::uint32_t>& sentence_start = out.word_start;  // sentence_start[i] up to sentence_start[i + 1]
  std::vector<std::uint32_t> ids;
  for (const FoldedTexts& part : folded)
    for (const FoldedSentence& fs : part.sentences) {
      ++stats.sentences;
      ids.clear();
      std::uint64_t hash = 0;
      for (std::uint32_t k = fs.first_word; k < fs.first_word + fs.words; ++k) {
        const std::string_view w = part.word(part.words[k]);
        const auto [id, added] = word_ids.find_or_add(part.words[k].hash, [&](std::uint32_t x) { return word_spelling[x] == w; });
        if (added) word_spelling.emplace_back(w);
        ids.push_back(id);
        hash = mix64(hash ^ (id + 0x9e3779b97f4a7c15ull));
      }
      const auto [index, added] = sentence_ids.find_or_add(hash, [&](std::uint32_t x) {
        return std::equal(ids.begin(), ids.end(), sentence_words.begin() + sentence_start[x],
                          sentence_words.begin() + sentence_start[x + 1]);
      });
      if (added) {
        sentence_words.insert(sentence_words.end(), ids.begin(), ids.end());
        sentence_start.push_back(static_cast<std::uint32_t>(sentence_words.size()));
        for (std::uint32_t k = fs.first_word; k < fs.first_word + fs.words; ++k) out.joined.push_back(part.words[k].joined);
        out.list.emplace_back();
      }
      Sentence& s = out.list[index];
      s.occurrences.push_back({fs.text, fs.span});
      const std::uint32_t family = texts[fs.text].family;
      if (auto f = std::lower_bound(s.families.begin(), s.families.end(), family); f == s.families.end() || *f != family)
        s.families.insert(f, family);
    }
  stats.distinct_sentences = out.list.size();
  return out;
}

// Each distinct sentence's word pairs (two words said one after the other), numbered in the order
// they are first said, sorted and distinct: what the same-words tier compares. Numbered apart from
// the words and sentences (1.4 million lookups at 500 models, in a table of 726,000 pairs), so that
// the idea tier, which needs none of them, starts without waiting for them.
std::vector<std::vector<std::uint32_t>> word_pairs(const Sentences& sentences) {
  std::vector<std::vector<std::uint32_t>> out(sentences.list.size());
  IdTable pair_ids;  // (grown: far fewer pairs are distinct than said)
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto& pairs = out[i];
    for (std::uint32_t k = sentences.word_start[i]; k + 1 < sentences.word_start[i + 1]; ++k)
      // mix64 is one to one: the same hash is the same pair.
      pairs.push_back(pair_ids.find_or_add(mix64(std::uint64_t(sentences.words[k]) << 32 | sentences.words[k + 1]),
                                           [](std::uint32_t) { return true; }).first);
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  }
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

bool same_words(const CandidatePair& p, const std::vector<std::uint32_t>& pair_counts, const SharedLanguageOptions& o) {
  const double common = p.score;
  const double a = double(pair_counts[p.a]), b = double(pair_counts[p.b]);
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
    // The words as the idea tier reads them ("life-long" as one), each distinct word stemmed once.
    std::vector<const IdeaVocabulary::Word*> stemmed(sentences.spelling.size(), nullptr), words;
    std::string run;
    for (std::size_t i = 0; i < n; ++i) {
      words.clear();
      const std::uint32_t end = sentences.word_start[i + 1];
      for (std::uint32_t k = sentences.word_start[i]; k < end;) {
        std::uint32_t next = k + 1;
        while (next < end && sentences.joined[next]) ++next;
        const std::uint32_t id = sentences.words[k];
        if (next == k + 1) {
          if (!stemmed[id]) stemmed[id] = &vocabulary.word(sentences.spelling[id]);
          words.push_back(stemmed[id]);
        } else {
          run.clear();
          for (std::uint32_t j = k; j < next; ++j) run += sentences.spelling[sentences.words[j]];
          words.push_back(&vocabulary.word(run));
        }
        k = next;
      }
      found.features.push_back(vocabulary.features_of(words));
    }
    found.pairs = cosine_pairs(vocabulary.weigh(found.features), options.idea_cosine, options.idea_rarest, &found.search);
    return found;
  });

  // Same words: sentences joined through near-verbatim pairs form one group.
  std::vector<std::vector<std::uint32_t>> word_sets = word_pairs(sentences);
  std::vector<std::uint32_t> pair_counts(n);
  for (std::size_t i = 0; i < n; ++i) pair_counts[i] = static_cast<std::uint32_t>(word_sets[i].size());
  SearchStats word_search;
  // A sentence said in one family only is never paired with another of that family: such pairs are
  // skipped before they are compared.
  std::vector<std::uint32_t> single_family(n, no_group);
  for (std::size_t i = 0; i < n; ++i)
    if (sentences.list[i].families.size() == 1) single_family[i] = sentences.list[i].families.front();
  const OverlapLimits limits{&single_family, options.word_misses_floor + options.word_misses_per_sentence * n};
  UnionFind words(n);
  for (const auto& p : overlap_pairs(std::move(word_sets), std::min(options.words_containment, options.words_jaccard), &word_search, limits))
    if (across_families(sentences.list[p.a].families, sentences.list[p.b].families) && same_words(p, pair_counts, options))
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
  stats.word_search_stopped = word_search.stopped;
  stats.idea_candidates = idea_search.candidates;
  stats.all_pairs = word_search.all_pairs;
  if (stats_out) *stats_out = stats;
  return out;
}

}  // namespace pb::compare
