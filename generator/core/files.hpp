#pragma once
// Reading a whole file, and naming one in a diagnostic.
#include <filesystem>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"

namespace pb::inline core {

// The file's bytes, or nothing when it cannot be opened or read.
std::optional<std::string> read_whole_file(const std::filesystem::path& file);

// A diagnostic's place that is a whole file or folder (no line), shown with '/' on every system.
SourceLocation location_of(const std::filesystem::path& file);

}  // namespace pb::core
