// Footnote references: `[^marker]` links to the model's note, and the note links back to every reference.
#include <doctest/doctest.h>

#include "content/read_content.hpp"
#include "core/text_util.hpp"
#include "link/markdown.hpp"
#include "test_support.hpp"
#include "views/plan.hpp"

using namespace pb;

namespace {

void write_model_with_notes(const test::TempDir& dir, const std::string& statement) {
  test::write_minimal_content(dir);
  dir.write("content/models/m1/model.yaml",
            "title: Model one\njurisdiction: Testland\nagency: Test agency\n"
            "intro: Families first.[^*]\n"
            "footnotes:\n  - marker: \"*\"\n    text: From a training.\n  - marker: \"2\"\n    text: A second note.\n");
  dir.write("content/models/m1/sections/01-first.yaml",
            "id: first\ntitle: First value\nlabel: Value 1\nblocks:\n  - kind: principles\n    items:\n"
            "      - text: \"" + statement + "\"\n        topics: [safety]\n");
}

}  // namespace

TEST_CASE("a note reference is found by its marker, not in any other bracket") {
  CHECK(note_reference_at("safe[^1] home", 4) == 1);
  CHECK(note_reference_at("[^*]", 0) == 1);
  CHECK(note_reference_at("[^12]", 0) == 2);
  CHECK(note_reference_at("[^]", 0) == 0);
  CHECK(note_reference_at("[^a b]", 0) == 0);
  CHECK(note_reference_at("[^1", 0) == 0);
  CHECK(note_reference_at("[1]", 0) == 0);
}

TEST_CASE("the renderer links each reference to its note, leaves code alone and reports unknown markers") {
  MarkdownRenderer md;
  NoteLinks notes;
  notes.markers = {"*", "2"};
  int opened = 0;
  notes.open = [&](std::size_t note) { return "<sup class=\"note-ref\"><a data-note=\"" + std::to_string(note) + "\" data-n=\"" + std::to_string(++opened) + "\">"; };
  const LinkedHtml out = md.render("Safe[^*] and *well*[^2], not `[^2]`, nor [^9].", MarkdownShape::line, nullptr, nullptr,
                                   nullptr, &notes);
  CHECK(out.html == "Safe<sup class=\"note-ref\"><a data-note=\"0\" data-n=\"1\">*</a></sup> and <em>well</em>"
                    "<sup class=\"note-ref\"><a data-note=\"1\" data-n=\"2\">2</a></sup>, not <code>[^2]</code>, nor [^9].");
  CHECK(notes.unknown == std::vector<std::string>{"9"});
  CHECK(strip_tags(out.html) == "Safe and well, not [^2], nor [^9].");
}

TEST_CASE("a statement's reference and the note link both ways, with anchors unique to the model") {
  test::TempDir dir;
  write_model_with_notes(dir, "Keep children safe.[^2] And well.[^*]");
  const LinkedSite linked = test::read_and_link(dir.path() / "content");
  const Model& model = linked.site().models[0];
  // Links start at the site root, which each page resolves: here from a page one folder down.
  const std::string statement = linked.html(model.sections[0].blocks[0].items[0].text).with_root("../");
  // The intro's reference comes first in reading order: this statement has the model's 2nd and 3rd.
  CHECK(statement == "Keep children safe.<sup class=\"note-ref\"><a href=\"../models/m1/index.html#fn-2\" "
                     "id=\"fnref-m1-2\" aria-label=\"Note 2\">2</a></sup> And well.<sup class=\"note-ref\"><a "
                     "href=\"../models/m1/index.html#fn-1\" id=\"fnref-m1-3\" aria-label=\"Note *\">*</a></sup>");
  REQUIRE(linked.note_uses(0, 0).size() == 2);
  CHECK(linked.note_uses(0, 0)[0].page == "models/m1/index.html");
  CHECK(linked.note_uses(0, 0)[0].anchor == "fnref-m1-1");
  CHECK(linked.note_uses(0, 0)[0].place == "Introduction");
  CHECK(linked.note_uses(0, 0)[1].page == "models/m1/first/index.html");
  CHECK(linked.note_uses(0, 0)[1].anchor == "fnref-m1-3");
  CHECK(linked.note_uses(0, 0)[1].place == "Value 1");
  for (const PageTask& task : plan_site(linked)) {
    if (task.path != "models/m1/index.html") continue;
    const test::JsonPage page = test::as_json(task.make());
    const auto& notes = page.data["footnotes"];
    REQUIRE(notes.size() == 2);
    CHECK(notes[0]["id"] == "fn-1");
    CHECK(notes[0]["back"][1]["href"] == "../../models/m1/first/index.html#fnref-m1-3");
    CHECK(notes[0]["back"][1]["place"] == "Value 1");
    CHECK(notes[1]["back"][0]["href"] == "../../models/m1/first/index.html#fnref-m1-2");
  }
}

TEST_CASE("a reference to a note the model does not have is an error at the text") {
  test::TempDir dir;
  write_model_with_notes(dir, "Keep children safe.[^3]");
  Diagnostics diags;
  ContentResult content = read_content({dir.path() / "content", ""}, diags);
  REQUIRE(content.site);
  link_site(content.site, diags);
  const auto lines = test::formatted(diags);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == (dir.path() / "content/models/m1/sections/01-first.yaml").string() +
                        ":7:15: error: this statement refers to note '[^3]', which its model does not have\n"
                        "  hint: add it to the model's footnotes (`- marker: \"3\"` with its `text`), or correct the marker");
}

TEST_CASE("a name that leads to two roles is an error") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/roles.yaml",
            "roles:\n  - id: worker\n    title: Worker\n    aliases: [caseworker]\n"
            "  - id: supervisor\n    title: Supervisor\n    aliases: [Caseworker]\n");
  Diagnostics diags;
  read_content({dir.path() / "content", ""}, diags);
  const auto lines = test::formatted(diags);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == (dir.path() / "content/roles.yaml").string() +
                        ":5:9: error: role 'supervisor' is also called 'caseworker', a name of role 'worker'\n"
                        "  hint: a name (id, title, plural or alias) must lead to one role: remove it from one of them");
}
