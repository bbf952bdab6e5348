#pragma once
// Checks across files: references between records, duplicate and reserved ids, untagged statements.
#include "core/diagnostics.hpp"
#include "content/model.hpp"

namespace pb::inline content {

void validate_site(const Site& site, Diagnostics& diags);

// Section ids that would collide with the URL layout (models/<model>/roles/, …/changes/, …/model.json).
bool is_reserved_section_id(const std::string& id);

}  // namespace pb::content
