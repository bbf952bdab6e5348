#include <doctest/doctest.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "views/search_index.hpp"
#include "content/loader.hpp"
#include "core/diagnostics.hpp"

#include <cstdint>
#include <set>

using namespace pb;

namespace {
nlohmann::json parse_script(const std::string& js, const std::string& prefix) {
  REQUIRE(js.starts_with(prefix));
  REQUIRE(js.ends_with(";\n"));
  return nlohmann::json::parse(js.substr(prefix.size(), js.size() - prefix.size() - 2));
}

// The head, with the documents of every shard gathered in one "docs" table (and pages, places),
// each document's place renumbered into the gathered tables.
nlohmann::json index_of(const LinkedSite& linked, std::size_t target = search_shard_target_bytes) {
  const SearchShards shards = plan_search_shards(linked, target);
  auto index = parse_script(build_search_head(linked, shards), "window.PRACTICEBOOK_SEARCH=");
  index["docs"] = index["pages"] = index["places"] = nlohmann::json::array();
  for (std::size_t n = 0; n < shards.parts.size(); ++n) {
    const std::string prefix =
        "(window.PRACTICEBOOK_SEARCH_SHARDS=window.PRACTICEBOOK_SEARCH_SHARDS||[])[" + std::to_string(n) + "]=";
    auto shard = parse_script(build_search_shard(linked, shards, n), prefix);
    const std::size_t pages = index["pages"].size(), places = index["places"].size();
    for (auto& page : shard["pages"]) index["pages"].push_back(page);
    for (auto& place : shard["places"]) index["places"].push_back({place[0].get<std::size_t>() + pages, place[1]});
    for (auto& doc : shard["docs"]) {
      doc[3] = doc[3].get<std::size_t>() + places;
      index["docs"].push_back(doc);
    }
  }
  return index;
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
  // [id, name, archived, jurisdiction, family, shard, agency, state]
  REQUIRE(index["models"].size() >= 1);
  CHECK(index["models"][0][2] == 0);
  CHECK(!index["models"][0][3].get<std::string>().empty());
  CHECK(index["models"][0][5] == 0);
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

TEST_CASE("a large site's index is split into shards of whole models, current editions first") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  std::string section = "id: first\ntitle: First\nblocks:\n  - kind: practice\n    items:\n";
  for (int i = 0; i < 50; ++i) section += "      - text: A statement long enough to count for something, number " + std::to_string(i) + ".\n";
  for (const std::string id : {"m2", "m3", "m4", "m5", "m6"}) {
    dir.write("content/models/" + id + "/model.yaml", "title: Model " + id + "\njurisdiction: State " + id + "\nagency: Agency\n");
    dir.write("content/models/" + id + "/sections/01-first.yaml", section);
  }
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  // About 4 KB a model: a 9 KB target holds two models a shard.
  const SearchShards shards = plan_search_shards(linked, 9000);
  REQUIRE(shards.parts.size() >= 3);
  std::set<std::uint32_t> seen;
  for (std::size_t n = 0; n < shards.parts.size(); ++n) {
    CHECK(!shards.parts[n].empty());
    CHECK(shards.estimated_bytes[n] <= 9000 + 4500);
    for (const ModelPart& part : shards.parts[n]) {
      CHECK(seen.insert(part.model).second);  // each model in one shard, whole
      CHECK(part.begin == 0);
      CHECK(part.end == search_units(linked, part.model).count);
    }
  }
  CHECK(seen.size() == linked.site().models.size());

  const auto head = parse_script(build_search_head(linked, shards), "window.PRACTICEBOOK_SEARCH=");
  REQUIRE(head["shards"].size() == shards.parts.size());
  CHECK(head["shards"][1][0] == "search/shard-1.js");
  CHECK(!head.contains("docs"));
  // Each document is in the shard of its model; the glossary and roles across models are in shard 0.
  const auto merged = index_of(linked, 9000);
  std::size_t statements = 0;
  for (const auto& doc : merged["docs"]) statements += doc[0] == "s";
  CHECK(statements == 5 * 50 + 1);
  const auto second = parse_script(build_search_shard(linked, shards, 1),
                                   "(window.PRACTICEBOOK_SEARCH_SHARDS=window.PRACTICEBOOK_SEARCH_SHARDS||[])[1]=");
  for (const auto& page : second["pages"]) {
    REQUIRE(page[2].get<int>() >= 0);
    CHECK(head["models"][page[2].get<int>()][5] == 1);
    CHECK(head["models"][page[2].get<int>()][8] == 1);
  }
}

TEST_CASE("a model larger than a shard is split into runs of its documents, each in a shard of its own size") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  // m1: 600 statements of about 100 bytes in its first section and 300 in a second one, about 90 KB in
  // all; m2 small. With a 20 KB target m1 takes five shards or so, and no shard grows past the target
  // by more than one statement.
  std::string first = "id: first\ntitle: First\nsummary: The first section.\nblocks:\n  - kind: practice\n    items:\n";
  for (int i = 0; i < 600; ++i)
    first += "      - text: Workers meet families where they are, statement " + std::to_string(i) + " of the first section.\n";
  std::string second = "id: second\ntitle: Second\nintro: The second section's zebra intro.\nblocks:\n  - kind: practice\n    items:\n";
  for (int i = 0; i < 300; ++i) second += "      - text: Supervisors review plans, statement " + std::to_string(i) + " of the second.\n";
  dir.write("content/models/m1/sections/01-first.yaml", first);
  dir.write("content/models/m1/sections/02-second.yaml", second);
  dir.write("content/models/m2/model.yaml", "title: Model two\njurisdiction: Maine\nagency: Agency\n");
  dir.write("content/models/m2/sections/01-only.yaml",
            "id: only\ntitle: Only\nblocks:\n  - kind: practice\n    items:\n      - text: A small model's one statement.\n");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  const std::uint32_t big = linked.site().models[0].id == "m1" ? 0 : 1;
  const SearchUnits units = search_units(linked, big);
  CHECK(units.count == 1 + 2 + 900 + 1);

  const SearchShards shards = plan_search_shards(linked, 20000);
  std::vector<std::size_t> big_shards;
  std::uint32_t next_unit = 0;  // m1's parts cover its units in order, once each
  for (std::size_t n = 0; n < shards.parts.size(); ++n) {
    CHECK(shards.estimated_bytes[n] <= 20000 + 200);
    for (const ModelPart& part : shards.parts[n])
      if (part.model == big) {
        CHECK(part.begin == next_unit);
        CHECK(part.end > part.begin);
        next_unit = part.end;
        big_shards.push_back(n);
      }
  }
  CHECK(next_unit == units.count);
  REQUIRE(big_shards.size() >= 4);
  for (std::size_t i = 1; i < big_shards.size(); ++i) CHECK(big_shards[i] == big_shards[i - 1] + 1);

  // The head gives m1's first and last shard; every statement is in exactly one shard.
  const auto head = parse_script(build_search_head(linked, shards), "window.PRACTICEBOOK_SEARCH=");
  CHECK(head["version"] == 5);
  CHECK(head["models"][big][5] == big_shards.front());
  CHECK(head["models"][big][8] == big_shards.back());
  CHECK(head["models"][1 - big][5] == head["models"][1 - big][8]);
  const auto merged = index_of(linked, 20000);
  std::map<std::string, int> statements;
  for (const auto& doc : merged["docs"])
    if (doc[0] == "s") ++statements[doc[2].get<std::string>()];
  CHECK(statements.size() == 900 + 1);  // m1's and m2's
  bool each_once = true;
  for (const auto& [text, count] : statements) each_once = each_once && count == 1;
  CHECK(each_once);
  // The section pages and role pages are there once too: the second section's intro, found by its word.
  int zebra = 0;
  for (const auto& doc : merged["docs"]) zebra += doc[2].get<std::string>().find("zebra") != std::string::npos;
  CHECK(zebra == 1);
  // A statement in the last part still points to its own section's page.
  for (const auto& doc : merged["docs"])
    if (doc[2] == "Supervisors review plans, statement 299 of the second.") {
      const auto& place = merged["places"][doc[3].get<int>()];
      CHECK(merged["pages"][place[0].get<int>()][0] == "models/m1/second/index.html");
    }
}

TEST_CASE("a glossary larger than a shard fills the first shards, each term once, and every search loads them") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  // 120 terms of about 500 bytes each: about 60 KB of glossary against a 20 KB target.
  std::string glossary = "terms:\n";
  for (int i = 0; i < 120; ++i)
    glossary += fmt::format("  - id: term-{0}\n    term: term {0}\n    definition: Definition {0} {1}.\n", i, std::string(480, 'q'));
  dir.write("content/glossary.yaml", glossary);
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  const SearchShards shards = plan_search_shards(linked, 20000);
  REQUIRE(shards.across.size() >= 3);
  REQUIRE(shards.parts.size() >= shards.across.size());
  for (std::size_t n = 0; n < shards.across.size(); ++n) {
    CHECK(shards.estimated_bytes[n] <= 20000);
    if (n > 0) CHECK(shards.across[n].begin == shards.across[n - 1].end);  // in order, none left out
  }
  CHECK(shards.across.front().begin == 0);
  CHECK(shards.across.back().end == across_unit_bytes(linked).size());
  // The model's documents come after the glossary: in the last shard of it (when they fit) or after.
  for (std::size_t n = 0; n + 1 < shards.across.size(); ++n) CHECK(shards.parts[n].empty());
  CHECK(shards.parts.back().size() == 1);
  for (std::size_t n = 0; n < shards.parts.size(); ++n) CHECK(shards.estimated_bytes[n] <= 20000);
  const auto head = parse_script(build_search_head(linked, shards), "window.PRACTICEBOOK_SEARCH=");
  CHECK(head["across"] == shards.across.size());
  std::map<std::string, int> terms;
  const auto merged = index_of(linked, 20000);
  for (const auto& doc : merged["docs"])
    if (doc[0] == "t") ++terms[doc[1].get<std::string>()];
  CHECK(terms.size() == 120);
  int more_than_once = 0;
  for (const auto& [term, count] : terms) more_than_once += count != 1;
  CHECK(more_than_once == 0);
  // A small glossary stays in shard 0 with the models.
  const SearchShards small = plan_search_shards(linked, 1'000'000);
  CHECK(small.across.size() == 1);
  CHECK(small.parts.size() == 1);
}

TEST_CASE("the glossary's most used terms come first in the shards across models") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/glossary.yaml",
            "terms:\n  - id: rare\n    term: rare thing\n    definition: Seldom said.\n"
            "  - id: unused\n    term: unused thing\n    definition: Never said.\n"
            "  - id: common\n    term: common thing\n    definition: Often said.\n");
  dir.write("content/models/m1/sections/02-second.yaml",
            "id: second\ntitle: Second\nblocks:\n  - kind: principles\n    items:\n"
            "      - text: A common thing.\n      - text: Another common thing.\n      - text: A rare thing and a common thing.\n");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  CHECK(terms_by_use(linked) == std::vector<std::uint32_t>{2, 0, 1});  // 3 uses, 1, none
  std::vector<std::string> terms;
  const auto index = index_of(linked);
  for (const auto& doc : index["docs"])
    if (doc[0] == "t") terms.push_back(doc[1]);
  CHECK(terms == std::vector<std::string>{"common thing", "rare thing", "unused thing"});
}

TEST_CASE("section definitions, frameworks, tables and taglines are searchable, labelled in the model's words") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/models/m1/sections/02-second.yaml",
            "id: second\ntitle: Second\ndefinition: A unit means a quiddity of practice.\nblocks:\n"
            "  - kind: table\n    heading: Timelines\n    header: [Step, Days]\n    rows:\n      - [Petition filed, '30']\n"
            "  - kind: actions\n    role: worker\n    items:\n      - Do I write it down?\n");
  const auto index = index_of(test::read_and_link(dir.path() / "content"));
  std::string all;
  for (const auto& doc : index["docs"]) all += doc[1].get<std::string>() + " " + doc[2].get<std::string>() + "\n";
  CHECK(all.find("quiddity") != std::string::npos);
  CHECK(all.find("Petition filed 30") != std::string::npos);
  // A role action's place: the section, the role and what the model calls its actions.
  bool labelled = false;
  for (const auto& doc : index["docs"])
    if (doc[2] == "Do I write it down?")
      labelled = index["places"][doc[3].get<int>()][1] == "Second \u00b7 Worker \u00b7 \"Do I\u2026?\" actions";
  CHECK(labelled);
}
