#include <doctest/doctest.h>

#include "core/text_util.hpp"
#include "link/urls.hpp"

using namespace pb;

TEST_CASE("ids") {
  CHECK(is_valid_id("ar-at-one-table-2023"));
  CHECK(is_valid_id("a"));
  CHECK_FALSE(is_valid_id(""));
  CHECK_FALSE(is_valid_id("Has-Caps"));
  CHECK_FALSE(is_valid_id("dot.dot"));
  CHECK_FALSE(is_valid_id("slash/"));
  CHECK_FALSE(is_valid_id("trailing-"));
}

TEST_CASE("did-you-mean stays quiet when nothing is close") {
  CHECK(closest_match("itmes", {"id", "items", "kind"}) == std::optional<std::string>("items"));
  CHECK(closest_match("supervsor", {"worker", "supervisor"}) == std::optional<std::string>("supervisor"));
  CHECK_FALSE(closest_match("colour", {"id", "items", "kind"}).has_value());
}

TEST_CASE("escaping") { CHECK(html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"); }

TEST_CASE("relative links") {
  CHECK(urls::relative("index.html", "models/x/index.html") == "models/x/index.html");
  CHECK(urls::relative("models/x/s/index.html", "models/x/index.html") == "../../../models/x/index.html");
  CHECK(urls::relative("models/x/s/index.html", "models/x/s/index.html#worker-1") == "#worker-1");
}

TEST_CASE("slugs for anchors made from names") {
  CHECK(slugify("New Mexico") == "new-mexico");
  CHECK(slugify("  Virginia's  model! ") == "virginia-s-model");
  CHECK(slugify("***") == "x");
}

TEST_CASE("text in a CSS string can end neither the string nor the style element") {
  CHECK(pb::css_string_literal("At One Table · 2023") == "\"At One Table · 2023\"");
  CHECK(pb::css_string_literal("a \"quoted\" \\ title") == "\"a \\\"quoted\\\" \\\\ title\"");
  // A form feed, newline or carriage return ends a CSS string: each becomes a hex escape.
  CHECK(pb::css_string_literal("x\fy\nz\r") == "\"x\\C y\\A z\\D \"");
  CHECK(pb::css_string_literal("</style><link href=//x>") == "\"\\3C /style\\3E \\3C link href=//x\\3E \"");
  CHECK(pb::css_string_literal(std::string("nul\0x", 5)) == "\"nul\\0 x\"");
}

TEST_CASE("first words: whole when short, else cut at a space and never inside a character") {
  CHECK(first_words("short text", 20) == "short text");
  CHECK(first_words("one two three four", 12) == "one two…");
  CHECK(first_words("abcdefghijklmnop", 8) == "abcdefgh…");    // no space in the second half: cut at the limit
  CHECK(first_words("a bcdefghijklmnop", 8) == "a bcdefg…");   // a space too early is not used
  CHECK(first_words("caf\xc3\xa9s caf\xc3\xa9s", 4) == "caf…");  // 'é' is two bytes: not split
}
