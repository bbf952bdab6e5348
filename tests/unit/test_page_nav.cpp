// The section pills of the phone navigation: short titles, given or derived.
#include <doctest/doctest.h>

#include "views/page_nav.hpp"

using namespace pb;

namespace {
Section section(std::string title, std::string short_title = {}) {
  Section s;
  s.title = std::move(title);
  s.short_title = std::move(short_title);
  return s;
}
}  // namespace

TEST_CASE("a section's pill uses its short_title when the content gives one") {
  CHECK(pill_title(section("We believe that all children and communities deserve to be safe.", "Safety")) == "Safety");
}

TEST_CASE("a short title is derived: the title up to its first comma, else whole words that fit") {
  CHECK(pill_title(section("Child Safety, First and Foremost")) == "Child Safety");
  CHECK(pill_title(section("Practice Model Goals")) == "Practice Model Goals");
  // 24 characters at most, cut at a word, with no small word left at the end.
  CHECK(pill_title(section("Relationships with Children, Youth, and Families Are the Foundation")) == "Relationships\u2026");
  CHECK(pill_title(section("Parents Have the Right and Responsibility to Raise Their Own Children")) == "Parents Have the Right\u2026");
  CHECK(pill_title(section("We believe that all children and communities deserve to be safe.")) == "We believe that all\u2026");
}
