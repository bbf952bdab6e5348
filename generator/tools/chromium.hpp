#pragma once
// Where headless Chromium is, for printing handouts: its own file so that a program asking only
// this question does not link the PDF code (and poppler) with it.
#include <optional>
#include <string>

namespace pb::inline tools {

// $CHROMIUM when set (and nothing else), or Debian's /usr/bin/chromium, or another Chromium/Chrome.
std::optional<std::string> find_chromium();

}  // namespace pb::tools
