#pragma once
// What changed between two editions of a model: statements added, removed, reworded (with a word
// diff) and moved, and changes to the vision, priorities, letter and rubric. Typography never counts.
#include <optional>
#include <string>
#include <vector>

#include "compare/text_compare.hpp"
#include "content/model.hpp"

namespace pb::inline compare {

struct StatementChange {
  enum class Kind { added, removed, reworded, moved };
  Kind kind;
  const Section* before_section = nullptr;  // in the older edition (none when added)
  const Statement* before = nullptr;
  const Section* after_section = nullptr;   // in the newer edition (none when removed)
  const Statement* after = nullptr;
  std::vector<DiffSpan> diff;               // for reworded statements
};

struct FieldChange {
  std::string what;                         // "Letter: signature", "Priority 2", "Rubric: Novice"
  std::string before, after;                // Markdown sources ("" when absent)
  std::vector<DiffSpan> diff;
};

struct EditionDiff {
  const Model* before = nullptr;
  const Model* after = nullptr;
  std::vector<StatementChange> statements;
  std::vector<FieldChange> fields;
  // The search for reworded statements reached its budget (editions of thousands of statements made
  // of the same few words): some rewordings may be listed as removed and added.
  bool matching_stopped = false;
  std::size_t count(StatementChange::Kind kind) const;
  bool empty() const { return statements.empty() && fields.empty(); }
};

// The search for reworded statements stops after this many comparisons that find no candidate
// (1 million and 100 a statement; editions of real models make a few a statement).
inline constexpr std::size_t match_misses_floor = 1'000'000;
inline constexpr std::size_t match_misses_per_statement = 100;

// `max_misses`: a budget other than that one (for tests).
EditionDiff diff_editions(const Model& before, const Model& after, std::optional<std::size_t> max_misses = std::nullopt);

const char* change_kind_name(StatementChange::Kind kind);

// The comparison as terminal text: [-removed-]{+added+} words, or red and green when `colour`.
std::string edition_diff_text(const EditionDiff& diff, bool colour);

}  // namespace pb::compare
