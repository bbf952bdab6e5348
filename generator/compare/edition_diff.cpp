#include "compare/edition_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "compare/candidate_search.hpp"
#include "compare/idea_vectors.hpp"
#include "compare/stemmer.hpp"

namespace pb::inline compare {

namespace {

struct Located {
  const Section* section;
  const Block* block;
  const Statement* statement;
};

// Whether two statements sit in the same section and block: a statement elsewhere has moved, wherever it
// sits in its list. A block is known by what it is (the actions of a role; another kind by its heading,
// or else which block of that kind it is), never by the position of a statement: inserting or removing
// a statement, or a block of another kind, changes no other statement's place.
bool same_place(const Located& a, const Located& b) {
  if (a.section->id != b.section->id || a.block->kind != b.block->kind) return false;
  if (a.block->kind == BlockKind::actions) return a.block->role == b.block->role;
  if (!a.block->heading.empty() && a.block->heading == b.block->heading) return true;
  return a.block->key == b.block->key;
}

std::vector<Located> flatten(const Model& m) {
  std::vector<Located> out;
  for (const auto& section : m.sections)
    for (const auto& block : section.blocks)
      for_each_statement(block.items, [&](const Statement& s, int) { out.push_back({&section, &block, &s}); });
  return out;
}

void compare_field(std::vector<FieldChange>& out, std::string what, const std::string& before, const std::string& after) {
  if (same_wording(before, after)) return;
  out.push_back({std::move(what), before, after, word_diff(before, after)});
}

void compare_statements_by_position(std::vector<FieldChange>& out, const std::string& label,
                                    const std::vector<Statement>& before, const std::vector<Statement>& after) {
  for (std::size_t i = 0; i < std::max(before.size(), after.size()); ++i)
    compare_field(out, fmt::format("{} {}", label, i + 1), i < before.size() ? before[i].text.source : "",
                  i < after.size() ? after[i].text.source : "");
}

// Which block of the other edition's section a block is: the one with the same heading, or else the one
// of the same kind (or role) and rank (its key), so neither a reworded heading nor an inserted block
// mismatches the rest.
std::string block_identity(const Block& block, const Model& other, const std::string& section_id) {
  if (!block.heading.empty())
    for (const auto& s : other.sections)
      if (s.id == section_id)
        for (const auto& b : s.blocks)
          if (b.heading == block.heading) return "h" + block.heading;
  return "k" + block.key;
}

// The texts of each section other than statements, matched by section id and block (see
// block_identity): title, summary, definition, introduction, block headings and introductions, text
// blocks, table header and rows. Labelled as in the newer edition.
void compare_section_texts(std::vector<FieldChange>& out, const Model& before, const Model& after) {
  struct Pair {
    std::string label, before, after;
  };
  std::map<std::string, Pair> texts;
  std::vector<std::string> order;  // the newer edition's order, then what only the older has
  auto add = [&](const std::string& key, const std::string& label, const std::string& text, bool newer) {
    auto [it, inserted] = texts.try_emplace(key, Pair{label, {}, {}});
    if (inserted) order.push_back(key);
    (newer ? it->second.after : it->second.before) = text;
  };
  auto cells = [](const std::vector<Markdown>& row) {
    std::string text;
    for (const auto& cell : row) text += (text.empty() ? "" : " | ") + cell.source;
    return text;
  };
  for (bool newer : {true, false})
    for (const auto& section : (newer ? after : before).sections) {
      const std::string name = section.label.empty() ? section.title : section.label;
      const std::string at = section.id + "\x1f";
      add(at + "title", name + ": title", section.title, newer);
      add(at + "summary", name + ": summary", section.summary.source, newer);
      add(at + "definition", name + ": definition", section.definition.source, newer);
      add(at + "intro", name + ": introduction", section.intro.source, newer);
      for (const auto& block : section.blocks) {
        const std::string where = name + ": " + (block.heading.empty() ? block.key : block.heading);
        const std::string in = at + block_identity(block, newer ? before : after, section.id) + "\x1f";
        add(in + "heading", name + ": " + block.key + ": heading", block.heading, newer);
        add(in + "intro", where + ": introduction", block.intro.source, newer);
        add(in + "text", where + ": text", block.text.source, newer);
        add(in + "header", where + ": header", cells(block.table_header), newer);
        for (std::size_t r = 0; r < block.table_rows.size(); ++r)
          add(in + std::to_string(r), fmt::format("{}: row {}", where, r + 1), cells(block.table_rows[r]), newer);
      }
    }
  for (const auto& key : order) compare_field(out, texts[key].label, texts[key].before, texts[key].after);
}

}  // namespace

std::size_t EditionDiff::count(StatementChange::Kind kind) const {
  std::size_t n = 0;
  for (const auto& c : statements) n += c.kind == kind;
  return n;
}

const char* change_kind_name(StatementChange::Kind kind) {
  switch (kind) {
    case StatementChange::Kind::added: return "added";
    case StatementChange::Kind::removed: return "removed";
    case StatementChange::Kind::reworded: return "reworded";
    case StatementChange::Kind::moved: return "moved";
  }
  return "";
}

EditionDiff diff_editions(const Model& before, const Model& after, std::optional<std::size_t> max_misses) {
  EditionDiff diff;
  diff.before = &before;
  diff.after = &after;
  const auto old_list = flatten(before), new_list = flatten(after);
  std::vector<bool> old_done(old_list.size()), new_done(new_list.size());
  using Kind = StatementChange::Kind;
  // Pairs two statements; no change means unchanged, unless it sits in another section or block (moved).
  auto match = [&](std::size_t o, std::size_t n, std::optional<Kind> change, std::vector<DiffSpan> spans) {
    const Located &lo = old_list[o], &ln = new_list[n];
    if (!change && !same_place(lo, ln)) change = Kind::moved;
    if (change) diff.statements.push_back({*change, lo.section, lo.statement, ln.section, ln.statement, std::move(spans)});
    old_done[o] = true;
    new_done[n] = true;
  };
  const auto text_of = [](const Located& l) -> const std::string& { return l.statement->text.source; };
  // Statements are matched by what they say, never by derived ids (which follow positions). Every
  // step takes, for each statement of the newer edition in order, the first older statement that
  // qualifies, found through an index rather than by comparing every pair: two editions of a model
  // rewritten from end to end would otherwise fold each text hundreds of times.
  // 1. An explicit id kept in both editions is the same statement, wherever it is.
  std::unordered_map<std::string_view, std::vector<std::size_t>> old_by_id;
  for (std::size_t o = 0; o < old_list.size(); ++o)
    if (old_list[o].statement->explicit_id) old_by_id[old_list[o].statement->id].push_back(o);
  for (std::size_t n = 0; n < new_list.size(); ++n) {
    if (!new_list[n].statement->explicit_id) continue;
    const auto found = old_by_id.find(new_list[n].statement->id);
    if (found == old_by_id.end()) continue;
    for (const std::size_t o : found->second)
      if (!old_done[o]) {
        const std::string &was = text_of(old_list[o]), &is = text_of(new_list[n]);
        const bool same = same_wording(was, is);
        match(o, n, same ? std::nullopt : std::optional<Kind>(Kind::reworded),
              same ? std::vector<DiffSpan>{} : word_diff(was, is));
        break;
      }
  }
  // 2. Same wording in the same block: unchanged, in order. 3. Same wording in another block: moved.
  std::unordered_map<std::string, std::vector<std::size_t>> old_by_wording;
  for (std::size_t o = 0; o < old_list.size(); ++o) old_by_wording[wording_key(text_of(old_list[o]))].push_back(o);
  std::vector<const std::vector<std::size_t>*> same_words(new_list.size(), nullptr);
  for (std::size_t n = 0; n < new_list.size(); ++n)
    if (const auto found = old_by_wording.find(wording_key(text_of(new_list[n]))); found != old_by_wording.end())
      same_words[n] = &found->second;
  for (bool in_place : {true, false})
    for (std::size_t n = 0; n < new_list.size(); ++n) {
      if (new_done[n] || !same_words[n]) continue;
      for (const std::size_t o : *same_words[n])
        if (!old_done[o] && (!in_place || same_place(old_list[o], new_list[n]))) {
          match(o, n, std::nullopt, {});
          break;
        }
    }
  // 4. The most similar remaining statement of the same block, then of any block: reworded. The
  // candidates are the pairs of a remaining old and new statement whose word pairs overlap enough to
  // reach `same_statement`, from the prefix-filtered search (two editions' own statements are never
  // compared among themselves); its budget of misses keeps editions built to be slow from holding
  // the build.
  constexpr double same_statement = 0.4;
  std::vector<std::vector<std::uint64_t>> old_shingles(old_list.size()), new_shingles(new_list.size());
  std::vector<std::vector<std::uint32_t>> sets;
  std::vector<std::uint32_t> side;  // 0: old, 1: new, as the search's groups
  std::vector<std::size_t> index_of;  // a set's statement in its list
  std::unordered_map<std::uint64_t, std::uint32_t> feature_of;
  auto add_set = [&](const std::vector<std::uint64_t>& shingle_set, std::uint32_t which, std::size_t index) {
    std::vector<std::uint32_t> features;
    for (const auto h : shingle_set) features.push_back(feature_of.try_emplace(h, static_cast<std::uint32_t>(feature_of.size())).first->second);
    sets.push_back(std::move(features));
    side.push_back(which);
    index_of.push_back(index);
  };
  for (std::size_t o = 0; o < old_list.size(); ++o)
    if (!old_done[o]) add_set(old_shingles[o] = shingles(text_of(old_list[o])), 0, o);
  for (std::size_t n = 0; n < new_list.size(); ++n)
    if (!new_done[n]) add_set(new_shingles[n] = shingles(text_of(new_list[n])), 1, n);
  SearchStats search;
  // Worked out before the call: `sets` is moved into it, and arguments have no order of evaluation.
  const OverlapLimits limits{&side, max_misses.value_or(match_misses_floor + match_misses_per_statement * sets.size())};
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> candidates_of(new_list.size());  // (old, shared)
  for (const auto& p : overlap_pairs(std::move(sets), same_statement, &search, limits))
    candidates_of[index_of[p.b]].push_back({index_of[p.a], static_cast<std::size_t>(p.score)});  // old sets come first
  diff.matching_stopped = search.stopped;
  for (auto& candidates : candidates_of) std::sort(candidates.begin(), candidates.end());  // ties go to the earlier statement
  for (bool in_place : {true, false})
    for (std::size_t n = 0; n < new_list.size(); ++n) {
      if (new_done[n]) continue;
      std::optional<std::size_t> best;
      double best_score = same_statement;
      for (const auto& [o, shared] : candidates_of[n]) {
        if (old_done[o] || (in_place && !same_place(old_list[o], new_list[n]))) continue;
        const double score = jaccard(shared, old_shingles[o].size(), new_shingles[n].size());
        if (score >= best_score && (!best || score > best_score)) best = o, best_score = score;
      }
      if (best) match(*best, n, Kind::reworded, word_diff(text_of(old_list[*best]), text_of(new_list[n])));
    }
  // 5. In the same place, a statement saying mostly the same words, reordered or with a few added
  // ("Recognize, respect and appreciate each family's culture."): its word pairs change too much
  // for step 4, its words do not. Compared as sets of stems without stop words (Dice ≥ 0.6), only
  // between what is left in one place, and only as many pairs as `max_place_pairs` allows; not at all
  // once step 4 ran out of its budget (two editions built to be slow).
  if (!diff.matching_stopped) {
    constexpr double same_words_share = 0.6;
    constexpr std::size_t max_place_pairs = 1'000'000;
    Stemmer stemmer;
    auto stems_of = [&](const Located& l) {
      std::vector<std::string> out;
      for (const auto& word : folded_words(text_of(l)))
        if (std::string stem = stemmer.stem(word); stem.size() > 1 && !is_idea_stop_word(stem)) out.push_back(std::move(stem));
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      return out;
    };
    std::vector<std::size_t> old_left, new_left;
    for (std::size_t o = 0; o < old_list.size(); ++o) if (!old_done[o]) old_left.push_back(o);
    for (std::size_t n = 0; n < new_list.size(); ++n) if (!new_done[n]) new_left.push_back(n);
    std::unordered_map<std::size_t, std::vector<std::string>> old_stems;
    std::size_t pairs = 0;
    for (const std::size_t n : new_left) {
      std::vector<std::string> stems;
      std::optional<std::size_t> best;
      double best_score = same_words_share;
      for (const std::size_t o : old_left) {
        if (old_done[o] || !same_place(old_list[o], new_list[n]) || ++pairs > max_place_pairs) continue;
        if (stems.empty()) stems = stems_of(new_list[n]);
        auto [it, fresh] = old_stems.try_emplace(o);
        if (fresh) it->second = stems_of(old_list[o]);
        const auto& a = it->second;
        std::size_t shared = 0;
        for (std::size_t i = 0, j = 0; i < a.size() && j < stems.size();)
          a[i] < stems[j] ? ++i : stems[j] < a[i] ? ++j : (++shared, ++i, ++j);
        const double score = a.empty() && stems.empty() ? 0 : 2.0 * double(shared) / double(a.size() + stems.size());
        if (score >= best_score && (!best || score > best_score)) best = o, best_score = score;
      }
      if (best) match(*best, n, Kind::reworded, word_diff(text_of(old_list[*best]), text_of(new_list[n])));
    }
  }
  // 6. What is left was removed or added.
  for (std::size_t o = 0; o < old_list.size(); ++o)
    if (!old_done[o]) diff.statements.push_back({Kind::removed, old_list[o].section, old_list[o].statement, nullptr, nullptr, {}});
  for (std::size_t n = 0; n < new_list.size(); ++n)
    if (!new_done[n]) diff.statements.push_back({Kind::added, nullptr, nullptr, new_list[n].section, new_list[n].statement, {}});

  // The model's own texts.
  // The source citation names the edition (its date, its signatory), and the title and subtitle name
  // the document (a cover one extraction lacks): they are about the document, not in it.
  compare_field(diff.fields, "Introduction", before.intro.source, after.intro.source);
  compare_field(diff.fields, "Vision", before.vision.source, after.vision.source);
  compare_field(diff.fields, "Framework: heading", before.framework ? before.framework->heading : "",
                after.framework ? after.framework->heading : "");
  compare_field(diff.fields, "Framework", before.framework ? before.framework->body.source : "",
                after.framework ? after.framework->body.source : "");
  compare_field(diff.fields, "Closing", before.closing.source, after.closing.source);
  compare_field(diff.fields, "Tagline", before.tagline, after.tagline);
  compare_section_texts(diff.fields, before, after);
  const Priorities none;
  const Priorities& pb_ = before.priorities ? *before.priorities : none;
  const Priorities& pa = after.priorities ? *after.priorities : none;
  compare_field(diff.fields, "Priorities: introduction", pb_.intro.source, pa.intro.source);
  compare_statements_by_position(diff.fields, "Priority", pb_.items, pa.items);
  const Letter no_letter;
  const Letter& lb = before.letter ? *before.letter : no_letter;
  const Letter& la = after.letter ? *after.letter : no_letter;
  compare_field(diff.fields, "Letter: heading", lb.heading, la.heading);
  compare_field(diff.fields, "Letter: text", lb.body.source, la.body.source);
  compare_field(diff.fields, "Letter: closing", lb.closing, la.closing);
  compare_field(diff.fields, "Letter: signature", lb.signature, la.signature);
  compare_field(diff.fields, "Letter: signature title", lb.signature_title, la.signature_title);
  const Rubric no_rubric;
  const Rubric& rb = before.rubric ? *before.rubric : no_rubric;
  const Rubric& ra = after.rubric ? *after.rubric : no_rubric;
  compare_field(diff.fields, "Rubric: title", rb.title, ra.title);
  compare_field(diff.fields, "Rubric: introduction", rb.intro.source, ra.intro.source);
  std::map<std::string, std::pair<std::string, std::string>> levels;
  for (const auto& l : rb.levels) levels[l.name].first = l.description.source;
  for (const auto& l : ra.levels) levels[l.name].second = l.description.source;
  for (const auto& [name, texts] : levels) compare_field(diff.fields, "Rubric level: " + name, texts.first, texts.second);
  std::map<std::string, std::pair<std::string, std::string>> notes;
  for (const auto& n : before.footnotes) notes[n.marker].first = n.text.source;
  for (const auto& n : after.footnotes) notes[n.marker].second = n.text.source;
  for (const auto& [marker, texts] : notes) compare_field(diff.fields, "Note " + marker, texts.first, texts.second);
  return diff;
}

namespace {
std::string spans_text(const std::vector<DiffSpan>& spans, bool colour) {
  std::string out;
  for (const auto& s : spans) {
    switch (s.op) {
      case DiffOp::same: out += s.text; break;
      case DiffOp::deleted: out += colour ? fmt::format("\x1b[31;9m{}\x1b[0m", s.text) : fmt::format("[-{}-]", s.text); break;
      case DiffOp::inserted: out += colour ? fmt::format("\x1b[32;4m{}\x1b[0m", s.text) : fmt::format("{{+{}+}}", s.text); break;
    }
  }
  return out;
}
std::string place(const Section* s) { return s ? (s->label.empty() ? s->id : s->label) : ""; }
}  // namespace

std::string edition_diff_text(const EditionDiff& diff, bool colour) {
  using Kind = StatementChange::Kind;
  std::string out = fmt::format("{} -> {}\n", diff.before->id, diff.after->id);
  out += fmt::format("{} added, {} removed, {} reworded, {} moved; {} other change{}\n", diff.count(Kind::added),
                     diff.count(Kind::removed), diff.count(Kind::reworded), diff.count(Kind::moved), diff.fields.size(),
                     diff.fields.size() == 1 ? "" : "s");
  // Said with the counts, where it is read, not after thousands of changes.
  if (diff.matching_stopped)
    out += "These editions have so many words in common that matching their statements stopped early: some "
           "reworded statements may be listed as removed and added.\n";
  for (const auto& f : diff.fields) out += fmt::format("\n{}:\n  {}\n", f.what, spans_text(f.diff, colour));
  for (Kind kind : {Kind::added, Kind::removed, Kind::reworded, Kind::moved})
    for (const auto& c : diff.statements) {
      if (c.kind != kind) continue;
      out += fmt::format("\n{} ", change_kind_name(kind));
      if (c.before) out += fmt::format("{}#{}", place(c.before_section), c.before->id);
      if (c.before && c.after) out += " -> ";
      if (c.after) out += fmt::format("{}#{}", place(c.after_section), c.after->id);
      out += ":\n  ";
      if (!c.diff.empty()) out += spans_text(c.diff, colour);
      else out += (c.after ? c.after : c.before)->text.source;
      out += "\n";
    }
  if (diff.empty()) out += "The two editions say the same thing, word for word.\n";
  return out;
}

}  // namespace pb::compare
