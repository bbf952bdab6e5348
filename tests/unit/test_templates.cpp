// Template data is checked: every page of the real content/ is planned, and each template (and the
// layout around it) is walked with that page's data. A name a template prints that the data lacks
// would render as empty text without a word; here it fails the test.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>

#include "render/pipeline.hpp"
#include "render/template_check.hpp"
#include "test_support.hpp"
#include "views/plan.hpp"

using namespace pb;

TEST_CASE("missing_names finds printed names the data lacks, following sections as rendering does") {
  const nlohmann::json data = {{"title", "T"},
                               {"items", {{{"text", "a"}}, {{"text", "b"}, {"note", "n"}}}},
                               {"empty", nlohmann::json::array()},
                               {"flag", false},
                               {"model", {{"id", "m"}}}};
  CHECK(missing_names("{{title}} {{{title}}} {{&title}} {{model.id}}", data).empty());
  CHECK(missing_names("<h1>{{titel}}</h1>\n{{model.name}}", data) ==
        std::vector<std::string>{"{{titel}} (line 1)", "{{model.name}} (line 2)"});
  // Inside a list, names resolve on each item, then outward; an item without `note` is caught.
  CHECK(missing_names("{{#items}}{{text}} {{title}} {{note}}{{/items}}", data) ==
        std::vector<std::string>{"{{note}} (line 1)"});
  // Sections that do not render are not checked; absent section names mean false.
  CHECK(missing_names("{{#empty}}{{nothing}}{{/empty}}{{#flag}}{{nothing}}{{/flag}}{{#absent}}{{x}}{{/absent}}", data)
            .empty());
  CHECK(missing_names("{{^absent}}{{nothing}}{{/absent}}", data) == std::vector<std::string>{"{{nothing}} (line 1)"});
  CHECK(missing_names("{{! a comment }}{{#items}}{{.}}{{/items}}", data).empty());
}

TEST_CASE("every template prints only names its page data has, on every page of content/") {
  const LinkedSite linked = test::read_and_link(std::filesystem::path(PB_SOURCE_DIR) / "content");
  Diagnostics diags;
  const auto theme = load_theme(std::nullopt, diags);
  REQUIRE(theme);
  const auto& sources = theme->template_sources();
  std::map<std::string, std::size_t> pages_per_template;
  // The pages a large site splits by state too: planned at a budget of one byte, the seed's are split.
  std::vector<PageTask> tasks = plan_site(linked);
  for (PageTask& task : plan_site(linked, 1))
    if (task.path.find("/states/") != std::string::npos || task.path.starts_with("roles/") ||
        task.path.starts_with("glossary/") || task.path == "handouts/index.html" ||
        task.path.starts_with("compare/") || task.path.starts_with("handouts/compare/"))
      tasks.push_back(std::move(task));
  for (const PageTask& task : tasks) {
    const Page page = task.make();
    if (page.template_name.empty()) continue;
    ++pages_per_template[page.template_name];
    REQUIRE(sources.count(page.template_name));
    const nlohmann::json data = to_json(page.data);
    nlohmann::json with_content = data;
    with_content["content"] = "<main>…</main>";
    const auto in_page = missing_names(sources.at(page.template_name), data);
    const auto in_layout = missing_names(sources.at("layout.html"), with_content);
    CHECK_MESSAGE(in_page.empty(), page.path, " (", page.template_name, "): ", join(in_page, ", "));
    CHECK_MESSAGE(in_layout.empty(), page.path, " (layout.html): ", join(in_layout, ", "));
  }
  // Every page template of the theme was exercised by at least one page.
  for (const auto& [name, source] : sources)
    if (name != "layout.html") CHECK_MESSAGE(pages_per_template.count(name), name, " is used by no page");
}
