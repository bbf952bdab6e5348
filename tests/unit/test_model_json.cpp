// model.json holds everything the model's pages show: every text of the model (as Markdown source)
// and every label, title and heading, checked on the real content/ and on a fixture with every field.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "test_support.hpp"
#include "views/model_json.hpp"

using namespace pb;

namespace {

void collect_strings(const nlohmann::json& j, std::set<std::string>& out) {
  if (j.is_string()) out.insert(j.get<std::string>());
  else if (j.is_structured())
    for (const auto& v : j) collect_strings(v, out);
}

// Every text a model's pages show, with where it is, for the failure message.
std::vector<std::pair<std::string, std::string>> shown_texts(const Model& model) {
  Site one;
  one.models.push_back(model);
  std::vector<std::pair<std::string, std::string>> out;
  for_each_markdown(one, [&](const Markdown& m, MarkdownShape, TermLinks, const char*) {
    if (!m.empty()) out.emplace_back(m.source, m.where.path());
  });
  for (const auto& s : model.sections) {
    out.emplace_back(s.label, s.file);
    out.emplace_back(s.title, s.file);
    for (const auto& b : s.blocks) out.emplace_back(b.heading, s.file);
  }
  if (model.letter) {
    out.emplace_back(model.letter->signature, model.file);
    out.emplace_back(model.letter->signature_title, model.file);
  }
  if (model.rubric)
    for (const auto& l : model.rubric->levels) out.emplace_back(l.name, model.file);
  if (model.framework) out.emplace_back(model.framework->heading, model.file);
  out.emplace_back(model.tagline, model.file);
  for (const auto& f : model.footnotes) out.emplace_back(f.marker, model.file);
  return out;
}

void check_model_json_holds_everything(const Site& site) {
  for (const auto& model : site.models) {
    const auto j = nlohmann::json::parse(model_json(model));
    std::set<std::string> strings;
    collect_strings(j, strings);
    for (const auto& [text, where] : shown_texts(model))
      if (!text.empty()) CHECK_MESSAGE(strings.count(text), model.id, "/model.json lacks a text of ", where, ": ", text);
  }
}

}  // namespace

TEST_CASE("model.json holds every text of every model in content/") {
  const LinkedSite linked = test::read_and_link(std::filesystem::path(PB_SOURCE_DIR) / "content");
  REQUIRE(linked.site().models.size() >= 5);
  check_model_json_holds_everything(linked.site());
}

TEST_CASE("model.json holds every text of the fixture models of other shapes (definitions, frameworks, tables)") {
  const LinkedSite linked = test::read_and_link(std::filesystem::path(PB_SOURCE_DIR) / "tests/fixtures/content");
  REQUIRE(linked.site().models.size() >= 3);
  check_model_json_holds_everything(linked.site());
}

TEST_CASE("model.json holds footnotes, section and block intros, sub-points and numbering") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/models/m1/model.yaml",
            "title: Model One\njurisdiction: Testland\nagency: Test agency\nvision: A vision.\n"
            "footnotes:\n  - marker: '*'\n    text: Adapted from the Testland framework.\n");
  dir.write("content/models/m1/sections/01-first.yaml",
            "id: first\ntitle: First\nintro: Why this section exists.\nblocks:\n"
            "  - kind: practice\n    intro: Before the list.\n    numbered: true\n    items:\n"
            "      - text: Keep children safe.\n        topics: [safety]\n        items: [A sub-point.]\n");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  const auto j = nlohmann::json::parse(model_json(linked.site().models.at(0)));
  CHECK(j["footnotes"][0]["text"] == "Adapted from the Testland framework.");
  CHECK(j["sections"][0]["intro"] == "Why this section exists.");
  CHECK(j["sections"][0]["blocks"][0]["intro"] == "Before the list.");
  CHECK(j["sections"][0]["blocks"][0]["numbered"] == true);
  CHECK(j["sections"][0]["blocks"][0]["items"][0]["items"][0]["text"] == "A sub-point.");
  check_model_json_holds_everything(linked.site());
}
