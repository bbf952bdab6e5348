#include "cli/library_commands.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>

#include "cli/console.hpp"
#include "core/parallel.hpp"
#include "tools/pdf_export.hpp"

namespace pb::inline cli {

namespace {

int serve_site(const ServeOptions& options) {
  return run_serve(options, [](std::string_view line) {
    fmt::print("{}\n", line);
    std::fflush(stdout);
  });
}

// Handouts to PDF in the build, when Chromium is installed: one line each unless quiet.
bool add_pdf_printer(BuildOptions& options, bool quiet) {
  const auto chromium = find_chromium();
  if (!chromium) return false;
  options.print_handouts = handout_printer(*chromium, worker_count(options.jobs), options.out_dir,
                                           [quiet](std::string_view line) {
    if (!quiet) fmt::print("{}\n", line);
  });
  return true;
}

// `import`: the draft, its report, then `check` on the content folder with the draft in it.
int import_draft(const ImportOptions& import_options, const std::string& report_file) {
  Diagnostics diags;
  const ImportResult result = import_model(import_options, diags);
  print_diagnostics(diags);
  if (!result.ok) {
    fmt::print(stderr, "nothing was written\n");
    return exit_content;
  }
  fmt::print("{}", result.report);
  if (!report_file.empty()) {
    std::ofstream out(report_file, std::ios::binary);
    out << result.report;
    if (!out) fmt::print(stderr, "error: cannot write the report to {}\n", report_file);
  }
  BuildOptions check_options;
  check_options.content_dir = import_options.content_dir;
  check_options.write = false;
  Diagnostics check_diags;
  const BuildReport checked = run_build(check_options, check_diags);
  // Errors are shown; the warnings (statements without topics, mostly) are the report's "needs a person".
  Diagnostics errors;
  std::size_t draft_warnings = 0;
  const std::string draft_dir = result.model_dir.generic_string() + "/";
  for (const auto& d : check_diags.sorted()) {
    if (d.severity == Severity::error) errors.add(d);
    else if (d.where.path().starts_with(draft_dir)) ++draft_warnings;
  }
  print_diagnostics(errors);
  const bool ok = checked.ok && !check_diags.has_errors();
  fmt::print("check: {} ({} warnings in the draft; 'practicebook check --content {}' lists them)\n",
             ok ? "the draft passes" : "the draft has the errors above: fix them before building", draft_warnings,
             import_options.content_dir.generic_string());
  fmt::print("Wrote {} files into {}.\n", result.files.size(), result.model_dir.generic_string());
  return exit_ok;
}

}  // namespace

const LibraryCommands& library_commands() {
  static constexpr LibraryCommands commands{serve_site, import_draft, add_pdf_printer};
  return commands;
}

}  // namespace pb::cli
