// The JSON writer against nlohmann's dump(), the text the files had before it: the same bytes for
// every kind of value, every byte that needs an escape, and random trees; the same exception for
// text that is not UTF-8.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "views/json_text.hpp"

using namespace pb;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

template <typename Json>
void check_same(const Json& j) {
  for (int indent : {-1, 0, 2, 4}) {
    CAPTURE(indent);
    CHECK(json_text(j, indent) == j.dump(indent));
  }
}

// Text of 0 to 12 pieces: plain words, every ASCII byte, two- to four-byte UTF-8, and runs of the
// characters that need escapes, so runs of plain bytes start and end next to them.
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"plain words ", "\"", "\\", "\n", "\t", "\r", "\b", "\f",
                                                  std::string(1, '\0'), "\x01", "\x1f", "\x7f", "/", "é", "—",
                                                  "\xF0\x9F\x98\x80", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF", "<a href='x'>"};
  std::string s;
  for (int n = static_cast<int>(rng() % 13); n > 0; --n) s += pieces[rng() % pieces.size()];
  return s;
}

template <typename Json>
Json random_tree(std::mt19937& rng, int depth) {
  switch (depth > 3 ? rng() % 6 : rng() % 8) {
    case 0: return Json(random_text(rng));
    case 1: return Json(static_cast<std::int64_t>(rng()) - (1ll << 31));
    case 2: return Json(static_cast<std::uint64_t>(rng()) << 20);
    case 3: return Json(rng() % 2 == 0);
    case 4: return Json(nullptr);
    case 5: return Json(static_cast<double>(rng() % 100000) / 7.0);
    case 6: {
      Json a = Json::array();
      for (int n = static_cast<int>(rng() % 4); n > 0; --n) a.push_back(random_tree<Json>(rng, depth + 1));
      return a;
    }
    default: {
      Json o = Json::object();
      for (int n = static_cast<int>(rng() % 4); n > 0; --n) o[random_text(rng)] = random_tree<Json>(rng, depth + 1);
      return o;
    }
  }
}

}  // namespace

TEST_CASE("json_text writes what dump() writes for each kind of value") {
  check_same(json::object());
  check_same(json::array());
  check_same(json(""));
  check_same(json(0));
  check_same(json(-9223372036854775807ll - 1));
  check_same(json(18446744073709551615ull));
  check_same(json(0.1));
  check_same(json(1e300));
  check_same(json(-2.5));
  check_same(json(true));
  check_same(json(nullptr));
  check_same(json{{"b", 1}, {"a", json::array({1, "x", json::object(), json::array()})}, {"c", {{"d", nullptr}}}});
  check_same(ordered_json{{"z", 1}, {"a", {{"y", "text"}, {"b", ordered_json::array({true, false})}}}});
}

TEST_CASE("json_text escapes every byte below 0x20, quotes and backslashes as dump() does, and keeps UTF-8") {
  std::string every_byte;
  for (int c = 1; c < 0x80; ++c) every_byte += static_cast<char>(c);
  every_byte += std::string(1, '\0') + "é—\xF0\x9F\x98\x80";
  check_same(json(every_byte));
  check_same(json{{every_byte, every_byte}});
  // Spelled out, so the test does not rest on dump() alone.
  CHECK(json_text(json("a\"b\\c\n\x01\x7f é")) == "\"a\\\"b\\\\c\\n\\u0001\x7f é\"");
}

TEST_CASE("json_string_size_bound is the size of plain text quoted, and never below what is written") {
  CHECK(json_string_size_bound("") == 2);
  CHECK(json_string_size_bound("Do I engage families?") == 23);
  CHECK(json_string_size_bound("é—") == std::string("\"é—\"").size());
  CHECK(json_string_size_bound("\x01") == 8);  // "\u0001", the longest escape
  std::mt19937 rng(5);
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    for (int n = static_cast<int>(rng() % 40); n > 0; --n) text += static_cast<char>(rng() % 0x80);  // ASCII, controls included
    CAPTURE(text);
    std::string written;
    append_json_string(written, text);
    CHECK(written.size() <= json_string_size_bound(text));
  }
}

TEST_CASE("json_text matches dump() on random trees") {
  std::mt19937 rng(17);
  for (int i = 0; i < 400; ++i) {
    CAPTURE(i);
    check_same(random_tree<json>(rng, 0));
    check_same(random_tree<ordered_json>(rng, 0));
  }
}

TEST_CASE("json_text throws dump()'s error for text that is not UTF-8") {
  // A lone continuation byte, a cut-short sequence, an overlong form, a surrogate, beyond U+10FFFF.
  for (const std::string bad : {"a\x80", "ab\xC3", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80"}) {
    CAPTURE(bad);
    std::string expected;
    try {
      (void)json(bad).dump();
    } catch (const json::type_error& e) {
      expected = e.what();
    }
    REQUIRE_FALSE(expected.empty());
    CHECK_THROWS_WITH_AS(json_text(json{{"key", bad}}), expected.c_str(), json::type_error);
    CHECK_THROWS_AS(json_text(json{{bad, 1}}), json::type_error);
  }
}

TEST_CASE("json_text finds a byte to escape at any place in a long text") {
  // Texts are read sixteen bytes at a step where the processor allows: a special byte at every
  // offset of the first three steps, and texts of every length up to them.
  for (const std::string special : {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "é", "\xF0\x9F\x98\x80"}) {
    for (std::size_t at = 0; at < 48; ++at) {
      CAPTURE(at);
      const std::string text = std::string(at, 'a') + special + std::string(20, 'b') + special;
      CHECK(json_text(json(text)) == json(text).dump());
    }
  }
  for (std::size_t length = 0; length < 50; ++length) CHECK(json_text(json(std::string(length, 'x'))) == json(std::string(length, 'x')).dump());
  CHECK_THROWS_AS(json_text(json(std::string(37, 'a') + "\x80")), json::type_error);
}

namespace {

// Objects, arrays (empty ones too), text, flags, null and whole numbers: what JsonWriter writes.
ordered_json writable_tree(std::mt19937& rng, int depth) {
  switch (depth > 3 ? rng() % 5 : rng() % 7) {
    case 0: return random_text(rng);
    case 1: return static_cast<int>(rng() % 2000) - 1000;
    case 2: return rng() % 2 == 0;
    case 3: return nullptr;
    case 4: return std::vector<std::string>(rng() % 3, "topic");
    case 5: {
      ordered_json a = ordered_json::array();
      for (int n = static_cast<int>(rng() % 4); n > 0; --n) a.push_back(writable_tree(rng, depth + 1));
      return a;
    }
    default: {
      ordered_json o = ordered_json::object();
      for (int n = static_cast<int>(rng() % 4); n > 0; --n) o[random_text(rng)] = writable_tree(rng, depth + 1);
      return o;
    }
  }
}

}  // namespace

TEST_CASE("JsonWriter writes what dump() writes of the same tree") {
  std::mt19937 rng(23);
  for (int i = 0; i < 400; ++i) {
    const ordered_json tree = writable_tree(rng, 0);
    for (int indent : {-1, 0, 2}) {
      CAPTURE(i);
      CAPTURE(indent);
      std::string out;
      JsonWriter w(out, indent);
      write_json(w, tree);
      CHECK(out == tree.dump(indent));
    }
  }
  // Spelled out once: members, an empty array and object, a list of texts.
  std::string out;
  JsonWriter(out, 2).begin_object().member("a", 1).member("b", std::vector<std::string>{"x"}).key("c").begin_array().end_array()
      .key("d").begin_object().end_object().end_object();
  CHECK(out == "{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ],\n  \"c\": [],\n  \"d\": {}\n}");
}
