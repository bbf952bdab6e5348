#pragma once
// Role headings printed together after one list (a two-page spread flattened by the extraction): the
// list holds the actions of every heading in order, with nothing to show where one role ends. Another
// edition of the same model tells: each statement goes with the role whose statements it is most like,
// and the cut points are where the most statements agree.
#include <vector>

#include "content/model.hpp"
#include "import/draft.hpp"

namespace pb::inline import {

// Splits every block with stacked headings of `draft` using the action statements of `references`
// (other editions of the model's family). Returns how many blocks it split; those it could not split
// stay whole and get a line in `notes.to_do`.
int split_stacked_roles(DraftModel& draft, const std::vector<const Model*>& references, ImportNotes& notes);

}  // namespace pb::import
