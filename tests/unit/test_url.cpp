#include <doctest/doctest.h>

#include "core/url.hpp"

using pb::check_url;
using pb::UrlKind;

TEST_CASE("http, https, mailto and relative addresses are allowed") {
  CHECK(check_url("https://dhs.arkansas.gov/x") .kind == UrlKind::web);
  CHECK(check_url("HTTP://example.org").kind == UrlKind::web);
  CHECK(check_url("//cdn.example.org/x.png").kind == UrlKind::web);
  CHECK(check_url("mailto:policy@example.org").kind == UrlKind::mailto);
  CHECK(check_url("../glossary/index.html#x").kind == UrlKind::relative);
  CHECK(check_url("#worker-1").kind == UrlKind::relative);
  CHECK(check_url("page?a=b:c").kind == UrlKind::relative);
  CHECK(check_url("").kind == UrlKind::relative);
}

TEST_CASE("every other scheme is refused, in any letter case and with whitespace tricks") {
  for (const char* bad : {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "java\tscript:x",
                          "java\nscript:x", "\x01javascript:x", "vbscript:msgbox", "VBScript:x",
                          "data:text/html;base64,PHNjcmlwdD4=", "DATA:image/png;base64,xx", "file:///etc/passwd",
                          "jav&#x61;script:x"}) {
    CAPTURE(bad);
    const auto c = check_url(bad);
    if (std::string_view(bad).starts_with("jav&")) {
      CHECK(c.kind == UrlKind::relative);  // not a scheme at all; Markdown decodes entities before we see it
      continue;
    }
    CHECK_FALSE(c.kind.has_value());
  }
  CHECK(check_url("JavaScript:alert(1)").scheme == "javascript");
}

TEST_CASE("base_url and edit_url must be absolute web addresses") {
  CHECK(pb::is_absolute_web_address("https://example.org/"));
  CHECK(pb::is_absolute_web_address("HTTP://example.org"));
  CHECK_FALSE(pb::is_absolute_web_address("//example.org"));
  CHECK_FALSE(pb::is_absolute_web_address("mailto:a@b.org"));
  CHECK_FALSE(pb::is_absolute_web_address("../site"));
  CHECK_FALSE(pb::is_absolute_web_address("javascript:x"));
}
