#pragma once
// Writes a draft model as content/models/<id>/ (model.yaml and sections/NN-<id>.yaml). The files are
// written into a staging folder beside models/ and renamed into place at the end, so a failure leaves
// nothing behind and an existing folder is never touched.
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "import/draft.hpp"

namespace pb::inline import {

// The file name of each section, "sections/01-relationships.yaml", in order.
std::vector<std::string> section_files(const DraftModel& draft);

// The YAML texts (exposed for the tests).
std::string model_yaml(const DraftModel& draft);
std::string section_yaml(const DraftSection& section);

// Writes the draft; returns the files written (relative to the model folder), or nothing on failure.
std::vector<std::string> write_draft(const std::filesystem::path& content_dir, const DraftModel& draft,
                                     Diagnostics& diags);

}  // namespace pb::import
