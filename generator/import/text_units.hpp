#pragma once
// Extraction repair: source lines become the units a reader sees (headings, list items, paragraphs),
// with the damage of PDF extraction undone and the wording kept: words hyphenated at a line end joined
// (when the document spells the word whole elsewhere), "TM" made ™, wrapped lines joined, page
// numbers and empty bullets set aside.
#include <string>
#include <string_view>
#include <vector>

#include "import/draft.hpp"
#include "import/source_text.hpp"

namespace pb::inline import {

enum class UnitKind { heading, label, item, paragraph };
enum class ListStyle { none, numbers, letters, bullets, glyphs };

struct Unit {
  UnitKind kind = UnitKind::paragraph;
  std::string text;         // repaired; headings keep the document's capitals (see title_case)
  bool capitals = false;    // a heading printed in capitals
  bool markdown_heading = false;
  ListStyle style = ListStyle::none;  // items: the marker kind
  std::string marker;       // items: "3", "b", "-"
  int level = 0;            // items: 0 top level, 1 sub-point
  std::vector<int> lines;   // 1-based source lines
};

// The units of a document; lines set aside are recorded in `notes.lines` with the reason.
std::vector<Unit> units_of(const SourceDocument& doc, ImportNotes& notes);

// "RELATIONSHIPS WITH CHILDREN ARE THE FOUNDATION" → "Relationships with Children Are the Foundation";
// words in `acronyms` (DCFS, CQI) stay in capitals.
std::string title_case(std::string_view capitals, const std::vector<std::string>& acronyms);

// Words the document prints in capitals inside ordinary text (DCFS, SOP): kept in capitals by title_case.
std::vector<std::string> acronyms_of(const SourceDocument& doc);

// "VALUE 3", "Practice Element 2", "PRINCIPLE B": a section's label.
bool is_section_label(std::string_view line);

}  // namespace pb::import
