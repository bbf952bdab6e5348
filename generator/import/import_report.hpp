#pragma once
// The import report: what was found (counts per section and role), what needs a person, and where
// every line of the source went, or why it was set aside.
#include <string>
#include <vector>

#include "import/draft.hpp"
#include "import/source_text.hpp"

namespace pb::inline import {

// Fills notes.lines with the destination of every line the draft holds (a file and a field).
void account_lines(const DraftModel& draft, const std::vector<std::string>& section_files, ImportNotes& notes);

std::string import_report(const SourceDocument& doc, const DraftModel& draft,
                          const std::vector<std::string>& section_files, const ImportNotes& notes);

}  // namespace pb::import
