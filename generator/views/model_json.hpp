#pragma once
// models/<model>/model.json: the normalised model for other tools. It holds everything the model's
// pages show (every text as its Markdown source, every id), and no HTML.
#include <string>

#include "content/model.hpp"

namespace pb::inline views {

std::string model_json(const Model& model);

}  // namespace pb::views
