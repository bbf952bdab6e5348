// Page data of the views: sizes that do not grow with the size of the model.
#include <doctest/doctest.h>

#include <map>

#include "test_support.hpp"
#include "views/plan.hpp"

using namespace pb;

TEST_CASE("a model of hundreds of sections: no section page repeats the whole model") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  for (int i = 2; i <= 300; ++i)
    dir.write("content/models/m1/sections/" + std::to_string(i) + "-s" + std::to_string(i) + ".yaml",
              "id: s" + std::to_string(i) + "\ntitle: Section " + std::to_string(i) +
                  "\nblocks:\n  - kind: principles\n    items:\n      - text: Statement.\n        topics: [safety]\n");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  REQUIRE(linked.site().models[0].sections.size() == 300);
  std::size_t section_pages = 0;
  for (const PageTask& task : plan_site(linked)) {
    if (!task.path.starts_with("models/m1/s")) continue;
    const test::JsonPage page = test::as_json(task.make());
    ++section_pages;
    CAPTURE(page.path);
    CHECK(page.data["model_nav"].size() <= 15);
    CHECK(page.data["model_nav_more"]["count"] == "300");
    bool current = false;
    for (const auto& entry : page.data["model_nav"]) current = current || entry["current"].get<bool>();
    CHECK(current);  // the page itself is always in its window
  }
  CHECK(section_pages == 299);
}

TEST_CASE("roles.yaml is a shared vocabulary: only addressed roles get pages; a broader role gathers its parts") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/roles.yaml",
            "roles:\n  - id: worker\n    title: Worker\n    aliases: [caseworker]\n"
            "  - id: leadership\n    title: Leader\n    plural: Leadership\n"
            "  - id: supervisor\n    title: Supervisor\n    part_of: leadership\n"
            "  - id: youth\n    title: Youth\n    plural: Youth\n");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  std::vector<std::string> role_pages;
  for (const PageTask& task : plan_site(linked)) {
    if (!task.path.starts_with("roles/")) continue;
    role_pages.push_back(task.path);
    if (task.path != "roles/leadership/index.html") continue;
    const test::JsonPage page = test::as_json(task.make());
    CHECK(page.data["page_title"] == "What is expected of leadership");
    REQUIRE(page.data["addressed"].size() == 1);
    CHECK(page.data["addressed"][0]["parts"] == "supervisors");  // the model has only this part of leadership
    CHECK(page.data["models"][0]["count"] == "1 action");
  }
  CHECK(role_pages == std::vector<std::string>{"roles/worker/index.html", "roles/leadership/index.html",
                                               "roles/supervisor/index.html"});
  CHECK(in_sentence("Area leadership") == "area leadership");
  CHECK(in_sentence("CPS workers") == "CPS workers");
}

TEST_CASE("a sitemap past 10,000 pages becomes a sitemap index of parts, every page in exactly one part") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  auto pages_of = [](std::size_t n) {
    std::vector<PageTask> pages;
    for (std::size_t i = 0; i < n; ++i) pages.push_back({"p/" + std::to_string(i) + "/index.html", true, [] { return Page{}; }});
    return pages;
  };
  auto files = [&](std::size_t n) {
    std::map<std::string, std::string> out;
    for (const PageTask& task : plan_site_files(linked, pages_of(n)))
      if (task.path.find("sitemap") != std::string::npos) out[task.path] = task.make().raw;
    return out;
  };
  const auto small = files(10000);
  REQUIRE(small.size() == 1);
  CHECK(small.at("sitemap.xml").find("<urlset") != std::string::npos);

  const auto large = files(25001);
  REQUIRE(large.size() == 4);  // the index and three parts
  const std::string& index = large.at("sitemap.xml");
  CHECK(index.find("<sitemapindex") != std::string::npos);
  std::size_t urls = 0;
  for (int part = 1; part <= 3; ++part) {
    const std::string name = "sitemaps/sitemap-" + std::to_string(part) + ".xml";
    CHECK(index.find("<loc>" + name + "</loc>") != std::string::npos);
    const std::string& xml = large.at(name);
    for (auto at = xml.find("<url>"); at != std::string::npos; at = xml.find("<url>", at + 1)) ++urls;
  }
  CHECK(urls == 25001);
  CHECK(large.at("sitemaps/sitemap-3.xml").find("<loc>p/25000/</loc>") != std::string::npos);
}

TEST_CASE("a topic's statements in one model are the part of the topic's list in that model") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  // Three models; the second has nothing on the topic, the third a sub-point on it.
  dir.write("content/models/m2/model.yaml", "title: Model two\njurisdiction: Testland\nagency: Test agency\n");
  dir.write("content/models/m2/sections/01-first.yaml",
            "id: first\ntitle: First\nblocks:\n  - kind: principles\n    items:\n      - text: Nothing on safety.\n");
  dir.write("content/models/m3/model.yaml", "title: Model three\njurisdiction: Testland\nagency: Test agency\n");
  dir.write("content/models/m3/sections/01-first.yaml",
            "id: first\ntitle: First\nblocks:\n  - kind: principles\n    items:\n"
            "      - text: Keep children safe.\n        topics: [safety]\n"
            "      - text: Work with families.\n        items:\n"
            "          - text: Plan for safety.\n            topics: [safety]\n");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  const LinkGraph& graph = linked.graph();
  REQUIRE(linked.site().models.size() == 3);
  std::size_t seen = 0;
  for (std::uint32_t m = 0; m < 3; ++m) {
    std::vector<std::size_t> expected;
    for (std::size_t index : graph.by_topic("safety"))
      if (graph.statements()[index].model == m) expected.push_back(index);
    const auto part = graph.by_topic_in_model("safety", m);
    CHECK(std::vector<std::size_t>(part.begin(), part.end()) == expected);
    seen += part.size();
  }
  CHECK(graph.by_topic_in_model("safety", 1).empty());
  CHECK(graph.by_topic_in_model("safety", 2).size() == 2);  // the sub-point too
  CHECK(seen == graph.by_topic("safety").size());
  CHECK(graph.by_topic_in_model("safety", 3).empty());  // no such model
  CHECK(graph.by_topic_in_model("no-such-topic", 0).empty());
}

TEST_CASE("a statement's place names its section's label or title, and its block's role or heading") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/models/m1/model.yaml",
            "title: Model one\njurisdiction: Testland\nagency: Test agency\n"
            "priorities:\n  items:\n    - text: Keep families together.\n");
  dir.write("content/models/m1/sections/02-second.yaml",
            "id: second\nlabel: Value 2\ntitle: Second value\nblocks:\n"
            "  - kind: principles\n    heading: What we believe\n    items:\n      - text: Families know best.\n"
            "  - kind: actions\n    role: supervisor\n    items:\n      - text: Do I coach workers?\n");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  std::map<std::string, std::string> place_by_text;
  for (const StatementRef& ref : linked.graph().statements())
    place_by_text[linked.statement(ref).text.source] = linked.place(ref);
  CHECK(place_by_text["Keep families together."] == "Priorities");  // no heading of its own
  CHECK(place_by_text["Keep children safe."] == "First value");     // no label, no block heading
  CHECK(place_by_text["Do I visit the family?"] == "First value · Worker action");
  CHECK(place_by_text["Families know best."] == "Value 2 · What we believe");
  CHECK(place_by_text["Do I coach workers?"] == "Value 2 · Supervisor action");
  CHECK(place_by_text.size() == 6);
}

TEST_CASE("a statement's HTML read through its place in the graph is its own text's, sub-points included") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/models/m1/model.yaml",
            "title: Model one\njurisdiction: Testland\nagency: Test agency\n"
            "priorities:\n  items:\n    - text: Keep *families* together.\n");
  dir.write("content/models/m1/sections/02-second.yaml",
            "id: second\ntitle: Second value\nblocks:\n"
            "  - kind: principles\n    items:\n      - text: Families know **best**.\n"
            "        items:\n          - text: First point.\n          - text: Second `point`.\n"
            "            items:\n              - text: A deeper point.\n");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  std::map<std::string, std::string> html_by_text;
  for (const StatementRef& ref : linked.graph().statements()) {
    CHECK(&linked.statement_html(ref) == &linked.html(linked.statement(ref).text));
    html_by_text[linked.statement(ref).text.source] = linked.statement_html(ref).html;
  }
  CHECK(html_by_text["Keep *families* together."] == "Keep <em>families</em> together.");
  CHECK(html_by_text["Families know **best**."] == "Families know <strong>best</strong>.");
  CHECK(html_by_text["Second `point`."] == "Second <code>point</code>.");
  CHECK(html_by_text["A deeper point."] == "A deeper point.");
  CHECK(html_by_text.size() == 8);
}

TEST_CASE("a glossary too long for one page lists its terms alone; each term's page keeps the definition") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  std::string glossary = "terms:\n";
  for (int i = 0; i < 40; ++i)
    glossary += "  - id: term-" + std::to_string(i) + "\n    term: term " + std::to_string(i) + "\n    definition: Meaning " +
                std::to_string(i) + " " + std::string(900, 'q') + ".\n";
  dir.write("content/glossary.yaml", glossary);
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  // 40 definitions of about 900 bytes: about 48 KB with their entries, over the page at a budget of
  // 8 KB (a listing is split at twice its budget), under it at 32 KB.
  auto glossary_page = [&](std::size_t budget) {
    for (const PageTask& task : plan_glossary_pages(linked, budget))
      if (task.path == "glossary/index.html") return test::as_json(task.make());
    FAIL("no glossary page");
    return test::JsonPage{};
  };
  auto definitions = [](const test::JsonPage& page, std::size_t& terms) {
    std::size_t shown = 0;
    terms = 0;
    for (const auto& letter : page.data["letters"])
      for (const auto& term : letter["terms"]) {
        ++terms;
        shown += term["definition_html"].is_string() && term["definition_html"].get<std::string>().find("Meaning") != std::string::npos;
      }
    return shown;
  };
  std::size_t terms = 0;
  const test::JsonPage compact = glossary_page(8 * 1024);
  CHECK(definitions(compact, terms) == 0);
  CHECK(terms == 40);
  CHECK(compact.data["definitions_on_term_pages"] == true);
  const test::JsonPage whole = glossary_page(32 * 1024);
  CHECK(definitions(whole, terms) == 40);
  CHECK(terms == 40);
  CHECK(whole.data["definitions_on_term_pages"] == false);
  // The term's own page still gives the definition.
  for (const PageTask& task : plan_glossary_pages(linked, 8 * 1024))
    if (task.path == "glossary/term-7/index.html") {
      const test::JsonPage page = test::as_json(task.make());
      CHECK(page.data.dump().find("Meaning 7 ") != std::string::npos);
      // Its meta description is the definition's first words, not all 900 bytes of it.
      const std::string description = page.data["description"];
      CHECK(description.starts_with("Meaning 7 q"));
      CHECK(description.ends_with("…"));
      CHECK(description.size() <= 400 + 3);
    }
}

TEST_CASE("long_sections: a section whose statements weigh past the limit, with its count; short ones are not") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  // 40 statements of about 300 characters, their sub-points counted too, in one section.
  std::string items;
  for (int i = 0; i < 40; ++i)
    items += "      - text: Step " + std::to_string(i) + ", " + std::string(290, 'a') + ".\n        topics: [safety]\n" +
             (i == 0 ? "        items:\n          - text: A sub-point of the first step.\n" : "");
  dir.write("content/models/m1/sections/02-long.yaml", "id: long\ntitle: The long one\nblocks:\n  - kind: practice\n    items:\n" + items);
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  const std::vector<LongSection> found = long_sections(linked, 10'000);
  REQUIRE(found.size() == 1);
  CHECK(found[0].section->id == "long");
  CHECK(found[0].statements == 41);
  // Each statement's HTML (its text and paragraph) and the markup around it on the page.
  CHECK(found[0].bytes >= 40 * (300 + 400));
  CHECK(found[0].bytes < 41 * (300 + 400 + 100));
  CHECK(long_sections(linked, found[0].bytes).empty());  // "past": a section of exactly the limit is not listed
  CHECK(long_sections(linked).empty());                  // 1.5 MB
}

TEST_CASE("a model's own word for its actions names them in headings, counts, labels and its forms") {
  Vocabulary named;
  named.actions = "key activities";
  named.actions_named = true;
  CHECK(named.action_word() == "key activity");
  CHECK(named.count_actions(1) == "1 key activity");
  CHECK(named.count_actions(3) == "3 key activities");
  for (const auto& [plural, singular] : std::vector<std::pair<std::string, std::string>>{
           {"practice behaviors", "practice behavior"}, {"approaches", "approach"}, {"practices", "practice"},
           {"teachings in practice", "teachings in practice"}, {"expectations of staff", "expectations of staff"}}) {
    named.actions = plural;
    CHECK(named.action_word() == singular);
  }
  named.action = "teaching";
  CHECK(named.action_word() == "teaching");
  const Vocabulary plain;  // a model that does not name them: today's wording
  CHECK(plain.actions_word() == "actions");
  CHECK(plain.count_actions(1) == "1 action");
  CHECK(plain.action_prompt == "Do I…?");

  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/models/m1/model.yaml",
            "title: Model one\njurisdiction: Testland\nagency: Test agency\n"
            "vocabulary:\n  unit: core element\n  actions: key activities\n");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  const Model& model = linked.site().models[0];
  CHECK(model.vocabulary.action_prompt.empty());  // "Do I…?" is Arkansas's prompt, not this model's
  std::map<std::string, test::JsonPage> pages;
  for (const PageTask& task : plan_site(linked))
    if (task.path == "models/m1/index.html" || task.path == "models/m1/roles/worker/index.html" ||
        task.path == "models/m1/first/index.html" || task.path == "index.html")
      pages.emplace(task.path, test::as_json(task.make()));
  REQUIRE(pages.size() == 4);
  CHECK(pages.at("models/m1/roles/worker/index.html").data["page_title"] == "Worker key activities");
  CHECK(pages.at("models/m1/roles/worker/index.html").data["action_word"] == "key activity");
  CHECK(pages.at("models/m1/index.html").data["roles"][0]["count"] == "1 key activity");
  const auto& section = pages.at("models/m1/first/index.html").data;
  CHECK(section["blocks"][1]["heading"] == "Worker key activities");
  CHECK(section["action_word"] == "key activity");
  CHECK(pages.at("index.html").data["jurisdictions"][0]["models"][0]["sections"] == "1 core element");
  CHECK(in_sentence("Social Workers") == "Social Workers");  // title case stays: not "social Workers"
  CHECK(in_sentence("Workers") == "workers");
}
