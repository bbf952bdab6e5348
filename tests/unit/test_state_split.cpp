// Cross-model pages split by state: where each model's part goes, the URLs, the "Page 2 of 3"
// navigation, and the seed site's comparison pages split with a budget of one byte.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "link/urls.hpp"
#include "render/pipeline.hpp"
#include "test_support.hpp"
#include "views/plan.hpp"
#include "views/state_split.hpp"

using namespace pb;

namespace {
Model model_in(std::string id, std::string state) {
  Model m;
  m.id = std::move(id);
  m.title = "Model " + m.id;
  m.jurisdiction = std::move(state);
  return m;
}

const PageTask* task_at(const std::vector<PageTask>& tasks, const std::string& path) {
  auto found = std::find_if(tasks.begin(), tasks.end(), [&](const PageTask& t) { return t.path == path; });
  return found == tasks.end() ? nullptr : &*found;
}
}  // namespace

TEST_CASE("the URLs of a page's states and of numbered pages of results sit under its folder") {
  CHECK(urls::state_page("compare/topics/safety/index.html", "virginia") == "compare/topics/safety/states/virginia/index.html");
  CHECK(urls::state_page("compare/index.html", "st-croix", 2) == "compare/states/st-croix/2/index.html");
  CHECK(urls::results_page("compare/shared-language/index.html", 3) == "compare/shared-language/3/index.html");
}

TEST_CASE("split_by_state keeps a page whole under the budget, else a page per state and pages of results") {
  Site site;
  site.models = {model_in("va", "Virginia"), model_in("ar1", "Arkansas"), model_in("ar2", "Arkansas"),
                 model_in("ar3", "Arkansas"), model_in("me", "Maine")};
  const std::vector<std::uint32_t> models{0, 1, 2, 3, 4};
  const StateSplit whole = split_by_state(site, "roles/x/index.html", models, {10, 10, 10, 10, 10}, 50);
  CHECK_FALSE(whole.split());
  CHECK(whole.path_of(3) == "roles/x/index.html");

  const StateSplit split = split_by_state(site, "roles/x/index.html", models, {10, 30, 30, 10, 10}, 45);
  REQUIRE(split.split());
  REQUIRE(split.groups.size() == 3);  // Arkansas, Maine, Virginia
  // Arkansas (30 + 30 + 10) is over 45: page 1 holds ar1, page 2 ar2 and ar3.
  REQUIRE(split.pages.size() == 4);
  CHECK(split.pages[0].path == "roles/x/states/arkansas/index.html");
  CHECK(split.pages[0].models == std::vector<std::uint32_t>{1});
  CHECK(split.pages[1].path == "roles/x/states/arkansas/2/index.html");
  CHECK(split.pages[1].models == std::vector<std::uint32_t>{2, 3});
  CHECK(split.pages[1].number == 2);
  CHECK(split.pages[1].of == 2);
  CHECK(split.pages[2].path == "roles/x/states/maine/index.html");
  CHECK(split.path_of(3) == "roles/x/states/arkansas/2/index.html");
  CHECK(split.path_of(0) == "roles/x/states/virginia/index.html");
  CHECK(split.first_page(2) == 3);
}

TEST_CASE("pager: Page n of m, previous and next, every page linked from the current one") {
  Site site;
  site.models = {model_in("a", "Arkansas"), model_in("b", "Arkansas"), model_in("c", "Arkansas")};
  const StateSplit split = split_by_state(site, "compare/index.html", {0, 1, 2}, {10, 10, 10}, 10);
  REQUIRE(split.pages.size() == 3);
  const auto linked = test::read_and_link(std::filesystem::path(PB_SOURCE_DIR) / "content");
  const PageBuilder page(linked, split.pages[1].path);
  const nlohmann::json nav = to_json(state_pager(page, split, 1));
  CHECK(nav["label"] == "Page 2 of 3");
  CHECK(nav["prev_href"] == "../../../../compare/states/arkansas/index.html");
  CHECK(nav["next_href"] == "../../../../compare/states/arkansas/3/index.html");
  CHECK(nav["pages"].size() == 3);
  CHECK(nav["pages"][1]["current"] == true);
  const nlohmann::json first = to_json(state_pager(PageBuilder(linked, split.pages[0].path), split, 0));
  CHECK(first["has_prev"] == false);
  CHECK(first["next_href"] == "../../../compare/states/arkansas/2/index.html");
  const StateSplit one = split_by_state(site, "compare/index.html", {0}, {10}, 5);
  CHECK(state_pager(page, one, 0).is_false());  // a state on one page: no navigation
}

TEST_CASE("split_by_state: a state of more models than a page has columns for gets numbered pages") {
  Site site;
  site.models = {model_in("a", "Ohio"), model_in("b", "Ohio"), model_in("c", "Ohio"), model_in("d", "Maine")};
  // Light enough for one page each, but two columns at most.
  const StateSplit split = split_by_state(site, "compare/index.html", {0, 1, 2, 3}, {10, 10, 10, 10}, 35, 2);
  REQUIRE(split.pages.size() == 3);
  CHECK(split.pages[0].path == "compare/states/maine/index.html");
  CHECK(split.pages[1].models == std::vector<std::uint32_t>{0, 1});
  CHECK(split.pages[2].path == "compare/states/ohio/2/index.html");
  CHECK(split.pages[2].models == std::vector<std::uint32_t>{2});
  CHECK(split_by_state(site, "compare/index.html", {0, 1, 2, 3}, {10, 10, 10, 10}, 35).pages.size() == 2);
}

TEST_CASE("the seed's comparison pages, split with a budget of one byte, link each model where it is") {
  const auto linked = test::read_and_link(std::filesystem::path(PB_SOURCE_DIR) / "content");
  const auto tasks = plan_compare_pages(linked, 1);
  // Arkansas has three models: one page each; Maine and Virginia one page.
  REQUIRE(task_at(tasks, "compare/topics/safety/states/arkansas/3/index.html"));
  REQUIRE(task_at(tasks, "compare/states/virginia/index.html"));
  const test::JsonPage summary = test::as_json(task_at(tasks, "compare/topics/safety/index.html")->make());
  CHECK(summary.template_name == "topic-summary.html");
  REQUIRE(summary.data["states"].size() == 3);
  CHECK(summary.data["states"][0]["state"] == "Arkansas");
  CHECK(summary.data["states"][0]["href"] == "../../../compare/topics/safety/states/arkansas/index.html");
  CHECK(summary.data["states"][0]["pages"].size() == 3);
  // A state's topic × model matrix links each model's column on its page of the topic.
  const test::JsonPage virginia = test::as_json(task_at(tasks, "compare/states/virginia/index.html")->make());
  CHECK(virginia.template_name == "compare.html");
  // One byte holds no row of topics: each topic is a page of its own.
  CHECK(virginia.data["page_title"] == fmt::format("Compare the practice models of Virginia, page 1 of {}", linked.site().topics.size()));
  CHECK(virginia.data["rows"].size() == 1);
  REQUIRE(virginia.data["gaps"].size() == 1);
  const auto& gap = virginia.data["gaps"][0];
  CHECK((gap["none"] == true ? gap["none_label"] == "addresses every one of these topics."
                             : gap["count_label"] == "this topic not addressed"));
  CHECK(virginia.data["rows"][0]["cells"][0]["href"].get<std::string>().starts_with("../../../compare/topics/"));
  CHECK(virginia.data["rows"][0]["cells"][0]["href"].get<std::string>().ends_with("/states/virginia/index.html#va-practice-model"));
  const test::JsonPage page = test::as_json(task_at(tasks, "compare/topics/safety/states/arkansas/2/index.html")->make());
  CHECK(page.data["page_title"] == "Child safety across models in Arkansas, page 2 of 3");
  CHECK(page.data["columns"].size() == 1);
  CHECK(page.data["pager"]["label"] == "Page 2 of 3");
}

TEST_CASE("shared language past the budget: a summary carrying every sentence's anchor, numbered pages") {
  const auto linked = test::read_and_link(std::filesystem::path(PB_SOURCE_DIR) / "content");
  const auto tasks = plan_shared_language(linked, 1);
  REQUIRE(task_at(tasks, "compare/shared-language/2/index.html"));
  const test::JsonPage summary = test::as_json(task_at(tasks, urls::shared_language())->make());
  CHECK(summary.template_name == "shared-language-summary.html");
  std::size_t anchors = 0;
  for (const auto& group : summary.data["index"]) {
    anchors += group["anchors"].size();
    CHECK(group["href"].get<std::string>().find("/index.html#") != std::string::npos);
  }
  CHECK(anchors == linked.graph().shared_language().size());
  const test::JsonPage second = test::as_json(task_at(tasks, "compare/shared-language/2/index.html")->make());
  CHECK(second.data["groups"].size() == 1);  // a group heavier than the budget: a page of its own
  CHECK(second.data["pager"]["prev_href"] == "../../../compare/shared-language/1/index.html");
  // Every sentence is heavier than one byte: each is a page, a group of several cut into parts.
  std::size_t pages = 0;
  while (task_at(tasks, urls::results_page(urls::shared_language(), pages + 1))) ++pages;
  CHECK(pages == linked.graph().shared_language().size());
  std::size_t cut = 0;
  for (const auto& entry : summary.data["index"]) {
    CHECK(entry["anchors"].size() == 1);
    const std::string title = entry["title"].get<std::string>();
    if (title.find(" (part 2 of ") != std::string::npos) {
      ++cut;
      CHECK(entry["count_label"].get<std::string>().ends_with(" sentences, 2 to 2 here"));
    }
  }
  CHECK(cut >= 1);
}

TEST_CASE("shared-language.json past its budget: parts that hold every cluster once, in order, and name each other") {
  const auto linked = test::read_and_link(std::filesystem::path(PB_SOURCE_DIR) / "content");
  auto json_of = [](const std::vector<PageTask>& tasks, std::size_t part) {
    return nlohmann::json::parse(task_at(tasks, urls::shared_language_json(part))->make().raw);
  };
  const auto whole = plan_shared_language(linked);
  REQUIRE(task_at(whole, "compare/shared-language.json"));
  CHECK_FALSE(task_at(whole, "compare/shared-language-2.json"));
  const nlohmann::json one_file = json_of(whole, 1);
  CHECK(one_file.size() == 1);  // {"clusters": […]} alone, as a small site has always had it
  REQUIRE(one_file["clusters"].size() >= 4);

  constexpr std::size_t budget = 4096;
  const auto split = plan_shared_language(linked, split_budget, budget);
  std::size_t parts = 0;
  while (task_at(split, urls::shared_language_json(parts + 1))) ++parts;
  REQUIRE(parts >= 2);
  nlohmann::json clusters = nlohmann::json::array();
  for (std::size_t n = 1; n <= parts; ++n) {
    CAPTURE(n);
    const PageTask& task = *task_at(split, urls::shared_language_json(n));
    CHECK_FALSE(task.in_sitemap);
    const std::string raw = task.make().raw;
    const nlohmann::json part = nlohmann::json::parse(raw);
    if (part["clusters"].size() > 1) CHECK(raw.size() <= budget);  // a heavier cluster is a part of its own
    CHECK(part["part"] == n);
    CHECK(part["parts"] == parts);
    CHECK(part.value("previous", "") == (n == 1 ? "" : n == 2 ? "shared-language.json" : fmt::format("shared-language-{}.json", n - 1)));
    CHECK(part.value("next", "") == (n == parts ? "" : fmt::format("shared-language-{}.json", n + 1)));
    for (const auto& c : part["clusters"]) clusters.push_back(c);
  }
  CHECK(clusters == one_file["clusters"]);
  const test::JsonPage page = test::as_json(task_at(split, urls::shared_language())->make());
  CHECK(page.data["json_files"] == std::to_string(parts));
  CHECK(test::as_json(task_at(whole, urls::shared_language())->make()).data["json_files"] == false);  // empty text is false
}

TEST_CASE("shared language: past its own budget the summary's table of pages carries the sentences' anchors, and no list of groups") {
  const auto linked = test::read_and_link(std::filesystem::path(PB_SOURCE_DIR) / "content");
  const auto tasks = plan_shared_language(linked, 1, shared_language_json_budget, 1);
  const test::JsonPage summary = test::as_json(task_at(tasks, urls::shared_language())->make());
  std::size_t pages = 0;
  while (task_at(tasks, urls::results_page(urls::shared_language(), pages + 1))) ++pages;
  CHECK(summary.data["has_index"] == false);
  CHECK(summary.data["index"].empty());
  REQUIRE(summary.data["pages"].size() == pages);  // a row per page
  std::size_t anchors = 0;
  for (std::size_t n = 0; n < pages; ++n) {
    const auto& row = summary.data["pages"][n];
    CHECK(row["label"] == fmt::format("Page {}", n + 1));
    CHECK(row["href"] == fmt::format("../../compare/shared-language/{}/index.html", n + 1));
    // Every anchor a row carries is a sentence on the page it links.
    const test::JsonPage page = test::as_json(task_at(tasks, urls::results_page(urls::shared_language(), n + 1))->make());
    std::set<std::string> on_page;
    for (const auto& group : page.data["groups"])
      for (const auto& cluster : group["clusters"]) on_page.insert(cluster["anchor"].get<std::string>());
    for (const auto& anchor : row["anchors"]) CHECK(on_page.count(anchor.get<std::string>()) == 1);
    anchors += row["anchors"].size();
  }
  CHECK(anchors == linked.graph().shared_language().size());
  // Under the index budget: the list of groups, and the rows carry no anchors.
  const test::JsonPage listed = test::as_json(task_at(plan_shared_language(linked, 1), urls::shared_language())->make());
  CHECK(listed.data["has_index"] == true);
  CHECK(listed.data["pages"][0]["anchors"].empty());
}

TEST_CASE("the topic × state matrix of hundreds of jurisdictions is on numbered pages of at most 60 states") {
  test::TempDir dir;
  dir.write("content/site.yaml", "title: Test site\n");
  dir.write("content/roles.yaml", "roles:\n  - id: worker\n    title: Worker\n");
  dir.write("content/topics.yaml", "topics:\n  - id: safety\n    title: Safety\n");
  // 65 counties, none naming a state: each is its own jurisdiction in the by-state pages.
  for (int i = 1; i <= 65; ++i) {
    const std::string id = fmt::format("county-{:02d}", i);
    dir.write("content/models/" + id + "/model.yaml", fmt::format("title: Practice model\njurisdiction: County {:02d}\nagency: Agency\n", i));
    dir.write("content/models/" + id + "/sections/01-first.yaml",
              "id: first\ntitle: First value\nblocks:\n  - kind: principles\n    items:\n      - text: Keep children safe.\n        topics: [safety]\n");
  }
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  const auto tasks = plan_compare_pages(linked, split_budget);
  REQUIRE(task_at(tasks, "compare/index.html"));
  REQUIRE(task_at(tasks, "compare/2/index.html"));
  CHECK_FALSE(task_at(tasks, "compare/3/index.html"));
  const test::JsonPage first = test::as_json(task_at(tasks, "compare/index.html")->make());
  const test::JsonPage second = test::as_json(task_at(tasks, "compare/2/index.html")->make());
  CHECK(first.template_name == "compare-states.html");
  CHECK(first.data["columns"].size() == 60);
  CHECK(second.data["columns"].size() == 5);
  CHECK(second.data["states"].size() == 5);
  CHECK(second.data["rows"][0]["cells"].size() == 5);
  CHECK(second.data["page_title"] == "Compare practice models, page 2 of 2");
  CHECK(second.data["states_shown"] == "States 61 to 65 of 65.");
  CHECK(second.data["breadcrumbs"][1]["href"] == "../../compare/index.html");
  CHECK(second.data["breadcrumbs"][2]["title"] == "Page 2 of 2");
  CHECK(first.data["pager"]["next_href"] == "../compare/2/index.html");
  std::set<std::string> states;
  for (const auto* page : {&first, &second})
    for (const auto& column : page->data["columns"]) states.insert(column["state"].get<std::string>());
  CHECK(states.size() == 65);
  // The table's rows count against the budget (their cells grow with the states): at a budget of one
  // byte, each of the seed's topics is a page of the summary, the seed's three states side by side on it.
  const auto seed = test::read_and_link(std::filesystem::path(PB_SOURCE_DIR) / "content");
  const auto seed_tasks = plan_compare_pages(seed, 1);
  const std::size_t seed_topics = seed.site().topics.size();
  REQUIRE(seed_topics > 2);
  REQUIRE(task_at(seed_tasks, urls::results_page(urls::compare(), seed_topics)));
  CHECK_FALSE(task_at(seed_tasks, urls::results_page(urls::compare(), seed_topics + 1)));
  const test::JsonPage last = test::as_json(task_at(seed_tasks, urls::results_page(urls::compare(), seed_topics))->make());
  CHECK(last.data["columns"].size() == 3);
  CHECK(last.data["rows"].size() == 1);
  CHECK(last.data["topics_shown"] == fmt::format("Topics {0} to {0} of {0}.", seed_topics));
  CHECK(last.data["states_shown"] == false);
}

TEST_CASE("a national taxonomy of hundreds of topics: the matrix pages print about what they were weighed at") {
  test::TempDir dir;
  dir.write("content/site.yaml", "title: Test site\n");
  dir.write("content/roles.yaml", "roles:\n  - id: worker\n    title: Worker\n");
  std::string topics = "topics:\n";
  for (int t = 0; t < 400; ++t) topics += fmt::format("  - id: area-{0}\n    title: Practice area {0} of the national taxonomy\n", t);
  dir.write("content/topics.yaml", topics);
  // Eight models in each of two states, each speaking to two of the 400 topics: a cell per topic and
  // model, and most topics a gap of each model.
  for (int i = 0; i < 16; ++i) {
    const std::string id = fmt::format("model-{:02d}", i);
    dir.write("content/models/" + id + "/model.yaml",
              fmt::format("title: Practice model of agency {}\njurisdiction: County {}\nstate: {}\nagency: Agency\n", i, i, i < 8 ? "Alpha" : "Beta"));
    dir.write("content/models/" + id + "/sections/01-first.yaml",
              fmt::format("id: first\ntitle: First value\nblocks:\n  - kind: principles\n    items:\n      - text: Keep children safe.\n"
                          "        topics: [area-{}, area-{}]\n", i, 100 + i));
  }
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  Diagnostics diags;
  auto theme = load_theme(std::nullopt, diags);
  REQUIRE(theme);
  constexpr std::size_t budget = 400 * 1024;
  std::size_t matrix_pages = 0, largest = 0;
  for (const PageTask& task : plan_compare_pages(linked, budget)) {
    if (task.path != "compare/index.html" && !task.path.starts_with("compare/states/") && !task.path.starts_with("compare/2/")) continue;
    Page page = task.make();
    const std::size_t size = theme->render_page(page.template_name, "layout.html", std::move(page.data)).size();
    CAPTURE(task.path);
    ++matrix_pages;
    largest = std::max(largest, size);
    CHECK(size <= budget * 3 / 2);  // weighed within half again of what it prints
  }
  // Weighed at what they print, the two states' 400 × 8 matrices (about 1 MB each) are cut in pages.
  CHECK(matrix_pages >= 5);
  CHECK(largest > budget / 4);
  // The topic × state summary at a budget that holds about 50 of its rows: cut by rows, so that each
  // page keeps both states side by side, and every topic is a row of exactly one page, in order.
  const auto tasks = plan_compare_pages(linked, 32 * 1024);
  std::vector<std::string> rows;
  std::size_t summary_pages = 0;
  // A matrix cut by rows lists every topic, each linking its row on its page: the rows' anchors (by
  // the page they are on) and the pages' lists, checked against each other.
  using Index = std::vector<std::pair<std::string, nlohmann::json>>;  // a page's path and its topic_index
  auto check_index = [](const Index& pages, const std::map<std::string, std::string>& page_of_row) {
    REQUIRE(page_of_row.size() == 400);
    for (const auto& [path, index] : pages) {
      CAPTURE(path);
      REQUIRE(index["topics"].size() == 400);
      CHECK(index["pages"] == std::to_string(pages.size()));
      std::vector<std::string> wrong;  // the entries not naming topic t or not linking its row
      for (int t = 0; t < 400; ++t) {
        const std::string anchor = fmt::format("topic-area-{}", t), href = index["topics"][t]["href"].get<std::string>();
        if (index["topics"][t]["title"] != fmt::format("Practice area {} of the national taxonomy", t) ||
            !href.ends_with("/" + page_of_row.at(anchor) + "#" + anchor))
          wrong.push_back(href);
      }
      CHECK(wrong == std::vector<std::string>{});
    }
  };
  Index summary_index;
  std::map<std::string, std::string> summary_rows;
  for (std::size_t n = 1; const PageTask* task = task_at(tasks, n == 1 ? urls::compare() : urls::results_page(urls::compare(), n)); ++n) {
    const test::JsonPage summary = test::as_json(task->make());
    CAPTURE(n);
    summary_index.emplace_back(task->path, summary.data["topic_index"]);
    for (const auto& row : summary.data["rows"]) summary_rows[row["row_id"].get<std::string>()] = task->path;
    REQUIRE(summary.template_name == "compare-states.html");
    CHECK(summary.data["columns"].size() == 2);
    CHECK(summary.data["states"].size() == 2);
    const auto& page_rows = summary.data["rows"];
    REQUIRE(!page_rows.empty());
    CHECK(summary.data["topics_shown"] == fmt::format("Topics {} to {} of 400.", rows.size() + 1, rows.size() + page_rows.size()));
    for (const auto& row : page_rows) {
      CHECK(row["cells"].size() == 2);
      rows.push_back(row["title"].get<std::string>());
    }
    ++summary_pages;
  }
  CHECK(summary_pages >= 4);
  check_index(summary_index, summary_rows);
  REQUIRE(rows.size() == 400);
  for (int t = 0; t < 400; ++t) CHECK(rows[t] == fmt::format("Practice area {} of the national taxonomy", t));
  // A state's own topic × model matrix is cut by rows too: its eight models side by side on each page,
  // each topic a row of one page, and each model's gaps those among the page's topics.
  for (const char* state : {"alpha", "beta"}) {
    std::size_t topics_seen = 0, state_pages = 0, gaps = 0;
    Index state_index;
    std::map<std::string, std::string> state_rows;
    const std::string first_path = std::string("compare/states/") + state + "/index.html";
    for (std::size_t n = 1; const PageTask* task = task_at(tasks, n == 1 ? first_path : urls::state_page(urls::compare(), state, n)); ++n) {
      const test::JsonPage matrix = test::as_json(task->make());
      CAPTURE(task->path);
      state_index.emplace_back(task->path, matrix.data["topic_index"]);
      for (const auto& row : matrix.data["rows"]) state_rows[row["row_id"].get<std::string>()] = task->path;
      CHECK(matrix.data["columns"].size() == 8);
      const auto& page_rows = matrix.data["rows"];
      REQUIRE(!page_rows.empty());
      CHECK(matrix.data["topics_shown"] == fmt::format("Topics {} to {} of 400.", topics_seen + 1, topics_seen + page_rows.size()));
      CHECK(page_rows[0]["title"] == fmt::format("Practice area {} of the national taxonomy", topics_seen));
      for (const auto& gap : matrix.data["gaps"]) {
        const std::size_t missing = gap["topics"].size();
        CHECK(gap["count_label"] == fmt::format("{} of these {} topics not addressed", missing, page_rows.size()));
        gaps += missing;
      }
      topics_seen += page_rows.size();
      ++state_pages;
    }
    CHECK(state_pages >= 2);
    check_index(state_index, state_rows);
    CHECK(topics_seen == 400);
    CHECK(gaps == 8 * 400 - 16);  // each model addresses two of the 400 topics
  }
}
