#pragma once
// The commands that need the large shared libraries: `serve` (cpp-httplib, with OpenSSL and brotli)
// and `import` and printing handouts to PDF (poppler, with its font and image libraries). Loading
// them takes most of a process's start (about 20 of 30 ms), so `practicebook` is linked without them
// and runs these commands by executing `practicebook-full`, the same program linked with everything,
// from its own folder (as git runs git-remote-https so that git itself does not load libcurl).
#include <string>

#include "import/import_model.hpp"
#include "render/pipeline.hpp"
#include "serve/serve.hpp"

namespace pb::inline cli {

struct LibraryCommands {
  int (*serve)(const ServeOptions& options);
  int (*import)(const ImportOptions& options, const std::string& report_file);
  // Sets options.print_handouts when Chromium is installed (false when it is not).
  bool (*add_pdf_printer)(BuildOptions& options, bool quiet);
};

// The commands themselves, for the program linked with the libraries.
const LibraryCommands& library_commands();

}  // namespace pb::cli
