#include <doctest/doctest.h>

#include <fmt/format.h>
#include <fstream>
#include <kainjow/mustache.hpp>
#include <map>
#include <optional>
#include <unistd.h>
#include <sstream>

#include "render/pipeline.hpp"
#include "render/theme.hpp"
#include "render/writer.hpp"
#include "core/stop.hpp"

#include <csignal>
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace pb;

namespace {
// A build of the temporary folder's content/ into site/, with theme/ as --theme.
BuildOptions themed_build(const test::TempDir& dir) {
  BuildOptions options;
  options.content_dir = dir.path() / "content";
  options.out_dir = dir.path() / "site";
  options.theme_dir = dir.path() / "theme";
  return options;
}
std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
// Every file under a folder with its bytes, to compare folders exactly.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = read(e.path());
  return out;
}
// A theme of the given templates (name → source), in `dir`.
std::optional<Theme> theme_of(test::TempDir& dir, const std::map<std::string, std::string>& templates) {
  for (const auto& [name, source] : templates) dir.write("theme/templates/" + name, source);
  Diagnostics diags;
  return Theme::load(dir.path() / "theme", diags);
}
}  // namespace

TEST_CASE("commit swaps the new folder in and removes the staging folder") {
  test::TempDir dir;
  dir.write("site/.practicebook", "");
  dir.write("site/old.html", "old");
  Diagnostics diags;
  {
    SiteWriter writer(dir.path() / "site", diags);
    REQUIRE(writer.ok());
    writer.prepare_directories({"a/index.html"});
    writer.write("a/index.html", "new");
    CHECK(writer.commit());
  }
  CHECK(read(dir.path() / "site/a/index.html") == "new");
  CHECK_FALSE(fs::exists(dir.path() / "site/old.html"));
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 1);  // no staging or old folder left behind
}

TEST_CASE("a writer that is not committed leaves the old folder untouched") {
  test::TempDir dir;
  dir.write("site/.practicebook", "");
  dir.write("site/index.html", "previous");
  Diagnostics diags;
  {
    SiteWriter writer(dir.path() / "site", diags);
    writer.write("index.html", "half-done");
  }
  CHECK(read(dir.path() / "site/index.html") == "previous");
  CHECK_FALSE(fs::exists(dir.path() / ("site.tmp-" + std::to_string(::getpid()))));
}

TEST_CASE("a failing build leaves the previous site byte-for-byte as it was") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  BuildOptions options;
  options.content_dir = dir.path() / "content";
  options.out_dir = dir.path() / "site";
  Diagnostics first;
  REQUIRE(run_build(options, first).ok);
  const auto before = snapshot(dir.path() / "site");
  REQUIRE(before.count("models/m1/first/index.html") == 1);

  dir.write("content/models/m1/sections/01-first.yaml", "id: first\ntitle: First\nitmes: []\n");
  Diagnostics second;
  CHECK_FALSE(run_build(options, second).ok);
  CHECK(second.error_count() == 1);
  CHECK(snapshot(dir.path() / "site") == before);
}

TEST_CASE("refuses to replace a folder it did not build") {
  test::TempDir dir;
  dir.write("important/notes.txt", "keep me");
  Diagnostics diags;
  SiteWriter writer(dir.path() / "important", diags);
  CHECK_FALSE(writer.ok());
  CHECK(diags.error_count() == 1);
  CHECK(read(dir.path() / "important/notes.txt") == "keep me");
}

TEST_CASE("two builds of the same sources are byte-identical") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  BuildOptions options;
  options.content_dir = dir.path() / "content";
  options.out_dir = dir.path() / "a";
  Diagnostics d1, d2;
  REQUIRE(run_build(options, d1).ok);
  options.out_dir = dir.path() / "b";
  options.jobs = 1;
  REQUIRE(run_build(options, d2).ok);
  CHECK(snapshot(dir.path() / "a") == snapshot(dir.path() / "b"));
}

TEST_CASE("--theme overrides the default theme file by file") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("theme/templates/404.html", "<h1>Custom {{page_title}}</h1>");
  const BuildOptions options = themed_build(dir);
  Diagnostics diags;
  REQUIRE(run_build(options, diags).ok);
  CHECK(read(dir.path() / "site/404.html").find("<h1>Custom Page not found</h1>") != std::string::npos);
  // Templates the theme does not override still come from the default theme.
  CHECK(read(dir.path() / "site/models/m1/first/index.html").find("Keep children safe.") != std::string::npos);
}

TEST_CASE("a theme file that cannot be read is an error naming it, and nothing is built") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("theme/templates/404.html", "<h1>Custom {{page_title}}</h1>");
  fs::create_symlink("/proc/self/mem", dir.path() / "theme/templates/layout.html");  // unreadable even as root
  const BuildOptions options = themed_build(dir);
  Diagnostics diags;
  CHECK_FALSE(run_build(options, diags).ok);
  CHECK(test::formatted(diags) == std::vector<std::string>{
      (dir.path() / "theme/templates/layout.html").generic_string() +
      ": error: cannot read this theme file: Input/output error\n"
      "  hint: check that it is a file you may read (its permissions, or where a link points)"});
  CHECK_FALSE(fs::exists(dir.path() / "site"));
}

TEST_CASE("a broken template is reported with its line and column") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("theme/templates/404.html", "<h1>\n  {{#open}} never closed\n");
  const BuildOptions options = themed_build(dir);
  Diagnostics diags;
  CHECK_FALSE(run_build(options, diags).ok);
  REQUIRE(diags.error_count() == 1);
  std::string message;
  for (const auto& d : diags.sorted())
    if (d.severity == Severity::error) message = format_diagnostic(d);
  CHECK(message.find("404.html:") != std::string::npos);
  CHECK(message.find("error: template error: ") != std::string::npos);
}

TEST_CASE("check reports a broken template of --theme first, before reading any content") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/site.yaml", "titel: a typo that content checks would report\n");
  dir.write("theme/templates/section.html", "{{#blocks}}\n{{/block}}\n");
  BuildOptions options;
  options.content_dir = dir.path() / "content";
  options.theme_dir = dir.path() / "theme";
  options.write = false;
  Diagnostics diags;
  const BuildReport report = run_build(options, diags);
  CHECK_FALSE(report.ok);
  const auto messages = test::formatted(diags);
  REQUIRE(messages.size() == 1);  // the theme phase stopped the build: content was not read
  CHECK(messages[0].starts_with((dir.path() / "theme/templates/section.html").generic_string() + ":1:1: error: template error: Unclosed section \"blocks\""));
  CHECK(messages[0].find("error: template error: ") != std::string::npos);
  REQUIRE(report.phases.empty());
}

TEST_CASE("the build names its phases in order") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  BuildOptions options;
  options.content_dir = dir.path() / "content";
  options.out_dir = dir.path() / "site";
  Diagnostics diags;
  const BuildReport report = run_build(options, diags);
  REQUIRE(report.ok);
  std::vector<std::string> names;
  for (const auto& p : report.phases) names.push_back(p.name);
  CHECK(names == std::vector<std::string>{"theme", "content", "link", "plan", "render", "write"});
}

TEST_CASE("empty text counts as false in templates, so optional parts vanish") {
  Diagnostics diags;
  auto theme = Theme::load(std::nullopt, diags);
  REQUIRE(theme);
  test::TempDir dir;
  dir.write("theme/templates/probe.html", "[{{#label}}{{label}}: {{/label}}{{title}}]");
  auto custom = Theme::load(dir.path() / "theme", diags);
  REQUIRE(custom);
  CHECK(custom->render("probe.html", object("label", "", "title", "T")) == "[T]");
  CHECK(custom->render("probe.html", object("label", "Value 1", "title", "T")) == "[Value 1: T]");
}

TEST_CASE("{{x}} escapes the five characters anywhere in a text, NUL bytes included") {
  Diagnostics diags;
  test::TempDir dir;
  dir.write("theme/templates/probe.html", "[{{x}}]");
  auto theme = Theme::load(dir.path() / "theme", diags);
  REQUIRE(theme);
  auto shown = [&](const std::string& x) { return theme->render("probe.html", object("x", x)); };
  CHECK(shown("plain text, no markup") == "[plain text, no markup]");
  CHECK(shown("<b>\"Tom\" & 'Jerry'</b>") == "[&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;]");
  CHECK(shown(std::string("a\0b", 3)) == std::string("[a\0b]", 5));
  CHECK(shown(std::string("x\0y<z&", 6)) == std::string("[x\0y&lt;z&amp;]", 15));
  CHECK(shown("&") == "[&amp;]");
}

TEST_CASE("the page goes into the layout where the layout prints {{{content}}}, as the layout prints it") {
  test::TempDir dir;
  auto theme = theme_of(dir, {{"body.html", "<p>{{text}}</p>\n"},
                              {"raw.html", "<head>{{{title}}}</head>\n{{#wide}}<div>{{/wide}}{{{content}}}{{#wide}}</div>{{/wide}}\nend"},
                              {"escaped.html", "[{{content}}]"},
                              {"twice.html", "{{{content}}}|{{{content}}}"}});
  REQUIRE(theme);
  const Data data = object("text", "a < b", "title", "T", "wide", true);
  CHECK(theme->render_page("body.html", "raw.html", data) == "<head>T</head>\n<div><p>a &lt; b</p>\n</div>\nend");
  CHECK(theme->render_page("body.html", "escaped.html", data) == "[&lt;p&gt;a &amp;lt; b&lt;/p&gt;\n]");
  CHECK(theme->render_page("body.html", "twice.html", data) == "<p>a &lt; b</p>\n|<p>a &lt; b</p>\n");
  // Data that prints the layout's own marker, unescaped, cannot move the page.
  Data tricky = data;
  set(tricky, "title", "\x01<practicebook-page-content>\x01");
  CHECK(theme->render_page("body.html", "raw.html", tricky) ==
        "<head>\x01<practicebook-page-content>\x01</head>\n<div><p>a &lt; b</p>\n</div>\nend");
}

TEST_CASE("a page in its layout comes as three parts: the layout before it, the page, the layout after it") {
  test::TempDir dir;
  auto theme = theme_of(dir, {{"body.html", "<p>{{text}}</p>"}, {"raw.html", "<main>{{{content}}}</main>"}, {"escaped.html", "[{{content}}]"}});
  REQUIRE(theme);
  const Data data = object("text", "x");
  const RenderedPage page = theme->render_page_parts("body.html", "raw.html", data);
  CHECK(page.parts()[0] == "<main>");
  CHECK(page.parts()[1] == "<p>x</p>");
  CHECK(page.parts()[2] == "</main>");
  CHECK(page.size() == std::string("<main><p>x</p></main>").size());
  // Rendered the ordinary way, the whole page is the first part.
  const RenderedPage escaped = theme->render_page_parts("body.html", "escaped.html", data);
  CHECK(escaped.parts()[0] == "[&lt;p&gt;x&lt;/p&gt;]");
  CHECK(escaped.parts()[1].empty());
  CHECK(escaped.parts()[2].empty());
}

TEST_CASE("a file written from parts holds them one after the other, empty parts and more than eight included") {
  test::TempDir dir;
  Diagnostics diags;
  SiteWriter writer(dir.path() / "site", diags);
  REQUIRE(writer.ok());
  writer.prepare_directories({"a.html", "b.html", "c.html"});
  const std::vector<std::string_view> three = {"<head>", "", "</head>"};
  writer.write("a.html", three);
  std::vector<std::string> texts;
  for (int i = 0; i < 20; ++i) texts.push_back(i % 3 == 0 ? "" : std::string(std::size_t(i) * 1000, char('a' + i)));
  const std::vector<std::string_view> many(texts.begin(), texts.end());
  writer.write("b.html", many);
  writer.write("c.html", std::vector<std::string_view>{});
  REQUIRE(writer.commit());
  CHECK(read(dir.path() / "site/a.html") == "<head></head>");
  std::string expected;
  for (const auto& t : texts) expected += t;
  CHECK(read(dir.path() / "site/b.html") == expected);
  CHECK(read(dir.path() / "site/c.html").empty());
  CHECK(fs::file_size(dir.path() / "site/c.html") == 0);
}

TEST_CASE("folders are made for every file, however their names sort, on any number of threads") {
  // Names with '-' (before '/' in byte order) and digits (after it) put siblings of one parent
  // between another parent's folders in the sorted set, if the grouping by parent were wrong.
  std::vector<std::string> files;
  for (const char* parent : {"m", "m-a", "m0", "ma", "m/a", "m/a-b", "m/a0", "n"})
    for (int child = 0; child < 40; ++child)
      files.push_back(fmt::format("{}/c{}/{}/index.html", parent, child, child % 3 ? "x" : "x-y"));
  files.push_back("top.html");
  for (unsigned threads : {1u, 2u, 7u}) {
    test::TempDir dir;
    Diagnostics diags;
    SiteWriter writer(dir.path() / "site", diags);
    REQUIRE(writer.ok());
    writer.prepare_directories(files, threads);
    for (const auto& f : files) writer.write(f, f);
    CHECK(writer.ok());
    REQUIRE(writer.commit());
    CHECK(diags.error_count() == 0);
    for (const auto& f : files) CHECK(read(dir.path() / "site" / f) == f);
  }
}

TEST_CASE("a folder holding anything the build did not write is never replaced, not even a lone README") {
  for (const char* placeholder : {"README.md", ".gitkeep", "notes.txt"}) {
    test::TempDir dir;
    dir.write(std::string("site/") + placeholder, "mine");
    Diagnostics diags;
    SiteWriter writer(dir.path() / "site", diags);
    CHECK_FALSE(writer.ok());
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.sorted()[0].message == "refusing to replace a folder that was not built by Practicebook");
    CHECK(read(dir.path() / "site" / placeholder) == "mine");
  }
  test::TempDir empty;
  fs::create_directories(empty.path() / "site");
  Diagnostics diags;
  CHECK(SiteWriter(empty.path() / "site", diags).ok());
}

TEST_CASE("staging folders left by a killed build are removed by the next one; live ones are kept") {
  test::TempDir dir;
  // A pid that cannot be running: above the kernel's pid_max.
  dir.write("site.tmp-999999999/.practicebook", "");
  dir.write("site.tmp-999999999/index.html", "half");
  dir.write("site.old-999999998/.practicebook", "");
  dir.write("site.tmp-1/.practicebook", "");         // pid 1 is alive: not ours to remove
  dir.write("site.tmp-999999997/notes.txt", "mine");  // no marker: not a staging folder of ours
  Diagnostics diags;
  {
    SiteWriter writer(dir.path() / "site", diags);
    REQUIRE(writer.ok());
  }
  CHECK_FALSE(fs::exists(dir.path() / "site.tmp-999999999"));
  CHECK_FALSE(fs::exists(dir.path() / "site.old-999999998"));
  CHECK(fs::exists(dir.path() / "site.tmp-1"));
  CHECK(fs::exists(dir.path() / "site.tmp-999999997/notes.txt"));
}

TEST_CASE("a stop request (Ctrl-C, SIGTERM) ends the build with an error and leaves the old site") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  BuildOptions options;
  options.content_dir = dir.path() / "content";
  options.out_dir = dir.path() / "site";
  Diagnostics first;
  REQUIRE(run_build(options, first).ok);
  const auto before = snapshot(dir.path() / "site");
  dir.write("content/models/m1/model.yaml", "title: Changed\njurisdiction: Testland\nagency: Test agency\n");
  StopOnSignals handlers;
  ::raise(SIGTERM);
  CHECK(stop_requested());
  Diagnostics diags;
  CHECK_FALSE(run_build(options, diags).ok);
  clear_stop();
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted()[0].message == "interrupted: the build stopped before it finished");
  CHECK(snapshot(dir.path() / "site") == before);
  for (const auto& e : fs::directory_iterator(dir.path()))
    CHECK_MESSAGE(e.path().filename().string().find(".tmp-") == std::string::npos, e.path());
}

TEST_CASE("templates render what kainjow renders from them as written, spaces and dropped lines included") {
  // Theme compiles the spaces between two characters of text as another byte and puts them back in
  // the page; each template here is rendered both ways, with data that shows and hides its sections.
  const std::vector<std::string> templates = {
      "<li class=\"a b\">{{x}} and  {{y}}</li>",
      "  {{#on}}\n  <p class=\"x\">one two</p>\n  {{/on}}\n{{^on}} no thanks {{/on}}\n",
      "<ul>\n  {{#items}}\n    <li id=\"{{id}}\" class=\"s t\"> {{{html}}} </li>\n  {{/items}}\n</ul>\n",
      "{{#on}}a b{{/on}} {{#off}}c d{{/off}}\n   {{#off}}   {{/off}}   \nx y\t z\r\nw  v\n",
      "{{! a comment with spaces }}text } more {{x}}} { and {{{y}}} end",
      "{{#items}}{{id}} {{/items}}|{{#items}} {{id}}{{/items}}|{{#items}}\n{{id}} x\n{{/items}}",
      "odd }} braces {{x}} a {b} c",
      "no tags at all, only text with spaces",
      "{{=<% %>=}}<% x %> a b <%={{ }}=%> {{y}} c d",
  };
  const Data shown = object("x", "X <1>", "y", "Y & 2", "on", true, "off", false);
  Data items = list();
  for (const char* id : {"one", "two three"}) push(items, object("id", id, "html", "<b>h i</b>"));
  const Data with_items = object("x", "X", "y", "Y", "on", false, "off", true, "items", std::move(items));
  test::TempDir dir;
  for (std::size_t i = 0; i < templates.size(); ++i) dir.write("theme/templates/t" + std::to_string(i) + ".html", templates[i]);
  Diagnostics diags;
  auto theme = Theme::load(dir.path() / "theme", diags);
  REQUIRE(theme);
  for (std::size_t i = 0; i < templates.size(); ++i) {
    CAPTURE(templates[i]);
    for (const Data* data : {&shown, &with_items}) {
      kainjow::mustache::mustache as_written(templates[i]);
      REQUIRE(as_written.is_valid());
      const std::string expected = as_written.render(*data);
      CHECK(theme->render("t" + std::to_string(i) + ".html", *data) == expected);
      CHECK(expected.find('\x02') == std::string::npos);
    }
  }
}
