// Page data in the template engine's form: what each kind of value becomes, and lists and objects
// that keep every value through growth, replacement and repeated keys.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "views/page_data.hpp"

using namespace pb;

TEST_CASE("values: text prints, empty text is false, numbers are decimal text, flags stay flags") {
  const std::string title = "Value 1";
  const Data d = object("title", title, "empty", std::string(), "literal", "", "count", std::size_t{42},
                        "negative", -3, "flag", true, "off", false, "aliases", std::vector<std::string>{"CPS", ""});
  const nlohmann::json j = to_json(d);
  CHECK(j["title"] == "Value 1");
  CHECK(title == "Value 1");  // an lvalue is copied, not moved from
  CHECK(j["empty"] == false);
  CHECK(j["literal"] == false);
  CHECK(j["count"] == "42");
  CHECK(j["negative"] == "-3");
  CHECK(j["flag"] == true);
  CHECK(j["off"] == false);
  CHECK(j["aliases"] == nlohmann::json::array({"CPS", false}));
  Data texts = list();
  push(texts, "");
  push(texts, "x");
  CHECK(items(texts)[0].is_false());
  CHECK(items(texts)[1].string_value() == "x");
}

TEST_CASE("object(): the first of two equal keys wins, as in a JSON brace list") {
  const Data d = object("id", "first", "id", "second", "other", 1);
  CHECK(to_json(d) == nlohmann::json{{"id", "first"}, {"other", "1"}});
}

TEST_CASE("set() replaces a member; text_of, flag and present read members back") {
  Data d = object("heading", "Values", "shown", true, "none", list(), "blank", "");
  set(d, "heading", "Principles");
  set(d, "added", object("title", "T"));
  CHECK(text_of(d, "heading") == "Principles");
  CHECK(text_of(d, "blank", "fallback") == "");  // there, but empty
  CHECK(text_of(d, "absent", "fallback") == "fallback");
  CHECK(flag(d, "shown"));
  CHECK_FALSE(flag(d, "heading"));
  CHECK(present(d, "added"));
  CHECK_FALSE(present(d, "none"));
  CHECK_FALSE(present(d, "blank"));
  CHECK(text_is(*get(d, "added"), "title", "T"));
  CHECK(items_at(d, "heading").empty());  // not a list
}

TEST_CASE("a list keeps every item, nested data included, however often it grows") {
  // kainjow's move constructor is not noexcept: push() must move items itself when the list grows.
  Data rows = list();
  for (int i = 0; i < 1000; ++i) {
    Data cells = list(2);
    push(cells, std::to_string(i));
    push(cells, object("n", i, "even", i % 2 == 0));
    push(rows, object("cells", std::move(cells)));
  }
  REQUIRE(items(rows).size() == 1000);
  const nlohmann::json j = to_json(rows);
  for (int i : {0, 1, 7, 8, 9, 511, 999}) {
    CHECK(j[i]["cells"][0] == std::to_string(i));
    CHECK(j[i]["cells"][1]["n"] == std::to_string(i));
    CHECK(j[i]["cells"][1]["even"] == (i % 2 == 0));
  }
}
