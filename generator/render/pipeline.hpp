#pragma once
// The build: load → validate → model → link graph → render → write, each phase timed.
// Each phase collects every diagnostic; the build stops after the first phase that reported errors.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace pb::inline render {

struct BuildOptions {
  std::filesystem::path content_dir = "content";
  std::optional<std::filesystem::path> theme_dir;
  std::filesystem::path out_dir = "site";
  std::string base_url;        // overrides site.yaml's base_url when set
  bool write = true;           // false for `check`: validate and plan, write nothing
  unsigned jobs = 0;           // rendering threads; 0 = one per core
  bool pdf_links = false;      // link each handout's PDF (set by `practicebook pdf`, which prints them)
};

struct PhaseReport {
  std::string name;
  std::string detail;  // counts, e.g. "9 files, 71 KB"
  double milliseconds = 0;
};

struct BuildReport {
  bool ok = false;
  // Each handout page and its PDF, root-relative, for `practicebook pdf`.
  std::vector<std::pair<std::string, std::string>> handouts;
  std::vector<PhaseReport> phases;
  std::size_t pages = 0;
  double total_milliseconds = 0;
};

BuildReport run_build(const BuildOptions& options, Diagnostics& diags);

}  // namespace pb::render
