#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "views/search_index.hpp"
#include "content/loader.hpp"
#include "core/diagnostics.hpp"

#include <set>

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

  // [kind, title, text, place, anchor, role, keywords]
  std::vector<nlohmann::json> statements, actions;
  for (const auto& doc : index["docs"]) {
    if (doc[0] == "s") statements.push_back(doc);
    if (doc[0] == "a") actions.push_back(doc);
  }
  REQUIRE(statements.size() == 1);
  REQUIRE(actions.size() == 2);  // one worker action, one supervisor action
  CHECK(statements[0][2] == "Keep children safe.");
  CHECK(actions[0][2] == "Do I visit the family?");
  CHECK(actions[0][4] == "worker-1");
  CHECK(index["roles"][actions[0][5].get<int>()][0] == "worker");
  const auto& place = index["places"][actions[0][3].get<int>()];
  CHECK(index["pages"][place[0].get<int>()][0] == "models/m1/first/index.html");
}

TEST_CASE("the search index holds role pages, topics, terms and the model's jurisdiction and editions") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  const auto index = index_of(test::read_and_link(dir.path() / "content"));
  std::set<std::string> kinds;
  for (const auto& doc : index["docs"]) kinds.insert(doc[0].get<std::string>());
  CHECK(kinds.count("r"));  // role pages
  CHECK(kinds.count("p"));  // overview and section pages
  // [id, name, archived, jurisdiction, family]
  REQUIRE(index["models"].size() >= 1);
  CHECK(index["models"][0][2] == 0);
  CHECK(!index["models"][0][3].get<std::string>().empty());
}

TEST_CASE("synonyms.yaml and glossary aliases become synonym groups") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/synonyms.yaml", "synonyms:\n  - words: [foster parent, resource  family]\n");
  const auto index = index_of(test::read_and_link(dir.path() / "content"));
  REQUIRE(index["synonyms"].size() >= 1);
  CHECK(index["synonyms"][0] == nlohmann::json::array({"foster parent", "resource family"}));
}

TEST_CASE("a synonym group needs two words") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/synonyms.yaml", "synonyms:\n  - words: [lonely]\n  - wrods: [a, b]\n");
  Diagnostics diags;
  load_site(dir.path() / "content", diags);
  std::string all;
  for (const auto& d : diags.sorted()) all += format_diagnostic(d) + "\n";
  CHECK(all.find("synonyms.yaml:2:") != std::string::npos);
  CHECK(all.find("needs at least two words") != std::string::npos);
  CHECK(all.find("unknown key 'wrods' (did you mean 'words'?)") != std::string::npos);
}

TEST_CASE("the index grows linearly: each page URL and place is stored once") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  std::string many = "id: first\ntitle: First\nblocks:\n  - kind: practice\n    items:\n";
  for (int i = 0; i < 400; ++i) many += "      - text: Statement number " + std::to_string(i) + ".\n        topics: [safety]\n";
  dir.write("content/models/m1/sections/01-first.yaml", many);
  const auto index = index_of(test::read_and_link(dir.path() / "content"));
  std::size_t statements = 0;
  for (const auto& doc : index["docs"]) statements += doc[0] == "s";
  CHECK(statements == 400);
  std::set<std::string> urls;
  for (const auto& page : index["pages"]) urls.insert(page[0].get<std::string>());
  CHECK(urls.size() == index["pages"].size());  // each page once
  CHECK(index["places"].size() < 20);            // a handful of places, not one per statement
}
