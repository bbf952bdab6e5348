#include "core/files.hpp"

#include <fstream>
#include <memory>
#include <sstream>

namespace pb::inline core {

std::optional<std::string> read_whole_file(const std::filesystem::path& file) {
  std::error_code error;
  if (std::filesystem::is_directory(file, error)) return std::nullopt;  // which Linux opens, and reads as ""
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

SourceLocation location_of(const std::filesystem::path& file) {
  return location_in(std::make_shared<const std::string>(file.generic_string()));
}

}  // namespace pb::core
