#pragma once
// Structure recognition: the units of a document become a draft model — title, vision, priorities,
// letter, sections with labels, titles and sidebar quotes, blocks of principles, practice, beliefs,
// goals and role actions, rubric levels, footnotes and closing lines.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "import/draft.hpp"
#include "import/text_units.hpp"

namespace pb::inline import {

// A role's id from the name a heading gives it ("Key Area Leadership Actions" → "area-leadership").
using RoleResolver = std::function<std::optional<std::string>(const std::string& name)>;

DraftModel recognize(const std::vector<Unit>& units, const std::vector<std::string>& acronyms,
                     const RoleResolver& resolve_role, ImportNotes& notes);

}  // namespace pb::import
