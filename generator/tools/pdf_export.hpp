#pragma once
// Handouts to tagged PDFs with headless Chromium: `build` prints them by default when it is installed.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/pipeline.hpp"
#include "tools/chromium.hpp"

namespace pb::inline tools {

struct PdfJob {
  std::filesystem::path html;  // the handout page in the built site
  std::filesystem::path pdf;   // where its PDF goes (beside it)
};

struct PdfReport {
  std::size_t printed = 0;
  std::vector<std::pair<std::size_t, std::string>> failures;  // job index, "Chromium exited with status 1"
};

// Runs up to `jobs` Chromium processes at once; `log` gets one line per finished PDF.
PdfReport export_pdfs(const std::vector<PdfJob>& jobs_to_run, const std::string& chromium, unsigned jobs,
                      const std::function<void(std::string_view)>& log);

// The build's printer: each handout to its PDF (up to `jobs` Chromium processes at once), then its
// pages, size and a first-page PNG thumbnail read back with poppler. A handout whose page and styles
// are unchanged since the build in `previous` (the output folder) keeps that build's PDF and PNG.
// `log` gets one line per PDF.
HandoutPrinter handout_printer(std::string chromium, unsigned jobs, std::filesystem::path previous,
                               std::function<void(std::string_view)> log);

}  // namespace pb::tools
