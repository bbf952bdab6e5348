#pragma once
#include "cli/library_commands.hpp"

namespace pb::inline cli {
// The `practicebook` command. Exit status: 0 success, 1 content errors, 2 usage errors.
// Without `commands` (the program linked without the large libraries), `serve`, `import` and a build
// that prints PDFs run in practicebook-full instead.
int run_cli(int argc, char** argv, const LibraryCommands* commands);
}  // namespace pb::cli
