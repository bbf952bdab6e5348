// Addresses from the sources pass an allow-list of schemes, and the site loads nothing from outside
// unless site.yaml allows outside images: each refusal is an error at the file and line.
#include <doctest/doctest.h>

#include "content/read_content.hpp"
#include "link/linked_site.hpp"
#include "test_support.hpp"

using namespace pb;

namespace {

// Every diagnostic of reading and linking a content folder, with paths relative to it.
std::vector<std::string> problems(const test::TempDir& dir) {
  Diagnostics diags;
  ContentResult content = read_content({dir.path() / "content", ""}, diags);
  if (content.site) link_site(content.site, diags);
  std::vector<std::string> out;
  const std::string prefix = (dir.path() / "content").generic_string() + "/";
  for (auto line : test::formatted(diags)) {
    if (line.starts_with(prefix)) line = line.substr(prefix.size());
    out.push_back(line.substr(0, line.find('\n')));
  }
  return out;
}

void section_with(const test::TempDir& dir, const std::string& statement) {
  dir.write("content/models/m1/sections/01-first.yaml",
            "id: first\ntitle: First value\nblocks:\n  - kind: principles\n    items:\n      - text: '" + statement +
                "'\n        topics: [safety]\n");
}

}  // namespace

TEST_CASE("edit_url and base_url must be web addresses") {
  for (const char* bad : {"javascript:alert(document.cookie)", "JAVASCRIPT:x", "data:text/html,x", "vbscript:x",
                          "mailto:a@b.org", "../relative"}) {
    CAPTURE(bad);
    test::TempDir dir;
    test::write_minimal_content(dir);
    dir.write("content/site.yaml", std::string("title: Test site\nedit_url: \"") + bad + "\"\n");
    const auto out = problems(dir);
    REQUIRE(out.size() == 1);
    CHECK(out[0] == std::string("site.yaml:2:11: error: 'edit_url' must be an http or https address, not '") + bad + "'");
  }
  test::TempDir ok;
  test::write_minimal_content(ok);
  ok.write("content/site.yaml", "title: T\nedit_url: https://git.example.org/edit/\nbase_url: HTTP://example.org/\n");
  CHECK(problems(ok).empty());
}

TEST_CASE("Markdown links with a disallowed scheme are errors, in any letter case") {
  for (const char* link : {"javascript:alert(1)", "JavaScript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4="}) {
    CAPTURE(link);
    test::TempDir dir;
    test::write_minimal_content(dir);
    section_with(dir, std::string("Keep [children](") + link + ") safe.");
    const auto out = problems(dir);
    REQUIRE(out.size() == 1);
    CHECK(out[0].starts_with("models/m1/sections/01-first.yaml:6:15: error: this statement has a link to '"));
    CHECK(out[0].ends_with("' is not allowed"));
  }
  test::TempDir ok;
  test::write_minimal_content(ok);
  section_with(ok, "See [the law](https://law.example.org), [us](mailto:a@b.org) and [value 2](../second/index.html).");
  CHECK(problems(ok).empty());
}

TEST_CASE("an image from outside the site is an error unless site.yaml allows outside images") {
  test::TempDir dir;
  test::write_minimal_content(dir);
  section_with(dir, "Logo ![](https://tracker.example.org/pixel.png) and ![local](../../assets/logo.png).");
  const auto out = problems(dir);
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "models/m1/sections/01-first.yaml:6:15: error: this statement shows an image from outside the site: "
                  "'https://tracker.example.org/pixel.png'");
  dir.write("content/site.yaml", "title: Test site\nallow_outside_images: true\n");
  CHECK(problems(dir).empty());
  section_with(dir, "![x](javascript:alert(1))");
  REQUIRE(problems(dir).size() == 1);
  CHECK(problems(dir)[0].find("has an image to 'javascript:alert(1)': its scheme 'javascript:' is not allowed") !=
        std::string::npos);
}
