#include <doctest/doctest.h>

#include "link/markdown.hpp"

using pb::MarkdownRenderer;

TEST_CASE("raw HTML is dropped by default") {
  MarkdownRenderer md;
  const std::string html = md.block("Hello <script>alert(1)</script> world\n\n<div onclick=x>block</div>\n");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<div") == std::string::npos);
  CHECK(html.find("Hello") != std::string::npos);
}

TEST_CASE("javascript: links are neutralised in safe mode") {
  MarkdownRenderer md;
  CHECK(md.inline_html("[x](javascript:alert(1))").find("javascript:") == std::string::npos);
}

TEST_CASE("allow_html keeps raw HTML, but the tag filter still disarms <script>") {
  MarkdownRenderer md(true);
  CHECK(md.block("<span class=\"x\">kept</span>").find("<span class=\"x\">") != std::string::npos);
  CHECK(md.block("<script>alert(1)</script>").find("<script>") == std::string::npos);
}

TEST_CASE("inline Markdown loses its paragraph wrapper") {
  MarkdownRenderer md;
  CHECK(md.inline_html("Use *SafeMeasures®* & SDM") == "Use <em>SafeMeasures®</em> &amp; SDM");
  CHECK(md.block("One.\n\nTwo.") == "<p>One.</p>\n<p>Two.</p>");
}

TEST_CASE("quotes and apostrophes are kept as written") {
  MarkdownRenderer md;
  CHECK(md.inline_html("the family's \"voice\" and “tried out”") == "the family's &quot;voice&quot; and “tried out”");
}
