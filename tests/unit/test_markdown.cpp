#include <doctest/doctest.h>

#include "link/markdown.hpp"
#include "link/markdown_limits.hpp"

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

TEST_CASE("shapes that make cmark-gfm slow are refused before parsing, with the reason") {
  using pb::markdown_too_complex;
  CHECK_FALSE(markdown_too_complex("Do I [link](x) with **emphasis**, `code` and a | table | ?"));
  CHECK(markdown_too_complex(std::string(40, '[') + "x" + std::string(40, ']')) == "brackets nested 40 (at most 32)");
  CHECK(markdown_too_complex(std::string(3000, '[') + std::string(3000, ']')).has_value());
  std::string cdata;
  for (int i = 0; i < 1000; ++i) cdata += "<![CDATA[ ";
  CHECK(markdown_too_complex(cdata) == "HTML comment, CDATA or declaration openers (<!, <?): 1000 (at most 64)");
  std::string wide = "|";
  for (int i = 0; i < 50000; ++i) wide += " a |";
  CHECK(markdown_too_complex(wide) == "table columns: 50001 (at most 128)");
  std::string tall = "|a|b|c|d|\n|-|-|-|-|\n";
  for (int i = 0; i < 25000; ++i) tall += "|1|2|3|4|\n";
  CHECK(markdown_too_complex(tall) == "table cells: 125010 (at most 100000)");
  CHECK(markdown_too_complex(std::string(100, '>') + " deep") == "quotes or lists nested 100 (at most 32)");
  CHECK(markdown_too_complex(std::string(300 * 1024, 'a')) == "the text is too long: 307200 (at most 262144)");
  CHECK(markdown_too_complex(std::string(30000, '*')).has_value());
  // Escaped brackets are text, not nesting.
  std::string escaped;
  for (int i = 0; i < 40; ++i) escaped += "\\[";
  CHECK_FALSE(markdown_too_complex(escaped));
}
