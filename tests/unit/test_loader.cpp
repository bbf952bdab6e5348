// The loader and validator: exact messages and positions, since people fix their files from them.
#include <doctest/doctest.h>

#include "content/file_readers.hpp"
#include "content/loader.hpp"
#include "test_support.hpp"
#include "content/validate.hpp"

#include <fmt/format.h>
#include <set>

using namespace pb;
using pb::test::formatted;
namespace fs = std::filesystem;

namespace {

// Loads and validates a content folder whose one section file is `section_yaml`.
std::vector<std::string> diagnostics_for_section(const std::string& section_yaml) {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/models/m1/sections/01-first.yaml", section_yaml);
  Diagnostics diags;
  const std::string shown = (dir.path() / "content").string();
  Site site = load_site(dir.path() / "content", diags);
  if (!diags.has_errors()) validate_site(site, diags);
  std::vector<std::string> out;
  for (auto line : formatted(diags)) {  // show paths relative to the content folder
    if (line.starts_with(shown + "/")) line = line.substr(shown.size() + 1);
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("a minimal content folder loads without diagnostics") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  Diagnostics diags;
  Site site = load_site(dir.path() / "content", diags);
  validate_site(site, diags);
  CHECK(formatted(diags).empty());
  REQUIRE(site.models.size() == 1);
  REQUIRE(site.models[0].sections.size() == 1);
  const Section& s = site.models[0].sections[0];
  CHECK(s.blocks[0].items[0].id == "principles-1");
  CHECK(s.blocks[1].items[0].id == "worker-1");
  CHECK(s.blocks[1].role == "worker");
}

TEST_CASE("unknown key: position of the key and a did-you-mean") {
  auto out = diagnostics_for_section(
      "id: first\n"
      "title: First\n"
      "blocks:\n"
      "  - kind: practice\n"
      "    itmes:\n"
      "      - One.\n");
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "models/m1/sections/01-first.yaml:5:5: error: unknown key 'itmes' (did you mean 'items'?)\n"
        "  hint: the keys of a block are: header, heading, intro, items, kind, markers, numbered, role, rows, start, text");
}

TEST_CASE("unknown key with nothing close lists the allowed keys") {
  auto out = diagnostics_for_section("id: first\ntitle: First\ncolour: blue\n");
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "models/m1/sections/01-first.yaml:3:1: error: unknown key 'colour' in section\n"
        "  hint: the keys of a section are: blocks, definition, id, intro, label, short_title, summary, title");
}

TEST_CASE("wrong type: a list where text is expected") {
  auto out = diagnostics_for_section("id: first\ntitle: [First, Second]\n");
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "models/m1/sections/01-first.yaml:2:8: error: expected text for 'title', found a list\n"
        "  hint: write a single value, not a list");
}

TEST_CASE("duplicate key points at the second one and names the first line") {
  auto out = diagnostics_for_section("id: first\ntitle: First\ntitle: Again\n");
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "models/m1/sections/01-first.yaml:3:1: error: duplicate key 'title'\n"
        "  hint: 'title' is already set on line 2; keep one of them");
}

TEST_CASE("a repeated key is found in mappings of any size, naming the first one's line") {
  // Up to 16 keys are compared one by one, beyond that through a table: both ways, and the switch.
  for (const int keys : {3, 15, 16, 17, 40, 20000}) {
    CAPTURE(keys);
    std::string yaml;
    for (int k = 0; k < keys; ++k) yaml += fmt::format("k{}: v\n", k);
    yaml += fmt::format("k1: again\nk{}: again\n", keys - 1);
    Diagnostics diags;
    const auto node = parse_yaml(yaml, std::make_shared<const std::string>("many.yaml"), diags);
    REQUIRE(node.has_value());
    CHECK(node->entries.size() == static_cast<std::size_t>(keys));
    const auto out = test::formatted(diags);
    REQUIRE(out.size() == 2);
    CHECK(out[0] == "many.yaml:" + std::to_string(keys + 1) + ":1: error: duplicate key 'k1'\n"
                    "  hint: 'k1' is already set on line 2; keep one of them");
    CHECK(out[1] == fmt::format("many.yaml:{}:1: error: duplicate key 'k{}'\n  hint: 'k{}' is already set on line {}; "
                                "keep one of them", keys + 2, keys - 1, keys - 1, keys));
  }
}

TEST_CASE("duplicate statement ids within a section") {
  auto out = diagnostics_for_section(
      "id: first\n"
      "title: First\n"
      "blocks:\n"
      "  - kind: practice\n"
      "    items:\n"
      "      - text: One.\n"
      "        id: same\n"
      "        topics: [safety]\n"
      "      - text: Two.\n"
      "        id: same\n"
      "        topics: [safety]\n");
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "models/m1/sections/01-first.yaml:10:13: error: duplicate statement id 'same' in section 'first'\n"
        "  hint: 'same' is already the id of the statement at line 7; give this one another id");
}

TEST_CASE("an explicit id may not collide with a derived one") {
  auto out = diagnostics_for_section(
      "id: first\ntitle: First\nblocks:\n  - kind: practice\n    items:\n"
      "      - text: One.\n        topics: [safety]\n"
      "      - text: Two.\n        id: practice-1\n        topics: [safety]\n");
  REQUIRE(out.size() == 1);
  CHECK(out[0].starts_with("models/m1/sections/01-first.yaml:9:13: error: duplicate statement id 'practice-1'"));
}

TEST_CASE("bad ids: uppercase, underscores, and path tricks") {
  for (const std::string bad : {"Bad_Id", "../up", "a b", "-lead", "x--y"}) {
    CAPTURE(bad);
    auto out = diagnostics_for_section("id: \"" + bad + "\"\ntitle: First\n");
    REQUIRE(!out.empty());
    CHECK(out[0] == "models/m1/sections/01-first.yaml:1:5: error: invalid id '" + bad +
                        "'\n  hint: ids use lowercase letters, digits and single hyphens, e.g. 'kinship-first'");
  }
}

TEST_CASE("reserved section ids") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/models/m1/sections/02-changes.yaml", "id: changes\ntitle: Changes\n");
  Diagnostics diags;
  Site site = load_site(dir.path() / "content", diags);
  validate_site(site, diags);
  auto out = formatted(diags);
  REQUIRE(out.size() == 2);  // the error, and a warning that the section is empty
  CHECK(out[0].find("02-changes.yaml:1:5: error: 'changes' is a reserved name and cannot be a section id") !=
        std::string::npos);
}

TEST_CASE("reserved model ids: handouts/compare/ and handouts/states/ are the site's own") {
  for (const std::string id : {"compare", "states"}) {
    test::TempDir dir;
    test::write_minimal_content(dir);
    dir.write("content/models/" + id + "/model.yaml", "title: M\njurisdiction: T\nagency: A\n");
    Diagnostics diags;
    Site site = load_site(dir.path() / "content", diags);
    validate_site(site, diags);
    std::size_t found = 0;
    for (const auto& line : formatted(diags))
      found += line.find("models/" + id + ": error: '" + id + "' is a reserved name and cannot be a model id\n"
                         "  hint: rename the model's folder") != std::string::npos;
    CAPTURE(id);
    CHECK(found == 1);
  }
}

TEST_CASE("unknown role: did-you-mean and the list of roles") {
  auto out = diagnostics_for_section(
      "id: first\ntitle: First\nblocks:\n  - kind: actions\n    role: wroker\n    items:\n"
      "      - text: Do I?\n        topics: [safety]\n");
  std::vector<std::string> errors;
  for (const auto& line : out)
    if (line.find(": error: ") != std::string::npos) errors.push_back(line);
  REQUIRE(errors.size() == 1);  // (and warnings that the model's roles now have no actions)
  CHECK(errors[0] ==
        "models/m1/sections/01-first.yaml:5:11: error: unknown role 'wroker' (did you mean 'worker'?)\n"
        "  hint: the roles in roles.yaml are: worker, supervisor; add 'wroker' to the 'aliases' of one of them, or a "
        "new role");
}

TEST_CASE("YAML syntax errors carry the file name, the position and a hint") {
  auto out = diagnostics_for_section("id: first\ntitle: [unclosed\n");
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "models/m1/sections/01-first.yaml:3:1: error: invalid YAML: flow sequence without a closing bracket\n"
        "  hint: a list opened with '[' is not closed with ']'");
  auto out2 = diagnostics_for_section("id: first\n  title: bad indent\n");
  REQUIRE(out2.size() == 1);
  CHECK(out2[0] ==
        "models/m1/sections/01-first.yaml:1:5: error: invalid YAML: invalid multiline plain key\n"
        "  hint: check the indentation (keys of one mapping line up) and quote any text that contains ': '");
  auto out3 = diagnostics_for_section("id: first\ntitle: x\n\tfoo: 1\n");
  REQUIRE(out3.size() == 1);
  CHECK(out3[0].ends_with("01-first.yaml:3:1: error: invalid YAML: a tab in the indentation\n"
                          "  hint: indent with spaces; YAML does not allow tabs"));
}

TEST_CASE("every error of a run is reported, across files") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/models/m1/sections/01-first.yaml", "id: first\ntitle: First\nsumary: x\n");
  dir.write("content/models/m1/sections/02-second.yaml", "id: second\ntitle: [a]\n");
  dir.write("content/models/m1/model.yaml", "title: M\njurisdiction: T\nagency: A\nvison: x\n");
  Diagnostics diags;
  load_site(dir.path() / "content", diags);
  CHECK(diags.error_count() == 3);
}

TEST_CASE("a content file that exists but cannot be read is an error naming it, not an empty file") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  const fs::path sections = dir.path() / "content/models/m1/sections";
  // Reading /proc/self/mem fails even as root; a device would never end. Both lie outside the content
  // folder, which is said first: nothing outside it is read.
  fs::create_symlink("/proc/self/mem", sections / "02-unreadable.yaml");
  fs::create_symlink("/dev/zero", sections / "03-device.yaml");
  Diagnostics diags;
  load_site(dir.path() / "content", diags);
  const std::string shown = (dir.path() / "content").generic_string() + "/";
  const auto messages = formatted(diags);
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].starts_with(shown + "models/m1/sections/02-unreadable.yaml: error: '02-unreadable.yaml' is a link to /proc/"));
  CHECK(messages[0].ends_with("/mem, outside the content folder\n"
                              "  hint: copy the file into the content folder: the site is built only from what is inside it"));
  CHECK(messages[1] == shown + "models/m1/sections/03-device.yaml: error: '03-device.yaml' is not a regular file\n"
                               "  hint: replace it with a plain YAML file");
}

TEST_CASE("a folder named like a source file, and a link out of the content folder, are errors; a link within it is read") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  const fs::path content = dir.path() / "content";
  fs::create_directories(content / "models/m1/sections/02-folder.yaml");
  dir.write("outside/03-secret.yaml", "id: secret\ntitle: Secret\nblocks: []\n");
  fs::create_symlink(dir.path() / "outside/03-secret.yaml", content / "models/m1/sections/03-secret.yaml");
  dir.write("content/models/m1/shared.yaml", "id: shared\ntitle: Shared\nblocks:\n  - kind: principles\n    items:\n      - text: Shared words.\n");
  fs::create_symlink(content / "models/m1/shared.yaml", content / "models/m1/sections/04-shared.yaml");
  Diagnostics diags;
  const Site site = load_site(content, diags);
  const std::string shown = content.generic_string() + "/";
  CHECK(formatted(diags) == std::vector<std::string>{
      shown + "models/m1/sections/02-folder.yaml: error: '02-folder.yaml' is a folder, not a file\n"
              "  hint: a YAML file is expected here: rename the folder, or put its files where they belong",
      shown + "models/m1/sections/03-secret.yaml: error: '03-secret.yaml' is a link to " +
          fs::canonical(dir.path() / "outside/03-secret.yaml").generic_string() + ", outside the content folder\n"
              "  hint: copy the file into the content folder: the site is built only from what is inside it"});
  REQUIRE(site.models.size() == 1);
  REQUIRE(site.models[0].sections.size() == 2);  // 01-first and the link within the folder, 04-shared
  CHECK(site.models[0].sections[1].id == "shared");

  // site.yaml as a folder says so, not that it is missing.
  test::TempDir other;
  test::write_minimal_content(other);
  fs::remove(other.path() / "content/site.yaml");
  fs::create_directories(other.path() / "content/site.yaml");
  Diagnostics site_diags;
  load_site(other.path() / "content", site_diags);
  CHECK(formatted(site_diags) == std::vector<std::string>{
      (other.path() / "content").generic_string() + "/site.yaml: error: 'site.yaml' is a folder, not a file\n"
      "  hint: a YAML file is expected here: rename the folder, or put its files where they belong"});
}

TEST_CASE("hostile input: deep nesting, huge files and alias bombs are errors, not crashes") {
  Diagnostics diags;
  auto file = std::make_shared<const std::string>("deep.yaml");
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "[";
  CHECK_FALSE(parse_yaml(deep, file, diags).has_value());
  CHECK(diags.error_count() == 1);

  Diagnostics d2;
  std::string nested;
  for (int i = 0; i < 100; ++i) nested += std::string(i * 2, ' ') + "k" + std::to_string(i) + ":\n";
  nested += std::string(200, ' ') + "v: 1\n";
  CHECK_FALSE(parse_yaml(nested, file, d2).has_value());
  REQUIRE(d2.error_count() == 1);
  CHECK(format_diagnostic(d2.sorted()[0]).find("nested more than 64 levels deep") != std::string::npos);

  Diagnostics d3;
  std::string big(9u << 20, 'a');
  CHECK_FALSE(parse_yaml(big, file, d3).has_value());
  CHECK(format_diagnostic(d3.sorted()[0]).find("the file is too large") != std::string::npos);

  Diagnostics d4;
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c, ++prev)
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  CHECK_FALSE(parse_yaml(bomb, file, d4).has_value());
  CHECK(format_diagnostic(d4.sorted()[0]).find("error: the document holds more than 250000 values") != std::string::npos);

  // A few hundred KB of text that aliases repeat into gigabytes.
  Diagnostics d5;
  std::string wide = "a: &a \"" + std::string(100000, 'x') + "\"\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
  CHECK_FALSE(parse_yaml(wide, file, d5).has_value());
  CHECK(format_diagnostic(d5.sorted()[0]).find("error: the document expands to more than 32 MB of text") != std::string::npos);
}

TEST_CASE("statements nest at most four levels") {
  auto out = diagnostics_for_section(
      "id: first\ntitle: First\nblocks:\n  - kind: practice\n    items:\n"
      "      - text: A\n        topics: [safety]\n        items:\n"
      "          - text: B\n            topics: [safety]\n            items:\n"
      "              - text: C\n                topics: [safety]\n                items:\n"
      "                  - text: D\n                    topics: [safety]\n                    items:\n"
      "                      - E\n");
  REQUIRE(out.size() == 1);
  CHECK(out[0].starts_with("models/m1/sections/01-first.yaml:18:23: error: statements nest at most 4 levels deep"));
}

TEST_CASE("derived ids: nested items, repeated block kinds, explicit ids") {
  Diagnostics diags;
  auto root = parse_yaml(
      "id: s\ntitle: T\nblocks:\n"
      "  - kind: principles\n    items:\n      - text: A\n        items: [x, y]\n      - B\n"
      "  - kind: principles\n    items: [C]\n"
      "  - kind: actions\n    role: supervisor\n    items:\n      - text: D\n        id: keep-me\n        items: [z]\n",
      std::make_shared<const std::string>("s.yaml"), diags);
  REQUIRE(root);
  Section s = read_section(*root, diags);
  CHECK(formatted(diags).empty());
  CHECK(s.blocks[0].items[0].id == "principles-1");
  CHECK(s.blocks[0].items[0].children[1].id == "principles-1-2");
  CHECK(s.blocks[0].items[1].id == "principles-2");
  CHECK(s.blocks[1].items[0].id == "principles-b-1");
  CHECK(s.blocks[2].items[0].id == "keep-me");
  CHECK(s.blocks[2].items[0].children[0].id == "keep-me-1");
}

TEST_CASE("a model has the roles it addresses: no warning for a role it never mentions") {
  auto out = diagnostics_for_section(
      "id: first\ntitle: First\nblocks:\n  - kind: actions\n    role: worker\n    items:\n"
      "      - text: Do I?\n        topics: [safety]\n");
  CHECK(out.empty());
}

TEST_CASE("topics: an unknown topic is an error with a did-you-mean, an untagged statement a warning") {
  auto out = diagnostics_for_section(
      "id: first\ntitle: First\nblocks:\n  - kind: practice\n    items:\n"
      "      - text: Tagged wrongly.\n        topics: [safty]\n"
      "      - Not tagged at all.\n");
  REQUIRE(out.size() == 2);
  CHECK(out[0] ==
        "models/m1/sections/01-first.yaml:6:15: error: unknown topic 'safty' (did you mean 'safety'?)\n"
        "  hint: the topics in topics.yaml are: safety");
  CHECK(out[1] ==
        "models/m1/sections/01-first.yaml:8:9: warning: statement has no topics\n"
        "  hint: add 'topics: [...]' with ids from topics.yaml so it appears in the comparisons");
}

TEST_CASE("editions: supersedes must name a model of the same family") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/models/m2/model.yaml",
            "title: M2\njurisdiction: T\nagency: A\nfamily: other\nsupersedes: m1\n");
  dir.write("content/models/m3/model.yaml", "title: M3\njurisdiction: T\nagency: A\nsupersedes: m9\n");
  Diagnostics diags;
  Site site = load_site(dir.path() / "content", diags);
  validate_site(site, diags);
  std::string all;
  for (const auto& line : formatted(diags)) all += line + "\n";
  CHECK(all.find("m2/model.yaml:5:13: error: 'm2' supersedes 'm1', which belongs to another family") != std::string::npos);
  CHECK(all.find("m3/model.yaml:4:13: error: unknown model 'm9' in 'supersedes'") != std::string::npos);
}

TEST_CASE("sections are ordered by the number of their file name, not as text") {
  test::TempDir dir;
  test::write_minimal_content(dir);  // sections/01-first.yaml
  auto section = [](const std::string& id) {
    return "id: " + id + "\ntitle: " + id + "\nblocks:\n  - kind: practice\n    items:\n"
           "      - text: A statement.\n        topics: [safety]\n";
  };
  dir.write("content/models/m1/sections/10-tenth.yaml", section("tenth"));
  dir.write("content/models/m1/sections/2-second.yaml", section("second"));
  dir.write("content/models/m1/sections/003-third.yaml", section("third"));
  dir.write("content/models/m1/sections/0100-hundredth.yaml", section("hundredth"));
  Diagnostics diags;
  Site site = load_site(dir.path() / "content", diags);
  CHECK(formatted(diags).empty());
  REQUIRE(site.models.size() == 1);
  std::vector<std::string> order;
  for (const auto& s : site.models[0].sections) order.push_back(s.id);
  CHECK(order == std::vector<std::string>{"first", "second", "third", "tenth", "hundredth"});
}

TEST_CASE("a statement id may not repeat an anchor of the overview page") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/models/m1/model.yaml",
            "title: Model one\njurisdiction: Testland\nagency: Test agency\nvision: Safe children.\n"
            "priorities:\n  items:\n    - text: Keep the vision.\n      id: vision\n      topics: [safety]\n");
  Diagnostics diags;
  Site site = load_site(dir.path() / "content", diags);
  validate_site(site, diags);
  const auto out = formatted(diags);
  REQUIRE(out.size() == 1);
  CHECK(out[0] == (dir.path() / "content").string() +
                      "/models/m1/model.yaml:8:11: error: statement id 'vision' is also an anchor of the model's "
                      "overview page\n"
                      "  hint: the overview keeps these anchors for its own elements: main-content, site-search-input, "
                      "vision, priorities, letter, framework, contents, roles, rubric, notes, editions, def-<term> for each "
                      "glossary term, fn-<n> and fnref-<model>-<n> for footnotes; give the statement another id");
}

TEST_CASE("a statement id may not repeat an anchor of its section page: fixed ones, block ids, term definitions") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/glossary.yaml", "terms:\n  - id: genogram\n    term: genogram\n    definition: A family tree.\n");
  dir.write("content/models/m1/sections/01-first.yaml",
            "id: first\ntitle: First\nblocks:\n"
            "  - kind: principles\n    items:\n"
            "      - text: One.\n        id: related-roles\n        topics: [safety]\n"
            "      - text: Two.\n        id: worker\n        topics: [safety]\n"
            "      - text: Three, with a genogram.\n        id: def-genogram\n        topics: [safety]\n"
            "  - kind: actions\n    role: worker\n    items:\n      - text: Do I?\n        topics: [safety]\n"
            "  - kind: actions\n    role: supervisor\n    items:\n      - text: Do I?\n        topics: [safety]\n");
  Diagnostics diags;
  Site site = load_site(dir.path() / "content", diags);
  validate_site(site, diags);
  std::vector<std::string> errors;
  for (const auto& d : diags.sorted())
    if (d.severity == Severity::error) errors.push_back(format_diagnostic(d));
  REQUIRE(errors.size() == 3);
  const std::string file = (dir.path() / "content/models/m1/sections/01-first.yaml").string();
  const std::string hint =
      "  hint: a section page keeps these anchors for its own elements: main-content, site-search-input, "
      "definition, related-roles, related-editions, def-<term> for each glossary term, fn-<n> and "
      "fnref-<model>-<n> for footnotes, and the ids of its blocks "
      "(here: principles, worker, supervisor); give the statement another id";
  CHECK(errors[0] == file + ":7:13: error: statement id 'related-roles' is also an anchor of its section page\n" + hint);
  CHECK(errors[1] == file + ":10:13: error: statement id 'worker' is also an anchor of its section page\n" + hint);
  CHECK(errors[2] == file + ":13:13: error: statement id 'def-genogram' is also an anchor of its section page\n" + hint);
}

TEST_CASE("a section id may not make a role page's group anchor repeat one of its own") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/models/main/model.yaml", "title: Main\njurisdiction: Testland\nagency: Test agency\n");
  dir.write("content/models/main/sections/01-content.yaml",
            "id: content\ntitle: Content\nblocks:\n  - kind: actions\n    role: worker\n    items:\n"
            "      - text: Do I?\n        topics: [safety]\n");
  Diagnostics diags;
  Site site = load_site(dir.path() / "content", diags);
  validate_site(site, diags);
  std::vector<std::string> errors;
  for (const auto& d : diags.sorted())
    if (d.severity == Severity::error) errors.push_back(format_diagnostic(d));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == (dir.path() / "content").string() +
                         "/models/main/sections/01-content.yaml:1:5: error: section id 'content' makes the anchor "
                         "'main-content' on the role pages of model 'main', which they already use\n"
                         "  hint: a role page keeps these anchors for its own elements: main-content, "
                         "site-search-input, other-roles, def-<term> for each glossary term, fn-<n> and "
                         "fnref-<model>-<n> for footnotes; it anchors each "
                         "section as <model>-<section>; choose another section id");
}

TEST_CASE("a 27th block of one kind builds: derived keys and ids never collide") {
  std::string yaml = "id: s\ntitle: T\nblocks:\n";
  for (int i = 0; i < 30; ++i) yaml += "  - kind: practice\n    items: [Statement " + std::to_string(i) + "]\n";
  yaml += "  - kind: actions\n    role: practice-c\n    items:\n      - Do I visit?\n";  // a role id shaped like a key
  Diagnostics diags;
  auto root = parse_yaml(yaml, std::make_shared<const std::string>("s.yaml"), diags);
  REQUIRE(root);
  const Section s = read_section(*root, diags);
  CHECK(formatted(diags).empty());
  REQUIRE(s.blocks.size() == 31);
  CHECK(s.blocks[1].key == "practice-b");
  CHECK(s.blocks[25].key == "practice-z");
  CHECK(s.blocks[26].key == "practice-aa");
  CHECK(s.blocks[27].items[0].id == "practice-ab-1");
  std::set<std::string> keys, ids;
  for (const auto& b : s.blocks) {
    keys.insert(b.key);
    for (const auto& st : b.items) ids.insert(st.id);
  }
  CHECK(keys.size() == 31);
  CHECK(ids.size() == 31);
  CHECK(s.blocks[30].key == "practice-c-b");  // "practice-c" was taken by the third practice block
}

TEST_CASE("text that is not UTF-8 is an error at its byte, in check as in build; BOM and CRLF read as plain LF") {
  struct Case {
    std::string bytes, message;
  };
  const std::vector<Case> cases = {
      {"title: Smart \x93quote\x94\n", ":1:14: error: byte 0x93 is not valid UTF-8"},
      {"\xFF\xFEt\0i\0", ":1:1: error: the file is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8"},
      {"id: first\ntitle: \xC0\xAF\n", ":2:8: error: byte 0xC0 starts an overlong UTF-8 form"},
      {"id: first\ntitle: A\x00B\n", ":2:9: error: a NUL byte (0x00)"},
      {"id: first\ntitle: \"A\\0B\"\n", ":2:8: error: this text holds a NUL byte (0x00) once its escapes are read"},
      {"id: first\ntitle: \"A\\fB\"\n", ":2:8: error: this text holds a control character (U+000C) once its escapes are read"},
      {"id: first\ntitle: \"\\uD800\"\n", ":2:9: error: invalid YAML: double-quoted scalar has invalid UTF8 escape"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.message);
    test::TempDir dir;
    test::write_minimal_content(dir);
    std::string bytes = c.bytes;
    if (c.bytes.starts_with("\xFF\xFE")) bytes = std::string("\xFF\xFEt\0i\0", 6);
    if (c.message.find("NUL byte (0x00)\"") == std::string::npos && c.bytes.find("A\x00B") != std::string::npos)
      bytes = std::string("id: first\ntitle: A\0B\n", 21);
    dir.write("content/models/m1/sections/01-first.yaml", bytes);
    Diagnostics diags;
    load_site(dir.path() / "content", diags);
    const auto out = formatted(diags);
    REQUIRE(out.size() >= 1);
    CHECK(out[0].find("01-first.yaml" + c.message) != std::string::npos);
  }

  // The same section saved by a Windows editor: byte order mark and CRLF.
  const std::string lf = "id: first\ntitle: First value\nsummary: |\n  Two\n  lines\nblocks:\n  - kind: principles\n"
                         "    items:\n      - text: Keep children safe.\n        topics: [safety]\n";
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  test::TempDir a, b;
  test::write_minimal_content(a);
  test::write_minimal_content(b);
  a.write("content/models/m1/sections/01-first.yaml", lf);
  b.write("content/models/m1/sections/01-first.yaml", crlf);
  Diagnostics da, db;
  const Site sa = load_site(a.path() / "content", da), sb = load_site(b.path() / "content", db);
  CHECK(formatted(db).empty());
  REQUIRE(sb.models.size() == 1);
  const Section& x = sa.models[0].sections[0];
  const Section& y = sb.models[0].sections[0];
  CHECK(y.summary.source == x.summary.source);
  CHECK(y.summary.source == "Two\nlines\n");
  CHECK(y.blocks[0].items[0].text.source == "Keep children safe.");
  CHECK(y.blocks[0].items[0].text.where.line == x.blocks[0].items[0].text.where.line);
  CHECK(y.blocks[0].items[0].text.where.column == x.blocks[0].items[0].text.where.column);
  // Lone carriage returns (old Mac editors), and the three kinds of line end mixed in one file.
  std::string cr, mixed;
  int n = 0;
  for (char c : lf) {
    cr += c == '\n' ? '\r' : c;
    mixed += c != '\n' ? std::string(1, c) : ++n % 3 == 0 ? "\n" : n % 3 == 1 ? "\r\n" : "\r";
  }
  for (const std::string& bytes : {cr, mixed}) {
    test::TempDir d;
    test::write_minimal_content(d);
    d.write("content/models/m1/sections/01-first.yaml", bytes);
    Diagnostics dd;
    const Site sd = load_site(d.path() / "content", dd);
    CHECK(formatted(dd).empty());
    REQUIRE(sd.models.size() == 1);
    const Section& z = sd.models[0].sections[0];
    CHECK(z.summary.source == "Two\nlines\n");
    CHECK(z.blocks[0].items[0].text.where.line == x.blocks[0].items[0].text.where.line);
  }
}

TEST_CASE("a topic listed many times counts once, with one warning") {
  std::string topics = "[safety";
  for (int i = 0; i < 5000; ++i) topics += ", safety";
  auto out = diagnostics_for_section("id: first\ntitle: First\nblocks:\n  - kind: principles\n    items:\n"
                                     "      - text: A\n        topics: " + topics + "]\n");
  REQUIRE(out.size() == 1);
  INFO(out[0]);
  CHECK(out[0].starts_with("models/m1/sections/01-first.yaml:7:17: warning: 5000 repeated topics ignored"));
}

TEST_CASE("YAML values: nulls, quoted text, aliases, and only the first document") {
  Diagnostics diags;
  auto file = std::make_shared<const std::string>("v.yaml");
  auto root = parse_yaml("a: ~\nb:\nc: 'null'\nd: &x [one, \"two\"]\ne: *x\n---\nf: later\n", file, diags);
  REQUIRE(root);
  CHECK(diags.error_count() == 0);
  // The second document is not read, and the file's author is told so where it starts.
  CHECK(test::formatted(diags) == std::vector<std::string>{
      "v.yaml:6:1: warning: a second YAML document (after a '---' line) is not read\n"
      "  hint: a source file holds one document: remove the '---' line, or move what follows into a file of its own"});
  REQUIRE(root->entries.size() == 5);
  CHECK(root->entries[0].value.is_null());
  CHECK(root->entries[1].value.is_null());
  CHECK(root->entries[2].value.is_scalar());  // quoted: text, never null
  CHECK(root->entries[2].value.quoted);
  CHECK(root->entries[2].value.scalar == "null");
  REQUIRE(root->entries[4].value.items.size() == 2);
  CHECK(root->entries[4].value.items[1].scalar == "two");
  CHECK(root->entries[4].value.where.line == 5);  // the alias is where it is written
  CHECK(root->entries[3].value.items[1].where.column == 13);  // a quoted text starts at its quote

  Diagnostics d2;
  CHECK_FALSE(parse_yaml("a: *nowhere\n", file, d2).has_value());
  REQUIRE(d2.error_count() == 1);
  CHECK(format_diagnostic(d2.sorted()[0]) ==
        "v.yaml:1:4: error: invalid YAML: the alias *nowhere names no anchor\n"
        "  hint: define the anchor (&name) before the alias, or write the value out");
}

TEST_CASE("plain YAML text reads as written, on one line or folded over several") {
  Diagnostics diags;
  auto file = std::make_shared<const std::string>("p.yaml");
  const std::string yaml =
      "a: social worker   # a comment after spaces\n"
      "b: [ one , two words ,three]\n"
      "c: a:b, it's 100% ok\n"
      "d: { k: v w }\n"
      "e: tab\there\n"
      "f: first line\n"
      "   second line\n"
      "\n"
      "   after a blank\n"
      "g: caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve\n"
      "h: \"quoted \\u00e9\"\n"
      "i: 'it''s'\n";
  auto root = parse_yaml(yaml, file, diags);
  REQUIRE(root);
  CHECK(diags.error_count() == 0);
  REQUIRE(root->entries.size() == 9);
  auto value = [&](std::size_t i) { return root->entries[i].value; };
  CHECK(value(0).scalar == "social worker");
  REQUIRE(value(1).items.size() == 3);
  CHECK(value(1).items[0].scalar == "one");
  CHECK(value(1).items[1].scalar == "two words");
  CHECK(value(1).items[2].scalar == "three");
  CHECK(value(2).scalar == "a:b, it's 100% ok");
  REQUIRE(value(3).entries.size() == 1);
  CHECK(value(3).entries[0].value.scalar == "v w");
  CHECK(value(4).scalar == "tab\there");
  CHECK(value(5).scalar == "first line second line\nafter a blank");  // folded: a space, a blank line a break
  CHECK(value(6).scalar == "caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve");
  CHECK(value(7).scalar == "quoted \xC3\xA9");
  CHECK(value(8).scalar == "it's");
  CHECK(value(1).items[1].where.column == 12);
  // The last value of a file with no line break at its end; a document that is one plain text.
  Diagnostics d2;
  auto last = parse_yaml("a: b\nz: the end  ", file, d2);
  REQUIRE(last);
  CHECK(last->entries.back().value.scalar == "the end");
  auto only = parse_yaml("  just text", file, d2);
  REQUIRE(only);
  CHECK(only->scalar == "just text");
  CHECK(d2.error_count() == 0);
}

TEST_CASE("an actions block's statement ids derive from its role's id, however the block spells the role") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  dir.write("content/roles.yaml",
            "roles:\n  - id: worker\n    title: Worker\n    aliases: [caseworker, Social Worker]\n"
            "  - id: supervisor\n    title: Supervisor\n");
  dir.write("content/models/m1/sections/01-first.yaml",
            "id: first\ntitle: First value\nblocks:\n"
            "  - kind: actions\n    role: Social Worker\n    items:\n      - text: Visit the family.\n        topics: [safety]\n"
            "  - kind: actions\n    role: caseworker\n    items:\n      - text: Call the family.\n        topics: [safety]\n"
            "  - kind: actions\n    role: Supervisor\n    items:\n      - text: Review the plan.\n        topics: [safety]\n");
  Diagnostics diags;
  const Site site = load_site(dir.path() / "content", diags);
  REQUIRE(site.models.size() == 1);
  const auto& blocks = site.models[0].sections[0].blocks;
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].items[0].id == "worker-1");    // not social-worker-1
  CHECK(blocks[1].items[0].id == "worker-b-1");  // the role's second block, not caseworker-1
  CHECK(blocks[2].items[0].id == "supervisor-1");
}
