#include "compare/edition_diff.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace pb::inline compare {

namespace {

struct Located {
  const Section* section;
  const Statement* statement;
  std::size_t position;  // order in the model, to tell a move from staying in place
};

std::vector<Located> flatten(const Model& m) {
  std::vector<Located> out;
  for (const auto& section : m.sections)
    for (const auto& block : section.blocks)
      for_each_statement(block.items, [&](const Statement& s, int) { out.push_back({&section, &s, out.size()}); });
  return out;
}

std::string key_of(const Located& l) { return l.section->id + "/" + l.statement->id; }

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

EditionDiff diff_editions(const Model& before, const Model& after) {
  EditionDiff diff;
  diff.before = &before;
  diff.after = &after;
  const auto old_list = flatten(before), new_list = flatten(after);
  std::map<std::string, const Located*> old_by_key;
  for (const auto& l : old_list) old_by_key[key_of(l)] = &l;
  std::set<const Located*> old_done, new_done;
  using Kind = StatementChange::Kind;

  // 1. Same id, same wording: unchanged.
  for (const auto& n : new_list) {
    auto it = old_by_key.find(key_of(n));
    if (it != old_by_key.end() && same_wording(it->second->statement->text.source, n.statement->text.source)) {
      old_done.insert(it->second);
      new_done.insert(&n);
    }
  }
  // 2. Same wording under another id: moved.
  for (const auto& n : new_list) {
    if (new_done.count(&n)) continue;
    for (const auto& o : old_list) {
      if (old_done.count(&o) || !same_wording(o.statement->text.source, n.statement->text.source)) continue;
      diff.statements.push_back({Kind::moved, o.section, o.statement, n.section, n.statement, {}});
      old_done.insert(&o);
      new_done.insert(&n);
      break;
    }
  }
  // Each statement's word pairs, computed once for steps 3 and 4.
  std::map<const Located*, std::vector<std::uint64_t>> shingles_of;
  for (const auto& l : old_list) shingles_of[&l] = shingles(l.statement->text.source);
  for (const auto& l : new_list) shingles_of[&l] = shingles(l.statement->text.source);

  // 3. Same id, different wording, still recognisably the same statement: reworded.
  constexpr double same_statement = 0.4;
  for (const auto& n : new_list) {
    if (new_done.count(&n)) continue;
    auto it = old_by_key.find(key_of(n));
    if (it == old_by_key.end() || old_done.count(it->second)) continue;
    const auto& o = *it->second;
    if (jaccard(shingles_of[&o], shingles_of[&n]) < same_statement) continue;
    diff.statements.push_back({Kind::reworded, o.section, o.statement, n.section, n.statement,
                               word_diff(o.statement->text.source, n.statement->text.source)});
    old_done.insert(&o);
    new_done.insert(&n);
  }
  // 4. Different id and wording, but the most similar remaining statement: reworded (and moved).
  for (const auto& n : new_list) {
    if (new_done.count(&n)) continue;
    const auto& n_shingles = shingles_of[&n];
    const Located* best = nullptr;
    double best_score = same_statement;
    for (const auto& o : old_list) {
      if (old_done.count(&o)) continue;
      const double score = jaccard(shingles_of[&o], n_shingles);
      if (score >= best_score) best = &o, best_score = score;
    }
    if (!best) continue;
    diff.statements.push_back({Kind::reworded, best->section, best->statement, n.section, n.statement,
                               word_diff(best->statement->text.source, n.statement->text.source)});
    old_done.insert(best);
    new_done.insert(&n);
  }
  // 5. What is left was removed or added.
  for (const auto& o : old_list)
    if (!old_done.count(&o)) diff.statements.push_back({Kind::removed, o.section, o.statement, nullptr, nullptr, {}});
  for (const auto& n : new_list)
    if (!new_done.count(&n)) diff.statements.push_back({Kind::added, nullptr, nullptr, n.section, n.statement, {}});

  // The model's own texts.
  compare_field(diff.fields, "Vision", before.vision.source, after.vision.source);
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
