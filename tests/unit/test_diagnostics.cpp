#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "core/diagnostics.hpp"
#include "test_support.hpp"

using namespace pb;

TEST_CASE("a file with thousands of problems shows its first hundred, then how many more") {
  Diagnostics diags;
  auto file = std::make_shared<const std::string>("content/models/x/sections/01-a.yaml");
  std::vector<int> lines(1000);
  for (int i = 0; i < 1000; ++i) lines[i] = i + 1;
  std::shuffle(lines.begin(), lines.end(), std::mt19937(7));  // as threads might report them
  for (int line : lines)
    if (line % 10 == 0) diags.error(location_in(file, line, 3), "an error");
    else diags.warning(location_in(file, line, 3), "statement has no topics");
  diags.error(location_in(std::make_shared<const std::string>("content/site.yaml"), 2, 1), "another file");
  CHECK(diags.error_count() == 101);
  CHECK(diags.warning_count() == 900);
  const auto shown = test::formatted(diags);
  REQUIRE(shown.size() == 100 + 1 + 1);
  CHECK(shown[0].starts_with("content/models/x/sections/01-a.yaml:1:3: warning: statement has no topics"));
  CHECK(shown[99].starts_with("content/models/x/sections/01-a.yaml:100:3: error: an error"));
  CHECK(shown[100] ==
        "content/models/x/sections/01-a.yaml: error: and 90 more errors and 810 more warnings in this file\n"
        "  hint: only the first 100 of a file are shown; fix these and run again");
  CHECK(shown[101].starts_with("content/site.yaml:2:1: error: another file"));
  diags.promote_warnings();
  CHECK(diags.error_count() == 1001);
  CHECK(test::formatted(diags)[100].starts_with(
      "content/models/x/sections/01-a.yaml: error: and 900 more errors and 0 more warnings in this file"));
}
