#pragma once
// Turns validated records into the Site the later phases read: models in display order, editions linked.
#include "content/model.hpp"

namespace pb::inline content {

// Orders the models, links editions, and numbers every Markdown text (Markdown::slot) and statement
// (Statement::index). After this the Site is read-only.
void assemble_site(Site& site);

// Editions of one family, newest first (by `supersedes`, then by date).
std::vector<const Model*> editions_of(const Site& site, const std::string& family);

// The edition of a family that nothing supersedes.
const Model* current_edition(const Site& site, const Model& model);

}  // namespace pb::content
