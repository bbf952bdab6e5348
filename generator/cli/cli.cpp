// Parses the command line, runs the pipeline, and is the only place that prints.
#include "cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <cstdlib>
#include <chrono>
#include <fstream>
#include <iostream>

#include "content/read_content.hpp"
#include "compare/edition_diff.hpp"
#include "compare/topic_suggestions.hpp"
#include "core/parallel.hpp"
#include "core/stop.hpp"
#include "core/url.hpp"
#include "cli/console.hpp"
#include "tools/chromium.hpp"
#include "tools/scaffold.hpp"
#include "render/pipeline.hpp"

namespace pb::inline cli {

namespace fs = std::filesystem;

namespace {

void print_phases(const BuildReport& report) {
  for (const auto& phase : report.phases)
    fmt::print("{:<9} {:>8.1f} ms  {}\n", phase.name, phase.milliseconds, phase.detail);
}

// `diff`: the edition comparison of the changes page, in the terminal.
int run_diff(const BuildOptions& options, const std::string& before_id, const std::string& after_id) {
  Diagnostics diags;
  const ContentResult content = read_content({options.content_dir, options.base_url}, diags);
  if (!content.site) {
    print_diagnostics(diags);
    return exit_content;
  }
  const Site& site = *content.site;
  const Model* before = site.find_model(before_id);
  const Model* after = site.find_model(after_id);
  for (const auto& [id, model] : {std::pair{before_id, before}, std::pair{after_id, after}})
    if (!model) {
      std::vector<std::string> ids;
      for (const auto& m : site.models) ids.push_back(m.id);
      fmt::print(stderr, "error: no model '{}' in {}\n  hint: the models are: {}\n", id,
                 options.content_dir.generic_string(), fmt::join(ids, ", "));
      return exit_usage;
    }
  fmt::print("{}", edition_diff_text(diff_editions(*before, *after), use_colour(stdout)));
  return exit_ok;
}

// `build` and `pdf`: the pipeline, then what a person needs to know about it.
int run_site_build(BuildOptions options, bool quiet, bool want_pdfs, bool pdfs_required,
                   const LibraryCommands* commands) {
  if (want_pdfs && !(commands && commands->add_pdf_printer(options, quiet))) {
    if (pdfs_required) {
      fmt::print(stderr,
                 "error: printing PDFs needs Chromium, which is not installed\n"
                 "  hint: install Debian's package with 'sudo apt-get install chromium' (or set CHROMIUM to its path)\n");
      return exit_content;
    }
    fmt::print("PDFs skipped: Chromium is not installed ('sudo apt-get install chromium', or set CHROMIUM; --no-pdf "
               "skips them without this note)\n");
  }
  Diagnostics diags;
  const BuildReport report = run_build(options, diags);
  print_diagnostics(diags);
  if (!quiet) print_phases(report);
  if (!report.ok) {
    fmt::print(stderr, "build failed; {} was left unchanged\n", options.out_dir.generic_string());
    return exit_content;
  }
  // Once per build, not per handout: the fix is one line in site.yaml.
  if (report.handouts_without_address)
    fmt::print(stderr,
               "note: site.yaml sets no base_url, so printed handouts show no web address or QR code\n"
               "  hint: set base_url in site.yaml, or pass --base-url https://…\n");
  if (!quiet)
    fmt::print("built {} pages{} into {} in {:.1f} ms\n", report.pages,
               options.print_handouts ? fmt::format(" and {} of {} handout PDFs", report.pdfs, report.handouts.size())
                                      : std::string(),
               options.out_dir.generic_string(), report.total_milliseconds);
  if (pdfs_required && report.pdfs < report.handouts.size()) return exit_content;
  return exit_ok;
}

// Runs this command line in practicebook-full, from this program's folder. Returns only when that
// cannot be started: why, with the path tried.
std::string run_in_full_program(char** argv) {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  const fs::path full = (error ? fs::path(argv[0]) : self).parent_path() / "practicebook-full";
  std::fflush(stdout);
  std::fflush(stderr);
  ::execv(full.c_str(), argv);
  return fmt::format("{}, which cannot be started: {}", full.generic_string(), std::strerror(errno));
}

}  // namespace

int run_cli(int argc, char** argv, const LibraryCommands* commands) {
  CLI::App app{"Practicebook: child-welfare practice models as a website, handouts and comparisons."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "practicebook 0.1.0");

  BuildOptions options;
  std::string theme_dir;
  bool quiet = false, strict = false;

  auto* build = app.add_subcommand("build", "Build the site from the sources");
  build->add_option("--content", options.content_dir, "Folder with site.yaml and models/")->capture_default_str();
  build->add_option("--theme", theme_dir, "Folder whose templates/ and assets/ override the default theme");
  build->add_option("--out", options.out_dir, "Output folder (replaced only when the build succeeds)")
      ->capture_default_str();
  build->add_option("--base-url", options.base_url, "Absolute address of the published site (for sitemap.xml)");
  build->add_option("--jobs", options.jobs, "Rendering threads (default: one per core)");
  build->add_flag("--quiet,-q", quiet, "Print only errors and warnings");
  bool no_pdf = false;
  build->add_flag("--no-pdf", no_pdf, "Do not print the handouts to PDF (they are printed when Chromium is installed)");

  auto* check = app.add_subcommand("check", "Validate the sources and links; write nothing");
  check->add_option("--content", options.content_dir, "Folder with site.yaml and models/")->capture_default_str();
  check->add_option("--theme", theme_dir, "Theme folder to check as well");
  check->add_flag("--strict", strict, "Treat warnings as errors");

  auto* pdf = app.add_subcommand("pdf", "Build the site with its PDFs, failing when Chromium is missing or a handout does not print");
  pdf->add_option("--content", options.content_dir, "Folder with site.yaml and models/")->capture_default_str();
  pdf->add_option("--theme", theme_dir, "Folder whose templates/ and assets/ override the default theme");
  pdf->add_option("--out", options.out_dir, "Output folder")->capture_default_str();
  pdf->add_option("--base-url", options.base_url, "Absolute address of the published site");
  pdf->add_option("--jobs", options.jobs, "Chromium processes at once (default: one per core)");
  pdf->add_flag("--quiet,-q", quiet, "Print only errors");

  std::string diff_before, diff_after;
  auto* diff = app.add_subcommand("diff", "What changed between two models or editions, word by word");
  diff->add_option("before", diff_before, "The older model id, e.g. ar-at-one-table-martin")->required();
  diff->add_option("after", diff_after, "The newer model id, e.g. ar-at-one-table-2023")->required();
  diff->add_option("--content", options.content_dir, "Folder with site.yaml and models/")->capture_default_str();

  std::string new_id, new_from;
  auto* scaffold = app.add_subcommand("new", "Start something new in content/");
  scaffold->require_subcommand(1);
  auto* new_model = scaffold->add_subcommand("model", "Scaffold content/models/<id>/, or a new edition of a model");
  new_model->add_option("id", new_id, "The new model's id (its folder name), e.g. ar-at-one-table-2025")->required();
  new_model->add_option("--from", new_from, "Copy this model as the start of its next edition");
  new_model->add_option("--content", options.content_dir, "Folder with site.yaml and models/")->capture_default_str();

  ImportOptions import_options;
  std::string import_report_file;
  auto* import = app.add_subcommand("import", "Draft a model from its published PDF or text, with a report of what is left");
  import->add_option("file", import_options.file, "The PDF, or a text or Markdown extraction of it")->required();
  import->add_option("--id", import_options.id, "The new model's id (its folder name), e.g. ar-practice-model-2025")
      ->required();
  import->add_option("--content", import_options.content_dir, "Folder with site.yaml and models/")->capture_default_str();
  import->add_option("--family", import_options.family, "The family of editions it belongs to");
  import->add_option("--supersedes", import_options.supersedes, "The id of the edition it replaces");
  import->add_option("--jurisdiction", import_options.jurisdiction, "The state (or county, tribe, city) it is from");
  import->add_option("--report", import_report_file, "Also write the report to this file");

  ServeOptions serve_options;
  auto* serve = app.add_subcommand("serve", "Build, serve on 127.0.0.1, rebuild and reload on every change");
  serve->add_option("--content", options.content_dir, "Folder with site.yaml and models/")->capture_default_str();
  serve->add_option("--theme", theme_dir, "Folder whose templates/ and assets/ override the default theme");
  serve->add_option("--out", options.out_dir, "Output folder")->capture_default_str();
  serve->add_option("--port", serve_options.port, "Port on 127.0.0.1 (0 picks a free one)")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? exit_ok : exit_usage;
  }
  if (!theme_dir.empty()) options.theme_dir = theme_dir;
  if (!options.base_url.empty() && !is_absolute_web_address(options.base_url)) {
    fmt::print(stderr, "error: --base-url must be an http or https address, not '{}'\n", options.base_url);
    return exit_usage;
  }

  // Without the libraries linked in, the commands that need them run in the program that has them.
  if (!commands && (*serve || *import || ((*pdf || (*build && !no_pdf)) && find_chromium()))) {
    const std::string missing = run_in_full_program(argv);
    if (!*build) {
      fmt::print(stderr,
                 "error: this command runs in {}\n"
                 "  hint: it is built beside practicebook by 'make generator'; copy both programs together\n",
                 missing);
      return exit_content;
    }
    // A build's PDFs are optional, as when Chromium is missing: the site is built without them.
    fmt::print("PDFs skipped: printing them needs {} ('make generator' builds it beside practicebook; "
               "--no-pdf skips them without this note)\n", missing);
    no_pdf = true;
  }

  Diagnostics diags;
  // Ctrl-C during a build stops it between pages and leaves the old site (serve has its own handling).
  std::optional<StopOnSignals> stop_on_signals;
  if (!*serve) stop_on_signals.emplace();
  try {
    if (*serve) {
      serve_options.build = options;
      return commands->serve(serve_options);
    }
    if (*pdf) return run_site_build(options, quiet, true, true, commands);
    if (*import) return commands->import(import_options, import_report_file);
    if (*diff) return run_diff(options, diff_before, diff_after);
    if (*new_model) {
      const ScaffoldResult result = scaffold_model(
          options.content_dir, new_id, new_from.empty() ? std::nullopt : std::optional<std::string>(new_from), diags);
      print_diagnostics(diags);
      if (result.files.empty()) return result.usage_error ? exit_usage : exit_content;
      fmt::print("Created {} files:\n", result.files.size());
      for (const auto& f : result.files) fmt::print("  {}\n", f.generic_string());
      fmt::print("Next: edit them, then run 'build/practicebook check --content {}'.\n",
                 options.content_dir.generic_string());
      return exit_ok;
    }
    if (*check) {
      options.write = false;
      options.untagged_hint = suggested_topics_hint();
      const BuildReport report = run_build(options, diags);
      if (strict) diags.promote_warnings();
      print_diagnostics(diags);
      const bool ok = report.ok && !diags.has_errors();
      if (ok) fmt::print("{}: no errors ({} pages would be built)\n", options.content_dir.generic_string(), report.pages);
      return ok ? exit_ok : exit_content;
    }
    return run_site_build(options, quiet, !no_pdf, false, commands);
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return exit_content;
  }
}

}  // namespace pb::cli
