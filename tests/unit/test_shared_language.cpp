// Shared language: sentences, stems, the candidate search, the two tiers and the clusters.
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <random>
#include <set>

#include "compare/candidate_search.hpp"
#include "compare/idea_vectors.hpp"
#include "compare/sentences.hpp"
#include "compare/shared_language.hpp"
#include "compare/stemmer.hpp"

using namespace pb;

namespace doctest {
template <>
struct StringMaker<std::set<std::set<std::uint32_t>>> {
  static String convert(const std::set<std::set<std::uint32_t>>& groups) {
    std::string out = "{";
    for (const auto& g : groups) out += fmt::format("{{{}}}", fmt::join(g, ","));
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace {
std::vector<std::string> sentence_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : split_sentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

// The clusters as sets of "text index" sets, kind by kind, for compact expectations.
std::set<std::set<std::uint32_t>> groups(const std::vector<Cluster>& clusters, ClusterKind kind) {
  std::set<std::set<std::uint32_t>> out;
  for (const auto& c : clusters)
    if (c.kind == kind) {
      std::set<std::uint32_t> members;
      for (const auto& m : c.members) members.insert(m.text);
      out.insert(members);
    }
  return out;
}

std::vector<Cluster> clusters_of(const std::vector<std::pair<std::string, std::uint32_t>>& texts,
                                 SharedLanguageOptions options = {}) {
  std::vector<SharedText> in;
  for (const auto& [text, family] : texts) in.push_back({text, family});
  return find_shared_language(in, options);
}
}  // namespace

TEST_CASE("sentences: split after . ! ? ; : before a capital, never inside abbreviations") {
  CHECK(sentence_texts("We believe that people can change. Their past does not define them.") ==
        std::vector<std::string>{"We believe that people can change.", "Their past does not define them."});
  CHECK(sentence_texts("Use tools, e.g. Genograms and ecomaps.") == std::vector<std::string>{"Use tools, e.g. Genograms and ecomaps."});
  CHECK(sentence_texts("Safely stabilize families; and if that is not possible ...") ==
        std::vector<std::string>{"Safely stabilize families; and if that is not possible ..."});
  CHECK(sentence_texts("\u201cStability\u201d is not permanency. \u201cHome\u201d is.") ==
        std::vector<std::string>{"\u201cStability\u201d is not permanency.", "\u201cHome\u201d is."});
  CHECK(sentence_texts("Ask: Do I listen? Do I follow up?") == std::vector<std::string>{"Ask:", "Do I listen?", "Do I follow up?"});
  CHECK(sentence_texts("  ").empty());
  const std::string text = "One two three. Four five six.";
  const auto spans = split_sentences(text);
  REQUIRE(spans.size() == 2);
  CHECK(spans[1].begin == 15);
  CHECK(spans[1].end == text.size());
}

TEST_CASE("stems: Snowball English") {
  Stemmer stemmer;
  CHECK(stemmer.stem("changes") == stemmer.stem("change"));
  CHECK(stemmer.stem("families") == "famili");
  CHECK(stemmer.stem("placements") == "placement");
}

TEST_CASE("idea features: content words only, synonyms and hyphenated words as one") {
  IdeaVocabulary vocabulary({{"resource family", "foster parents"}, {"critical", "crucial"}});
  const auto a = vocabulary.features("We believe that foster parents are critical.");
  const auto b = vocabulary.features("Resource families are crucial!");
  CHECK(a == b);  // "we believe that" and "are" say nothing; the rest are synonyms
  CHECK(a.size() == 2);
  CHECK(vocabulary.features("life-long connections") == vocabulary.features("lifelong connection"));
  CHECK(vocabulary.features("we will do all of it").empty());
}

namespace {
std::vector<std::vector<std::uint32_t>> random_sets(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::vector<std::uint32_t>> sets;
  std::vector<std::vector<std::uint32_t>> pool;  // shared pieces, reused with edits
  for (int i = 0; i < 40; ++i) {
    std::vector<std::uint32_t> s;
    for (int k = 0; k < 12; ++k) s.push_back(rng() % 5000);
    pool.push_back(s);
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::uint32_t> s;
    if (rng() % 5 == 0) s = pool[rng() % pool.size()];
    const std::size_t extra = 3 + rng() % 15;
    for (std::size_t k = 0; k < extra; ++k) s.push_back(rng() % (k % 3 == 0 ? 50 : 5000));  // some common features
    sets.push_back(s);
  }
  return sets;
}
}  // namespace

TEST_CASE("candidate search: exactly the pairs comparing everything finds, with fewer comparisons") {
  const auto sets = random_sets(1500, 11);
  for (double fraction : {0.3, 0.6, 0.9}) {
    SearchStats stats;
    const auto fast = overlap_pairs(sets, fraction, &stats);
    const auto slow = overlap_pairs_all(sets, fraction);
    REQUIRE(fast.size() == slow.size());
    for (std::size_t i = 0; i < fast.size(); ++i) {
      CHECK(fast[i].a == slow[i].a);
      CHECK(fast[i].b == slow[i].b);
      CHECK(fast[i].score == slow[i].score);
    }
    CHECK(stats.candidates * 5 < stats.all_pairs);
    if (fraction == 0.6) CHECK(fast.size() > 100);  // the pool's pieces pair up
  }
  std::vector<FeatureVector> vectors;
  for (const auto& s : sets) {
    FeatureVector v;
    for (std::uint32_t f : s) v.entries.push_back({f, 1.0f + float(f % 7)});
    vectors.push_back(v);
  }
  for (double threshold : {0.4, 0.55, 0.8}) {
    SearchStats stats;
    const auto fast = cosine_pairs(vectors, threshold, 8, &stats);
    const auto slow = cosine_pairs_all(vectors, threshold, 8);
    REQUIRE(fast.size() == slow.size());
    for (std::size_t i = 0; i < fast.size(); ++i) {
      CHECK(fast[i].a == slow[i].a);
      CHECK(fast[i].b == slow[i].b);
      CHECK(fast[i].score == doctest::Approx(slow[i].score));
    }
    CHECK(stats.candidates * 20 < stats.all_pairs);
    if (threshold == 0.4) CHECK(fast.size() > 50);
  }
}

TEST_CASE("same words: near-verbatim sentences, and a sentence inside a longer statement") {
  const auto clusters = clusters_of({
      {"When court action is necessary to make a child safe, we will use our authority and sensitivity and respect.", 0},
      {"When court action is necessary to make a child safe, we use our authority with respect and sensitivity.", 1},
      {"We honor culture. We support placements that promote family, sibling and community connections.", 0},
      {"When placement outside the family is necessary, we encourage growth by supporting placements that promote "
       "family, sibling and community connections.", 2},
      {"Safely keep children with their families.", 1},  // common phrases only: not shared language
      {"We will plan with schools so that children with disabilities can stay with their families.", 2},
  });
  CHECK(groups(clusters, ClusterKind::same_words) == std::set<std::set<std::uint32_t>>{{0, 1}, {2, 3}});
  CHECK(groups(clusters, ClusterKind::same_idea).empty());
  // The member names the sentence shared, not the whole statement.
  for (const auto& c : clusters)
    for (const auto& m : c.members)
      if (m.text == 2) CHECK(m.sentence.begin == 18);
}

TEST_CASE("same idea: paraphrases, but not sentences that share only common words") {
  std::vector<std::pair<std::string, std::uint32_t>> texts = {
      {"We believe that people can change.", 0},
      {"People can and do make positive changes.", 1},
      {"Our staff is our most important asset.", 0},
      {"The people who do this work are our most important asset.", 1},
      {"How we do the work is as important as the work we do.", 2},  // "work", "important": common words
      {"Data guide our decisions about training.", 3},
      {"Training builds the skills of new staff.", 2},  // one word in common with the one before
  };
  // The rest of a site, so that common words are common: what every model says about its work.
  const char* background[] = {"Our work keeps children safe.", "Families are important partners in our work.",
                              "Safety is important in all our work with children.", "We work with families every day.",
                              "Children and families come first in our work.", "Staff work as a team with families.",
                              "Important decisions are made with families.", "Our work is important to every community."};
  std::uint32_t family = 10;
  for (const char* sentence : background) texts.push_back({sentence, family++});
  const auto clusters = clusters_of(texts);
  CHECK(groups(clusters, ClusterKind::same_idea) == std::set<std::set<std::uint32_t>>{{0, 1}, {2, 3}});
}

TEST_CASE("never within one family; a cluster needs two families") {
  const std::string s = "It is our responsibility to promote and preserve kinship, sibling and community connections.";
  CHECK(clusters_of({{s, 0}, {s, 0}}).empty());
  const auto clusters = clusters_of({{s, 0}, {s, 0}, {s, 1}});
  REQUIRE(clusters.size() == 1);
  CHECK(clusters[0].members.size() == 3);
}

TEST_CASE("clusters, not pairs: a sentence in 150 models is one cluster") {
  std::vector<std::pair<std::string, std::uint32_t>> texts;
  const std::vector<std::string> model = {
      "We proceed with a sense of urgency until permanency is achieved.",
      "Children's needs are best served in a family that is committed to the child.",
      "Placement stability is not permanency.",
      "We value the resources within extended family networks and are committed to seeking them out."};
  for (std::uint32_t copy = 0; copy < 150; ++copy)
    for (std::size_t i = 0; i < model.size(); ++i)
      texts.push_back({copy % 3 == 0 ? model[i] + " " : model[i], copy});  // spacing never matters
  SharedLanguageStats stats;
  std::vector<SharedText> in;
  for (const auto& [text, family] : texts) in.push_back({text, family});
  const auto clusters = find_shared_language(in, {}, &stats);
  REQUIRE(clusters.size() == model.size());
  for (const auto& c : clusters) {
    CHECK(c.kind == ClusterKind::same_words);
    CHECK(c.members.size() == 150);
  }
  CHECK(stats.distinct_sentences == model.size());
}

TEST_CASE("candidate search: sets of one group are never compared; past its budget of misses the search stops") {
  // Sets drawn from 8 features: every one is like every other, so each comparison is a near miss.
  std::mt19937 rng(5);
  std::vector<std::vector<std::uint32_t>> sets;
  for (int i = 0; i < 400; ++i) {
    std::vector<std::uint32_t> s;
    for (int k = 0; k < 6; ++k) s.push_back(rng() % 40);
    sets.push_back(s);
  }
  const auto all = overlap_pairs_all(sets, 0.9);
  // Two groups, the even and the odd sets: exactly the pairs across them, and none compared within one.
  std::vector<std::uint32_t> groups(sets.size());
  for (std::uint32_t i = 0; i < groups.size(); ++i) groups[i] = i % 2;
  SearchStats unlimited, grouped;
  const std::size_t every = overlap_pairs(sets, 0.9, &unlimited).size();
  const auto across = overlap_pairs(sets, 0.9, &grouped, {&groups});
  std::size_t expected = 0;
  for (const auto& p : all) expected += (p.a % 2) != (p.b % 2);
  CHECK(every == all.size());
  CHECK(across.size() == expected);
  for (const auto& p : across) CHECK(p.a % 2 != p.b % 2);
  CHECK(grouped.candidates < unlimited.candidates);
  CHECK_FALSE(grouped.stopped);
  // A group of `no_group` pairs with any set.
  const std::vector<std::uint32_t> none(sets.size(), no_group);
  CHECK(overlap_pairs(sets, 0.9, nullptr, {&none}).size() == all.size());
  // Stopped after 50 comparisons that found nothing: the pairs found until then, and it says so.
  SearchStats limited;
  const auto some = overlap_pairs(sets, 0.9, &limited, {nullptr, 50});
  CHECK(limited.stopped);
  CHECK(some.size() < all.size());
  CHECK(limited.candidates - some.size() >= 51);  // 51 misses at least: the one past the budget was the last comparison
}

TEST_CASE("shared language: a budget of misses stops text built to be slow, never a sentence's many copies") {
  auto find = [](const std::vector<std::pair<std::string, std::uint32_t>>& texts, SharedLanguageStats& stats) {
    std::vector<SharedText> in;
    for (const auto& [text, family] : texts) in.push_back({text, family});
    SharedLanguageOptions options;
    options.word_misses_floor = 0;
    options.word_misses_per_sentence = 2;
    return find_shared_language(in, options, &stats);
  };
  // 120 counties, each with its own edit of the same two sentences: 14,280 pairs, all found.
  std::vector<std::pair<std::string, std::uint32_t>> copies;
  for (std::uint32_t county = 0; county < 120; ++county) {
    copies.push_back({fmt::format("In county {} we proceed with a sense of urgency until permanency is achieved for every child.", county), county});
    copies.push_back({fmt::format("We value the resources within extended family networks and seek them out in county {}.", county), county});
  }
  SharedLanguageStats copied;
  const auto clusters = find(copies, copied);
  CHECK_FALSE(copied.word_search_stopped);
  REQUIRE(clusters.size() == 2);
  for (const auto& c : clusters) CHECK(c.members.size() == 120);
  // Two families of 300 sentences of 12 words from 6: every sentence a near miss of every other.
  std::mt19937 rng(9);
  const std::vector<std::string> words{"safety", "family", "child", "plan", "team", "court"};
  std::vector<std::pair<std::string, std::uint32_t>> few_words;
  for (std::uint32_t i = 0; i < 600; ++i) {
    std::string s;
    for (int k = 0; k < 12; ++k) s += (k ? " " : "") + words[rng() % words.size()];
    few_words.push_back({s + ".", i % 2});
  }
  SharedLanguageStats slow;
  find(few_words, slow);
  CHECK(slow.word_search_stopped);
  CHECK(slow.word_candidates < 600 * 600 / 4);  // not every pair across the two families
}
