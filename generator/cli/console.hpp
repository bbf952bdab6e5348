#pragma once
// What the command line prints and returns, shared by its commands.
#include <cstdio>

#include "core/diagnostics.hpp"

namespace pb::inline cli {

// Exit status: 0 success, 1 content errors, 2 usage errors.
inline constexpr int exit_ok = 0, exit_content = 1, exit_usage = 2;

// Colour only on a terminal, and never with NO_COLOR set or TERM=dumb.
bool use_colour(std::FILE* stream);

// Every diagnostic on stderr, grouped by file, then the count of errors and warnings.
void print_diagnostics(const Diagnostics& diags);

}  // namespace pb::cli
