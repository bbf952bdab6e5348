// External frameworks (content/frameworks/): the loader's messages, keyword matching, which statements
// speak to which item, and the pages.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "content/frameworks.hpp"
#include "content/loader.hpp"
#include "content/validate.hpp"
#include "link/crosswalk.hpp"
#include "test_support.hpp"
#include "views/plan.hpp"

using namespace pb;
using pb::test::formatted;

namespace {

const std::string head = "title: Reviews\nshort_title: R\nparts:\n  - id: outcomes\n    title: Outcomes\n    items:\n";

// Loads and validates the minimal content with frameworks/f.yaml; the diagnostics' paths are shown
// relative to the content folder.
std::vector<std::string> diagnostics_for(const std::string& framework_yaml, const std::string& name = "f.yaml") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/frameworks/" + name, framework_yaml);
  Diagnostics diags;
  const std::string shown = (dir.path() / "content").string();
  Site site = load_site(dir.path() / "content", diags);
  if (!diags.has_errors()) validate_site(site, diags);
  std::vector<std::string> out;
  for (auto line : formatted(diags)) {
    if (line.starts_with(shown + "/")) line = line.substr(shown.size() + 1);
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("frameworks: a framework loads with its parts, groups and items") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/frameworks/cfsr.yaml",
            "title: Reviews\nparts:\n  - id: outcomes\n    title: Outcomes\n    groups:\n      - id: safety-1\n"
            "        title: Safe\n        items:\n          - {id: item-1, label: Item 1, title: One, topics: [safety],\n"
            "             keywords: [visit*, [review, plans]], statements: [m1/first#principles-1]}\n"
            "  - id: factors\n    title: Factors\n    items:\n      - {id: training, title: Training, topics: safety}\n");
  Diagnostics diags;
  Site site = load_site(dir.path() / "content", diags);
  validate_site(site, diags);
  CHECK(formatted(diags).empty());
  REQUIRE(site.frameworks.size() == 1);
  const ExternalFramework& fw = site.frameworks[0];
  CHECK(fw.id == "cfsr");
  CHECK(fw.name() == "Reviews");
  REQUIRE(fw.parts.size() == 2);
  CHECK(fw.parts[0].groups[0].items[0].keywords == std::vector<std::vector<std::string>>{{"visit*"}, {"review", "plans"}});
  CHECK(fw.parts[0].groups[0].items[0].statements[0].text() == "m1/first#principles-1");
  // A part of items holds them in one unnamed group.
  REQUIRE(fw.parts[1].groups.size() == 1);
  CHECK(fw.parts[1].groups[0].title.empty());
  CHECK(fw.parts[1].groups[0].items[0].topics == std::vector<std::string>{"safety"});
}

TEST_CASE("frameworks: mistakes are reported at their position with a hint") {
  CHECK(diagnostics_for(head + "      - {id: item-1, title: One, topics: [safty]}\n") ==
        std::vector<std::string>{"frameworks/f.yaml:7:42: error: unknown topic 'safty' (did you mean 'safety'?)\n"
                                 "  hint: the topics in topics.yaml are: safety"});
  // Misspelt, the topics are missing too: both are reported.
  CHECK(diagnostics_for(head + "      - {id: item-1, title: One, topcs: [safety]}\n").at(1) ==
        "frameworks/f.yaml:7:34: error: unknown key 'topcs' (did you mean 'topics'?)\n"
        "  hint: the keys of a framework item are: description, exclude, id, keywords, label, statements, title, topics");
  const auto duplicate = diagnostics_for(head + "      - {id: item-1, title: One, topics: [safety]}\n"
                                                "      - {id: item-1, title: Two, topics: [safety]}\n");
  REQUIRE(duplicate.size() == 1);
  CHECK(duplicate[0].starts_with("frameworks/f.yaml:8:14: error: duplicate id 'item-1' in framework 'f'\n"
                                 "  hint: 'item-1' is already used at "));
  CHECK(duplicate[0].ends_with("/frameworks/f.yaml:7; parts, groups and items need ids of their own"));
  CHECK(diagnostics_for(head + "      - {id: gaps, title: One, topics: [safety]}\n") ==
        std::vector<std::string>{"frameworks/f.yaml:7:14: error: 'gaps' is an anchor of the framework page and cannot "
                                 "be an id\n  hint: the page keeps these anchors for its own elements: main-content, "
                                 "site-search-input, gaps, archived-editions, about; choose another id"});
  CHECK(diagnostics_for(head + "      - {id: item-1, title: One}\n") ==
        std::vector<std::string>{"frameworks/f.yaml:7:9: error: framework item 'item-1' is mapped to no statements\n"
                                 "  hint: add 'topics: [...]' (with 'keywords' to narrow them) or 'statements: "
                                 "[model/section#id, ...]'"});
  CHECK(diagnostics_for(head + "      - {id: item-1, title: One, topics: [safety], keywords: ['vis*it']}\n") ==
        std::vector<std::string>{"frameworks/f.yaml:7:63: error: invalid keyword 'vis*it'\n"
                                 "  hint: a keyword is a word or phrase, with '*' only at its end to match any ending, "
                                 "e.g. 'investigat*'"});
  CHECK(diagnostics_for("title: Reviews\n") ==
        std::vector<std::string>{"frameworks/f.yaml:1:1: error: framework is missing the required key 'parts'\n"
                                 "  hint: add 'parts:', e.g. outcomes with their items, and systemic factors"});
  CHECK(diagnostics_for("title: R\nparts: []\n", "Bad_Name.yaml") ==
        std::vector<std::string>{"frameworks/Bad_Name.yaml: error: invalid framework file name 'Bad_Name.yaml'\n"
                                 "  hint: the name is the framework's id: lowercase letters, digits and single hyphens, "
                                 "e.g. cfsr.yaml"});
}

TEST_CASE("frameworks: statement addresses must name a statement") {
  auto with = [&](const std::string& address) {
    return diagnostics_for(head + "      - id: item-1\n        title: One\n        statements: [" + address + "]\n");
  };
  CHECK(with("m1/first#worker-1").empty());
  CHECK(with("m1/first#worker-9") ==
        std::vector<std::string>{"frameworks/f.yaml:9:22: error: section 'first' of model 'm1' has no statement "
                                 "'worker-9'\n  hint: the statement id is the anchor after '#' in its permalink on the "
                                 "section page"});
  CHECK(with("m1/second#worker-1") ==
        std::vector<std::string>{"frameworks/f.yaml:9:22: error: model 'm1' has no section 'second'\n"
                                 "  hint: its sections are: first"});
  CHECK(with("m1#priority-1") ==
        std::vector<std::string>{"frameworks/f.yaml:9:22: error: model 'm1' has no priority 'priority-1'\n"
                                 "  hint: without a section the address names a priority; write "
                                 "<model>/<section>#<statement-id> for a statement of a section"});
  // A model taken out of content/ leaves a warning: check --strict fails, a build goes on.
  CHECK(with("m2/first#worker-1") ==
        std::vector<std::string>{"frameworks/f.yaml:9:22: warning: unknown model 'm2' in 'm2/first#worker-1' (did you "
                                 "mean 'm1'?)\n  hint: the model is a folder name in content/models/; remove the "
                                 "address if the model is gone"});
  CHECK(with("first#Worker 1") ==
        std::vector<std::string>{"frameworks/f.yaml:9:22: error: invalid statement address 'first#Worker 1'\n"
                                 "  hint: write <model>/<section>#<statement-id>, e.g. "
                                 "'me-practice-model/child-safety#principles-2', or <model>#<statement-id> for a priority"});
  CHECK(parse_statement_address("a-b/c#d-1")->section == "c");
  CHECK(parse_statement_address("a-b#d-1")->section.empty());
  CHECK_FALSE(parse_statement_address("a/b/c#d"));
  CHECK_FALSE(parse_statement_address("a/b"));
}

TEST_CASE("frameworks: keywords match whole words, or any ending after '*', in any letter case") {
  const std::string text = keyword_text("Conduct timely Structured Decision Making® (SDM) visits with the child’s "
                                        "family &amp; re-entry");
  CHECK(text == " conduct timely structured decision making sdm visits with the child s family re-entry ");
  CHECK(keyword_text("") == " ");
  CHECK(keyword_text("&amp;&#39;  ") == " ");
  CHECK(keyword_text("Café—crème, «naïve»") == " café crème naïve ");
  CHECK(keyword_text("cut short \xC3") == " cut short \xC3 ");
  auto has = [&](std::vector<std::vector<std::string>> k) { return has_keyword(text, k); };
  CHECK(has({{"SDM"}}));
  CHECK(has({{"visit*"}}));
  CHECK_FALSE(has({{"visit"}}));      // whole words: "visit" is not "visits"
  CHECK_FALSE(has({{"make"}}));       // nor a prefix of "making" without '*'
  CHECK(has({{"decision making"}}));  // phrases across spaces and marks
  CHECK(has({{"child's family"}}));   // straight and curly apostrophes alike
  CHECK(has({{"re-entry"}}));
  CHECK(has({{"timely", "sdm"}}));
  CHECK_FALSE(has({{"timely", "court"}}));  // every term of an entry
  CHECK(has({{"timely", "court"}, {"sdm"}}));  // any entry
  CHECK_FALSE(has({{"*"}}));
  // The sentence that speaks, for the short quotation on the page.
  CHECK(matching_sentence("Lifelong ties matter. We place siblings together. We visit.", {{"sibling*"}}) ==
        "We place siblings together.");
  CHECK(matching_sentence("No match here. None.", {{"sibling*"}}) == "No match here. None.");
  CHECK(matching_sentence("Any text.", {}) == "Any text.");
}

TEST_CASE("frameworks: the statements that speak to each item") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/frameworks/f.yaml",
            head + "      - {id: visits, title: Visits, topics: [safety], keywords: [visit*]}\n"
                   "      - {id: plans, title: Plans, topics: [safety], keywords: [safety plans],\n"
                   "         exclude: [m1/first#supervisor-1], statements: [m1/first#principles-1]}\n"
                   "      - {id: all, title: All, topics: [safety], exclude: [m1/first#worker-1]}\n"
                   "      - {id: none, title: None, topics: [safety], keywords: [adoption]}\n");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  const auto found = crosswalk(linked, linked.site().frameworks.at(0));
  auto ids = [&](std::size_t row) {
    std::vector<std::string> out;
    for (std::size_t index : found.at(row)) out.push_back(linked.statement(linked.graph().statements()[index]).id);
    return out;
  };
  REQUIRE(found.size() == 4);
  CHECK(ids(0) == std::vector<std::string>{"worker-1"});                   // "Do I visit the family?"
  CHECK(ids(1) == std::vector<std::string>{"principles-1"});               // named; the keyword's one excluded
  CHECK(ids(2) == std::vector<std::string>{"principles-1", "supervisor-1"});  // the whole topic, in site order
  CHECK(ids(3).empty());                                                   // a gap
}

namespace {

// Keywords as the frameworks file describes them, searched term by term with std::string::find.
bool naive_has_keyword(const std::string& text, const std::vector<std::vector<std::string>>& entries) {
  auto has = [&](const std::string& term) {
    const bool prefix = term.back() == '*';
    std::string needle = keyword_text(prefix ? term.substr(0, term.size() - 1) : term);  // " safety plan "
    if (prefix) needle.pop_back();                                                        // " investigat"
    return needle.size() > 1 && text.find(needle) != std::string::npos;
  };
  return std::any_of(entries.begin(), entries.end(),
                     [&](const std::vector<std::string>& entry) { return std::all_of(entry.begin(), entry.end(), has); });
}

}  // namespace

TEST_CASE("frameworks: the crosswalk finds what searching each text for each keyword finds") {
  // Texts built from words that keywords match whole, as prefixes, across hyphens and punctuation,
  // and inside other words; the crosswalk must pick, for every row, exactly the statements in which
  // a plain find() of each term (a word, or a prefix for "x*") finds every term of some entry.
  const std::vector<std::string> words = {"visit", "visits", "revisit", "safety", "safety-plan", "plan", "plans",
                                          "family", "families", "team", "teaming", "re-entry", "reentry", "court",
                                          "Court,", "(plan)", "visit.", "planning", "famil", "SAFETY", "home;"};
  std::string section = "id: first\ntitle: First value\nblocks:\n  - kind: principles\n    items:\n";
  std::uint32_t seed = 7;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7FFF; };
  for (int n = 0; n < 300; ++n) {
    std::string text;
    for (std::uint32_t w = 0, count = 1 + next() % 7; w < count; ++w) text += (w ? " " : "") + words[next() % words.size()];
    section += "      - text: \"" + text + "\"\n        topics: [safety]\n";
  }
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/models/m1/sections/01-first.yaml", section);
  const std::vector<std::vector<std::vector<std::string>>> rows = {
      {{"visit*"}}, {{"visit"}}, {{"safety plan*"}}, {{"safety", "family"}}, {{"re-entry"}, {"reentry"}},
      {{"famil*"}, {"team*", "plan"}}, {{"plan"}}, {{"\u2014"}}, {{"court", "visit*", "home"}}, {{"revisit*"}}};
  std::string yaml = head;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string keywords;
    for (const auto& entry : rows[r]) {
      std::string terms;
      for (const auto& term : entry) terms += (terms.empty() ? "\"" : ", \"") + term + "\"";
      keywords += (keywords.empty() ? "" : ", ") + (entry.size() == 1 ? terms : "[" + terms + "]");
    }
    yaml += "      - {id: row-" + std::to_string(r) + ", title: Row, topics: [safety], keywords: [" + keywords + "]}\n";
  }
  dir.write("content/frameworks/f.yaml", yaml);
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  const auto found = crosswalk(linked, linked.site().frameworks.at(0));
  REQUIRE(found.size() == rows.size());
  std::size_t matched = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::size_t> expected;
    for (std::size_t index : linked.graph().by_topic("safety")) {
      const std::string& plain = linked.plain_text(linked.statement(linked.graph().statements()[index]).text);
      if (naive_has_keyword(keyword_text(plain), rows[r])) expected.push_back(index);
    }
    INFO("row " << r);
    CHECK(found[r] == expected);
    matched += expected.size();
  }
  CHECK(matched > 300);  // the rows match something: the comparison is not between empty lists
  CHECK(found[7].empty());  // a keyword with no word in it matches nothing
}

TEST_CASE("frameworks: a page against the current models, and one per model") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/frameworks/f.yaml", head + "      - {id: visits, label: Item 1, title: Visits, topics: [safety],"
                                                " keywords: [visit*]}\n"
                                                "      - {id: adoption, label: Item 2, title: Adoption, topics: [safety],"
                                                " keywords: [adoption]}\n");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  std::vector<PageTask> tasks = plan_site(linked);
  auto page = [&](const std::string& path) {
    const auto it = std::find_if(tasks.begin(), tasks.end(), [&](const PageTask& t) { return t.path == path; });
    REQUIRE(it != tasks.end());
    return test::as_json(it->make());
  };
  const test::JsonPage main = page("compare/frameworks/f/index.html");
  const auto& item = main.data["parts"][0]["groups"][0]["items"];
  CHECK(item[0]["cells"][0]["count"] == "1 statement");
  CHECK(item[0]["cells"][0]["links"][0]["href"] == "../../../models/m1/first/index.html#worker-1");
  CHECK(item[1]["cells"][0]["gap"] == true);
  CHECK(main.data["models"][0]["covered"] == "1 of 2");
  CHECK(main.data["models"][0]["gaps"][0]["href"] == "#adoption");
  const test::JsonPage detail = page("compare/frameworks/f/m1/index.html");
  CHECK(detail.data["gaps"][0]["label"] == "Item 2: Adoption");
  CHECK(detail.data["parts"][0]["groups"][0]["items"][0]["statements"][0]["href"] ==
        "../../../../models/m1/first/index.html#worker-1");
}

TEST_CASE("frameworks: past the budget the gaps by model are a table of states, each state's gaps on its own page") {
  const auto linked = test::read_and_link(std::filesystem::path(PB_SOURCE_DIR) / "content");
  const std::vector<PageTask> tasks = plan_framework_pages(linked, 1);
  auto task = [&](const std::string& path) -> const PageTask* {
    const auto it = std::find_if(tasks.begin(), tasks.end(), [&](const PageTask& t) { return t.path == path; });
    return it == tasks.end() ? nullptr : &*it;
  };
  // A budget of one byte: each current model is a page of its state (Arkansas has two current editions).
  REQUIRE(task("compare/frameworks/cfsr/states/arkansas/index.html"));
  REQUIRE(task("compare/frameworks/cfsr/states/arkansas/2/index.html"));
  REQUIRE(task("compare/frameworks/cfsr/states/maine/index.html"));
  CHECK_FALSE(task("compare/frameworks/cfsr/states/arkansas/3/index.html"));  // the archived edition is not listed
  const test::JsonPage summary = test::as_json(task("compare/frameworks/cfsr/index.html")->make());
  CHECK(summary.data["by_state"] == true);
  CHECK(summary.data["models"].empty());
  CHECK(summary.data["parts"].size() >= 1);  // the table of items stays on the summary
  REQUIRE(summary.data["states"].size() == 3);
  CHECK(summary.data["states"][0]["state"] == "Arkansas");
  CHECK(summary.data["states"][0]["href"] == "../../../compare/frameworks/cfsr/states/arkansas/index.html");
  // The gaps of a state's pages add up to its row in the summary, and link the items on the summary.
  std::size_t gaps = 0;
  for (const std::string path : {"compare/frameworks/cfsr/states/arkansas/index.html", "compare/frameworks/cfsr/states/arkansas/2/index.html"}) {
    const test::JsonPage state = test::as_json(task(path)->make());
    CHECK(state.template_name == "framework.html");
    CHECK(state.data["state_page"] == true);
    CHECK(state.data["pager"]["label"].get<std::string>().starts_with("Page "));
    REQUIRE(state.data["models"].size() == 1);
    std::string up;  // from the state's page to the site's root
    for (std::size_t n = std::count(path.begin(), path.end(), '/'); n > 0; --n) up += "../";
    for (const auto& gap : state.data["models"][0]["gaps"]) {
      CHECK(gap["href"].get<std::string>().starts_with(up + "compare/frameworks/cfsr/index.html#"));
      ++gaps;
    }
  }
  CHECK(summary.data["states"][0]["gaps"] == std::to_string(gaps) + (gaps == 1 ? " gap" : " gaps"));
  // Under the budget nothing changes: one page, the gaps by model on it.
  const std::vector<PageTask> whole = plan_framework_pages(linked);
  CHECK(std::none_of(whole.begin(), whole.end(), [](const PageTask& t) { return t.path.find("/states/") != std::string::npos; }));
}

TEST_CASE("frameworks: a long manual's page against a framework continues on numbered pages, an item cut into runs") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  // A second model of 400 statements of about 350 characters, each on the plan (item "plans"), every
  // tenth also a visit (item "visits"); none on adoption (a gap).
  std::string items;
  for (int i = 1; i <= 400; ++i)
    items += fmt::format("      - text: Keep the plan current, step {}{} {}.\n        topics: [safety]\n", i, i % 10 ? "" : ", and visit", std::string(300, 'y'));
  dir.write("content/models/big/model.yaml", "title: Big manual\njurisdiction: Lakeland\nagency: Agency\n");
  dir.write("content/models/big/sections/01-all.yaml", "id: all\ntitle: All\nblocks:\n  - kind: principles\n    items:\n" + items);
  dir.write("content/frameworks/f.yaml", head + "      - {id: plans, label: Item 1, title: Plans, topics: [safety], keywords: [plan]}\n"
                                                "      - {id: adoption, label: Item 2, title: Adoption, topics: [safety], keywords: [adoption]}\n"
                                                "      - {id: visits, label: Item 3, title: Visits, topics: [safety], keywords: [visit*]}\n");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  constexpr std::size_t budget = 40 * 1024;  // a page of about 80 KB of statements as they render
  const std::vector<PageTask> tasks = plan_framework_pages(linked, budget);
  auto page = [&](const std::string& path) {
    const auto it = std::find_if(tasks.begin(), tasks.end(), [&](const PageTask& t) { return t.path == path; });
    REQUIRE(it != tasks.end());
    return test::as_json(it->make());
  };
  std::vector<std::string> order{"compare/frameworks/f/big/index.html"};
  auto has = [&](const std::string& path) { return std::any_of(tasks.begin(), tasks.end(), [&](const PageTask& t) { return t.path == path; }); };
  while (has(fmt::format("compare/frameworks/f/big/{}/index.html", order.size() + 1)))
    order.push_back(fmt::format("compare/frameworks/f/big/{}/index.html", order.size() + 1));
  REQUIRE(order.size() >= 3);
  // Each statement of each item once, in order; the item cut across pages says which run each shows.
  std::map<std::string, std::vector<std::string>> by_item;
  std::map<std::string, std::string> page_of_item;
  std::vector<test::JsonPage> pages;
  for (const auto& path : order) {
    pages.push_back(page(path));
    for (const auto& part : pages.back().data["parts"])
      for (const auto& group : part["groups"])
        for (const auto& item : group["items"]) {
          page_of_item.try_emplace(item["id"], path);
          for (const auto& st : item["statements"]) by_item[item["id"]].push_back(st["href"].get<std::string>().substr(st["href"].get<std::string>().find('#')));
        }
  }
  std::vector<std::string> expected_plans, expected_visits;
  for (int i = 1; i <= 400; ++i) {
    expected_plans.push_back(fmt::format("#principles-{}", i));
    if (i % 10 == 0) expected_visits.push_back(fmt::format("#principles-{}", i));
  }
  CHECK(by_item["plans"] == expected_plans);
  CHECK(by_item["visits"] == expected_visits);
  CHECK(pages[0].data["parts"][0]["groups"][0]["items"][0]["count"].get<std::string>().starts_with("statements 1–"));
  CHECK(pages[1].data["pagination"]["label"] == fmt::format("Page 2 of {}", order.size()));
  CHECK(pages[0].data["page_title"] == fmt::format("R: Lakeland, Big manual, page 1 of {}", order.size()));
  // The gaps are on the first page and lead to their item's page; so does the framework's table.
  CHECK(pages[0].data["first_page"] == true);
  CHECK(pages[1].data["first_page"] == false);
  REQUIRE(pages[0].data["gaps"].size() == 1);
  const std::string gap_href = pages[0].data["gaps"][0]["href"];
  REQUIRE(page_of_item.count("adoption"));
  const std::string adoption_page = page_of_item["adoption"];
  CHECK(gap_href == (adoption_page == order[0] ? "#adoption" : "../../../../" + adoption_page + "#adoption"));
  CHECK(adoption_page != order[0]);  // the items after the long one are on a later page
  const test::JsonPage table = page("compare/frameworks/f/index.html");
  CHECK(table.data["columns"][0]["title"] == "Big manual");
  CHECK(table.data["parts"][0]["groups"][0]["items"][1]["cells"][0]["detail_href"] == "../../../" + adoption_page + "#adoption");
  // The small model keeps one page, its gaps linked on it.
  CHECK_FALSE(has("compare/frameworks/f/m1/2/index.html"));
  const test::JsonPage small = page("compare/frameworks/f/m1/index.html");
  CHECK_FALSE(small.data["gaps"].empty());
  for (const auto& gap : small.data["gaps"]) CHECK(gap["href"].get<std::string>().starts_with("#"));
}
