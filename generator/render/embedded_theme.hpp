#pragma once
#include <string_view>
#include <vector>

namespace pb::inline render {
struct EmbeddedFile {
  std::string_view path;  // relative to themes/default, e.g. "templates/layout.html"
  std::string_view bytes;
};
// The default theme, compiled into the binary by cmake/embed_theme.cmake.
const std::vector<EmbeddedFile>& embedded_default_theme();
}  // namespace pb::render
