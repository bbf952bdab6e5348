#include "render/pipeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <numeric>
#include <thread>

#include "content/assemble.hpp"
#include "link/glossary.hpp"
#include "link/link_graph.hpp"
#include "content/loader.hpp"
#include "link/markdown.hpp"
#include "render/writer.hpp"
#include "render/theme.hpp"
#include "link/urls.hpp"
#include "content/validate.hpp"
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

// Statement HTML is shared by pages at different depths: swap its root marker for this page's prefix.
void resolve_root_marker(std::string& html, const std::string& page_path) {
  const std::string prefix = urls::relative(page_path, "");
  for (auto pos = html.find(root_marker); pos != std::string::npos; pos = html.find(root_marker, pos + prefix.size()))
    html.replace(pos, root_marker.size(), prefix);
}

// Builds, renders and writes pages on several threads, each with its own copy of the compiled
// templates; a page's data lives only while its own task runs.
std::size_t render_and_write(const std::vector<PageTask>& tasks, const Theme& theme, SiteWriter& writer,
                             unsigned jobs, Diagnostics& diags) {
  std::vector<std::string> paths;
  paths.reserve(tasks.size() + theme.assets().size());
  for (const auto& t : tasks) paths.push_back(t.path);
  for (const auto& [name, bytes] : theme.assets()) paths.push_back("assets/" + name);
  writer.prepare_directories(paths);
  for (const auto& [name, bytes] : theme.assets()) writer.write("assets/" + name, bytes);

  std::atomic<std::size_t> next{0}, bytes_written{0};
  auto worker = [&](Theme local) {
    for (std::size_t i = next++; i < tasks.size(); i = next++) {
      const Page page = tasks[i].make();
      if (page.template_name.empty()) {
        writer.write(page.path, page.raw);
        bytes_written += page.raw.size();
        continue;
      }
      if (!local.has_template(page.template_name) || !local.has_template("layout.html")) {
        diags.error(location_in(std::make_shared<const std::string>("theme")),
                    fmt::format("the theme has no template '{}'", local.has_template("layout.html") ? page.template_name
                                                                                                  : "layout.html"),
                    "copy it from themes/default/templates/ into your theme");
        continue;
      }
      std::string html = local.render_page(page.template_name, "layout.html", page.data);
      resolve_root_marker(html, page.path);
      writer.write(page.path, html);
      bytes_written += html.size();
    }
  };
  const unsigned threads = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(tasks.size() / 16 + 1)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, theme);
  worker(theme);
  for (auto& th : pool) th.join();
  return bytes_written;
}

}  // namespace

BuildReport run_build(const BuildOptions& options, Diagnostics& diags) {
  BuildReport report;
  PhaseClock clock(report);

  LoadStats stats;
  Site site = load_site(options.content_dir, diags, &stats);
  std::size_t sections = 0;
  for (const auto& m : site.models) sections += m.sections.size();
  clock.done("load", fmt::format("{} files, {}, {} models, {} sections", stats.files, kilobytes(stats.bytes),
                                 site.models.size(), sections));
  // Errors in files that parsed (an unknown key, a wrong type) leave every record in place, so the
  // cross-file checks still run and a policy team sees all of its mistakes at once. A file that is not
  // valid YAML is missing from the site: checking references to it would only add false errors.
  if (diags.has_errors() && stats.unparsed > 0) return report;

  validate_site(site, diags);
  clock.done("validate", fmt::format("{} errors, {} warnings", diags.error_count(), diags.warning_count()));
  if (diags.has_errors()) return report;

  assemble_site(site);
  if (!options.base_url.empty()) site.config.base_url = options.base_url;
  const MarkdownRenderer markdown(site.config.allow_html);  // parse on this thread only
  const std::size_t texts = render_site_markdown(site, markdown);
  clock.done("model", fmt::format("{} Markdown texts", texts));

  // Link: glossary terms into statements, then who-refers-to-what, then every page planned.
  const TermMatcher matcher(site.terms);
  matcher.report_shadowing(diags);
  const std::vector<std::size_t> term_uses = link_glossary_terms(site, matcher);
  for (std::size_t i = 0; i < site.terms.size(); ++i)
    if (term_uses[i] == 0)
      diags.warning(site.terms[i].where, fmt::format("glossary term '{}' is not used in any statement", site.terms[i].id),
                    "check its spelling and aliases against the statements, or remove it");
  if (diags.has_errors()) return report;
  const LinkGraph graph(site);
  const std::vector<PageTask> pages = plan_site(site, graph, options.pdf_links);
  for (const auto& h : list_handouts(site, graph)) report.handouts.emplace_back(h.path, h.pdf);
  report.pages = pages.size();
  clock.done("link", fmt::format("{} statements, {} glossary links, {} pages planned", graph.statements().size(),
                                 std::accumulate(term_uses.begin(), term_uses.end(), std::size_t{0}), pages.size()));

  std::optional<Theme> theme = Theme::load(options.theme_dir, diags);
  if (!theme) return report;
  if (!options.write) {
    clock.done("render", "skipped (check writes nothing)");
    report.ok = true;
    return report;
  }

  SiteWriter writer(options.out_dir, diags);
  if (!writer.ok()) return report;
  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t bytes = render_and_write(pages, *theme, writer, jobs, diags);
  clock.done("render", fmt::format("{} pages, {} assets, {}", pages.size(), theme->assets().size(), kilobytes(bytes)));
  if (!writer.ok() || diags.has_errors()) return report;

  report.ok = writer.commit();
  clock.done("write", fmt::format("swapped into {}", options.out_dir.generic_string()));
  return report;
}

}  // namespace pb::render
