// The role across models, a term's uses and the handouts index split by state (views/state_lists.hpp):
// the seed content planned with a budget of one byte splits every such page, so each model is its own
// page of results.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <set>

#include "link/urls.hpp"
#include "test_support.hpp"
#include "views/handouts.hpp"
#include "views/plan.hpp"

using namespace pb;

namespace {

const LinkedSite& seed() {
  static const LinkedSite linked = test::read_and_link(std::filesystem::path(PB_SOURCE_DIR) / "content");
  return linked;
}

std::map<std::string, test::JsonPage> pages_under(const std::vector<PageTask>& tasks, const std::string& prefix) {
  std::map<std::string, test::JsonPage> pages;
  for (const PageTask& task : tasks)
    if (task.path.starts_with(prefix)) pages.emplace(task.path, test::as_json(task.make()));
  return pages;
}

}  // namespace

TEST_CASE("the seed site keeps its cross-model pages whole at the real budget") {
  for (const PageTask& task : plan_site(seed())) CHECK_MESSAGE(task.path.find("/states/") == std::string::npos, task.path);
}

TEST_CASE("past the budget, the role across models is a summary of states linking one page per state") {
  const auto pages = pages_under(plan_role_pages(seed(), 1), "roles/worker/");
  REQUIRE(pages.count("roles/worker/index.html"));
  const test::JsonPage& summary = pages.at("roles/worker/index.html");
  CHECK(summary.data["page_title"] == "What is expected of workers");
  CHECK(summary.data["models"].empty());  // the actions are on the state pages
  CHECK(summary.data["has_jump"] == false);
  const auto& states = summary.data["summary"]["states"];
  REQUIRE(states.size() == 3);
  CHECK(states[0]["state"] == "Arkansas");
  CHECK(states[0]["href"] == "../../roles/worker/states/arkansas/index.html");
  CHECK(states[0]["has_pages"] == true);
  CHECK(states[0]["page_count"] == "2 pages");  // two current editions, each over a budget of one byte
  CHECK(states[1]["state"] == "Maine");
  CHECK(states[1]["entries"][0]["count"] == "for all staff");
  CHECK(states[2]["href"] == "../../roles/worker/states/virginia/index.html");
  CHECK(states[2]["has_pages"] == false);
  // Each model's entry links its own page of the role's actions.
  CHECK(states[0]["entries"][0]["href"] == "../../models/ar-at-one-table-2023/roles/worker/index.html");
  CHECK(summary.data["summary"]["intro"].get<std::string>().starts_with("4 models in 3 states expect something of workers"));
  // The archived edition stays on the summary, by link.
  REQUIRE(summary.data["archived"].size() == 1);
  CHECK(summary.data["archived"][0]["title"] == "At One Table (Mischa Martin edition, undated)");

  // Every current edition is on exactly one state page.
  std::multiset<std::string> listed;
  for (const auto& [path, page] : pages) {
    if (path == "roles/worker/index.html") continue;
    for (const auto& m : page.data["models"]) listed.insert(m["anchor"].get<std::string>());
    for (const auto& m : page.data["without"]) listed.insert(m["anchor"].get<std::string>());
  }
  CHECK(listed == std::multiset<std::string>{"ar-at-one-table-2023", "ar-practice-model", "me-practice-model", "va-practice-model"});

  const test::JsonPage& first = pages.at("roles/worker/states/arkansas/index.html");
  CHECK(first.data["page_title"] == "What is expected of workers in Arkansas, page 1 of 2");
  CHECK(first.data["breadcrumbs"][1]["href"] == "../../../../roles/worker/index.html");
  CHECK(first.data["breadcrumbs"][2]["title"] == "Arkansas, page 1 of 2");
  CHECK(first.data["pagination"]["label"] == "Page 1 of 2");
  CHECK(first.data["pagination"]["prev_href"] == false);  // empty: no link
  CHECK(first.data["pagination"]["next_href"] == "../../../../roles/worker/states/arkansas/2/index.html");
  CHECK(first.data["jump"][0]["href"] == "#ar-at-one-table-2023");
  const test::JsonPage& second = pages.at("roles/worker/states/arkansas/2/index.html");
  CHECK(second.data["pagination"]["prev_href"] == "../../../../../roles/worker/states/arkansas/index.html");
  CHECK(second.data["pagination"]["next_href"] == false);
  CHECK(second.data["pagination"]["pages"][1]["current"] == true);
  // A state of one page has no page navigation.
  CHECK(pages.at("roles/worker/states/virginia/index.html").data["pagination"] == false);
}

TEST_CASE("past the budget, a term's uses are listed by state; the summary links each model's uses") {
  const auto tasks = plan_glossary_pages(seed(), 1);
  std::string term;
  for (const PageTask& task : tasks)
    if (task.path.find("/states/") != std::string::npos) {
      term = task.path.substr(0, task.path.find("/states/"));
      break;
    }
  REQUIRE_FALSE(term.empty());
  const auto pages = pages_under(tasks, term + "/");
  const test::JsonPage& summary = pages.at(term + "/index.html");
  REQUIRE(summary.data.contains("summary"));
  std::size_t uses_on_state_pages = 0, summed = 0;
  for (const auto& row : summary.data["summary"]["states"])
    for (const auto& m : row["entries"]) {
      // "../../glossary/<t>/states/<s>/index.html#<model>": the page exists and lists that model.
      const std::string href = m["href"], target = href.substr(6, href.find('#') - 6), anchor = href.substr(href.find('#') + 1);
      REQUIRE(pages.count(target));
      bool found = false;
      for (const auto& group : pages.at(target).data["models"]) found = found || group["anchor"] == anchor;
      CHECK_MESSAGE(found, href);
      summed += std::stoul(m["count"].get<std::string>());
    }
  for (const auto& [path, page] : pages)
    if (path != term + "/index.html")
      for (const auto& group : page.data["models"]) uses_on_state_pages += group["items"].size();
  CHECK(uses_on_state_pages == summed);
  CHECK(summary.data["uses"] == fmt::format("used in {} statement{}", summed, summed == 1 ? "" : "s"));
}

TEST_CASE("past the budget, the handouts index keeps the topic sheets and links a page per state") {
  const auto tasks = plan_handout_pages(seed(), nullptr, 1);
  const auto pages = pages_under(tasks, "handouts/");
  const test::JsonPage& index = pages.at("handouts/index.html");
  REQUIRE(index.data["groups"].size() == 1);
  CHECK(index.data["groups"][0]["anchor"] == "handouts-compare");
  const auto& states = index.data["summary"]["states"];
  REQUIRE(states.size() == 3);
  CHECK(states[0]["href"] == "../handouts/states/arkansas/index.html");
  CHECK(states[0]["entries"][0]["href"] == "../handouts/states/arkansas/index.html#handouts-ar-at-one-table-2023");
  // Arkansas has three editions, each its own page at this budget; the archived one says where its
  // successor's handouts are.
  const test::JsonPage& archived = pages.at("handouts/states/arkansas/2/index.html");
  REQUIRE(archived.data["archived_groups"].size() == 1);
  CHECK(archived.data["archived_groups"][0]["replaced_by_href"] == "../../../../handouts/states/arkansas/index.html#handouts-ar-at-one-table-2023");
  CHECK(pages.at("handouts/states/maine/index.html").data["page_title"] == "Handouts in Maine");
  // A model's overview links its handouts on its state's page.
  for (const PageTask& task : plan_model_pages(seed(), 1))
    if (task.path == "models/va-practice-model/index.html")
      CHECK(test::as_json(task.make()).data["handouts_href"] == "../../handouts/states/virginia/index.html#handouts-va-practice-model");
}

namespace {

// Two models in two states, each of ten short statements on one topic, every one naming a glossary
// term whose definition is 2,000 characters long: little text, and pages many times its size, since
// each linked term carries its definition for the tooltip.
void write_term_heavy_content(const test::TempDir& dir) {
  dir.write("content/site.yaml", "title: Test site\n");
  dir.write("content/roles.yaml", "roles:\n  - id: worker\n    title: Worker\n");
  dir.write("content/topics.yaml", "topics:\n  - id: safety\n    title: Safety\n");
  dir.write("content/glossary.yaml", "terms:\n  - id: safety-plan\n    term: safety plan\n    definition: " +
                                         std::string(2000, 'x') + "\n");
  for (const char* state : {"Alpha", "Beta"}) {
    std::string items;
    for (int i = 1; i <= 10; ++i) items += fmt::format("      - text: Keep the safety plan current, step {}.\n        topics: [safety]\n", i);
    const std::string id = fmt::format("m-{}", state[0] == 'A' ? "alpha" : "beta");
    dir.write("content/models/" + id + "/model.yaml", fmt::format("title: Model of {0}\njurisdiction: {0}\nagency: Agency\n", state));
    dir.write("content/models/" + id + "/sections/01-first.yaml",
              "id: first\ntitle: First value\nblocks:\n  - kind: principles\n    items:\n" + items);
  }
}

}  // namespace

TEST_CASE("a topic's sheet and its comparison page are weighed as they render, glossary tooltips included") {
  test::TempDir dir;
  write_term_heavy_content(dir);
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  // Measured, not assumed: the rendered statements are many times their text.
  std::size_t text = 0, rendered = 0;
  for (const StatementRef& ref : linked.graph().statements()) {
    text += linked.statement(ref).text.source.size();
    rendered += linked.statement_html(ref).html.size();
  }
  REQUIRE(linked.graph().statements().size() == 20);
  // Each link carries the definition's first 400 bytes as its tooltip (max_term_tip_bytes).
  REQUIRE(rendered > 20 * 500);
  REQUIRE(text < 20 * 60);
  // A budget the text fits many times over, the rendered statements not: both pages split by state.
  constexpr std::size_t budget = 3 * 1024;
  const auto handouts = list_handouts(linked, budget);
  std::set<std::string> sheets;
  for (const Handout& h : handouts)
    if (h.kind == HandoutKind::topic_sheet) sheets.insert(h.path);
  CHECK(sheets == std::set<std::string>{urls::topic_sheet("safety"), urls::state_page(urls::topic_sheet("safety"), "alpha", 1),
                                        urls::state_page(urls::topic_sheet("safety"), "beta", 1)});
  const auto compare = pages_under(plan_compare_pages(linked, budget), "compare/topics/safety/");
  CHECK(compare.count(urls::state_page(urls::compare_topic("safety"), "alpha", 1)) == 1);
  CHECK(compare.count(urls::state_page(urls::compare_topic("safety"), "beta", 1)) == 1);
  // At the real budget the small site keeps both whole.
  for (const PageTask& task : plan_site(linked)) CHECK_MESSAGE(task.path.find("/states/") == std::string::npos, task.path);
}

namespace {

// One model of Alpha with `large` statements on a topic, each a worker's action that names a term, and
// one small model of Beta: the large model alone is more than a page at the tests' budget.
void write_one_large_model(const test::TempDir& dir, int large) {
  dir.write("content/site.yaml", "title: Test site\n");
  dir.write("content/roles.yaml", "roles:\n  - id: worker\n    title: Worker\n");
  dir.write("content/topics.yaml", "topics:\n  - id: safety\n    title: Safety\n");
  dir.write("content/glossary.yaml", "terms:\n  - id: safety-plan\n    term: safety plan\n    definition: A written plan.\n");
  for (const auto& [id, state, n] : {std::tuple{"m-alpha", "Alpha", large}, std::tuple{"m-beta", "Beta", 3}}) {
    std::string items;  // Beta's words are its own, so no statement is shared language (a row of its own)
    for (int i = 1; i <= n; ++i)
      items += state[0] == 'A' ? fmt::format("      - text: Do I keep the safety plan current, step {} {}?\n        topics: [safety]\n", i, std::string(300, 'y'))
                               : fmt::format("      - text: Do I call the family back within a day, point {}?\n        topics: [safety]\n", i);
    // Both say one more sentence word for word, only Beta's on the topic: the topic's pages align it,
    // Alpha's side on the page that holds Alpha's statements from its last step on.
    const std::string alike = std::string("  - kind: principles\n    items:\n      - text: We write down what each family asks of us, in its own words.\n") +
                              (state[0] == 'B' ? "        topics: [safety]\n" : "");
    // Alpha rates its actions: a self-assessment form of a row per action.
    const std::string rubric = state[0] == 'A' ? "rubric:\n  title: CQI\n  levels:\n    - name: Novice\n      description: Begun.\n"
                                                 "    - name: Skilled\n      description: Done well.\n" : "";
    dir.write(fmt::format("content/models/{}/model.yaml", id), fmt::format("title: Model of {0}\njurisdiction: {0}\nagency: Agency\n", state) + rubric);
    dir.write(fmt::format("content/models/{}/sections/01-first.yaml", id),
              "id: first\ntitle: First value\nblocks:\n  - kind: actions\n    role: worker\n    items:\n" + items + alike);
  }
}

// The text of each statement listed on the pages, in page order, by the JSON key that holds the models.
std::vector<std::string> listed_steps(const std::map<std::string, test::JsonPage>& pages, const std::vector<std::string>& order,
                                      const char* key, bool grouped) {
  std::vector<std::string> steps;
  for (const auto& path : order)
    for (const auto& m : pages.at(path).data[key]) {
      if (!grouped)
        for (const auto& item : m["items"]) steps.push_back(item["html"]);
      else
        for (const auto& group : m["groups"])
          for (const auto& item : group["items"]) steps.push_back(item["html"]);
    }
  return steps;
}

// The items of the pages' own groups (a model's role page, a handout), in page order.
std::vector<std::string> group_items(const std::map<std::string, test::JsonPage>& pages, const std::vector<std::string>& order) {
  std::vector<std::string> html;
  for (const auto& path : order)
    for (const auto& group : pages.at(path).data["groups"])
      for (const auto& item : group["items"]) html.push_back(item["html"]);
  return html;
}

// Alpha's pages of a split page, in order: states/alpha/, states/alpha/2/, …
std::vector<std::string> alpha_pages(const std::map<std::string, test::JsonPage>& pages, const std::string& split_page) {
  std::vector<std::string> order;
  for (std::size_t n = 1; pages.count(urls::state_page(split_page, "alpha", n)); ++n) order.push_back(urls::state_page(split_page, "alpha", n));
  return order;
}

// "step 1 yyy…" → 1: which statement of the generated model an item shows.
std::vector<int> step_numbers(const std::vector<std::string>& html) {
  std::vector<int> numbers;
  for (const auto& h : html) numbers.push_back(std::stoi(h.substr(h.find("step ") + 5)));
  return numbers;
}

}  // namespace

TEST_CASE("a model larger than a page on its own is cut into runs of its statements, in order, each on one page") {
  test::TempDir dir;
  write_one_large_model(dir, 400);
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  REQUIRE(linked.graph().statements().size() == 405);
  std::vector<int> all(400);
  for (int i = 0; i < 400; ++i) all[static_cast<std::size_t>(i)] = i + 1;
  // 400 statements of about 350 characters: about 240 KB as the pages weigh them, over five times
  // a 40 KB budget (a role's page splits at twice it), and more than min_part_weight.
  constexpr std::size_t budget = 40 * 1024;

  SUBCASE("the role across models") {
    const auto pages = pages_under(plan_role_pages(linked, budget), "roles/worker/");
    const std::vector<std::string> order = alpha_pages(pages, urls::role("worker"));
    REQUIRE(order.size() >= 3);
    CHECK(order.size() <= 5);
    // Every action once, in the model's order, and no page holds much more than its share.
    CHECK(step_numbers(listed_steps(pages, order, "models", true)) == all);
    for (const auto& path : order) CHECK(listed_steps(pages, {path}, "models", true).size() <= 200);
    const auto& first = pages.at(order[0]).data["models"][0];
    CHECK(first["anchor"] == "m-alpha");
    CHECK(first["count"].get<std::string>().starts_with("actions 1–"));
    CHECK(first["count"].get<std::string>().ends_with(" of 400"));
    CHECK(pages.at(order.back()).data["models"][0]["count"] == fmt::format("actions {}–400 of 400", 400 - listed_steps(pages, {order.back()}, "models", true).size() + 1));
    CHECK(pages.at(order[1]).data["pagination"]["label"] == fmt::format("Page 2 of {}", order.size()));
    // The small model stays whole on its state's page; the summary links the large one's first page.
    CHECK(pages.at(urls::state_page(urls::role("worker"), "beta", 1)).data["models"][0]["count"] == "3 actions");
    const auto& entries = pages.at(urls::role("worker")).data["summary"]["states"][0]["entries"];
    CHECK(entries[0]["href"] == "../../models/m-alpha/roles/worker/index.html");  // its own page of the role's actions
    CHECK(pages.at(urls::role("worker")).data["summary"]["states"][0]["href"] == "../../roles/worker/states/alpha/index.html");
    CHECK(entries[0]["count"] == "400 actions");
  }
  SUBCASE("the model's own page of the role's actions continues on numbered pages") {
    const auto pages = pages_under(plan_role_pages(linked, budget), "models/m-alpha/roles/worker/");
    std::vector<std::string> order{urls::model_role(linked.site().models[0], "worker")};
    while (pages.count(urls::results_page(order[0], order.size() + 1))) order.push_back(urls::results_page(order[0], order.size() + 1));
    REQUIRE(order.size() >= 3);
    CHECK(pages.size() == order.size());
    CHECK(step_numbers(group_items(pages, order)) == all);
    CHECK(pages.at(order[0]).data["page_title"] == fmt::format("Worker actions, page 1 of {}", order.size()));
    CHECK(pages.at(order[0]).data["count"] == "400");
    CHECK(pages.at(order[1]).data["part"].get<std::string>().starts_with("actions "));
    CHECK(pages.at(order[1]).data["pagination"]["prev_href"] == "../../../../../models/m-alpha/roles/worker/index.html");
    // The small model keeps one page, without navigation.
    const auto beta = pages_under(plan_role_pages(linked, budget), "models/m-beta/roles/worker/");
    CHECK(beta.size() == 1);
    CHECK_FALSE(beta.begin()->second.data.contains("pagination"));
  }
  SUBCASE("the model's checklist comes in parts, each a handout of a run of its actions") {
    std::vector<const Handout*> parts;
    const auto handouts = list_handouts(linked, budget);
    for (const Handout& h : handouts)
      if (h.kind == HandoutKind::checklist && h.model->id == "m-alpha") parts.push_back(&h);
    REQUIRE(parts.size() >= 3);
    std::set<std::string> pdfs;
    std::map<std::string, test::JsonPage> pages;
    for (const PageTask& task : plan_handout_pages(linked, nullptr, budget))
      if (task.path.starts_with("handouts/m-alpha/roles/worker/")) pages.emplace(task.path, test::as_json(task.make()));
    std::vector<std::string> order;
    for (std::size_t n = 0; n < parts.size(); ++n) {
      CHECK(parts[n]->path == (n == 0 ? urls::checklist(linked.site().models[0], "worker") : urls::results_page(parts[0]->path, n + 1)));
      CHECK(parts[n]->title == fmt::format("Worker checklist, part {} of {}", n + 1, parts.size()));
      pdfs.insert(parts[n]->pdf);
      order.push_back(parts[n]->path);
    }
    CHECK(pdfs.size() == parts.size());
    CHECK(pages.size() == parts.size());
    CHECK(step_numbers(group_items(pages, order)) == all);
    CHECK(pages.at(order[1]).data["part_of"] == fmt::format("part 2 of {}", parts.size()));
    CHECK(pages.at(order[1]).data["pager"]["label"] == fmt::format("Page 2 of {}", parts.size()));
    // Part n of the checklist holds the actions of page n of the model's role page.
    const auto role_pages = pages_under(plan_role_pages(linked, budget), "models/m-alpha/roles/worker/");
    REQUIRE(role_pages.size() == parts.size());
    for (std::size_t n = 0; n < parts.size(); ++n) {
      const std::string role_page = n == 0 ? urls::model_role(linked.site().models[0], "worker")
                                           : urls::results_page(urls::model_role(linked.site().models[0], "worker"), n + 1);
      CHECK(step_numbers(group_items(pages, {order[n]})) == step_numbers(group_items(role_pages, {role_page})));
    }
    // Its self-assessment, a row per action, comes in parts the same way.
    std::vector<std::string> forms;
    for (const Handout& h : handouts)
      if (h.kind == HandoutKind::self_assessment && h.model->id == "m-alpha") forms.push_back(h.path);
    REQUIRE(forms.size() == parts.size());
    CHECK(forms[1] == urls::results_page(urls::self_assessment(linked.site().models[0], "worker"), 2));
    std::map<std::string, test::JsonPage> form_pages;
    for (const PageTask& task : plan_handout_pages(linked, nullptr, budget))
      if (std::find(forms.begin(), forms.end(), task.path) != forms.end()) form_pages.emplace(task.path, test::as_json(task.make()));
    CHECK(step_numbers(group_items(form_pages, forms)) == all);
    // The small model's checklist is one handout, as before.
    CHECK(std::count_if(handouts.begin(), handouts.end(), [](const Handout& h) { return h.kind == HandoutKind::checklist && h.model->id == "m-beta"; }) == 1);
  }
  SUBCASE("a term's uses") {
    const auto pages = pages_under(plan_glossary_pages(linked, budget), "glossary/safety-plan/");
    const std::vector<std::string> order = alpha_pages(pages, urls::term("safety-plan"));
    REQUIRE(order.size() >= 3);
    CHECK(step_numbers(listed_steps(pages, order, "models", false)) == all);
    CHECK(pages.at(order[1]).data["models"][0]["part"].get<std::string>().starts_with("statements "));
  }
  SUBCASE("the topic's comparison page and its sheet") {
    const auto pages = pages_under(plan_compare_pages(linked, budget), "compare/topics/safety/");
    const std::vector<std::string> order = alpha_pages(pages, urls::compare_topic("safety"));
    REQUIRE(order.size() >= 3);
    std::vector<std::string> steps;
    std::size_t aligned_rows = 0;
    for (const auto& path : order) {
      for (const auto& column : pages.at(path).data["columns"])
        for (const char* key : {"items", "folded"})
          for (const auto& item : column[key]) steps.push_back(item["html"]);
      aligned_rows += pages.at(path).data["aligned_rows"].size();
    }
    CHECK(step_numbers(steps) == all);
    CHECK(aligned_rows == 1);
    CHECK(pages.at(order.back()).data["aligned_rows"].size() == 1);

    std::vector<std::string> sheets;
    for (const Handout& h : list_handouts(linked, budget))
      if (h.kind == HandoutKind::topic_sheet && h.state == "Alpha") sheets.push_back(h.path);
    REQUIRE(sheets.size() >= 6);  // a sheet's budget is half a page's
    std::map<std::string, test::JsonPage> sheet_pages;
    for (const PageTask& task : plan_handout_pages(linked, nullptr, budget))
      if (std::find(sheets.begin(), sheets.end(), task.path) != sheets.end()) sheet_pages.emplace(task.path, test::as_json(task.make()));
    CHECK(step_numbers(listed_steps(sheet_pages, sheets, "models", false)) == all);
    CHECK(sheet_pages.at(sheets[0]).data["models"][0]["part"].get<std::string>().starts_with("statements 1–"));
  }
  SUBCASE("a budget under min_part_weight leaves a smaller model whole") {
    test::TempDir small;
    write_one_large_model(small, 40);  // about 24 KB
    const LinkedSite few = test::read_and_link(small.path() / "content");
    const auto pages = pages_under(plan_role_pages(few, 1), "roles/worker/");
    CHECK(pages.count(urls::state_page(urls::role("worker"), "alpha", 1)) == 1);
    CHECK(pages.count(urls::state_page(urls::role("worker"), "alpha", 2)) == 0);
    CHECK(pages.at(urls::state_page(urls::role("worker"), "alpha", 1)).data["models"][0]["count"] == "40 actions");
  }
}

TEST_CASE("a model's role page counts each section's heading: a section per action makes more pages") {
  // The same 300 actions, in one section and in a section each.
  auto role_page_count = [](bool section_each) {
    test::TempDir dir;
    dir.write("content/site.yaml", "title: Test site\n");
    dir.write("content/roles.yaml", "roles:\n  - id: worker\n    title: Worker\n");
    dir.write("content/topics.yaml", "topics:\n  - id: safety\n    title: Safety\n");
    dir.write("content/models/m/model.yaml", "title: Manual\njurisdiction: Alpha\nagency: Agency\n");
    std::string items;
    for (int i = 1; i <= 300; ++i) {
      items += fmt::format("      - text: Do I keep the plan current, step {} {}?\n", i, std::string(300, 'y'));
      if (section_each || i == 300) {
        const int n = section_each ? i : 1;
        dir.write(fmt::format("content/models/m/sections/{:03d}-s{}.yaml", n, n),
                  fmt::format("id: s{0}\ntitle: Section {0}\nblocks:\n  - kind: actions\n    role: worker\n    items:\n", n) + items);
        items.clear();
      }
    }
    const LinkedSite linked = test::read_and_link(dir.path() / "content");
    return pages_under(plan_role_pages(linked, 40 * 1024), "models/m/roles/worker/").size();
  };
  const std::size_t one_section = role_page_count(false), section_each = role_page_count(true);
  CHECK(one_section >= 2);
  CHECK(section_each > one_section);
}
