#pragma once
// The build as phases, each a function that hands a value to the next:
//
//   load_theme   themes/ → Theme             templates compiled and checked before content is read
//   read_content content/ → const Site       (content/read_content.hpp) load, validate, assemble
//   link_site    Site → LinkedSite           (link/linked_site.hpp) Markdown, glossary links, graph
//   plan_site    LinkedSite → page tasks     (views/plan.hpp) one planner per URL prefix
//   render_pages tasks → files in staging    every page rendered on every core
//   print        handouts → PDFs in staging  when a printer is given (Chromium, from tools/): then the
//                                            handout pages are rendered again with their PDF facts
//   commit       staging → out               swapped in only when everything succeeded
//
// `build`, `check`, `serve`, `diff` and the tests call these same functions; run_build chains them.
// Each phase collects every diagnostic; the build stops after the first phase that reported errors.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "content/validate.hpp"
#include "render/theme.hpp"
#include "render/writer.hpp"
#include "views/handouts.hpp"
#include "views/page.hpp"

namespace pb::inline render {

// Prints the handouts rendered into `staging` to PDF beside their pages; what it returns is shown on
// the handout pages and the index. Problems are warnings: the site is whole without its PDFs.
using HandoutPrinter = std::function<HandoutPrints(const std::filesystem::path& staging,
                                                   const std::vector<Handout>& handouts, Diagnostics& diags)>;

struct BuildOptions {
  std::filesystem::path content_dir = "content";
  std::optional<std::filesystem::path> theme_dir;
  std::filesystem::path out_dir = "site";
  std::string base_url;        // overrides site.yaml's base_url when set
  bool write = true;           // false for `check`: validate and plan, write nothing
  unsigned jobs = 0;           // rendering threads; 0 = one per core
  HandoutPrinter print_handouts;  // set by `build` when Chromium is installed (tools/pdf_export)
  UntaggedHint untagged_hint;  // `check`: topics suggested for statements without any
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
  std::size_t pdfs = 0;                 // handouts printed to PDF
  bool handouts_without_address = false;  // handouts exist and no base_url: printed ones show no address
  std::vector<PhaseReport> phases;
  std::size_t pages = 0;
  double total_milliseconds = 0;
};

// The default theme, overridden file by file from `theme_dir`; every template compiled and checked.
std::optional<Theme> load_theme(const std::optional<std::filesystem::path>& theme_dir, Diagnostics& diags);

struct RenderStats {
  std::size_t pages = 0, bytes = 0;
};
// Renders every page task with the theme on `jobs` threads (0: one per core) and writes it into the
// writer's staging folder, with the theme's assets. A failure in one page is a diagnostic naming it.
RenderStats render_pages(const std::vector<PageTask>& tasks, const Theme& theme, SiteWriter& writer, unsigned jobs,
                         Diagnostics& diags);
// The same for pages whose folders exist (a second pass over some pages), without the assets.
RenderStats render_tasks(const std::vector<PageTask>& tasks, const Theme& theme, SiteWriter& writer, unsigned jobs,
                         Diagnostics& diags);

// All the phases in order; with `options.write` false (`check`) nothing is rendered or written.
BuildReport run_build(const BuildOptions& options, Diagnostics& diags);

}  // namespace pb::render
