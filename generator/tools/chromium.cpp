#include "tools/chromium.hpp"

#include <unistd.h>

#include <cstdlib>

namespace pb::inline tools {

std::optional<std::string> find_chromium() {
  // An explicit choice is used as given, or not at all.
  if (const char* env = std::getenv("CHROMIUM"); env && *env) {
    if (::access(env, X_OK) == 0) return std::string(env);
    return std::nullopt;
  }
  for (const char* candidate : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
    if (::access(candidate, X_OK) == 0) return std::string(candidate);
  return std::nullopt;
}

}  // namespace pb::tools
