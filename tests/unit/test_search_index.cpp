#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "views/search_index.hpp"

using namespace pb;

namespace {
nlohmann::json index_of(const LinkedSite& linked) {
  const std::string js = build_search_index(linked);
  const std::string prefix = "window.PRACTICEBOOK_SEARCH=";
  REQUIRE(js.starts_with(prefix));
  return nlohmann::json::parse(js.substr(prefix.size(), js.size() - prefix.size() - 2));
}
}  // namespace

TEST_CASE("the search index holds every statement and action, with its page, anchor and role") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  const auto index = index_of(test::read_and_link(dir.path() / "content"));

  std::vector<nlohmann::json> statements, actions;
  for (const auto& doc : index["docs"]) {
    if (doc[0] == "s") statements.push_back(doc);
    if (doc[0] == "a") actions.push_back(doc);
  }
  REQUIRE(statements.size() == 1);
  REQUIRE(actions.size() == 2);  // one worker action, one supervisor action
  CHECK(statements[0][1] == "Keep children safe.");
  CHECK(actions[0][1] == "Do I visit the family?");
  CHECK(actions[0][3] == "worker-1");
  CHECK(index["roles"][actions[0][4].get<int>()][0] == "worker");
  const auto& place = index["places"][actions[0][2].get<int>()];
  CHECK(index["pages"][place[0].get<int>()][0] == "models/m1/first/index.html");
}

TEST_CASE("the index grows linearly: each page URL and place is stored once") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  std::string many = "id: first\ntitle: First\nblocks:\n  - kind: practice\n    items:\n";
  for (int i = 0; i < 400; ++i) many += "      - text: Statement number " + std::to_string(i) + ".\n        topics: [safety]\n";
  dir.write("content/models/m1/sections/01-first.yaml", many);
  const auto index = index_of(test::read_and_link(dir.path() / "content"));
  CHECK(index["docs"].size() == 400 + 2);   // 400 statements, the overview and the section page
  CHECK(index["pages"].size() == 2);
  CHECK(index["places"].size() == 3);       // the two pages, and "First · …" for the statements
}
