#include <doctest/doctest.h>

#include "core/utf8.hpp"

using pb::find_utf8_problem;

namespace {
std::string what(std::string_view text) {
  const auto p = find_utf8_problem(text);
  return p ? std::to_string(p->offset) + ": " + p->what : "ok";
}
}  // namespace

TEST_CASE("valid UTF-8 passes: letters, signs, emoji, tabs and line ends") {
  CHECK(what("Do I engage families? — “yes” · ™ ® é 日本 🙂\t\r\n") == "ok");
  CHECK(what("") == "ok");
}

TEST_CASE("every kind of bad byte is found and named, at its offset") {
  CHECK(what("smart \x93quote\x94") == "6: byte 0x93 is not valid UTF-8");           // Windows-1252
  CHECK(what("caf\xE9 au lait") == "3: byte 0xE9 is not valid UTF-8 (it is not followed by continuation bytes)");
  CHECK(what("\xFF\xFEt\0e\0") == "0: the file is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8");
  CHECK(what("x\xC0\xAF") == "1: byte 0xC0 starts an overlong UTF-8 form");
  CHECK(what("x\xE0\x80\xAF") == "1: bytes 0xE0 0x80 0xAF are an overlong UTF-8 form");
  CHECK(what("x\xED\xA0\x80") == "1: bytes 0xED 0xA0 0x80 encode a UTF-16 surrogate, which UTF-8 does not allow");
  CHECK(what("ok \xFF") == "3: byte 0xFF is not valid UTF-8");
  CHECK(what(std::string_view("a\0b", 3)) == "1: a NUL byte (0x00)");
  CHECK(what("bell\x07") == "4: a control character (U+0007)");
  CHECK(what("form\ffeed") == "4: a control character (U+000C)");
  CHECK(what("c1 \xC2\x80") == "3: a control character (U+0080)");
  CHECK(what("cut \xE2\x80") == "4: 0xE2 0x80 is a UTF-8 sequence cut short");
  CHECK(what("big \xF4\x90\x80\x80") == "4: bytes 0xF4 0x90 0x80 0x80 are beyond Unicode");
}

TEST_CASE("every bad byte of a text is found in one pass, each once, up to a limit") {
  const auto problems = pb::find_utf8_problems("a \x93quoted\x94 caf\xE9 and NEL\xC2\x85 end", 20);
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].offset == 2);
  CHECK(problems[1].what == "byte 0x94 is not valid UTF-8");
  CHECK(problems[2].offset == 14);
  CHECK(problems[3].what == "a control character (U+0085)");  // NEL is a C1 control like the others
  // A sequence cut short is one problem, not one more for each continuation byte after its lead.
  CHECK(pb::find_utf8_problems("x\xE2\x80 y \x93", 20).size() == 2);
  CHECK(pb::find_utf8_problems(std::string(50, '\x93'), 20).size() == 20);
  CHECK(pb::find_utf8_problems("\xFF\xFEt\0e\0 \x93", 20).size() == 1);  // UTF-16: said once
  CHECK(pb::find_utf8_problems("all good — “fine”", 20).empty());
}
