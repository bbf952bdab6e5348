#pragma once
// Turns validated records into the Site the later phases read: models in display order, editions linked.
#include "content/model.hpp"

namespace pb::inline content {

void assemble_site(Site& site);

// Editions of one family, newest first (by `supersedes`, then by date).
std::vector<const Model*> editions_of(const Site& site, const std::string& family);

// The edition of a family that nothing supersedes.
const Model* current_edition(const Site& site, const Model& model);

}  // namespace pb::content
