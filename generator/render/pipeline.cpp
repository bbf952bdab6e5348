#include "render/pipeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <numeric>

#include "content/read_content.hpp"
#include "core/files.hpp"
#include "core/parallel.hpp"
#include "core/stop.hpp"
#include "link/linked_site.hpp"
#include "views/handouts.hpp"
#include "views/plan.hpp"

namespace pb::inline render {

namespace {

class PhaseClock {
 public:
  explicit PhaseClock(BuildReport& report) : report_(report), start_(now()), phase_start_(start_) {}
  void done(std::string name, std::string detail) {
    const auto t = now();
    report_.phases.push_back({std::move(name), std::move(detail), ms(phase_start_, t)});
    report_.total_milliseconds = ms(start_, t);
    phase_start_ = t;
  }

 private:
  using clock = std::chrono::steady_clock;
  static clock::time_point now() { return clock::now(); }
  static double ms(clock::time_point a, clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
  }
  BuildReport& report_;
  clock::time_point start_, phase_start_;
};

std::string kilobytes(std::size_t bytes) { return fmt::format("{} KB", (bytes + 512) / 1024); }

// Ctrl-C or SIGTERM: stop at the end of the phase (or page) under way; the old site stays.
bool interrupted(const BuildOptions& options, Diagnostics& diags) {
  if (!stop_requested()) return false;
  diags.error(location_of(options.out_dir),
              "interrupted: the build stopped before it finished",
              "nothing was written; the previous site is exactly as it was");
  return true;
}

}  // namespace

std::optional<Theme> load_theme(const std::optional<std::filesystem::path>& theme_dir, Diagnostics& diags) {
  return Theme::load(theme_dir, diags);
}

RenderStats render_pages(const std::vector<PageTask>& tasks, const Theme& theme, SiteWriter& writer, unsigned jobs,
                         Diagnostics& diags) {
  std::vector<std::string> paths;
  paths.reserve(tasks.size() + theme.assets().size());
  for (const auto& t : tasks) paths.push_back(t.path);
  for (const auto& [name, bytes] : theme.assets()) paths.push_back("assets/" + name);
  writer.prepare_directories(paths, jobs);
  for (const auto& [name, bytes] : theme.assets()) writer.write("assets/" + name, bytes);
  return render_tasks(tasks, theme, writer, jobs, diags);
}

RenderStats render_tasks(const std::vector<PageTask>& tasks, const Theme& theme, SiteWriter& writer, unsigned jobs,
                         Diagnostics& diags) {
  // kainjow's render is not const: each thread renders with its own copy of the compiled templates.
  const unsigned threads = worker_count(jobs);
  std::vector<std::optional<Theme>> copies(threads);
  std::atomic<std::size_t> bytes{0};
  // The order pages are taken in: those marked first, then the rest as planned.
  std::vector<std::size_t> order(tasks.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return tasks[i].first; });
  ParallelTask task{.count = tasks.size(), .threads = threads, .min_per_thread = 16,
                    .name = [&](std::size_t n) { return tasks[order[n]].path; }};
  parallel_for(task, [&](std::size_t n, unsigned worker) {
    const std::size_t i = order[n];
    Page page = tasks[i].make();  // its data lives only while this page renders
    if (page.template_name.empty()) {
      writer.write(page.path, page.raw);
      bytes += page.raw.size();
      return;
    }
    if (!copies[worker]) copies[worker].emplace(theme);
    const RenderedPage html = copies[worker]->render_page_parts(page.template_name, "layout.html", std::move(page.data));
    writer.write(page.path, html.parts());
    bytes += html.size();
  }, diags);
  return RenderStats{tasks.size(), bytes};
}

BuildReport run_build(const BuildOptions& options, Diagnostics& diags) {
  BuildReport report;
  PhaseClock clock(report);

  // The theme first: a broken template is reported before any content is read.
  std::optional<Theme> theme = load_theme(options.theme_dir, diags);
  if (!theme) return report;
  clock.done("theme", fmt::format("{} templates compiled, {} assets", theme->template_count(), theme->assets().size()));

  const ContentResult content = read_content({options.content_dir, options.base_url}, diags, options.untagged_hint);
  if (!content.site || interrupted(options, diags)) return report;
  const Site& site = *content.site;
  std::size_t sections = 0;
  for (const auto& m : site.models) sections += m.sections.size();
  clock.done("content", fmt::format("read and checked {} files, {}: {} models, {} sections", content.stats.files,
                                    kilobytes(content.stats.bytes), site.models.size(), sections));

  LinkStats link_stats;
  const LinkedSite linked = link_site(content.site, diags, &link_stats);
  if (diags.has_errors() || interrupted(options, diags)) return report;
  clock.done("link", fmt::format("{} Markdown texts rendered, {} statements, {} glossary links", link_stats.texts,
                                 linked.graph().statements().size(), link_stats.term_links));

  HandoutList listed;
  const std::vector<PageTask> pages = plan_site(linked, split_budget, &listed);
  const std::vector<Handout>& handouts = *listed;
  for (const auto& h : handouts) report.handouts.emplace_back(h.path, h.pdf);
  report.handouts_without_address = !handouts.empty() && site.config.base_url.empty();
  report.pages = pages.size();
  clock.done("plan", fmt::format("{} pages planned", pages.size()));
  // A section is one page whatever its length (its statements' permalinks are there).
  for (const LongSection& s : long_sections(linked))
    diags.warning(s.section->where,
                  fmt::format("this section's page will be about {:.1f} MB ({} statements), over the 1.5 MB a page "
                              "should keep to: it loads slowly on a phone",
                              double(s.bytes) / 1e6, s.statements),
                  "split it into several sections, a file each in sections/, each then its own page");
  if (!options.write) {
    report.ok = true;
    return report;
  }

  SiteWriter writer(options.out_dir, diags);
  if (!writer.ok()) return report;
  const RenderStats rendered = render_pages(pages, *theme, writer, options.jobs, diags);
  clock.done("render", fmt::format("{} pages and {} assets rendered into the staging folder, {}", rendered.pages,
                                   theme->assets().size(), kilobytes(rendered.bytes)));
  if (!writer.ok() || diags.has_errors() || interrupted(options, diags)) return report;

  if (options.print_handouts && !handouts.empty()) {
    // Chromium prints the pages just rendered; then the handout pages and the index are rendered
    // again with what the PDFs hold (only screen-only parts change, so the PDFs stay true to them).
    const HandoutPrints prints = options.print_handouts(writer.staging(), handouts, diags);
    report.pdfs = prints.size();
    if (interrupted(options, diags)) return report;
    render_tasks(plan_handout_pages(linked, &prints), *theme, writer, options.jobs, diags);
    clock.done("print", fmt::format("{} of {} handouts printed to PDF", prints.size(), handouts.size()));
    if (!writer.ok() || diags.has_errors()) return report;
  }

  report.ok = writer.commit();
  clock.done("write", fmt::format("swapped into {}", options.out_dir.generic_string()));
  return report;
}

}  // namespace pb::render
