#pragma once
// Checks across files: references between records, duplicate and reserved ids, untagged statements.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "content/model.hpp"

namespace pb::inline content {

// More to say about a statement without topics (`check` suggests some from similar statements); empty
// for nothing more.
using UntaggedHint = std::function<std::string(const Site& site, const Statement& statement)>;

void validate_site(const Site& site, Diagnostics& diags, const UntaggedHint& untagged_hint = {});

// Section ids that would collide with the URL layout (models/<model>/roles/, …/changes/, …/model.json).
bool is_reserved_section_id(const std::string& id);

// The anchors (id attributes) that a template of themes/default/templates/ gives its own elements:
// "layout" (every page), "model" (a model's overview), "section" and "role" (a model's role page).
// Every page also has def-<term> for the glossary terms it uses. A statement's id is its anchor on the
// page that shows it, so validate_site reports ids that repeat one of these.
const std::vector<std::string>& template_anchors(std::string_view template_name);

}  // namespace pb::content
