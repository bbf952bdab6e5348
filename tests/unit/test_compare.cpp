// Word diff, similarity index and edition diff.
#include <doctest/doctest.h>

#include <random>

#include "compare/edition_diff.hpp"
#include "compare/similarity_index.hpp"
#include "compare/text_compare.hpp"

#include <fmt/format.h>

using namespace pb;

namespace {
// "[-old-]{+new+}" notation, to state expectations compactly.
std::string notation(const std::vector<DiffSpan>& spans) {
  std::string out;
  for (const auto& s : spans)
    out += s.op == DiffOp::same ? s.text : s.op == DiffOp::deleted ? fmt::format("[-{}-]", s.text) : fmt::format("{{+{}+}}", s.text);
  return out;
}
// The text a diff gives back on one side: `keep` is the op that side has besides the common words.
std::string side_of(const std::vector<DiffSpan>& spans, DiffOp keep) {
  std::string out;
  for (const auto& s : spans)
    if (s.op == DiffOp::same || s.op == keep) out += s.text;
  return out;
}
std::size_t changed_words(const std::vector<DiffSpan>& spans) {
  std::size_t n = 0;
  for (const auto& s : spans)
    if (s.op != DiffOp::same) n += tokenize_for_diff(s.text).size();
  return n;
}
}  // namespace

TEST_CASE("word diff: gives back both texts and changes as few words as possible") {
  const std::string before = "We use our authority and sensitivity and respect.";
  const std::string after = "We use our authority with respect and sensitivity.";
  const auto spans = word_diff(before, after);
  CHECK(side_of(spans, DiffOp::deleted) == before);
  CHECK(side_of(spans, DiffOp::inserted) == after);
  // 9 and 9 words with "We use our authority … and sensitivity ." (7) in common: 2 out, 2 in.
  CHECK(changed_words(spans) == 4);
  CHECK(notation(word_diff("Mischa Martin", "Tiffany Wright")) == "[-Mischa Martin-]{+Tiffany Wright+}");
  CHECK(notation(word_diff("", "New words.")) == "{+New words.+}");
}

TEST_CASE("typography is not a difference") {
  CHECK(same_wording("the family’s culture", "the family's culture"));
  CHECK(same_wording("if that is not possible . . .", "if that is not possible ..."));
  CHECK(same_wording("dual system–involved youth", "dual system-involved youth"));
  CHECK(same_wording("DCFS’ community partners", "DCFS' community partners"));
  CHECK(same_wording("“tried out”", "\"tried out\""));
  CHECK(same_wording("use *SafeMeasures*", "use SafeMeasures"));
  CHECK_FALSE(same_wording("Value CQI.", "Value QI."));
  CHECK(notation(word_diff("the child/youth’s needs", "the child/youth's needs")) == "the child/youth's needs");
}

TEST_CASE("Jaccard over word pairs") {
  const auto a = shingles("How we do the work is as important as the work we do.");
  const auto b = shingles("Recognize that how we do the work is as important as the work we do.");
  CHECK(jaccard(a, a) == doctest::Approx(1.0));
  CHECK(jaccard(a, b) == doctest::Approx(10.0 / 12.0));
  CHECK(jaccard(a, shingles("Safety comes first.")) == doctest::Approx(0.0));
}

namespace {
// A corpus with known near-duplicates across groups, and much unrelated text.
struct Corpus {
  std::vector<std::vector<std::uint64_t>> sets;
  std::vector<std::size_t> groups;
};
Corpus synthetic(std::size_t groups, std::size_t per_group, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> words;
  for (int i = 0; i < 3000; ++i) words.push_back(fmt::format("w{}", i));
  std::vector<std::string> shared;  // sentences several groups reuse, with edits
  for (int i = 0; i < 50; ++i) {
    std::string s;
    for (int k = 0; k < 16; ++k) s.append(words[rng() % words.size()]).append(" ");
    shared.push_back(s);
  }
  Corpus c;
  for (std::size_t g = 0; g < groups; ++g)
    for (std::size_t k = 0; k < per_group; ++k) {
      std::string text;
      if (rng() % 10 == 0) {
        text = shared[rng() % shared.size()];
        text.append(words[rng() % words.size()]);
      } else {
        for (int n = 0; n < 18; ++n) text.append(words[rng() % words.size()]).append(" ");
      }
      c.sets.push_back(shingles(text));
      c.groups.push_back(g);
    }
  return c;
}
}  // namespace

TEST_CASE("the index finds exactly the pairs all-pairs finds, with far fewer comparisons") {
  const Corpus c = synthetic(40, 50, 7);
  SimilarityStats indexed, brute;
  const auto fast = find_similar(c.sets, c.groups, 0.3, &indexed);
  const auto slow = find_similar_all_pairs(c.sets, c.groups, 0.3, &brute);
  REQUIRE(fast.size() == slow.size());
  CHECK(fast.size() > 100);  // the shared sentences pair up across groups
  for (std::size_t i = 0; i < fast.size(); ++i) {
    CHECK(fast[i].a == slow[i].a);
    CHECK(fast[i].b == slow[i].b);
  }
  CHECK(indexed.all_pairs == 2000u * 1999u / 2u);
  CHECK(indexed.candidates * 20 < brute.candidates);  // at least 20× fewer comparisons
  MESSAGE("index compared ", indexed.candidates, " pairs; all-pairs compared ", brute.candidates);
}

TEST_CASE("never pairs texts of the same group") {
  const std::vector<std::vector<std::uint64_t>> sets = {shingles("one two three four five"), shingles("one two three four five"),
                                                        shingles("one two three four five")};
  const auto pairs = find_similar(sets, {0, 0, 1}, 0.5);
  REQUIRE(pairs.size() == 2);
  for (const auto& p : pairs) CHECK(p.b == 2);
}

TEST_CASE("edition diff: matched by id, then by wording; typography ignored") {
  auto make = [](std::vector<std::string> texts, std::string signature) {
    Model m;
    m.id = signature;
    Section s;
    s.id = "values";
    Block b;
    b.kind = BlockKind::practice;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      Statement st;
      st.id = "practice-" + std::to_string(i + 1);
      st.text.source = texts[i];
      b.items.push_back(st);
    }
    s.blocks.push_back(b);
    m.sections.push_back(s);
    m.letter = Letter{};
    m.letter->signature = signature;
    return m;
  };
  const Model before = make({"Keep the family’s culture.", "Value teamwork and coordination of investigations.",
                             "Understand confidentiality."}, "A");
  const Model after = make({"Keep the family's culture.", "Value teamwork and coordination of all investigations.",
                            "A new statement here."}, "B");
  const EditionDiff d = diff_editions(before, after);
  using Kind = StatementChange::Kind;
  CHECK(d.count(Kind::reworded) == 1);
  CHECK(d.count(Kind::removed) == 1);
  CHECK(d.count(Kind::added) == 1);
  CHECK(d.count(Kind::moved) == 0);
  REQUIRE(d.fields.size() == 1);
  CHECK(d.fields[0].what == "Letter: signature");
  CHECK(edition_diff_text(d, false).find("[-A-]{+B+}") != std::string::npos);
}
