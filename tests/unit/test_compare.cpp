// Word diff and edition diff.
#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <random>

#include "compare/edition_diff.hpp"
#include "compare/idea_vectors.hpp"
#include "compare/stemmer.hpp"
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
// A model of one section and one practice block of the given statements.
Model one_block_model(const std::vector<std::string>& texts) {
  Model m;
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
  return m;
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

TEST_CASE("folded words: the words of the folded text, split at everything that is not a letter or digit") {
  std::vector<std::string_view> views;
  std::string folded;
  folded_word_views("The **Family’s** voice—heard…twice\u00a0ok; état 2024 c\\_d", folded, views);
  CHECK(std::vector<std::string>(views.begin(), views.end()) ==
        std::vector<std::string>{"the", "family", "s", "voice", "heard", "twice", "ok", "état", "2024", "cd"});
  // Against the definition, on random texts built of the pieces that fold differently.
  const std::vector<std::string> pieces{"a", "Z", "q", "7", " ", ".", "-", "-", "-", "*", "_", "\\", "'", "\"", "\u2018", "\u2019",
                                        "\u201c", "\u201d", "\u2013", "\u2014", "\u2026", "\u00a0", "\u00e9", "\u2022",
                                        "\u00a9", ". . .", "\n"};
  std::mt19937 random(17);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 30);
    for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
    std::vector<std::string> expected;
    std::string word;
    for (const char c : fold_for_compare(text)) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
      if (letter) word += c;
      else if (!word.empty()) expected.push_back(std::move(word)), word.clear();
    }
    if (!word.empty()) expected.push_back(word);
    std::vector<bool> joined;
    folded_word_views(text, folded, views, &joined);
    INFO(text);
    CHECK(std::vector<std::string>(views.begin(), views.end()) == expected);
    CHECK(folded_words(text) == expected);
    // Joined words are those of the text with each hyphen between two ASCII letters taken out.
    auto ascii_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    std::string unhyphenated;
    for (std::size_t i = 0; i < text.size(); ++i)
      if (!(text[i] == '-' && i > 0 && i + 1 < text.size() && ascii_letter(text[i - 1]) && ascii_letter(text[i + 1])))
        unhyphenated += text[i];
    std::vector<std::string> whole;
    REQUIRE(joined.size() == views.size());
    for (std::size_t k = 0; k < views.size(); ++k)
      if (joined[k] && !whole.empty()) whole.back() += views[k];
      else whole.emplace_back(views[k]);
    CHECK(whole == folded_words(unhyphenated));
  }
  std::vector<bool> joined;
  folded_word_views("Life-long and life--long, a-b-c x-", folded, views, &joined);
  CHECK(joined == std::vector<bool>{false, true, false, false, false, false, true, true, false});
}

TEST_CASE("Jaccard over word pairs") {
  const auto a = shingles("How we do the work is as important as the work we do.");
  const auto b = shingles("Recognize that how we do the work is as important as the work we do.");
  CHECK(jaccard(a, a) == doctest::Approx(1.0));
  CHECK(jaccard(a, b) == doctest::Approx(10.0 / 12.0));
  CHECK(jaccard(a, shingles("Safety comes first.")) == doctest::Approx(0.0));
}

TEST_CASE("edition diff: matched by id, then by wording; typography ignored") {
  auto make = [](std::vector<std::string> texts, std::string signature) {
    Model m = one_block_model(texts);
    m.id = signature;
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

TEST_CASE("edition diff: a statement reworded in its place, its words reordered or a few added, is reworded") {
  const Model before = one_block_model({"Recognize and appreciate the family's culture.",
                                        "Maximize family strengths and build on their skills, abilities, and connections.",
                                        "Engage the family."});
  const Model after = one_block_model({"Recognize, respect and appreciate each family's culture.",
                                       "Build on families' skills, abilities, and connections and maximize their strengths.",
                                       "Support the family."});
  const EditionDiff d = diff_editions(before, after);
  using Kind = StatementChange::Kind;
  CHECK(d.count(Kind::reworded) == 2);
  CHECK(d.count(Kind::removed) == 1);  // "Engage the family." and "Support the family." share one word of two
  CHECK(d.count(Kind::added) == 1);
  CHECK(edition_diff_text(d, false).find("Recognize{+, respect+} and appreciate[- the-]{+ each+} family's culture.") !=
        std::string::npos);
}

TEST_CASE("edition diff: a block inserted before others moves none of their statements; another block is a move") {
  auto block = [](BlockKind kind, std::string key, std::string heading, std::vector<std::string> texts) {
    Block b;
    b.kind = kind;
    b.key = std::move(key);
    b.heading = std::move(heading);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      Statement st;
      st.id = b.key + "-" + std::to_string(i + 1);
      st.text.source = texts[i];
      b.items.push_back(st);
    }
    return b;
  };
  Model before, after;
  Section s;
  s.id = "safety";
  s.blocks = {block(BlockKind::principles, "principles", "Safety at home", {"Children are safest at home.", "A plan names who keeps the child safe."}),
              block(BlockKind::principles, "principles-b", "Safety in care", {"A child keeps the same school.", "Visits happen weekly."})};
  before.sections = {s};
  // The newer edition puts a new group first: the two groups' keys shift (principles-b, principles-c),
  // their headings stay; and one statement goes from the first group to the second.
  s.blocks = {block(BlockKind::principles, "principles", "Safety first", {"Safety is everyone's work."}),
              block(BlockKind::principles, "principles-b", "Safety at home", {"Children are safest at home."}),
              block(BlockKind::principles, "principles-c", "Safety in care",
                    {"A child keeps the same school.", "Visits happen weekly.", "A plan names who keeps the child safe."})};
  after.sections = {s};
  const EditionDiff d = diff_editions(before, after);
  using Kind = StatementChange::Kind;
  CHECK(d.count(Kind::added) == 1);
  CHECK(d.count(Kind::moved) == 1);
  CHECK(d.count(Kind::removed) == 0);
  CHECK(d.count(Kind::reworded) == 0);
  for (const auto& c : d.statements)
    if (c.kind == Kind::moved) CHECK(c.after->text.source == "A plan names who keeps the child safe.");
}

TEST_CASE("edition diff: a block's heading and a table's cells are texts compared like the others") {
  auto model = [](std::string heading, std::string cell) {
    Model m;
    Section s;
    s.id = "teaming";
    s.label = "Group B";
    Block b;
    b.kind = BlockKind::table;
    b.key = "table";
    b.heading = std::move(heading);
    auto text = [](std::string source) {
      Markdown markdown;
      markdown.source = std::move(source);
      return markdown;
    };
    b.table_header = {text("Meeting"), text("When")};
    b.table_rows = {{text("Family team meeting"), text(std::move(cell))}};
    s.blocks.push_back(b);
    m.sections.push_back(s);
    return m;
  };
  const EditionDiff d = diff_editions(model("Who meets when", "Within 30 days"), model("Who meets, and when", "Within 14 days"));
  // The header is the same; the heading and one cell are not, and the reworded heading does not make the
  // table's rows look removed and added.
  REQUIRE(d.fields.size() == 2);
  CHECK(d.fields[0].what == "Group B: table: heading");
  CHECK(side_of(d.fields[0].diff, DiffOp::deleted) == "Who meets when");
  CHECK(side_of(d.fields[0].diff, DiffOp::inserted) == "Who meets, and when");
  CHECK(d.fields[1].what == "Group B: Who meets, and when: row 1");
  CHECK(notation(d.fields[1].diff) == "Family team meeting | Within[- 30-]{+ 14+} days");
}

TEST_CASE("wording key: equal exactly when the wordings are the same, whatever the tokens' bytes") {
  CHECK(wording_key("the family’s culture . . .") == wording_key("The family's *culture* ..."));
  // Tokens are kept apart: a key that only joined them would make these the same.
  CHECK_FALSE(same_wording("ab c", "abc"));
  CHECK_FALSE(same_wording("a bc", "ab c"));
  const std::string long_word(200, 'x');
  CHECK_FALSE(same_wording(long_word, std::string(100, 'x') + " " + std::string(100, 'x')));
  CHECK(same_wording(long_word + ".", long_word + " ."));
}

namespace {
// Diffs two editions the plain way, comparing every statement with every other at each step: what
// diff_editions, which finds candidates through indexes, must agree with.
std::vector<std::string> reference_changes(const Model& before, const Model& after) {
  struct At {
    const Section* section;
    const Block* block;
    const Statement* statement;
  };
  auto flatten = [](const Model& m) {
    std::vector<At> out;
    for (const auto& s : m.sections)
      for (const auto& b : s.blocks)
        for_each_statement(b.items, [&](const Statement& st, int) { out.push_back({&s, &b, &st}); });
    return out;
  };
  auto same_place = [](const At& a, const At& b) {
    if (a.section->id != b.section->id || a.block->kind != b.block->kind) return false;
    if (!a.block->heading.empty() && a.block->heading == b.block->heading) return true;
    return a.block->key == b.block->key;
  };
  const auto olds = flatten(before), news = flatten(after);
  std::vector<bool> old_done(olds.size()), new_done(news.size());
  std::vector<std::string> out;
  auto match = [&](std::size_t o, std::size_t n, std::string kind) {
    if (kind.empty() && !same_place(olds[o], news[n])) kind = "moved";
    if (!kind.empty())
      out.push_back(kind + " " + olds[o].statement->id + " -> " + news[n].statement->id +
                    (kind == "reworded" ? " " + notation(word_diff(olds[o].statement->text.source, news[n].statement->text.source)) : ""));
    old_done[o] = new_done[n] = true;
  };
  const auto text = [](const At& a) { return a.statement->text.source; };
  for (std::size_t n = 0; n < news.size(); ++n)
    for (std::size_t o = 0; o < olds.size() && news[n].statement->explicit_id; ++o)
      if (!old_done[o] && olds[o].statement->explicit_id && olds[o].statement->id == news[n].statement->id) {
        match(o, n, same_wording(text(olds[o]), text(news[n])) ? "" : "reworded");
        break;
      }
  for (bool in_place : {true, false})
    for (std::size_t n = 0; n < news.size(); ++n)
      for (std::size_t o = 0; o < olds.size() && !new_done[n]; ++o)
        if (!old_done[o] && (!in_place || same_place(olds[o], news[n])) && same_wording(text(olds[o]), text(news[n])))
          match(o, n, "");
  for (bool in_place : {true, false})
    for (std::size_t n = 0; n < news.size(); ++n) {
      if (new_done[n]) continue;
      std::optional<std::size_t> best;
      double best_score = 0.4;
      for (std::size_t o = 0; o < olds.size(); ++o) {
        if (old_done[o] || (in_place && !same_place(olds[o], news[n]))) continue;
        const double score = jaccard(shingles(text(olds[o])), shingles(text(news[n])));
        if (score >= best_score && (!best || score > best_score)) best = o, best_score = score;
      }
      if (best) match(*best, n, "reworded");
    }
  Stemmer stemmer;
  auto stems = [&](const At& a) {
    std::vector<std::string> out;
    for (const auto& w : folded_words(text(a)))
      if (auto st = stemmer.stem(w); st.size() > 1 && !is_idea_stop_word(st)) out.push_back(st);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  for (std::size_t n = 0; n < news.size(); ++n) {
    if (new_done[n]) continue;
    std::optional<std::size_t> best;
    double best_score = 0.6;
    for (std::size_t o = 0; o < olds.size(); ++o) {
      if (old_done[o] || !same_place(olds[o], news[n])) continue;
      const auto a = stems(olds[o]), b = stems(news[n]);
      std::vector<std::string> both;
      std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
      const double score = a.empty() && b.empty() ? 0 : 2.0 * double(both.size()) / double(a.size() + b.size());
      if (score >= best_score && (!best || score > best_score)) best = o, best_score = score;
    }
    if (best) match(*best, n, "reworded");
  }
  // diff_editions lists what was matched, then what was removed, then what was added.
  for (std::size_t o = 0; o < olds.size(); ++o)
    if (!old_done[o]) out.push_back("removed " + olds[o].statement->id + " -> ");
  for (std::size_t n = 0; n < news.size(); ++n)
    if (!new_done[n]) out.push_back("added  -> " + news[n].statement->id);
  return out;
}
}  // namespace

TEST_CASE("edition diff: the same changes as comparing every pair of statements, on random editions") {
  // Few words, so that texts repeat, overlap in part and tie; sections and blocks, so that statements
  // move; explicit ids, kept or not.
  const std::vector<std::string> words = {"family", "child", "safety", "team", "plan", "voice", "home", "the", "we", "’s"};
  std::mt19937 rng(17);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  auto sentence = [&] {
    std::string s;
    for (std::size_t i = 0, n = 1 + pick(6); i < n; ++i) s += (i ? " " : "") + words[pick(words.size())];
    return s + ".";
  };
  auto edition = [&](const Model* from) {
    Model m;
    for (std::size_t si = 0; si < 2; ++si) {
      Section s;
      s.id = "section-" + std::to_string(si);
      for (std::size_t bi = 0; bi < 2; ++bi) {
        Block b;
        b.kind = bi ? BlockKind::practice : BlockKind::principles;
        b.key = "block-" + std::to_string(bi);
        b.heading = pick(2) ? "Heading " + std::to_string(bi) : "";
        for (std::size_t k = 0, n = pick(8); k < n; ++k) {
          Statement st;
          // From the older edition: a statement of any place, kept, reworded by a word, or new.
          if (from && pick(4)) {
            const auto& os = from->sections[pick(2)].blocks[pick(2)].items;
            if (!os.empty()) {
              st = os[pick(os.size())];
              if (pick(3) == 0) st.text.source = words[pick(words.size())] + " " + st.text.source;
            }
          }
          if (st.text.source.empty()) st.text.source = sentence();
          st.explicit_id = pick(5) == 0;
          st.id = st.explicit_id ? "kept-" + std::to_string(pick(6)) : fmt::format("s{}-b{}-{}", si, bi, k);
          b.items.push_back(st);
        }
        s.blocks.push_back(b);
      }
      m.sections.push_back(s);
    }
    return m;
  };
  std::size_t kinds[4] = {0, 0, 0, 0};
  for (int round = 0; round < 300; ++round) {
    const Model before = edition(nullptr);
    const Model after = edition(&before);
    const EditionDiff d = diff_editions(before, after);
    std::vector<std::string> got;
    for (const auto& c : d.statements) {
      ++kinds[static_cast<int>(c.kind)];
      got.push_back(std::string(change_kind_name(c.kind)) + (c.kind == StatementChange::Kind::added ? "  -> " : " ") +
                    (c.before ? c.before->id + " -> " : "") + (c.after && c.before ? c.after->id : c.after ? c.after->id : "") +
                    (c.kind == StatementChange::Kind::reworded ? " " + notation(c.diff) : ""));
    }
    REQUIRE(got == reference_changes(before, after));
  }
  // Every kind of change came up, so each step was compared.
  for (const std::size_t n : kinds) CHECK(n > 20);
}

TEST_CASE("edition diff: past its budget of misses the matching stops, and the diff says so") {
  const auto make = one_block_model;
  // Two editions of 80 statements of 10 words from 5, none kept: every pair shares word pairs.
  std::mt19937 rng(3);
  const std::vector<std::string> words{"family", "child", "safety", "team", "plan"};
  auto texts = [&] {
    std::vector<std::string> out;
    for (int i = 0; i < 80; ++i) {
      std::string s;
      for (int k = 0; k < 10; ++k) s += (k ? " " : "") + words[rng() % words.size()];
      out.push_back(s + " " + std::to_string(i) + ".");
    }
    return out;
  };
  const Model before = make(texts()), after = make(texts());
  const EditionDiff whole = diff_editions(before, after);
  const EditionDiff cut = diff_editions(before, after, 10);
  CHECK_FALSE(whole.matching_stopped);
  CHECK(cut.matching_stopped);
  using Kind = StatementChange::Kind;
  CHECK(cut.count(Kind::reworded) < whole.count(Kind::reworded));  // what was not looked for is not found
  CHECK(cut.count(Kind::added) + cut.count(Kind::reworded) == 80);
  CHECK(edition_diff_text(cut, false).find("matching their statements stopped early: some reworded statements may be "
                                           "listed as removed and added.") != std::string::npos);
  CHECK(edition_diff_text(whole, false).find("stopped early") == std::string::npos);
  // Rewordings found never count against the budget: a budget of none still finds them all.
  const std::vector<std::string> was{"Keep children safe at home with their families.",
                                     "Supervisors coach workers through difficult visits.",
                                     "Courts decide permanency within twelve months."};
  std::vector<std::string> is;
  for (const auto& t : was) is.push_back("Indeed, " + t);
  const EditionDiff strict = diff_editions(make(was), make(is), 0);
  CHECK_FALSE(strict.matching_stopped);
  CHECK(strict.count(Kind::reworded) == 3);
}
