#pragma once
// Readers of the constructs that let each model keep its own shape and words: vocabulary, declared
// roles, framework, state and tagline (model.yaml); rubric scope; list numbering and markers, tables.
#include "content/model.hpp"
#include "content/source_reader.hpp"

namespace pb::inline content {

// Reads `state`, `tagline`, `vocabulary`, `roles` and `framework` of model.yaml.
void read_model_shape(MapReader& reader, Model& model, Diagnostics& diags);
// Reads a rubric's `rates` and `roles`.
void read_rubric_scope(MapReader& reader, Rubric& rubric, Diagnostics& diags);
// Reads a block's `start` and `markers`, and a table block's `header` and `rows`.
void read_block_shape(MapReader& reader, Block& block, Diagnostics& diags);

// The marker names of `markers`: numbers, letters, roman, bullets.
const std::vector<std::string>& marker_names();
// The marker of position `n` (1-based) in a list of `style`: "3", "c", "iii"; empty for bullets.
std::string marker_for(const std::string& style, int n);

}  // namespace pb::content
