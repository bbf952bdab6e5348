#pragma once
// `practicebook import FILE --id ID`: a draft model from a published PDF or text, and a report of
// where every line went and what a person still has to do.
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "import/source_text.hpp"

namespace pb::inline import {

struct ImportOptions {
  std::filesystem::path file;
  std::string id;
  std::filesystem::path content_dir = "content";
  std::string family, supersedes, jurisdiction;
  ReadLimits limits;
};

struct ImportResult {
  bool ok = false;
  std::filesystem::path model_dir;
  std::vector<std::string> files;        // written, relative to model_dir
  std::string report;                    // for people: counts, what needs a person, every line's fate
};

// Never overwrites: an existing model folder is an error, and nothing is written on any error.
ImportResult import_model(const ImportOptions& options, Diagnostics& diags);

}  // namespace pb::import
