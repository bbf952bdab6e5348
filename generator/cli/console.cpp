#include "cli/console.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace pb::inline cli {

bool use_colour(std::FILE* stream) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour && *no_colour) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return ::isatty(::fileno(stream));
}

void print_diagnostics(const Diagnostics& diags) {
  const bool colour = use_colour(stderr);
  std::string previous_file;
  for (const auto& d : diags.sorted()) {
    // Grouped by file: a blank line where the file changes.
    if (!previous_file.empty() && d.where.path() != previous_file) fmt::print(stderr, "\n");
    previous_file = d.where.path();
    fmt::print(stderr, "{}\n", format_diagnostic(d, colour));
  }
  const auto errors = diags.error_count(), warnings = diags.warning_count();
  if (errors || warnings)
    fmt::print(stderr, "{} error{}, {} warning{}\n", errors, errors == 1 ? "" : "s", warnings,
               warnings == 1 ? "" : "s");
}

}  // namespace pb::cli
